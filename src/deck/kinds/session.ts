/**
 * The event's programme (../programme.ts): the sessions of a multi-session event, each a slide with its
 * title, its chair and its people followed by the messages given in it (their bookmarks under the
 * session's), and the messages given outside any session in their place in the programme (the messages kind
 * leaves its slides to this one).
 */
import type { MessageGroup, Person, Session } from '../../brief/schema.js';
import type { Rich } from '../text.js';
import type { Item, PeopleGroup, PersonView } from '../view.js';
import { dateText } from '../dates.js';
import { sessionMessages } from '../programme.js';
import { allSources, type ClaimFields, type DeckContext, defineKind, lines, POINT_SPACE } from './kind.js';
import { messages, planMessages } from './messages.js';
import { hasSlide } from './programme.js';
import { peopleGroups, personOrigins, personWeight, saidOnSpeakersSlide, sessionPeople } from './speakers.js';

export interface SessionBody {
  chair: PersonView | null;
  chairLabel: string;
  date: Rich | null;
  groups: PeopleGroup[];
  /**
   * What was said in the session, each speaker above their points (where the programme slide lists its people);
   * `with`: others the report gives the same words, their lines beneath the speaker's.
   */
  remarks: { speaker: PersonView; with: PersonView[]; occasion: Rich | null; points: Item[] }[];
}

/** A speaker's line above their points in a session's remarks. */
const REMARK_SPEAKER_LINES = 1.2;

/** The chair's line and its heading. */
const CHAIR_LINES = 2.4;

/** A session's title, subject and time as prose, its day, and its chair, whom the paragraphs it cites name. */
const SESSION_CLAIMS = { title: 'text', subject: 'text', time: 'text', chair: 'person-id', date: 'date' } as const satisfies ClaimFields<Session>;

/** A session's slide: its title, its chair and its people. */
function planSession(ctx: DeckContext<{ chaired: string; moderated: string }, SessionBody>, s: Session, i: number): void {
  const { brief } = ctx;
  const chair = s.chair === undefined ? undefined : ctx.personById(s.chair);
  // The chair is shown once, above the others (./speakers.ts sessionPeople).
  const people = sessionPeople(brief, s);
  const day = s.date === undefined ? undefined : dateText(brief, ctx.nf.digits, s.date);
  ctx.add({
    group: `session-${i + 1}`,
    title: s.title,
    notes: s.notes,
    sources: allSources(s.sources, chair?.sources, ...people.map((p) => p.sources)),
    list: people,
    weight: (p) => personWeight(ctx, p),
    reserved: chair ? CHAIR_LINES : 0,
    fixed: [['sessions', i, 'title']],
    origins: (p) => personOrigins(brief, p),
    body: (chunk, first) => ({
      chair: first && chair ? ctx.person(chair) : null,
      chairLabel: chair?.part === 'moderator' ? ctx.labels.moderated : ctx.labels.chaired,
      date: first ? ctx.maybe(day) : null,
      groups: peopleGroups(ctx, chunk, s.title),
      remarks: [],
    }),
  });
}

/**
 * A session that the programme slide already lists, with what was said in it: its title, its chair, then
 * each speaker's points under their name (a message group with a heading of its own keeps its slide, after
 * this one). Its people who said nothing the brief records are listed after them.
 */
function planSessionRemarks(ctx: DeckContext<{ chaired: string; moderated: string }, SessionBody>, s: Session, i: number): MessageGroup[] {
  const { brief } = ctx;
  const chair = s.chair === undefined ? undefined : ctx.personById(s.chair);
  const groups = sessionMessages(brief, s).filter(({ m }) => m.heading === undefined && ctx.personById(m.speaker) !== undefined);
  const spoke = new Set(groups.map(({ m }) => m.speaker));
  const silent = sessionPeople(brief, s).filter((p) => !spoke.has(p.id));
  // Speakers the report gives the same words (both spoke on the session's subject, and it says no more): their
  // points once, under the first speaker's line and the others' beneath it.
  const sameWords = (a: MessageGroup, b: MessageGroup) =>
    a.occasion === b.occasion && a.points.length === b.points.length && a.points.every((p, j) => p.text === b.points[j]!.text);
  const same = new Map<MessageGroup, string[]>();
  const shown: typeof groups = [];
  for (const g of groups) {
    const twin = shown.find(({ m }) => sameWords(m, g.m));
    if (twin) same.get(twin.m)!.push(g.m.speaker);
    else {
      shown.push(g);
      same.set(g.m, []);
    }
  }
  type Entry = { point: MessageGroup['points'][number]; m: MessageGroup; index: number; j: number } | { person: Person };
  const entries: Entry[] = [...shown.flatMap(({ m, index }) => m.points.map((point, j) => ({ point, m, index, j }))), ...silent.map((person) => ({ person }))];
  const day = s.date === undefined ? undefined : dateText(brief, ctx.nf.digits, s.date);
  ctx.add({
    group: `session-${i + 1}`,
    title: s.title,
    notes: [s.notes, ...groups.map(({ m }) => m.notes)].filter((n) => n !== undefined).join('\n\n') || undefined,
    // The speakers' own paragraphs too: their names and posts are on the slide.
    sources: allSources(
      s.sources,
      chair?.sources,
      ...groups.flatMap(({ m }) => [ctx.personById(m.speaker)?.sources, ...m.points.map((p) => p.sources)]),
      ...silent.map((p) => p.sources),
    ),
    list: entries,
    weight: (e) =>
      'person' in e
        ? personWeight(ctx, e.person)
        : lines(e.point.text) + POINT_SPACE + (e.j === 0 ? REMARK_SPEAKER_LINES * (1 + (same.get(e.m)?.length ?? 0)) : 0),
    reserved: chair ? CHAIR_LINES / 2 : 0,
    fixed: [['sessions', i, 'title']],
    origins: (e) => ('person' in e ? personOrigins(brief, e.person) : [['messages', e.index, 'points', e.j, 'text']]),
    body: (chunk, first) => {
      const remarks: SessionBody['remarks'] = [];
      let last: MessageGroup | undefined;
      for (const e of chunk) {
        if ('person' in e) continue;
        // An occasion that only names the session («الحديث في الجلسة الثانية») says nothing under its heading.
        const occasion = e.m.occasion !== undefined && !e.m.occasion.includes(s.title) ? e.m.occasion : undefined;
        if (e.m !== last) {
          const others = (same.get(e.m) ?? []).map((id) => ctx.person(ctx.personById(id)!));
          remarks.push({ speaker: ctx.person(ctx.personById(e.m.speaker)!), with: others, occasion: ctx.maybe(occasion), points: [] });
        }
        remarks[remarks.length - 1]!.points.push(ctx.item(e.point));
        last = e.m;
      }
      const people = chunk.flatMap((e) => ('person' in e ? [e.person] : []));
      return {
        chair: first && chair ? ctx.person(chair) : null,
        chairLabel: chair?.part === 'moderator' ? ctx.labels.moderated : ctx.labels.chaired,
        date: first ? ctx.maybe(day) : null,
        groups: peopleGroups(ctx, people, s.title),
        remarks,
      };
    },
  });
  return groups.map(({ m }) => m);
}

export const session = defineKind<SessionBody>()({
  kind: 'session',
  reads: ['sessions', 'people', 'messages'],
  scaffold: 'sessions',
  labels: { ar: { chaired: 'رئاسة الجلسة', moderated: 'إدارة الجلسة' }, en: { chaired: 'Chair', moderated: 'Moderator' } },
  slides(ctx) {
    const { brief } = ctx;
    const plan = ctx.programme();
    const { blocks, listed } = plan;
    // Message groups side by side in the programme are planned together (short ones share a slide).
    let pending: { m: MessageGroup; index: number }[] = [];
    const flush = () => {
      planMessages(ctx, messages, pending);
      pending = [];
    };
    for (const block of blocks) {
      // A part with nothing to say beyond its line of the programme is that line (./programme.ts).
      if (!hasSlide(brief, plan, block) || saidOnSpeakersSlide(ctx, block) !== null) continue;
      if (block.type === 'messages') pending.push({ m: block.group, index: block.index });
      else {
        flush();
        if (listed) {
          // The programme slide names its people: the session's slide says what they said.
          const said = planSessionRemarks(ctx, block.session, block.index);
          planMessages(
            ctx,
            messages,
            sessionMessages(brief, block.session).filter(({ m }) => !said.includes(m)),
            1,
          );
        } else {
          planSession(ctx, block.session, block.index);
          planMessages(ctx, messages, sessionMessages(brief, block.session), 1);
        }
      }
    }
    flush();
  },
  citable: (brief) => (brief.sessions ?? []).map((s, i) => ({ path: ['sessions', i], sources: s.sources, claims: SESSION_CLAIMS })),
  notes: (brief) => (brief.sessions ?? []).map((s, i) => ({ path: ['sessions', i], notes: s.notes, name: `the slide of the session "${s.title}"` })),
});
