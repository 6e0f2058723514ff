import { FRAME, TYPE } from '../look.js';
import { ESTIMATE_MARGIN, FOOTER_TOP, scaled, WIDTH, type Writer } from '../page.js';
import { type Cell, parasHeight } from '../shapes.js';
import { breakable, type Para, type Span } from '../text.js';

/** The map of slides to paragraphs in columns, as the deck sets it. */
const COLUMNS = 4;
/**
 * A table row's height, in ems of its type: LibreOffice sets a cell's line at the font's own height (Amiri's
 * is about twice its size), whatever the line spacing says, so a row is drawn at least this high.
 */
const ROW_EMS = 2.05;

/**
 * The sources: the report, its link, a map of the slides to the paragraphs they cite, the report's gaps. When
 * the estimate finds them too tall for the body, they are set smaller together, never over the footer.
 */
export const sources: Writer<'sources'> = (slide, page) => {
  const { s } = page;
  const b = slide.body;
  const L = page.deck.labels;
  const top = page.header();
  const bottom = FOOTER_TOP - 8;
  const link = b.url ? s.rel('hyperlink', b.url.href, true) : undefined;
  const layout = (k: number) => {
    const lead = page.para(
      [page.plain(`${L.report}:`, { size: TYPE.lead, bold: true }), page.plain(' ', { size: TYPE.lead }), ...page.rich(b.report, { size: TYPE.lead })],
      { after: 12 },
    );
    const head: Para[] = [lead];
    if (b.url && link) {
      // The link in smaller type, broken where a reader expects a URL to break (after a slash, a hyphen).
      const mark = page.dir === 'rtl' ? '\u200E' : '';
      const size = TYPE.url;
      head.push(
        page.para([{ text: `${mark}${breakable(b.url.text)}${mark}`, lang: 'en', style: { size, color: page.color.navy }, link }], {
          line: size * 1.6,
          after: 12,
        }),
      );
    }
    const size = TYPE.table * k;
    if (b.entries.length > 0) head.push(page.para([page.plain(L.citedParagraphs, { size: TYPE.table, color: page.color.muted })], { after: 4 }));
    const set = scaled(head, k);
    const headH = parasHeight(set, WIDTH * ESTIMATE_MARGIN);
    const rowH = Math.max(size * 1.5 + 7, size * ROW_EMS + 7);
    const rows = Math.ceil(b.entries.length / COLUMNS);
    const tableH = rows * rowH;
    // Notes shortened to their first sentence are one box: its heading, then each note as a bullet.
    const gapSize = Math.round(TYPE.gap * 0.85 * k);
    const shortNotes =
      b.shortened && b.gaps.length > 0
        ? [
            page.para([page.plain(L.reportGaps, { size: gapSize, bold: true })], { size: gapSize, after: 4 }),
            ...b.gaps.map((g) =>
              page.para([...page.rich(g.text, { size: gapSize }), ...page.cite(g.cite, gapSize)], {
                size: gapSize,
                after: 2,
                indent: 20,
                bullet: { char: '■', color: page.color.accent },
              }),
            ),
          ]
        : [];
    const shortH = shortNotes.length > 0 ? parasHeight(shortNotes, (WIDTH - 36) * ESTIMATE_MARGIN) + 20 : 0;
    const gapsH = b.shortened ? (shortH > 0 ? 10 * k + shortH : 0) : b.gaps.reduce((n, g) => n + (slide.smaller ? 10 : 18) * k + page.gapHeight(g, k), 0);
    return { head: set, headH, size, rowH, rows, shortNotes, shortH, total: headH + 4 + tableH + gapsH };
  };
  let k = 1;
  while (k > 0.6 && layout(k).total > bottom - top) k -= 0.05;
  const { head, headH, size, rowH, rows: perColumn, shortNotes, shortH, total } = layout(Math.max(k, 0.6));
  // Placed in the body's height as the deck places it: two parts of the free space above, three below.
  let y = top + Math.max(0, bottom - top - total) * 0.4;
  page.flow(y, head, y + headH);
  y += headH + 4;
  if (b.entries.length > 0) {
    // The map of slides to paragraphs, as the deck flows it: four columns, filled one after another.
    const cell = (content: Span[]): Cell => ({ paras: [page.para(content, { line: size * 1.5, size })], rule: page.color.rule });
    // Each entry is two cells, the slide's number and the paragraphs it cites, as the deck sets them apart.
    const rows: Cell[][] = Array.from({ length: perColumn }, (_, r) =>
      Array.from({ length: COLUMNS }, (_, c) => {
        const e = b.entries[c * perColumn + r];
        return e
          ? [cell([page.plain(e.slide, { size, bold: true, color: page.color.navy })]), cell([page.plain(e.paragraphs.replace(/ +/g, '\u00A0'), { size })])]
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
    const box = { x: FRAME.side, y: y + 10 * k, w: WIDTH, h: shortH };
    s.text('Notes', box, shortNotes, { fill: page.color.accentSoft, insets: [23, 10, 18, 10], anchor: 'ctr' });
    s.rect('Edge', { ...box, w: 5 }, page.color.accent);
  } else for (const g of b.gaps) y = page.gap(g, y + (slide.smaller ? 10 : 18) * k, Math.max(k, 0.6));
  page.footer();
};
