/** src/brief/people.ts: every person of a brief, once, in the declared order, at the path that holds them. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBrief } from '../../src/brief/load.js';
import { peopleOf, personById } from '../../src/brief/people.js';
import { bundledBrief, repoRoot } from '../support/build.js';

const briefs = [bundledBrief, ...['aapso-arab-committees-conference', 'gulf-workshop'].map((n) => path.join(repoRoot, 'tests', 'deck', 'briefs', `${n}.yaml`))];

/** people, then delegation members, then the moderator, then those who joined. */
const ORDER = ['people', 'delegations', 'moderator', 'joined'];
const place = (at: (string | number)[]) => (at[0] === 'participants' ? String(at[1]) : String(at[0]));

describe('peopleOf', () => {
  it.each(briefs)('lists every person of %s at their path, in order', async (file) => {
    const { brief } = await loadBrief(file);
    const listed = peopleOf(brief);
    const count =
      (brief.people?.length ?? 0) +
      (brief.delegations ?? []).reduce((n, d) => n + d.members.length, 0) +
      (brief.participants?.moderator ? 1 : 0) +
      (brief.participants?.joined?.length ?? 0);
    expect(listed).toHaveLength(count);
    for (const { person, path: at } of listed) {
      let v: unknown = brief;
      for (const k of at) v = (v as Record<string | number, unknown>)[k];
      expect(v).toBe(person);
      expect(personById(brief, person.id)).toBe(person);
    }
    const places = listed.map((p) => ORDER.indexOf(place(p.path)));
    expect(places.every((i) => i >= 0)).toBe(true);
    expect([...places].sort((a, b) => a - b)).toEqual(places);
  });
});
