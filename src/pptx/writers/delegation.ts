/** A delegation: its side, then its members a line each. */
import type { Writer } from '../page.js';

export const delegation: Writer<'delegation'> = (slide, page) => {
  const top = page.header();
  page.flow(top, [...(slide.body.side ? [page.side(slide.body.side)] : []), ...page.people(slide.body.members)]);
  page.footer();
};
