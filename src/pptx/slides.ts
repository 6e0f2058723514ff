/**
 * What each slide kind shows, as PowerPoint shapes: one writer per kind, in one place, reading the kind's
 * typed body as its partial (templates/partials/<kind>.hbs) does. Titles are title placeholders, the text
 * that flows is the body placeholder's (PowerPoint's outline shows both), points are bulleted paragraphs,
 * the sources a table, the technologies cards, the logos pictures; every slide has the deck's footer.
 */
import type { Deck, Fact, Item, PersonView, Slide, SlideKind } from '../deck/model.js';
import type { Rich } from '../deck/text.js';
import { FRAME, linesFor, type Palette, paletteOf, TYPE, textWidth } from './look.js';
import { type Box, type Cell, parasHeight, type SlideShapes } from './shapes.js';
import { type Para, type ParaStyle, type Span, type SpanStyle, span, spans } from './text.js';

/** A logo of the deck's folder, read for the title slide. */
export interface LogoImage {
  bytes: Uint8Array;
  ext: string;
  width: number;
  height: number;
}

const WIDTH = 1280 - 2 * FRAME.side;
const FOOTER_TOP = 720 - FRAME.footer;
/** Room between two parts of a line (a name and a role, a label and its value): an em space. */
const GAP = '\u2003';

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

  /** Body type: smaller on a dense slide (the brief's shrink_to_fit), a step larger on a light one (the fit stage's). */
  get body(): number {
    return this.slide.dense ? TYPE.dense : this.slide.light ? TYPE.light : TYPE.body;
  }

  line(size: number): number {
    return size * (this.slide.dense ? 1.55 : TYPE.line);
  }

  rich(text: Rich, style: SpanStyle): Span[] {
    return spans(text, style, this.dir);
  }

  plain(text: string, style: SpanStyle): Span {
    return span(text, style, this.deck.lang);
  }

  para(content: Span[], style: Partial<ParaStyle> & { size?: number } = {}): Para {
    const { size, ...rest } = style;
    return { spans: content, style: { line: this.line(size ?? content[0]?.style.size ?? this.body), ...rest } };
  }

  /** A citation as the slide shows it: small, muted, after the text. */
  cite(cite: string | null, size: number = TYPE.cite): Span[] {
    return cite ? [this.plain(' ', { size }), this.plain(cite, { size, color: this.color.muted })] : [];
  }

  lead(text: Rich): Para {
    const size = this.slide.dense ? TYPE.dense : TYPE.lead;
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

  people(people: readonly PersonView[]): Para[] {
    return people.map((p) => this.person(p));
  }

  groups(groups: readonly { label: string; people: PersonView[] }[]): Para[] {
    return groups.flatMap((g) => [this.h3(g.label), ...this.people(g.people)]);
  }

  /** Chips (themes, attendees) as one paragraph, in the language's list. */
  chips(items: readonly Item[]): Para {
    const size = this.body;
    const sep = this.deck.labels.listSeparator;
    return this.para(
      items.flatMap((it, i) => [
        ...(i > 0 ? [this.plain(sep, { size })] : []),
        ...this.rich(it.text, { size, color: this.color.navy }),
        ...this.cite(it.cite, TYPE.chipCite),
      ]),
      { after: 12 },
    );
  }

  fact(f: Fact, size: number): Span[] {
    return [this.plain(f.label, { size, color: this.color.muted }), this.plain(GAP, { size }), ...this.rich(f.value, { size })];
  }

  /** A note on the report's gap: a tinted box with an edge at its start. */
  /** The height of a note on the report's gaps (gap draws it). */
  gapHeight(item: Item): number {
    return parasHeight([this.gapPara(item)], WIDTH - 36) + 20;
  }

  private gapPara(item: Item): Para {
    const size = TYPE.gap;
    return this.para(
      [
        this.plain(`${this.deck.labels.reportGap}:`, { size, bold: true }),
        this.plain(' ', { size }),
        ...this.rich(item.text, { size }),
        ...this.cite(item.cite),
      ],
      { size },
    );
  }

  gap(item: Item, y: number): number {
    const para = this.gapPara(item);
    const h = this.gapHeight(item);
    const box = { x: FRAME.side, y, w: WIDTH, h };
    this.s.text('Note', box, [para], { fill: this.color.accentSoft, insets: [23, 10, 18, 10], anchor: 'ctr' });
    this.s.rect('Edge', { ...box, w: 5 }, this.color.accent);
    return y + h;
  }

  /** The title and its rule, the continuation chip at the end; returns where the body starts. */
  header(): number {
    const { slide } = this;
    const size = slide.dense ? TYPE.denseH2 : TYPE.h2;
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

  /** The body placeholder from `top` to the footer, holding these paragraphs. */
  /**
   * The body placeholder from `top` to the footer, holding these paragraphs, placed in its height as the
   * deck's body places them: two parts of the free space above, three below (by the estimate of their height).
   */
  flow(top: number, paras: readonly Para[], bottom = FOOTER_TOP - 8): void {
    if (paras.length === 0) return;
    const free = Math.max(0, bottom - top - parasHeight(paras, WIDTH));
    const y = top + free * 0.4;
    this.s.placeholder({ type: 'body', idx: 1 }, { x: FRAME.side, y, w: WIDTH, h: bottom - y }, paras, { shrink: true });
  }

  /** The organisation, the slide's citations and its number, under a rule. */
  footer(): void {
    const size = TYPE.footer;
    this.s.rect('Footer rule', { x: 0, y: FOOTER_TOP, w: 1280, h: 1 }, this.color.rule);
    const org = this.para(this.rich(this.deck.footer, { size, color: this.color.muted }), { size });
    const start = WIDTH * 0.6;
    // The theme's logo before the organisation's name, 30 px high, as on the slide.
    const brand = this.deck.brand.footerLogo;
    const image = brand ? this.logo(brand.src) : undefined;
    let logoW = 0;
    if (brand && image) {
      logoW = Math.min(160, (image.width * 30) / image.height);
      this.s.picture({ x: FRAME.side, y: FOOTER_TOP + (FRAME.footer - 30) / 2, w: logoW, h: 30 }, image.bytes, image.ext, brand.alt);
      logoW += 24;
    }
    this.s.text('Footer', { x: FRAME.side + logoW, y: FOOTER_TOP + 1, w: start - logoW, h: FRAME.footer - 1 }, [org], { anchor: 'ctr' });
    // The theme's marking, in the top corner at the inline end, as on the slide.
    if (this.deck.brand.markingText !== null) {
      const mark = this.para([this.plain(this.deck.brand.markingText, { size, bold: true, color: this.color.accent })], { size });
      const w = textWidth(this.deck.brand.markingText, size) + 32;
      this.s.text('Marking', { x: FRAME.side + WIDTH - w, y: 6, w, h: 30 }, [mark], { anchor: 'ctr' });
    }
    const end = this.para(
      [
        ...(this.slide.citeLine ? [this.plain(this.slide.citeLine, { size, color: this.color.muted }), this.plain(GAP + GAP, { size })] : []),
        this.plain(this.slide.number, { size, bold: true, color: this.color.navy }),
      ],
      { size, align: 'end' },
    );
    this.s.text('Slide number', { x: FRAME.side + start, y: FOOTER_TOP + 1, w: WIDTH - start, h: FRAME.footer - 1 }, [end], { anchor: 'ctr' });
  }
}

type Writer<K extends SlideKind> = (slide: Extract<Slide, { kind: K }>, page: Page) => void;

/**
 * The title slide, composed as the deck's (templates/partials/title.hbs): the logos at the top, the event's
 * kind, title and subtitle beside an accent rule in the middle, and the facts in a band at the foot, in
 * columns (a label above each value). A compact slide (the fit stage's) sets the title a step smaller.
 */
const title: Writer<'title'> = (slide, page) => {
  const { s } = page;
  const b = slide.body;
  const compact = slide.dense;
  s.rect('Band', { x: 0, y: 0, w: 1280, h: 14 }, page.color.navy);
  const display = compact ? TITLE.compact : TITLE.full;
  const kicker = page.para(page.rich(b.kicker, { size: display.kicker, bold: true, color: page.color.accent }), { after: 6 });
  const heading = page.para(page.rich(slide.title, { size: display.h1, bold: true, color: page.color.navy }), { line: display.h1 * 1.4 });
  const subtitle = b.subtitle ? page.para(page.rich(b.subtitle, { size: display.kicker, color: page.color.muted }), { before: 14 }) : undefined;
  const logoH = compact ? 64 : 84;
  const logos = [...b.logos, ...page.deck.brand.logos].flatMap((l) => {
    const image = page.logo(l.src);
    if (!image) return [];
    const scale = Math.min(300 / image.width, logoH / image.height);
    return [{ ...l, image, w: image.width * scale, h: image.height * scale }];
  });
  // The band of facts: as many columns of at least 240 px as fit, 40 px apart.
  const columns = Math.max(1, Math.min(b.facts.length, Math.floor((WIDTH + 40) / 280)));
  const cellW = (WIDTH - 40 * (columns - 1)) / columns;
  const cellH = (f: Fact) => TITLE.label * 1.5 + 2 + linesFor(f.value.map((r) => r.text).join(''), TITLE.value, cellW) * TITLE.value * 1.5;
  const rows: Fact[][] = [];
  for (let i = 0; i < b.facts.length; i += columns) rows.push(b.facts.slice(i, i + columns));
  const rowHs = rows.map((r) => Math.max(...r.map(cellH)));
  const bandH = b.facts.length > 0 ? 4 + 22 + 20 + rowHs.reduce((n, h) => n + h, 0) + 16 * (rows.length - 1) : 0;
  const bandTop = FOOTER_TOP - bandH;
  if (bandH > 0) {
    s.rect('Facts band', { x: 0, y: bandTop, w: 1280, h: bandH }, page.color.band);
    s.rect('Facts rule', { x: 0, y: bandTop, w: 1280, h: 4 }, page.color.navy);
    let y = bandTop + 4 + 22;
    rows.forEach((row, r) => {
      row.forEach((f, c) => {
        const paras = [
          page.para([page.plain(f.label, { size: TITLE.label, color: page.color.muted })], { line: TITLE.label * 1.5, after: 2 }),
          page.para(page.rich(f.value, { size: TITLE.value, bold: true, color: page.color.navy }), { line: TITLE.value * 1.5 }),
        ];
        s.text('Fact', { x: FRAME.side + c * (cellW + 40), y, w: cellW, h: rowHs[r]! }, paras, { insets: [0, 0, 0, 0] });
      });
      y += rowHs[r]! + 16;
    });
  }
  // The logos in a row at the top.
  let top = FRAME.top + 14;
  if (logos.length > 0) {
    let x = FRAME.side;
    const rowH = Math.max(...logos.map((l) => l.h));
    for (const l of logos) {
      s.picture({ x, y: top + (rowH - l.h) / 2, w: l.w, h: l.h }, l.image.bytes, l.image.ext, l.alt);
      x += l.w + 40;
    }
    top += rowH;
  }
  // The event in the middle of what is left, beside an accent rule at the inline start.
  const textW = WIDTH - 44;
  const kickerH = parasHeight([kicker], textW);
  const headingH = parasHeight([heading], Math.min(textW, 1040));
  const subtitleH = subtitle ? parasHeight([subtitle], textW) : 0;
  const blockH = kickerH + headingH + subtitleH;
  const room = bandTop - (compact ? 18 : 28) - (top + (compact ? 18 : 28));
  let y = top + (compact ? 18 : 28) + Math.max(0, (room - blockH) / 2);
  s.rect('Accent rule', { x: FRAME.side, y, w: 8, h: blockH }, page.color.accent);
  const x = FRAME.side + 44;
  s.text('Kicker', { x, y, w: textW, h: kickerH }, [kicker]);
  y += kickerH;
  s.placeholder({ type: 'ctrTitle' }, { x, y, w: Math.min(textW, 1040), h: headingH }, [heading]);
  y += headingH;
  if (subtitle) s.placeholder({ type: 'subTitle', idx: 1 }, { x, y, w: textW, h: subtitleH }, [subtitle]);
  page.footer();
};

/** The title slide's type (templates/theme/mujaz.css: the scale's steps). */
const TITLE = {
  full: { kicker: 34, h1: 58 },
  compact: { kicker: 29, h1: 42 },
  label: 18,
  value: 22,
} as const;

const overview: Writer<'overview'> = (slide, page) => {
  const b = slide.body;
  const top = page.header();
  page.flow(top, [
    ...(b.summary ? [page.lead(b.summary)] : []),
    ...b.facts.map((f) => page.para(page.fact(f, TYPE.factsInline), { after: 8 })),
    ...(b.themes.length ? [page.h3(page.deck.labels.themes), page.chips(b.themes)] : []),
  ]);
  page.footer();
};

const delegation: Writer<'delegation'> = (slide, page) => {
  const top = page.header();
  page.flow(top, [...(slide.body.side ? [page.side(slide.body.side)] : []), ...page.people(slide.body.members)]);
  page.footer();
};

const speakers: Writer<'speakers'> = (slide, page) => {
  page.flow(page.header(), page.groups(slide.body.groups));
  page.footer();
};

const participants: Writer<'participants'> = (slide, page) => {
  const b = slide.body;
  const L = page.deck.labels;
  page.flow(page.header(), [
    ...(b.moderator ? [page.h3(L.moderator), page.person(b.moderator)] : []),
    ...(b.joined.length ? [page.h3(L.joined), ...page.people(b.joined)] : []),
    ...(b.attendees.length ? [page.h3(L.attendees), page.chips(b.attendees)] : []),
  ]);
  page.footer();
};

const session: Writer<'session'> = (slide, page) => {
  const b = slide.body;
  page.flow(page.header(), [
    ...(b.date ? [page.side(b.date)] : []),
    ...(b.chair ? [page.h3(b.chairLabel), page.person(b.chair)] : []),
    ...page.groups(b.groups),
  ]);
  page.footer();
};

const messages: Writer<'messages'> = (slide, page) => {
  const b = slide.body;
  const size = page.body;
  const speaker = page.para(
    [
      ...page.personSpans({ ...b.speaker, secondary: null }, true),
      ...(b.speaker.secondary ? [page.plain(GAP, { size }), ...page.rich(b.speaker.secondary, { size, color: page.color.muted })] : []),
      ...(b.occasion ? [page.plain(GAP, { size }), ...page.rich(b.occasion, { size: TYPE.occasion, color: page.color.accent })] : []),
    ],
    { after: 14 },
  );
  page.flow(page.header(), [speaker, ...b.points.map((p) => page.bullet(p))]);
  page.footer();
};

const discussion: Writer<'discussion'> = (slide, page) => {
  const b = slide.body;
  const sep = page.deck.labels.listSeparator;
  page.flow(page.header(), [
    ...(b.intro ? [page.lead(b.intro)] : []),
    ...b.topics.flatMap((t) => [
      page.bullet(t, t.regions.length ? 4 : 12),
      ...(t.regions.length
        ? [
            page.para(
              t.regions.flatMap((r, i) => [
                ...(i > 0 ? [page.plain(sep, { size: TYPE.region })] : []),
                ...page.rich(r, { size: TYPE.region, color: page.color.navy }),
              ]),
              { indent: 34, after: 12 },
            ),
          ]
        : []),
    ]),
  ]);
  page.footer();
};

/** The technologies: numbered cards, three to a row (fewer cards share the width, as in the deck's grid). */
const technologies: Writer<'technologies'> = (slide, page) => {
  const { s } = page;
  const b = slide.body;
  const top = page.header();
  // The card's type follows the slide's step, as the deck's (.card in mujaz.css): its title in body type.
  const small = slide.light ? 29 : slide.dense ? 18 : 22;
  const tiny = slide.light ? 22 : 18;
  const cols = Math.max(1, b.columns);
  const gap = 22;
  const w = cols === 1 ? Math.min(760, WIDTH) : (WIDTH - (cols - 1) * gap) / cols;
  const cards = b.concerns.map((c) => [
    page.para([page.plain(c.marker, { size: TYPE.cardMarker, bold: true, color: page.color.accent })], { line: TYPE.cardMarker * 1.2 }),
    page.para(page.rich(c.name, { size: page.body, bold: true, color: page.color.navy }), { line: page.body * 1.45, before: 6, after: 4 }),
    ...(c.latin ? [page.para(page.rich(c.latin, { size: small, color: page.color.muted }), { after: 12 })] : []),
    ...(c.text ? [page.para(page.rich(c.text, { size: small }), { after: 12 })] : []),
    ...(c.cite ? [page.para([page.plain(c.cite, { size: tiny, color: page.color.muted })])] : []),
  ]);
  const intro = b.intro ? [page.lead(b.intro)] : [];
  const introH = intro.length ? parasHeight(intro, WIDTH) : 0;
  const rows: Para[][][] = [];
  for (let row = 0; row * cols < cards.length; row++) rows.push(cards.slice(row * cols, row * cols + cols));
  const rowHs = rows.map((inRow) => Math.max(...inRow.map((paras) => parasHeight(paras, w - 48))) + 26 + 16);
  const total = introH + rowHs.reduce((n, h) => n + h + gap, 0) - gap;
  // Placed in the body's height as the deck places it: two parts of the free space above, three below.
  let y = top + Math.max(0, FOOTER_TOP - 8 - top - total) * 0.4;
  if (intro.length) {
    s.text('Intro', { x: FRAME.side, y, w: WIDTH, h: introH }, intro);
    y += introH;
  }
  rows.forEach((inRow, r) => {
    const h = rowHs[r]!;
    inRow.forEach((paras, i) => {
      const box: Box = { x: FRAME.side + i * (w + gap), y, w, h };
      s.text('Card', box, paras, { fill: page.color.band, insets: [24, 26, 24, 16] });
      s.rect('Card edge', { ...box, h: 6 }, page.color.navy);
    });
    y += h + gap;
  });
  page.footer();
};

const conclusions: Writer<'conclusions'> = (slide, page) => {
  page.flow(
    page.header(),
    slide.body.points.map((p) => page.bullet(p)),
  );
  page.footer();
};

/** The sources: the report, its link, a table of the slides and the paragraphs they cite, the report's gaps. */
const sources: Writer<'sources'> = (slide, page) => {
  const { s } = page;
  const b = slide.body;
  const L = page.deck.labels;
  const top = page.header();
  const lead = page.para(
    [page.plain(`${L.report}:`, { size: TYPE.lead, bold: true }), page.plain(' ', { size: TYPE.lead }), ...page.rich(b.report, { size: TYPE.lead })],
    { after: 12 },
  );
  const head = [lead];
  if (b.url) {
    const link = s.rel('hyperlink', b.url.href, true);
    const mark = page.dir === 'rtl' ? '\u200E' : '';
    head.push(page.para([{ text: `${mark}${b.url.text}${mark}`, lang: 'en', style: { size: page.body, color: page.color.navy }, link }], { after: 12 }));
  }
  const headH = parasHeight(head, WIDTH);
  const size = TYPE.table;
  const rowH = size * 1.5 + 7;
  const tableH = b.entries.length > 0 ? (b.entries.length + 1) * rowH : 0;
  const total = headH + 4 + tableH + b.gaps.reduce((n, g) => n + 18 + page.gapHeight(g), 0);
  // Placed in the body's height as the deck places it: two parts of the free space above, three below.
  let y = top + Math.max(0, FOOTER_TOP - 8 - top - total) * 0.4;
  page.flow(y, head, y + headH);
  y += headH + 4;
  if (b.entries.length > 0) {
    const cell = (content: Span[], rule = true): Cell => ({ paras: [page.para(content, { line: size * 1.5 })], ...(rule ? { rule: page.color.rule } : {}) });
    const th = (label: string) => cell([page.plain(label, { size, bold: true, color: page.color.muted })]);
    // The columns share the width as a browser's automatic table layout shares it: in proportion to the
    // widest text of each (with its padding).
    const widest = (texts: string[]) => Math.max(...texts.map((t) => textWidth(t, size))) + 28;
    const first = widest([L.slide, ...b.entries.map((e) => e.slide.map((r) => r.text).join(''))]);
    const cited = widest([L.citedParagraphs, ...b.entries.map((e) => e.paragraphs)]);
    const second = Math.min(WIDTH / 2, (WIDTH * cited) / (first + cited));
    const rows: Cell[][] = [
      [th(L.slide), th(L.citedParagraphs)],
      ...b.entries.map((e) => [cell(page.rich(e.slide, { size })), cell([page.plain(e.paragraphs, { size })])]),
    ];
    const h = rows.length * rowH;
    s.table({ x: FRAME.side, y, w: WIDTH, h }, [WIDTH - second, second], rows, rowH, [14, 3]);
    y += h;
  }
  for (const g of b.gaps) y = page.gap(g, y + 18);
  page.footer();
};

/** The writer of each kind: a kind added to the deck without one here fails to compile. */
const WRITERS: { [K in SlideKind]: Writer<K> } = {
  title,
  overview,
  delegation,
  speakers,
  participants,
  session,
  messages,
  discussion,
  technologies,
  conclusions,
  sources,
};

export function writeSlide(slide: Slide, page: Page): void {
  (WRITERS[slide.kind] as Writer<SlideKind>)(slide as never, page);
}
