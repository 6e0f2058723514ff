/** The overview: the summary as a lead, the facts a line each, the themes as a list (in columns when long). */
import { TYPE } from '../look.js';
import type { Writer } from '../page.js';

export const overview: Writer<'overview'> = (slide, page) => {
  const b = slide.body;
  const top = page.header();
  page.flowWithList(
    top,
    [
      ...(b.summary ? [page.lead(b.summary)] : []),
      ...b.facts.map((f) => page.para(page.fact(f, TYPE.factsInline), { after: 8 })),
      ...(b.themes.length ? [page.h3(page.deck.labels.themes)] : []),
    ],
    page.chips(b.themes),
  );
  page.footer();
};
