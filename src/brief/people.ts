/**
 * A brief's people, written in four places: `people`, each delegation's members, the participants' moderator
 * and those who joined. Every list of them is this one, in this order (ids are checked, looked up, and their
 * names known to the claim check in it); a place that means fewer filters it and says why.
 */
import type { Brief, Person } from './schema.js';

/** A person of the brief, and where it is written. */
export interface PlacedPerson {
  person: Person;
  /** Its path in the brief: ['people', 0], ['delegations', 1, 'members', 2], ['participants', 'moderator']. */
  path: (string | number)[];
}

/** Every person of the brief, with its path. */
export function peopleOf(brief: Brief): PlacedPerson[] {
  const out: PlacedPerson[] = [];
  brief.people?.forEach((person, j) => out.push({ person, path: ['people', j] }));
  brief.delegations?.forEach((d, i) => d.members.forEach((person, j) => out.push({ person, path: ['delegations', i, 'members', j] })));
  const pa = brief.participants;
  if (pa?.moderator) out.push({ person: pa.moderator, path: ['participants', 'moderator'] });
  pa?.joined?.forEach((person, j) => out.push({ person, path: ['participants', 'joined', j] }));
  return out;
}

/** The person of that id (the first, should two share it). */
export function personById(brief: Brief, id: string): Person | undefined {
  return peopleOf(brief).find((p) => p.person.id === id)?.person;
}
