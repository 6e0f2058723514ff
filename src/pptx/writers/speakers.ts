/** The speakers, under their part's heading. */
import type { Writer } from '../page.js';

export const speakers: Writer<'speakers'> = (slide, page) => {
  page.flow(page.header(), page.groups(slide.body.groups));
  page.footer();
};
