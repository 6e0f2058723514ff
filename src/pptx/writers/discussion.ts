/** The discussion: its intro, then the topics as bullets, each with its regions listed under it, a level deeper. */
import { TYPE } from '../look.js';
import type { Writer } from '../page.js';

export const discussion: Writer<'discussion'> = (slide, page) => {
  const b = slide.body;
  page.flow(page.header(), [
    ...(b.intro ? [page.lead(b.intro)] : []),
    ...b.topics.flatMap((t) => [page.bullet(t, t.regions.length ? 4 : 12), ...page.sublist(t.regions, TYPE.region)]),
  ]);
  page.footer();
};
