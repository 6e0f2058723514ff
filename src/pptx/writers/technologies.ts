import { FRAME, TYPE } from '../look.js';
import { ESTIMATE_MARGIN, FOOTER_TOP, scaled, WIDTH, type Writer } from '../page.js';
import { type Box, parasHeight } from '../shapes.js';
import { type Para, unbroken } from '../text.js';

/** The technologies: numbered cards, three to a row (fewer cards share the width, as in the deck's grid). */
export const technologies: Writer<'technologies'> = (slide, page) => {
  const { s } = page;
  const b = slide.body;
  const top = page.header();
  // The card's type follows the slide's step, as the deck's (.card in mujaz.css): its title in body type.
  const small = slide.larger ? 29 : slide.smaller ? 18 : 22;
  const tiny = slide.larger ? 22 : 18;
  const cols = Math.max(1, b.columns);
  const gap = 22;
  const w = cols === 1 ? Math.min(760, WIDTH) : (WIDTH - (cols - 1) * gap) / cols;
  const cards = b.concerns.map((c) => [
    page.para([page.plain(c.marker, { size: TYPE.cardMarker, bold: true, color: page.color.accent })], { line: TYPE.cardMarker * 1.2 }),
    page.para(page.rich(c.name, { size: page.body, bold: true, color: page.color.navy }), { line: page.body * 1.45, before: 6, after: 4 }),
    ...(c.latin ? [page.para(page.rich(c.latin, { size: small, color: page.color.muted }), { after: 12 })] : []),
    ...(c.text ? [page.para(page.rich(c.text, { size: small }), { after: 12 })] : []),
    ...(c.cite ? [page.para([page.plain(unbroken(c.cite), { size: tiny, color: page.color.muted })])] : []),
  ]);
  const room = FOOTER_TOP - 8 - top;
  // The intro and the cards, set smaller together when the estimate finds them taller than the body.
  const layout = (k: number) => {
    const intro = b.intro ? scaled([page.lead(b.intro)], k) : [];
    const introH = intro.length ? parasHeight(intro, WIDTH * ESTIMATE_MARGIN) : 0;
    const rows: Para[][][] = [];
    for (let row = 0; row * cols < cards.length; row++) rows.push(cards.slice(row * cols, row * cols + cols).map((c) => scaled(c, k)));
    const rowHs = rows.map((inRow) => Math.max(...inRow.map((paras) => parasHeight(paras, (w - 48) * ESTIMATE_MARGIN))) + (26 + 16) * k);
    return { intro, introH, rows, rowHs, total: introH + rowHs.reduce((n, h) => n + h + gap * k, 0) - gap * k };
  };
  let k = 1;
  while (k > 0.5 && layout(k).total > room) k -= 0.05;
  k = Math.max(k, 0.5);
  const { intro, introH, rows, rowHs, total } = layout(k);
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
      s.text('Card', box, paras, { fill: page.color.band, insets: [24, 26 * k, 24, 16 * k] });
      s.rect('Card edge', { ...box, h: 6 }, page.color.navy);
    });
    y += h + gap * k;
  });
  page.footer();
};
