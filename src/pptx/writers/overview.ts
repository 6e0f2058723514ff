/** The overview: the summary as a lead, the facts a line each, the themes as chips. */
import { TYPE } from '../look.js';
import type { Writer } from '../page.js';

export const overview: Writer<'overview'> = (slide, page) => {
  const b = slide.body;
  const top = page.header();
  page.flow(top, [
    ...(b.summary ? [page.lead(b.summary)] : []),
    ...b.facts.map((f) => page.para(page.fact(f, TYPE.factsInline), { after: 8 })),
    ...(b.themes.length ? [page.h3(page.deck.labels.themes), page.chips(b.themes)] : []),
    ...(b.attendees.length ? [page.h3(page.deck.labels.attendees), page.chips(b.attendees)] : []),
  ]);
  page.footer();
};
