/**
 * The page a slide writer draws on (src/pptx/writers/): the deck's words, sizes and colours, and the parts
 * slides are made of: paragraphs, headings, people, chips, the title and its rule, the body that flows
 * under it, the report's gap notes and the footer.
 */
import type { Deck, Fact, Item, PersonView, Slide, SlideKind } from '../deck/model.js';
import { writeDigits } from '../deck/numbers.js';
import type { Rich } from '../deck/text.js';
import { FRAME, linesFor, type Palette, paletteOf, TYPE, textWidth } from './look.js';
import { parasHeight, type SlideShapes } from './shapes.js';
import { breakableList, type Para, type ParaStyle, type Span, type SpanStyle, span, spans, unbroken } from './text.js';

/** A logo of the deck's folder, read for the title slide. */
export interface LogoImage {
  bytes: Uint8Array;
  ext: string;
  width: number;
  height: number;
}

/** The width between the frame's sides, and the top of the footer. */
export const WIDTH = 1280 - 2 * FRAME.side;
export const FOOTER_TOP = 720 - FRAME.footer;
/** Room between two parts of a line (a name and a role, a label and its value): an em space. */
/** The space above people without a part after a labelled group (the deck's rule and space, .block.unlabelled). */
const UNLABELLED_SPACE = 34;

export const GAP = '\u2003';

/** What draws one kind's slide: its typed body, on the page. */
export type Writer<K extends SlideKind> = (slide: Extract<Slide, { kind: K }>, page: Page) => void;

/** The parts slides are made of, in the deck's words, sizes and colours. */
export class Page {
  constructor(
    readonly s: SlideShapes,
    readonly deck: Deck,
    readonly slide: Slide,
    readonly logo: (src: string) => LogoImage | undefined,
  ) {}

  get dir() {
    return this.deck.dir;
  }

  /** The deck's colours (its theme's). */
  get color(): Palette {
    this.palette ??= paletteOf(this.deck);
    return this.palette;
  }

  private palette: Palette | undefined;

  /** Body type: a step smaller where the brief allows shrinking (shrink_to_fit), a step larger where the fit stage set it so. */
  get body(): number {
    return this.slide.smaller ? TYPE.smaller : this.slide.larger ? TYPE.larger : TYPE.body;
  }

  line(size: number): number {
    return size * (this.slide.smaller ? 1.55 : TYPE.line);
  }

  rich(text: Rich, style: SpanStyle): Span[] {
    return spans(text, style, this.dir);
  }

  plain(text: string, style: SpanStyle): Span {
    return span(text, style, this.deck.lang);
  }

  para(content: Span[], style: Partial<ParaStyle> & { size?: number } = {}): Para {
    const { size, ...rest } = style;
    return { spans: content, style: { line: this.line(size ?? content[0]?.style.size ?? this.body), ...rest, ...(size ? { size } : {}) } };
  }

  /** A citation as the slide shows it: small, muted, after the text, never broken inside. */
  cite(cite: string | null, size: number = TYPE.cite): Span[] {
    // Joined to the text's last word by a no-break space: never a line of its own under the text.
    return cite ? [this.plain('\u00A0', { size }), this.plain(unbroken(cite), { size, color: this.color.muted })] : [];
  }

  lead(text: Rich): Para {
    const size = this.slide.smaller ? TYPE.smaller : TYPE.lead;
    return this.para(this.rich(text, { size }), { after: 12 });
  }

  h3(label: string): Para {
    return this.para([this.plain(label, { size: TYPE.h3, bold: true, color: this.color.accent })], { line: TYPE.h3 * 1.4, before: 14, after: 6 });
  }

  side(text: Rich): Para {
    return this.para(this.rich(text, { size: this.body, color: this.color.muted }), { after: 14 });
  }

  bullet(item: Item, after = 12): Para {
    const size = this.body;
    return this.para([...this.rich(item.text, { size }), ...this.cite(item.cite)], {
      after,
      indent: 34,
      bullet: { char: '■', color: this.color.accent },
    });
  }

  /** A person's line: title, name (and its Latin form), role, citation. */
  personSpans(p: PersonView, titleAsName = false): Span[] {
    const size = this.body;
    const name = { size, bold: true, color: this.color.navy };
    return [
      ...(p.title ? [...this.rich(p.title, titleAsName ? name : { size, color: this.color.muted }), this.plain(' ', { size })] : []),
      ...this.rich(p.primary, name),
      ...(p.latin ? [this.plain(' ', { size }), ...this.rich(p.latin, name)] : []),
      ...(p.secondary ? [this.plain(GAP, { size }), ...this.rich(p.secondary, { size })] : []),
    ];
  }

  person(p: PersonView): Para {
    return this.para([...this.personSpans(p), ...this.cite(p.cite)], { before: 10, after: 10 });
  }

  /** Each person's line, and beneath it what they said when that is one short point with no slide of its own. */
  people(people: readonly PersonView[]): Para[] {
    return people.flatMap((p) => {
      const line = this.person(p);
      return p.said ? [{ ...line, style: { ...line.style, after: 2 } }, this.bullet(p.said, 10)] : [line];
    });
  }

  /**
   * People under their parts' headings; people without a part, who have none, set apart from the group
   * above them by a wide space (the deck draws a rule), so they do not read as that group's.
   */
  groups(groups: readonly { label: string | null; people: PersonView[] }[]): Para[] {
    return groups.flatMap((g, i) => {
      const people = this.people(g.people);
      if (g.label === null && i > 0 && people[0]) people[0] = { ...people[0], style: { ...people[0].style, before: UNLABELLED_SPACE } };
      return [...(g.label === null ? [] : [this.h3(g.label)]), ...people];
    });
  }

  /**
   * Chips (themes, attendees) as a list: each its own bulleted paragraph with its citation beside it, as
   * PowerPoint lists them (the deck sets them as chips in a row; here each stays an item of its own).
   */
  chips(items: readonly Item[]): Para[] {
    const size = this.body;
    return items.map((it, i) =>
      this.para([...this.rich(it.text, { size, color: this.color.navy }), ...this.cite(it.cite, TYPE.chipCite)], {
        after: i === items.length - 1 ? 12 : 4,
        indent: 34,
        bullet: { char: '■', color: this.color.accent, size: 0.35 },
      }),
    );
  }

  /** A list inside a list's item (a topic's regions): a level deeper, in smaller type. */
  sublist(items: readonly Rich[], size: number): Para[] {
    return items.map((r, i) =>
      this.para(this.rich(r, { size, color: this.color.navy }), {
        line: size * 1.4,
        after: i === items.length - 1 ? 12 : 0,
        indent: 68,
        hang: 28,
        level: 1,
        bullet: { char: '–', color: this.color.accent, size: 1 },
      }),
    );
  }

  fact(f: Fact, size: number): Span[] {
    return [this.plain(f.label, { size, color: this.color.muted }), this.plain(GAP, { size }), ...this.rich(f.value, { size })];
  }

  /** The height of a note on the report's gaps (gap draws it), its type scaled by `k`. */
  gapHeight(item: Item, k = 1): number {
    return parasHeight([this.gapPara(item, k)], (WIDTH - 41) * ESTIMATE_MARGIN) + 20 * k;
  }

  private gapPara(item: Item, k: number): Para {
    // A slide set a step smaller sets its notes on the report's gaps smaller too, as the deck does.
    const size = this.slide.smaller ? Math.round(TYPE.gap * 0.85) : TYPE.gap;
    return scaled(
      [
        this.para(
          [
            this.plain(`${this.deck.labels.reportGap}:`, { size, bold: true }),
            this.plain(' ', { size }),
            ...this.rich(item.text, { size }),
            ...this.cite(item.cite),
          ],
          { size },
        ),
      ],
      k,
    )[0]!;
  }

  /** A note on the report's gap: a tinted box with an edge at its start, its type scaled by `k`; returns where it ends. */
  gap(item: Item, y: number, k = 1): number {
    const paras = [this.gapPara(item, k)];
    const h = this.gapHeight(item, k);
    const box = { x: FRAME.side, y, w: WIDTH, h };
    this.s.text('Note', box, paras, { fill: this.color.accentSoft, insets: [23, 10 * k, 18, 10 * k], anchor: 'ctr' });
    this.s.rect('Edge', { ...box, w: 5 }, this.color.accent);
    return y + h;
  }

  /** The title and its rule, the continuation chip at the end; returns where the body starts. */
  header(): number {
    const { slide } = this;
    const size = slide.smaller ? TYPE.smallerH2 : TYPE.h2;
    const line = size * TYPE.headingLine;
    const chip = slide.continuation;
    const chipW = chip ? textWidth(chip, TYPE.continuation) + 36 : 0;
    const titleW = WIDTH - (chip ? chipW + 20 : 0);
    const title = this.para(this.rich(slide.title, { size, bold: true, color: this.color.navy }), { line });
    const h = parasHeight([title], titleW);
    this.s.placeholder({ type: 'title' }, { x: FRAME.side, y: FRAME.top, w: titleW, h }, [title]);
    if (chip) {
      const chipH = TYPE.continuation * TYPE.line + 4;
      this.s.text(
        'Continuation',
        { x: FRAME.side + WIDTH - chipW, y: FRAME.top + (line - chipH) / 2 + 4, w: chipW, h: chipH },
        [this.para([this.plain(chip, { size: TYPE.continuation, color: this.color.accent })], { align: 'center' })],
        { fill: this.color.accentSoft, geometry: 'roundRect', anchor: 'ctr', nowrap: true },
      );
    }
    const rule = FRAME.top + h + FRAME.headerGap;
    this.s.rect('Rule', { x: FRAME.side, y: rule, w: WIDTH, h: FRAME.headerRule }, this.color.navy);
    return rule + FRAME.headerRule + FRAME.bodyGap;
  }

  /**
   * The body placeholder from `top` to the footer, holding these paragraphs, placed in its height as the
   * deck's body places them: two parts of the free space above, three below (by the estimate of their height).
   * Paragraphs the estimate finds too tall for the room are set smaller (fitted), never over the footer.
   */
  flow(top: number, paras: readonly Para[], bottom = FOOTER_TOP - 8): void {
    if (paras.length === 0) return;
    const set = fitted(paras, WIDTH, bottom - top);
    const free = Math.max(0, bottom - top - parasHeight(set, WIDTH));
    const y = top + free * 0.4;
    this.s.placeholder({ type: 'body', idx: 1 }, { x: FRAME.side, y, w: WIDTH, h: bottom - y }, set, { shrink: true });
  }

  /**
   * The body, ending with a list of short items (chips: themes, attendees). In the body placeholder with the
   * rest when it fits there in (nearly) its own type; otherwise the list is set in two or three columns under
   * the rest, as the deck sets chips side by side, each column a text box of bulleted paragraphs, filled one
   * after another from the inline start, rather than shrinking the whole body to a list's length.
   */
  flowWithList(top: number, paras: readonly Para[], list: readonly Para[], bottom = FOOTER_TOP - 8): void {
    const room = bottom - top;
    const all = [...paras, ...list];
    const whole = fitted(all, WIDTH, room);
    if (list.length < 4 || (whole[0]?.style.line ?? 0) >= (all[0]?.style.line ?? 0) * 0.85) {
      this.flow(top, all, bottom);
      return;
    }
    const layout = (n: number, k: number) => {
      const colW = (WIDTH - (n - 1) * COLUMN_GAP) / n;
      const per = Math.ceil(list.length / n);
      const columns = Array.from({ length: n }, (_, c) => scaled(list.slice(c * per, (c + 1) * per), k)).filter((c) => c.length > 0);
      const head = scaled(paras, k);
      const headH = parasHeight(head, WIDTH * ESTIMATE_MARGIN);
      const listH = Math.max(...columns.map((c) => parasHeight(c, colW * ESTIMATE_MARGIN)));
      return { colW, columns, head, headH, listH, total: headH + listH };
    };
    let n = 2;
    while (n < 3 && layout(n, 1).total > room) n++;
    let k = 1;
    while (k > MIN_SCALE && layout(n, k).total > room) k -= 0.05;
    const { colW, columns, head, headH, listH, total } = layout(n, Math.max(k, MIN_SCALE));
    let y = top + Math.max(0, room - total) * 0.4;
    if (head.length > 0) {
      this.s.placeholder({ type: 'body', idx: 1 }, { x: FRAME.side, y, w: WIDTH, h: headH }, head);
      y += headH;
    }
    columns.forEach((column, c) => {
      this.s.text('List', { x: FRAME.side + c * (colW + COLUMN_GAP), y, w: colW, h: Math.min(listH, bottom - y) }, column);
    });
  }

  /**
   * The organisation, the slide's citations and its number, under a rule, each in a box of its own as the
   * deck's footer sets them apart: the organisation at the start, then (at the end) the citations, then the
   * number. The number is PowerPoint's slide-number field (right when slides are moved), the total beside
   * it as text; the citations are never broken inside.
   */
  footer(): void {
    const size = TYPE.footer;
    const line = size * 1.2;
    const h = FRAME.footer - 1;
    this.s.rect('Footer rule', { x: 0, y: FOOTER_TOP, w: 1280, h: 1 }, this.color.rule);
    // The theme's logo before the organisation's name, 30 px high, as on the slide.
    const brand = this.deck.brand.footerLogo;
    const image = brand ? this.logo(brand.src) : undefined;
    let logoW = 0;
    if (brand && image) {
      logoW = Math.min(160, (image.width * 30) / image.height);
      this.s.picture({ x: FRAME.side, y: FOOTER_TOP + (FRAME.footer - 30) / 2, w: logoW, h: 30 }, image.bytes, image.ext, brand.alt);
      logoW += FOOTER_GAP;
    }
    // The number: the field, then "of 12" as text.
    const number = this.slide.number;
    const own = writeDigits(String(this.deck.slides.indexOf(this.slide) + 1), this.deck.digits);
    const total = number.startsWith(own) ? number.slice(own.length) : '';
    const numberStyle = { size, bold: true, color: this.color.navy };
    const numberW = Math.ceil(textWidth(number, size) * 1.15) + 12;
    const end = FRAME.side + WIDTH;
    this.s.text(
      'Slide number',
      { x: end - numberW, y: FOOTER_TOP + 1, w: numberW, h },
      [this.para([{ ...this.plain(own, numberStyle), field: 'slidenum' }, ...(total ? [this.plain(total, numberStyle)] : [])], { line, align: 'end' })],
      { anchor: 'ctr', nowrap: true },
    );
    let citeW = 0;
    if (this.slide.citeLine) {
      // On one line when it fits in 40 % of the footer; a longer one (a slide citing many paragraphs) on two
      // lines, broken only after a separator and never before its last number, in smaller type if need be.
      const room = WIDTH * 0.4;
      const one = unbroken(this.slide.citeLine);
      const wide = Math.ceil(textWidth(one, size) * 1.15) + 12;
      let cite = one;
      let citeSize = size;
      if (wide > room) {
        cite = breakableList(this.slide.citeLine, this.deck.labels.listSeparator);
        while (citeSize > size * 0.7 && textWidth(one, citeSize) * 1.15 + 12 > 2 * room * ESTIMATE_MARGIN) citeSize -= 1;
      }
      citeW = Math.min(wide, room);
      this.s.text(
        'Citation',
        { x: end - numberW - FOOTER_GAP - citeW, y: FOOTER_TOP + 1, w: citeW, h },
        [this.para([this.plain(cite, { size: citeSize, color: this.color.muted })], { line: citeSize * 1.2, align: 'end' })],
        { anchor: 'ctr', nowrap: wide <= room },
      );
      citeW += FOOTER_GAP;
    }
    // The organisation takes the rest (two lines at most, as the deck's footer wraps it).
    const orgW = WIDTH - logoW - citeW - numberW - FOOTER_GAP;
    // Two lines at most: a long name in a narrow room is set smaller rather than run off the slide.
    const orgText = this.deck.footer.map((r) => r.text).join('');
    let orgSize = size;
    while (orgSize > size * 0.7 && linesFor(orgText, orgSize, orgW * ESTIMATE_MARGIN) > 2) orgSize -= 1;
    const org = this.para(this.rich(this.deck.footer, { size: orgSize, color: this.color.muted }), { line: orgSize * 1.2 });
    this.s.text('Footer', { x: FRAME.side + logoW, y: FOOTER_TOP + 1, w: orgW, h }, [org], { anchor: 'ctr' });
    // The theme's marking, in the top corner at the inline end, as on the slide.
    if (this.deck.brand.markingText !== null) {
      const mark = this.para([this.plain(this.deck.brand.markingText, { size, bold: true, color: this.color.accent })], { size });
      const w = textWidth(this.deck.brand.markingText, size) + 32;
      this.s.text('Marking', { x: FRAME.side + WIDTH - w, y: 6, w, h: 30 }, [mark], { anchor: 'ctr' });
    }
  }
}

/** Paragraphs with their type, spacing and indents scaled by `k`. */
export function scaled(paras: readonly Para[], k: number): Para[] {
  if (k === 1) return [...paras];
  const by = (n: number | undefined) => (n === undefined ? undefined : n * k);
  return paras.map((p) => ({
    spans: p.spans.map((sp) => ({ ...sp, style: { ...sp.style, size: sp.style.size * k } })),
    style: { ...p.style, line: p.style.line * k, before: by(p.style.before), after: by(p.style.after) },
  }));
}

/**
 * The paragraphs, set smaller step by step (to 60 % at most) until the estimate of their height, measured a
 * little narrow to err on the safe side, fits `room`.
 */
export function fitted(paras: readonly Para[], width: number, room: number): Para[] {
  let k = 1;
  while (k > MIN_SCALE && parasHeight(scaled(paras, k), width * ESTIMATE_MARGIN) > room) k -= 0.05;
  return scaled(paras, Math.max(k, MIN_SCALE));
}

const MIN_SCALE = 0.6;
/** The room between a list's columns. */
const COLUMN_GAP = 40;
/** The share of a measure the estimate counts on: lines wrap earlier in PowerPoint and LibreOffice than it reckons. */
export const ESTIMATE_MARGIN = 0.92;

/** The room between the footer's parts (the deck's flex gap). */
const FOOTER_GAP = 24;
