import { FRAME, TYPE } from '../look.js';
import { FOOTER_TOP, WIDTH, type Writer } from '../page.js';
import { type Cell, parasHeight } from '../shapes.js';
import type { Span } from '../text.js';

/** The map of slides to paragraphs in columns, as the deck sets it. */
const COLUMNS = 4;

/** The sources: the report, its link, a map of the slides to the paragraphs they cite, the report's gaps. */
export const sources: Writer<'sources'> = (slide, page) => {
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
  const size = TYPE.table;
  if (b.entries.length > 0) head.push(page.para([page.plain(L.citedParagraphs, { size, color: page.color.muted })], { after: 4 }));
  const headH = parasHeight(head, WIDTH);
  const rowH = size * 1.5 + 7;
  const tableH = b.entries.length > 0 ? (Math.ceil(b.entries.length / COLUMNS) + 1) * rowH : 0;
  // Notes shortened to their first sentence are one box: its heading, then each note as a bullet.
  const gapSize = Math.round(TYPE.gap * 0.85);
  const shortNotes =
    b.shortened && b.gaps.length > 0
      ? [
          page.para([page.plain(L.reportGaps, { size: gapSize, bold: true })], { size: gapSize, after: 4 }),
          ...b.gaps.map((g) =>
            page.para([...page.rich(g.text, { size: gapSize }), ...page.cite(g.cite)], {
              size: gapSize,
              after: 2,
              indent: 20,
              bullet: { char: '■', color: page.color.accent },
            }),
          ),
        ]
      : [];
  const shortH = shortNotes.length > 0 ? parasHeight(shortNotes, WIDTH - 36) + 20 : 0;
  const notesH = b.shortened ? (shortH > 0 ? 10 + shortH : 0) : b.gaps.reduce((n, g) => n + (slide.smaller ? 10 : 18) + page.gapHeight(g), 0);
  const total = headH + 4 + tableH + notesH;
  // Placed in the body's height as the deck places it: two parts of the free space above, three below.
  let y = top + Math.max(0, FOOTER_TOP - 8 - top - total) * 0.4;
  page.flow(y, head, y + headH);
  y += headH + 4;
  if (b.entries.length > 0) {
    // The map of slides to paragraphs, as the deck flows it: four columns, filled one after another.
    const cell = (content: Span[]): Cell => ({ paras: [page.para(content, { line: size * 1.5 })], rule: page.color.rule });
    const perColumn = Math.ceil(b.entries.length / COLUMNS);
    // Each entry is two cells, the slide's number and the paragraphs it cites, as the deck sets them apart.
    const rows: Cell[][] = Array.from({ length: perColumn }, (_, r) =>
      Array.from({ length: COLUMNS }, (_, c) => {
        const e = b.entries[c * perColumn + r];
        return e
          ? [cell([page.plain(e.slide, { size, bold: true, color: page.color.navy })]), cell([page.plain(e.paragraphs, { size })])]
          : [cell([]), cell([])];
      }).flat(),
    );
    const h = rows.length * rowH;
    // The slide's number is as wide as the deck sets it (2.2 em of the small type, and the cell's padding).
    const number = Math.round(size * 2.2 + 28);
    s.table({ x: FRAME.side, y, w: WIDTH, h }, Array.from({ length: COLUMNS }, () => [number, WIDTH / COLUMNS - number]).flat(), rows, rowH, [14, 3]);
    y += h;
  }
  if (shortNotes.length > 0) {
    const box = { x: FRAME.side, y: y + 10, w: WIDTH, h: shortH };
    s.text('Notes', box, shortNotes, { fill: page.color.accentSoft, insets: [23, 10, 18, 10], anchor: 'ctr' });
    s.rect('Edge', { ...box, w: 5 }, page.color.accent);
  } else for (const g of b.gaps) y = page.gap(g, y + (slide.smaller ? 10 : 18));
  page.footer();
};
