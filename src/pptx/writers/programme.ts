/** The programme: each part in order, its title and time, its subject, who chaired and who spoke. */
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
        { before: 8, after: row.subject ? 2 : 8 },
      ),
      ...(row.subject ? [page.para(page.rich(row.subject, { size: TYPE.cite + 4 }), { after: 8 })] : []),
    ]),
  );
  page.footer();
};
