/**
 * The speakers: the people of the brief who are in no delegation and no session (nor named on the programme
 * slide), under their part; no slide when each has a messages slide that says who they are.
 */
import { peopleOf } from '../../brief/people.js';
import type { Brief, Person, Point, Session } from '../../brief/schema.js';
import { type Block, saidInLine } from '../programme.js';
import { groupLabel, inNumber, PART_ORDER } from '../parts.js';
import type { BriefPath, PeopleGroup } from '../view.js';
import { allSources, type DeckContext, defineKind, lines, PERSON, PERSON_CLAIMS, POINT_SPACE } from './kind.js';

export interface SpeakersBody {
  groups: PeopleGroup[];
}

/** The heading over each part's group. */
const GROUP_HEADING = 1.2;

/** People in the order of their parts (PART_ORDER), the brief's order within a part. */
export function byPart(people: readonly Person[]): Person[] {
  return [...people].sort((a, b) => PART_ORDER.indexOf(a.part ?? 'none') - PART_ORDER.indexOf(b.part ?? 'none'));
}

/**
 * The people of a slide, grouped under their part's heading (in number with them: «المتحدث», «المتحدثان»,
 * «المتحدثون»); people without a part under none, and no heading that repeats the slide's own.
 */
export function peopleGroups(
  ctx: DeckContext<unknown, unknown>,
  people: readonly Person[],
  heading?: string,
  said: (p: Person) => Point | null = () => null,
): PeopleGroup[] {
  const parts: { part: Person['part']; people: Person[] }[] = [];
  for (const p of byPart(people)) {
    const last = parts[parts.length - 1];
    if (last && last.part === p.part) last.people.push(p);
    else parts.push({ part: p.part, people: [p] });
  }
  return parts.map(({ part, people: members }) => {
    const label = groupLabel(ctx.brief.lang, part, members.length);
    return {
      label: label === heading ? null : label,
      people: members.map((p) => {
        const point = said(p);
        return point ? { ...ctx.person(p), said: ctx.item(point) } : ctx.person(p);
      }),
    };
  });
}

/**
 * The people a session's slide and its line of the programme list: everyone who names the session but its
 * chair (shown apart) and the participants' moderator (the participants slide shows them), by part.
 */
export function sessionPeople(brief: Brief, session: Session): Person[] {
  const everyone = peopleOf(brief).flatMap(({ person, path }) => (path[0] === 'participants' && path[1] === 'moderator' ? [] : [person]));
  return byPart(everyone.filter((p) => p.session === session.id && p.id !== session.chair));
}

/** Where a person's texts are in the brief, for the fit's messages. */
export function personOrigins(brief: Brief, p: Person): BriefPath[] {
  const fields = ['name', 'latin', 'role', 'affiliation', 'affiliation_latin'] as const;
  const base = peopleOf(brief).find((e) => e.person === p)?.path;
  return base ? fields.filter((f) => p[f] !== undefined).map((f) => [...base, f]) : [];
}

/** What a person weighs in a list grouped by part (the group's heading is shared out among its people). */
export function personWeight(ctx: DeckContext<unknown, unknown>, p: Person): number {
  return lines(ctx.personText(p), PERSON.chars) + PERSON.space + GROUP_HEADING / 2;
}

/**
 * The speakers slide's heading: the part of everyone on it when they share one («المتحدث الرئيسي»,
 * "Moderator"), in number with them; else «المتحدثون», or «المتحدثون والحضور» when a patron attended
 * without speaking («الحضور» when only patrons did). When the report does not give the part of someone on it, not
 * all of them are known to have spoken: «الشخصيات», "People".
 */
function speakersHeading(ctx: DeckContext<SpeakersLabels, unknown>, people: readonly Person[]): string {
  const { lang } = ctx.brief;
  const parts = new Set(people.map((p) => p.part));
  if (parts.has(undefined)) return ctx.labels.people;
  if (parts.size === 1) {
    const [part] = parts;
    if (part === 'patron') return ctx.labels.present;
    return groupLabel(lang, part, people.length) ?? inNumber(ctx.labels.speakers, people.length);
  }
  return parts.has('patron') ? ctx.labels.speakersAndPresent : ctx.labels.speakers[2];
}

/**
 * Who the speakers slide lists. With a programme slide, the programme is the cast: who spoke outside the
 * sessions is on it (their line, or their messages slide), with their role, and the speakers slide lists the
 * others. Without one, the speakers slide is the cast, whole, unless it would say nothing new: when everyone
 * on it has a messages slide (or a place on a shared one) that gives their role and their part (the part is
 * the slide's occasion, unless the group names one of its own: «الترحيب في بداية حلقة النقاش» by the moderator).
 */
function onSpeakersSlide(ctx: DeckContext<unknown, unknown>): Person[] {
  const { brief } = ctx;
  const sessions = new Set((brief.sessions ?? []).map((s) => s.id));
  const { blocks, listed } = ctx.programme();
  const groups = blocks.flatMap((b) => (b.type === 'messages' ? [b.group] : []));
  const outside = byPart((brief.people ?? []).filter((p) => p.session === undefined || !sessions.has(p.session)));
  const named = new Set(groups.map((g) => g.speaker));
  const shown = new Set(groups.flatMap((g) => (g.occasion === undefined || ctx.personById(g.speaker)?.part === undefined ? [g.speaker] : [])));
  return listed ? outside.filter((p) => !named.has(p.id)) : outside.every((p) => shown.has(p.id)) ? [] : outside;
}

/**
 * Without a programme slide, a message group whose speaker the speakers slide lists, when all it said is one
 * short point (../programme.ts saidInLine): that point is beneath the speaker's line there, not a slide of its
 * own (the Taif workshop's opening lecture: one point, on a slide of its own after the speakers slide).
 */
export function saidOnSpeakersSlide(ctx: DeckContext<unknown, unknown>, block: Block): Point | null {
  if (block.type !== 'messages' || ctx.programme().listed) return null;
  // (One group of the speaker's: a line holds one point.)
  if ((ctx.brief.messages ?? []).filter((m) => m.speaker === block.group.speaker).length !== 1) return null;
  const point = saidInLine(ctx.brief, block);
  return point && onSpeakersSlide(ctx).some((p) => p.id === block.group.speaker) ? point : null;
}

export interface SpeakersLabels {
  speakers: readonly [string, string, string];
  present: string;
  speakersAndPresent: string;
  /** People some of whom the report gives no part. */
  people: string;
}

export const speakers = defineKind<SpeakersBody>()({
  kind: 'speakers',
  reads: ['people', 'sessions'],
  scaffold: 'people',
  labels: {
    // The heading agrees in number with the people under it: one, two, three or more.
    ar: { speakers: ['المتحدث', 'المتحدثان', 'المتحدثون'], present: 'الحضور', speakersAndPresent: 'المتحدثون والحضور', people: 'الشخصيات' } as SpeakersLabels,
    en: {
      speakers: ['Speaker', 'Speakers', 'Speakers'],
      present: 'In attendance',
      speakersAndPresent: 'Speakers and guests',
      people: 'People',
    } as SpeakersLabels,
  },
  slides(ctx) {
    const { brief } = ctx;
    const people = onSpeakersSlide(ctx);
    if (people.length === 0) return;
    const title = brief.people_heading ?? speakersHeading(ctx, people);
    // What each said, when it is one short point with no slide of its own (saidOnSpeakersSlide).
    const said = new Map(
      ctx.programme().blocks.flatMap((b) => {
        const point = saidOnSpeakersSlide(ctx, b);
        return point && b.type === 'messages' ? [[b.group.speaker, { point, index: b.index, notes: b.group.notes }] as const] : [];
      }),
    );
    const notes = [...said.values()].flatMap((s) => (s.notes ? [s.notes] : [])).join('\n\n');
    ctx.add({
      group: 'speakers',
      title,
      notes: notes === '' ? undefined : notes,
      sources: allSources(...people.map((p) => p.sources), ...[...said.values()].map((s) => s.point.sources)),
      list: people,
      weight: (p) => personWeight(ctx, p) + (said.has(p.id) ? lines(said.get(p.id)!.point.text) + POINT_SPACE : 0),
      reserved: 0,
      origins: (p) => [...personOrigins(brief, p), ...(said.has(p.id) ? [['messages', said.get(p.id)!.index, 'points', 0, 'text'] as BriefPath] : [])],
      body: (chunk) => ({ groups: peopleGroups(ctx, chunk, title, (p) => said.get(p.id)?.point ?? null) }),
    });
  },
  citable: (brief) => (brief.people ?? []).map((p, j) => ({ path: ['people', j], sources: p.sources, claims: PERSON_CLAIMS })),
});
