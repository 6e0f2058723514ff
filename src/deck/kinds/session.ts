/**
 * The event's programme (../programme.ts): the sessions of a multi-session event, each a slide with its
 * title, its chair and its people followed by the messages given in it (their bookmarks under the
 * session's), and the messages given outside any session in their place in the programme (the messages kind
 * leaves its slides to this one).
 */
import type { MessageGroup, Session } from '../../brief/schema.js';
import type { Rich } from '../text.js';
import type { PeopleGroup, PersonView } from '../view.js';
import { dateText } from '../dates.js';
import { programme, sessionMessages } from '../programme.js';
import { allSources, type ClaimFields, type DeckContext, defineKind } from './kind.js';
import { messages, planMessages } from './messages.js';
import { sessionHasSlide } from './programme.js';
import { peopleGroups, personOrigins, personWeight, sessionPeople } from './speakers.js';

export interface SessionBody {
  chair: PersonView | null;
  chairLabel: string;
  date: Rich | null;
  groups: PeopleGroup[];
}

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
    }),
  });
}

export const session = defineKind<SessionBody>()({
  kind: 'session',
  reads: ['sessions', 'people', 'messages'],
  scaffold: 'sessions',
  labels: { ar: { chaired: 'رئاسة الجلسة', moderated: 'إدارة الجلسة' }, en: { chaired: 'Chair', moderated: 'Moderator' } },
  slides(ctx) {
    const { brief } = ctx;
    const blocks = programme(brief, (id) => ctx.personById(id));
    // Message groups side by side in the programme are planned together (short ones share a slide).
    let pending: { m: MessageGroup; index: number }[] = [];
    const flush = () => {
      planMessages(ctx, messages, pending);
      pending = [];
    };
    for (const block of blocks) {
      if (block.type === 'messages') pending.push({ m: block.group, index: block.index });
      // A session with nothing to say beyond its line of the programme is that line (./programme.ts).
      else if (sessionHasSlide(brief, blocks, block.session)) {
        flush();
        planSession(ctx, block.session, block.index);
        planMessages(ctx, messages, sessionMessages(brief, block.session), 1);
      }
    }
    flush();
  },
  citable: (brief) => (brief.sessions ?? []).map((s, i) => ({ path: ['sessions', i], sources: s.sources, claims: SESSION_CLAIMS })),
  notes: (brief) => (brief.sessions ?? []).map((s, i) => ({ path: ['sessions', i], notes: s.notes, name: `the slide of the session "${s.title}"` })),
});
