/** A delegation: one slide per delegation, its side and its members (more slides when they are many). */
import type { Rich } from '../text.js';
import type { PersonView } from '../view.js';
import { allSources, defineKind, lines, PERSON, PERSON_CLAIMS } from './kind.js';
import { personOrigins } from './speakers.js';

export interface DelegationBody {
  side: Rich | null;
  members: PersonView[];
}

/** The line naming the side the delegation represents. */
const SIDE_LINE = 1.3;

export const delegation = defineKind<DelegationBody>()({
  kind: 'delegation',
  reads: ['delegations'],
  scaffold: 'delegations',
  labels: { ar: {}, en: {} },
  slides(ctx) {
    (ctx.brief.delegations ?? []).forEach((d, i) => {
      ctx.add({
        group: `delegation-${i + 1}`,
        title: d.name,
        notes: d.notes,
        sources: allSources(d.sources, ...d.members.map((m) => m.sources)),
        list: d.members,
        weight: (m) => lines(ctx.personText(m), PERSON.chars) + PERSON.space,
        reserved: 0,
        repeated: d.side ? SIDE_LINE : 0,
        origins: (m) => personOrigins(ctx.brief, m),
        body: (chunk) => ({ side: d.side === undefined ? null : ctx.withLatin(d.side, d.side_latin), members: chunk.map((m) => ctx.person(m)) }),
      });
    });
  },
  citable: (brief) =>
    (brief.delegations ?? []).flatMap((d, i) =>
      d.members.map((m, j) => ({ path: ['delegations', i, 'members', j], sources: m.sources, claims: PERSON_CLAIMS })),
    ),
  // The side a delegation represents is the brief's own: a text may name it where the report does not.
  names: (brief) => ({ places: (brief.delegations ?? []).map((d) => d.side) }),
  notes: (brief) => (brief.delegations ?? []).map((d, i) => ({ path: ['delegations', i], notes: d.notes, name: `the slide of ${d.name}` })),
});
