/** The programme: each part in order, its title and time, its subject, who chaired and who spoke, and a part's one point. */
import { TYPE } from '../look.js';
import type { Writer } from '../page.js';

export const programme: Writer<'programme'> = (slide, page) => {
  const size = page.body;
  page.flow(
    page.header(),
    slide.body.rows.flatMap((row) => [
      page.para(
        [
          ...page.rich(row.title, { size, bold: true, color: page.color.navy }),
          ...(row.when ? [page.plain('   ', { size }), ...page.rich(row.when, { size, color: page.color.muted })] : []),
          ...row.people.flatMap((p) => [
            page.plain('   ', { size }),
            ...(p.label ? [page.plain(`${p.label}: `, { size, color: page.color.accent })] : []),
            ...page.rich(p.names, { size }),
          ]),
          ...page.cite(row.cite),
        ],
        { before: 8, after: row.subject || row.said ? 2 : 8 },
      ),
      ...(row.subject ? [page.para(page.rich(row.subject, { size: TYPE.cite + 4 }), { after: row.said ? 2 : 8 })] : []),
      // What it said, when that is one short point with no slide of its own.
      ...(row.said ? [page.bullet(row.said)] : []),
    ]),
  );
  page.footer();
};
