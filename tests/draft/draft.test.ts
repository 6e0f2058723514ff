/**
 * The drafter measured on real reports: for every fixture report, the draft against the brief an analyst
 * distilled from it by hand (people found and right by normalised name, their parts, the host, the date and
 * the Hijri date), and the claim check on the draft as written. The README's table is this test's output.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { dateGiven, hijriOf, hostsOf } from '../../src/brief/event.js';
import { peopleOf } from '../../src/brief/people.js';
import { paragraphsOf } from '../../src/brief/references.js';
import { Brief } from '../../src/brief/schema.js';
import { briefOf, draftFrom } from '../../src/draft/draft.js';
import { emitDraft } from '../../src/draft/emit.js';
import { claimFindings } from '../../src/lint/claims.js';
import { bareForms, tokenize } from '../../src/lint/normalise.js';
import { ReportIndex } from '../../src/lint/report-index.js';
import { repoRoot } from '../support/build.js';

const FIXTURES = [
  'briefs/issi-russia-roundtable.yaml',
  'tests/deck/briefs/aapso-arab-committees-conference.yaml',
  'tests/deck/briefs/abdelmalek-essaadi-summer-university-opening.yaml',
  'tests/deck/briefs/basra-cultural-centre-conference.yaml',
  'tests/deck/briefs/bu-pardee-graduate-conference-2016.yaml',
  'tests/deck/briefs/gulf-workshop.yaml',
  'tests/deck/briefs/ids-nato-istanbul-initiative.yaml',
  'tests/deck/briefs/iicr-cpec-new-crossroads-webinar.yaml',
  'tests/deck/briefs/lahore-school-social-sciences-conference-2015.yaml',
  'tests/deck/briefs/luxor-arab-youth-forum-opening.yaml',
  'tests/deck/briefs/national-centre-new-arab-order-conference.yaml',
  'tests/deck/briefs/nauss-counterterrorism-symposium-riyadh.yaml',
  'tests/deck/briefs/oic-unog-islamophobia-day-geneva.yaml',
  'tests/deck/briefs/pam-summit-of-the-future-side-event.yaml',
  'tests/deck/briefs/taif-rose-chair-workshop.yaml',
  'tests/lint/briefs/health-security-seminar.yaml',
];

const words = (name: string) =>
  tokenize(name)
    .filter((t) => t.kind !== 'number')
    .map((t) => t.form);
const sameName = (a: string, b: string) => {
  const x = words(a);
  const y = words(b);
  return x.length === y.length && x.every((w, i) => bareForms(w).some((f) => bareForms(y[i]!).includes(f)));
};
/** Host names agree: one is the other, or the other with words added after it («… في إسلام آباد»). */
const sameHost = (a: string, b: string) => {
  const [x, y] = [words(a), words(b)].sort((p, q) => p.length - q.length);
  return x!.length > 0 && x!.every((w, i) => bareForms(w).some((f) => bareForms(y![i]!).includes(f)));
};
const digits = (t: string) =>
  Array.from(t.normalize('NFKC'))
    .map((c) => (/[\u0660-\u0669]/.test(c) ? String(c.charCodeAt(0) - 0x660) : c))
    .join('')
    .replace(/[\sـ]/g, '');

interface Score {
  slug: string;
  drafted: number;
  hand: number;
  right: number;
  partsRight: number;
  host: boolean;
  date: string;
  hijri: string;
}

function score(file: string): Score {
  const hand = Brief.parse(parse(readFileSync(path.join(repoRoot, file), 'utf8')));
  const report = readFileSync(path.join(repoRoot, path.dirname(file), hand.source.file!), 'utf8');
  const draft = draftFrom(paragraphsOf(report));
  // The hand brief's people with a name, and the part their place in it gives (a participants' moderator moderated).
  const theirs = peopleOf(hand)
    .filter((p) => p.person.name ?? p.person.latin)
    .map((p) => ({
      name: (p.person.name ?? p.person.latin)!,
      part: p.person.part ?? (p.path.join('.') === 'participants.moderator' ? 'moderator' : undefined),
    }));
  let right = 0;
  let partsRight = 0;
  for (const p of draft.people) {
    const match = theirs.find((h) => sameName(h.name, p.name));
    if (!match) continue;
    right++;
    if (match.part === p.part) partsRight++;
  }
  // Dates compared by their parts, however each brief writes them (a day, its parts, a range; cited or not).
  const day = (d: { year?: number; month?: number; day?: number }) => [d.year, d.month, d.day].join('-');
  const asText = (g: ReturnType<typeof dateGiven>) => (g === undefined ? 'unknown' : g.kind === 'day' ? day(g.day) : `${day(g.from)}/${day(g.to)}`);
  const date = asText(dateGiven(hand.event.date));
  // The draft's date as the brief it writes has it (a day and month without a year included).
  const got = asText(dateGiven(Brief.parse(briefOf(draft)).event.date));
  const dateScore = JSON.stringify(date) === JSON.stringify(got) ? 'exact' : `${JSON.stringify(got)} (hand: ${JSON.stringify(date)})`;
  const handHijri = hijriOf(hand)?.text;
  const hijri =
    handHijri === undefined
      ? draft.event.hijri
        ? 'extra'
        : '—'
      : draft.event.hijri && digits(draft.event.hijri.value) === digits(handHijri)
        ? 'exact'
        : 'wrong';
  return {
    slug: hand.slug,
    drafted: draft.people.length,
    hand: theirs.length,
    right,
    partsRight,
    // A report that names no organiser (host: unknown): right when the draft names none either.
    host:
      hand.event.host === 'unknown'
        ? draft.event.host === undefined
        : draft.event.host !== undefined && hostsOf(hand).some(({ host }) => sameHost(draft.event.host!.value.institution, host.institution)),
    date: dateScore,
    hijri,
  };
}

describe('mujaz init --from: the draft', () => {
  const scores = FIXTURES.map(score);

  it('drafts people with precision ≥ 0.9 and recall ≥ 0.7, their parts right for ≥ 0.8 of those found, the host right', () => {
    const table = scores.map(
      (s) =>
        `| ${s.slug} | ${s.right}/${s.drafted} | ${s.right}/${s.hand} | ${s.partsRight}/${s.right} | ${s.host ? 'right' : 'wrong'} | ${s.date} | ${s.hijri} |`,
    );
    const sum = (k: 'drafted' | 'hand' | 'right' | 'partsRight') => scores.reduce((n, s) => n + s[k], 0);
    const precision = sum('right') / sum('drafted');
    const recall = sum('right') / sum('hand');
    const parts = sum('partsRight') / sum('right');
    table.push(`| all | ${precision.toFixed(2)} | ${recall.toFixed(2)} | ${parts.toFixed(2)} | ${scores.filter((s) => s.host).length}/${scores.length} | | |`);
    console.log(
      ['| report | people right / drafted | found / hand | parts right | host | date | Hijri |', '|---|---|---|---|---|---|---|', ...table].join('\n'),
    );
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.7);
    expect(parts).toBeGreaterThanOrEqual(0.8);
    expect(scores.filter((s) => s.host).length).toBeGreaterThanOrEqual(scores.length - 1);
  });

  it('gets the date and the Hijri date exactly where the report gives them', () => {
    const health = scores.find((s) => s.slug === 'health-security-seminar')!;
    expect(health.date).toBe('exact');
    expect(health.hijri).toBe('exact');
    expect(scores.find((s) => s.slug === 'bu-pardee-graduate-conference-2016')!.date).toBe('exact');
    // The reports that give no full date are drafted with none (the gulf brief's date is not in its report).
    for (const s of scores)
      if (!['health-security-seminar', 'bu-pardee-graduate-conference-2016'].includes(s.slug)) expect(s.date, s.slug).toMatch(/^("unknown"|exact)/);
  });

  it('writes drafts the claim check refuses nothing of, marked as drafts, each value with its paragraph', () => {
    for (const file of FIXTURES) {
      const hand = Brief.parse(parse(readFileSync(path.join(repoRoot, file), 'utf8')));
      const paragraphs = paragraphsOf(readFileSync(path.join(repoRoot, path.dirname(file), hand.source.file!), 'utf8'));
      const draft = draftFrom(paragraphs);
      const brief = Brief.parse(briefOf(draft, hand.slug, 'sources/x.txt'));
      expect(claimFindings(brief, new ReportIndex(paragraphs)), file).toEqual([]);
      const text = emitDraft(draft, { slug: hand.slug, sourceFile: 'sources/x.txt', schemaPath: 'schema.json', paragraphs });
      const data = Brief.parse(parse(text));
      expect(data.draft).toBe(true);
      expect(text.match(/# drafted from ¶\d+/g)?.length ?? 0, file).toBeGreaterThanOrEqual(draft.people.length);
    }
  });
});
