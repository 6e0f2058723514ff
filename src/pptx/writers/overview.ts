/** The overview: the summary as a lead, the facts a line each, the themes as a list (in columns when long). */
import { TYPE } from '../look.js';
import type { Writer } from '../page.js';

export const overview: Writer<'overview'> = (slide, page) => {
  const b = slide.body;
  const top = page.header();
  const head = [
    ...(b.summary ? [page.lead(b.summary)] : []),
    ...b.facts.map((f) => page.para(page.fact(f, TYPE.factsInline), { after: 8 })),
    ...(b.themes.length ? [page.h3(page.deck.labels.themes)] : []),
  ];
  // Few attendees follow the themes, as on the deck's overview: then one flow, not the themes in columns.
  if (b.attendees.length > 0) page.flow(top, [...head, ...page.chips(b.themes), page.h3(b.attendeesLabel), ...page.chips(b.attendees)]);
  else page.flowWithList(top, head, page.chips(b.themes));
  page.footer();
};
