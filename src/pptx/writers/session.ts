/** A session: its date, its chair, its people under their part's heading. */
import type { Writer } from '../page.js';

export const session: Writer<'session'> = (slide, page) => {
  const b = slide.body;
  page.flow(page.header(), [
    ...(b.date ? [page.side(b.date)] : []),
    ...(b.chair ? [page.h3(b.chairLabel), page.person(b.chair)] : []),
    ...page.groups(b.groups),
  ]);
  page.footer();
};
