/** The participants: the moderator, those who joined, the attendees as chips, each under its heading. */
import type { Writer } from '../page.js';

export const participants: Writer<'participants'> = (slide, page) => {
  const b = slide.body;
  const L = page.deck.labels;
  page.flow(page.header(), [
    ...(b.moderator ? [page.h3(L.moderator), page.person(b.moderator)] : []),
    ...(b.joined.length ? [page.h3(L.joined), ...page.people(b.joined)] : []),
    ...(b.attendees.length ? [...(b.attendeesLabel ? [page.h3(b.attendeesLabel)] : []), page.chips(b.attendees)] : []),
  ]);
  page.footer();
};
