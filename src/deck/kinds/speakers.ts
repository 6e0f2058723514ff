/** The speakers: the people of the brief who are in no delegation and no session, under their part. */
import { peopleOf } from '../../brief/people.js';
import type { Brief, Person } from '../../brief/schema.js';
import { PART_ORDER, partWords } from '../parts.js';
import type { BriefPath, PeopleGroup } from '../view.js';
import { allSources, type DeckContext, defineKind, lines, PERSON, PERSON_CLAIMS } from './kind.js';

export interface SpeakersBody {
  groups: PeopleGroup[];
}

/** The heading over each part's group. */
const GROUP_HEADING = 1.2;

/** People in the order of their parts (PART_ORDER), the brief's order within a part. */
export function byPart(people: readonly Person[]): Person[] {
  return [...people].sort((a, b) => PART_ORDER.indexOf(a.part ?? 'none') - PART_ORDER.indexOf(b.part ?? 'none'));
}

/** The people of a slide, grouped under their part's heading. */
export function peopleGroups(ctx: DeckContext<unknown, unknown>, people: readonly Person[]): PeopleGroup[] {
  const groups: PeopleGroup[] = [];
  for (const p of byPart(people)) {
    const label = partWords(ctx.brief.lang, p.part).group;
    const last = groups[groups.length - 1];
    if (last && last.label === label) last.people.push(ctx.person(p));
    else groups.push({ label, people: [ctx.person(p)] });
  }
  return groups;
}

/** Where a person's texts are in the brief, for the fit's messages. */
export function personOrigins(brief: Brief, p: Person): BriefPath[] {
  const fields = ['name', 'latin', 'role', 'affiliation'] as const;
  const base = peopleOf(brief).find((e) => e.person === p)?.path;
  return base ? fields.filter((f) => p[f] !== undefined).map((f) => [...base, f]) : [];
}

/** What a person weighs in a list grouped by part (the group's heading is shared out among its people). */
export function personWeight(ctx: DeckContext<unknown, unknown>, p: Person): number {
  return lines(ctx.personText(p), PERSON.chars) + PERSON.space + GROUP_HEADING / 2;
}

export const speakers = defineKind<SpeakersBody>()({
  kind: 'speakers',
  reads: ['people', 'sessions'],
  scaffold: 'people',
  labels: { ar: { speakers: 'المتحدثون' }, en: { speakers: 'Speakers' } },
  slides(ctx) {
    const { brief } = ctx;
    const sessions = new Set((brief.sessions ?? []).map((s) => s.id));
    const people = byPart((brief.people ?? []).filter((p) => p.session === undefined || !sessions.has(p.session)));
    if (people.length === 0) return;
    ctx.add({
      group: 'speakers',
      title: brief.people_heading ?? ctx.labels.speakers,
      notes: undefined,
      sources: allSources(...people.map((p) => p.sources)),
      list: people,
      weight: (p) => personWeight(ctx, p),
      reserved: 0,
      origins: (p) => personOrigins(brief, p),
      body: (chunk) => ({ groups: peopleGroups(ctx, chunk) }),
    });
  },
  citable: (brief) => (brief.people ?? []).map((p, j) => ({ path: ['people', j], sources: p.sources, claims: PERSON_CLAIMS })),
});
