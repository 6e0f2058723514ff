/** A session: its date, its chair, what each speaker said in it (and what it was), its people under their part's heading. */
import type { PersonView } from '../../deck/view.js';
import { TYPE } from '../look.js';
import { GAP, type Page, type Writer } from '../page.js';

/** A speaker's name in bold, then their post, muted: the line above what they said. */
function speakerLine(page: Page, person: PersonView) {
  return [
    ...page.personSpans({ ...person, secondary: null }, true),
    ...(person.secondary ? [page.plain(GAP, { size: page.body }), ...page.rich(person.secondary, { size: page.body, color: page.color.muted })] : []),
  ];
}

export const session: Writer<'session'> = (slide, page) => {
  const b = slide.body;
  page.flow(page.header(), [
    ...(b.date ? [page.side(b.date)] : []),
    ...(b.chair ? [page.h3(b.chairLabel), page.person(b.chair)] : []),
    // What was said in it, each speaker above their points.
    ...b.remarks.flatMap((r) => [
      page.para(
        [
          ...speakerLine(page, r.speaker),
          // What it was (a paper, the chair's summing-up), as the deck's chip says it.
          ...(r.occasion ? [page.plain(GAP, { size: page.body }), ...page.rich(r.occasion, { size: TYPE.occasion, color: page.color.accent })] : []),
        ],
        { before: 6, after: 6 },
      ),
      // Others the report gives the same words, beneath the speaker's line.
      ...r.with.map((w) => page.para(speakerLine(page, w), { after: 6 })),
      ...r.points.map((p) => page.bullet(p)),
    ]),
    ...page.groups(b.groups),
  ]);
  page.footer();
};
