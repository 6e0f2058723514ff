import { FRAME, TYPE, textWidth } from '../look.js';
import { FOOTER_TOP, WIDTH, type Writer } from '../page.js';
import { type Cell, parasHeight } from '../shapes.js';
import type { Span } from '../text.js';

/** The sources: the report, its link, a table of the slides and the paragraphs they cite, the report's gaps. */
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
