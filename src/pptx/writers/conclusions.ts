/** The conclusions, as bullets. */
import type { Writer } from '../page.js';

export const conclusions: Writer<'conclusions'> = (slide, page) => {
  page.flow(
    page.header(),
    slide.body.points.map((p) => page.bullet(p)),
  );
  page.footer();
};
