import type { Fact } from '../../deck/model.js';
import { FRAME, linesFor } from '../look.js';
import { ESTIMATE_MARGIN, FOOTER_TOP, scaled, WIDTH, type Writer } from '../page.js';
import { parasHeight } from '../shapes.js';

/**
 * The title slide, composed as the deck's (templates/partials/title.hbs): the logos at the top, the event's
 * kind, title and subtitle beside an accent rule in the middle, and the facts in a band at the foot, in
 * columns (a label above each value). A compact slide (the fit stage's) sets the title a step smaller.
 */
export const title: Writer<'title'> = (slide, page) => {
  const { s } = page;
  const b = slide.body;
  const compact = slide.smaller;
  s.rect('Band', { x: 0, y: 0, w: 1280, h: 14 }, page.color.navy);
  const display = compact ? TITLE.compact : TITLE.full;
  const kicker = b.kicker ? page.para(page.rich(b.kicker, { size: display.kicker, bold: true, color: page.color.accent }), { after: 6 }) : undefined;
  const heading = page.para(page.rich(slide.title, { size: display.h1, bold: true, color: page.color.navy }), { line: display.h1 * 1.4 });
  const subtitle = b.subtitle ? page.para(page.rich(b.subtitle, { size: display.kicker, color: page.color.muted }), { before: 14 }) : undefined;
  const logoH = compact ? 64 : 84;
  const sized = (list: readonly { src: string; alt: string }[]) =>
    list.flatMap((l) => {
      const image = page.logo(l.src);
      if (!image) return [];
      const scale = Math.min(300 / image.width, logoH / image.height);
      return [{ ...l, image, w: image.width * scale, h: image.height * scale }];
    });
  // The organisers' logos from the inline start, the theme's at the end of the row, as on the deck.
  const own = sized(b.logos);
  const brand = sized(page.deck.brand.logos);
  const logos = [...own, ...brand];
  // The band of facts: as many columns of at least 240 px as fit, 40 px apart.
  const columns = Math.max(1, Math.min(b.facts.length, Math.floor((WIDTH + 40) / 280)));
  const cellW = (WIDTH - 40 * (columns - 1)) / columns;
  // The values are bold, wider than the estimate's average: counted in a narrower measure, so that the band
  // grows to hold every line of them rather than letting the last run over the footer's rule.
  // A wide fact (several hosts with long names) takes a row of its own, the whole band wide, as on the deck.
  // (Its line is measured as the deck sets it: the bold's margin is for the narrow columns, where a word more or
  // less makes a line.)
  const widthOf = (f: Fact) => (f.wide ? WIDTH : cellW);
  const cellH = (f: Fact) =>
    TITLE.label * 1.5 + 2 + linesFor(f.value.map((r) => r.text).join(''), TITLE.value, widthOf(f) * ESTIMATE_MARGIN * (f.wide ? 1 : BOLD)) * TITLE.value * 1.5;
  const rows: Fact[][] = [];
  let filling: Fact[] = [];
  for (const f of b.facts) {
    if (f.wide || filling.length === columns) {
      if (filling.length > 0) rows.push(filling);
      filling = [];
    }
    if (f.wide) rows.push([f]);
    else filling.push(f);
  }
  if (filling.length > 0) rows.push(filling);
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
        s.text('Fact', { x: FRAME.side + c * (cellW + 40), y, w: widthOf(f), h: rowHs[r]! }, paras, { insets: [0, 0, 0, 0] });
      });
      y += rowHs[r]! + 16;
    });
  }
  // The logos in a row at the top.
  let top = FRAME.top + 14;
  if (logos.length > 0) {
    const rowH = Math.max(...logos.map((l) => l.h));
    const widthOf = (list: typeof logos) => list.reduce((n, l) => n + l.w, 0) + 40 * Math.max(0, list.length - 1);
    let x: number = FRAME.side;
    // (The theme's at the end when the row has room for them after the organisers'.)
    const brandFrom = widthOf(own) + 40 + widthOf(brand) <= WIDTH ? FRAME.side + WIDTH - widthOf(brand) : undefined;
    for (const [k, l] of logos.entries()) {
      if (k === own.length && brandFrom !== undefined) x = brandFrom;
      s.picture({ x, y: top + (rowH - l.h) / 2, w: l.w, h: l.h }, l.image.bytes, l.image.ext, l.alt);
      x += l.w + 40;
    }
    top += rowH;
  }
  // The event in the middle of what is left, beside an accent rule at the inline start.
  const textW = WIDTH - 44;
  const room = bandTop - (compact ? 18 : 28) - (top + (compact ? 18 : 28));
  // Set smaller together when the estimate finds them taller than the room between the logos and the band.
  const block = (k: number) => {
    const [kk, hh, ss] = [kicker ? scaled([kicker], k) : [], scaled([heading], k), subtitle ? scaled([subtitle], k) : []];
    const heights = [
      parasHeight(kk, textW * ESTIMATE_MARGIN),
      parasHeight(hh, Math.min(textW, 1040) * ESTIMATE_MARGIN),
      parasHeight(ss, textW * ESTIMATE_MARGIN),
    ];
    return { paras: [kk, hh, ss] as const, heights, total: heights[0]! + heights[1]! + heights[2]! };
  };
  let k = 1;
  while (k > 0.6 && block(k).total > room) k -= 0.05;
  const {
    paras: [kickerSet, headingSet, subtitleSet],
    heights: [kickerH = 0, headingH = 0, subtitleH = 0],
    total: blockH,
  } = block(Math.max(k, 0.6));
  let y = top + (compact ? 18 : 28) + Math.max(0, (room - blockH) / 2);
  s.rect('Accent rule', { x: FRAME.side, y, w: 8, h: blockH }, page.color.accent);
  const x = FRAME.side + 44;
  if (kickerSet.length > 0) s.text('Kicker', { x, y, w: textW, h: kickerH }, kickerSet);
  y += kickerH;
  s.placeholder({ type: 'ctrTitle' }, { x, y, w: Math.min(textW, 1040), h: headingH }, headingSet);
  y += headingH;
  if (subtitleSet.length > 0) s.placeholder({ type: 'subTitle', idx: 1 }, { x, y, w: textW, h: subtitleH }, subtitleSet);
  page.footer();
};

/** How much narrower bold type's measure is counted than regular type's. */
const BOLD = 0.88;

/** The title slide's type (templates/theme/mujaz.css: the scale's steps). */
const TITLE = {
  full: { kicker: 34, h1: 58 },
  compact: { kicker: 29, h1: 42 },
  label: 18,
  value: 22,
} as const;
