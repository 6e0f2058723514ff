/** The discussion: its intro, then the topics as bullets, each with its regions on a line under it. */
import { TYPE } from '../look.js';
import type { Writer } from '../page.js';

export const discussion: Writer<'discussion'> = (slide, page) => {
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
