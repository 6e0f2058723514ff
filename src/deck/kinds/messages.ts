/**
 * A speaker's messages: one slide group per message group of the brief, the speaker above the points,
 * headed by what they are and whose («الكلمة الرئيسية: دان سميث», "Opening remarks: …"), unless the
 * brief gives a heading; short groups side by side share a slide, each point under its speaker's name. They are planned in the event's order with the sessions (./session.ts,
 * ../programme.ts): messages given in a session follow that session's slide.
 */
import type { MessageGroup } from '../../brief/schema.js';
import { partWords } from '../parts.js';
import type { Rich } from '../text.js';
import type { Item, PersonView } from '../view.js';
import { allSources, type DeckContext, defineKind, type Kind, lines, POINT_CLAIMS, POINT_SPACE } from './kind.js';

export interface MessagesBody {
  /** The speaker of a slide of one message group; null on a slide that several short ones share. */
  speaker: PersonView | null;
  occasion: Rich | null;
  points: Item[];
  /** On a shared slide: each speaker's name (and role) and points, in order. */
  remarks: { speaker: Rich; role: Rich | null; points: Item[] }[];
}

/** The speaker's name, role and occasion above the points. */
const SPEAKER_LINES = 1.4;
/** A message group this short (in lines of body type) shares a slide with the short ones beside it. */
const SHORT = 3;
/** What short groups may fill of a shared slide, their names included. */
const SHARED_ROOM = 9;
/** A speaker's name above their points on a shared slide. */
const NAME_LINES = 1;

const weightOf = (m: MessageGroup) => m.points.reduce((n, p) => n + lines(p.text) + POINT_SPACE, 0);

/**
 * Plans the slides of these message groups (each with its index in the brief's messages), in order: a group
 * with a heading of its own, or longer than SHORT, is a slide of its own; short groups side by side that are
 * the same kind of remarks share one, each point under its speaker's name, headed by what they are
 * («الحديث في الجلسة الثانية», "Panel remarks").
 */
export function planMessages(
  ctx: DeckContext<unknown, unknown>,
  kind: Kind<string, MessagesBody, unknown>,
  groups: { m: MessageGroup; index: number }[],
  level: 0 | 1 = 0,
): void {
  const known = groups.filter(({ m }) => ctx.personById(m.speaker) !== undefined); // references are checked when the brief is loaded
  // A short group shares a slide with its neighbours of the same kind, as does one of a few lines more (a point
  // of three lines, then one of two, are one slide, not two of a point each).
  const short = (m: MessageGroup) => m.heading === undefined && weightOf(m) <= SHORT;
  const modest = (m: MessageGroup) => m.heading === undefined && weightOf(m) <= 2 * SHORT;
  for (let i = 0; i < known.length; ) {
    const run = [known[i]!];
    let room = weightOf(known[i]!.m) + NAME_LINES;
    while (modest(known[i]!.m) && i + run.length < known.length) {
      const next = known[i + run.length]!;
      // Only groups of one kind share a slide (panellists' remarks), never an opening with a keynote; two of a few
      // lines more than short do not.
      if (
        !modest(next.m) ||
        (!short(next.m) && !run.every(({ m }) => short(m))) ||
        what(ctx, next.m) !== what(ctx, known[i]!.m) ||
        room + weightOf(next.m) + NAME_LINES > SHARED_ROOM
      )
        break;
      room += weightOf(next.m) + NAME_LINES;
      run.push(next);
    }
    if (run.length > 1) planShared(ctx, kind, run, level);
    else planOwn(ctx, kind, run[0]!, level);
    i += run.length;
  }
}

/** What a group's messages are, and whose: «الكلمة الرئيسية» (its occasion, else its speaker's part). */
function what(ctx: DeckContext<unknown, unknown>, m: MessageGroup): string {
  return m.occasion ?? partWords(ctx.brief.lang, ctx.personById(m.speaker)?.part).messages;
}

function planOwn(
  ctx: DeckContext<unknown, unknown>,
  kind: Kind<string, MessagesBody, unknown>,
  { m, index: i }: { m: MessageGroup; index: number },
  level: 0 | 1,
): void {
  const speaker = ctx.personById(m.speaker)!;
  ctx.addAs(kind, {
    group: `messages-${i + 1}`,
    title: m.heading ?? `${what(ctx, m)}: ${ctx.personName(speaker)}`,
    notes: m.notes,
    // The speaker's own paragraphs too: the name and the post under the heading are theirs.
    sources: allSources(speaker.sources, ...m.points.map((p) => p.sources)),
    list: m.points,
    weight: (p) => lines(p.text) + POINT_SPACE,
    reserved: 0,
    repeated: SPEAKER_LINES,
    origins: (_p, j) => [['messages', i, 'points', j, 'text']],
    // The occasion heads the slide («المحاضرة التي افتتحت بها الورشة: …») unless the brief gives a heading of its
    // own: it is not said again under the name.
    body: (chunk) => ({
      speaker: ctx.person(speaker),
      occasion: m.heading !== undefined ? ctx.maybe(m.occasion) : null,
      points: chunk.map((p) => ctx.item(p)),
      remarks: [],
    }),
    level,
  });
}

/** Short message groups on one slide, each point under its speaker's name. */
function planShared(
  ctx: DeckContext<unknown, unknown>,
  kind: Kind<string, MessagesBody, unknown>,
  run: { m: MessageGroup; index: number }[],
  level: 0 | 1,
): void {
  const whats = run.map(({ m }) => what(ctx, m));
  type Entry = { id: string; point: MessageGroup['points'][number]; at: (string | number)[] };
  const entries: Entry[] = run.flatMap(({ m, index }) => m.points.map((point, j) => ({ id: m.speaker, point, at: ['messages', index, 'points', j, 'text'] })));
  ctx.addAs(kind, {
    group: `messages-${run[0]!.index + 1}`,
    title: whats[0]!,
    notes: run.flatMap(({ m }) => (m.notes ? [m.notes] : [])).join('\n\n') || undefined,
    // The speakers' own paragraphs too: their names and posts are on the slide.
    sources: allSources(...run.flatMap(({ m }) => [ctx.personById(m.speaker)?.sources, ...m.points.map((p) => p.sources)])),
    list: entries,
    weight: (e) => lines(e.point.text) + POINT_SPACE + NAME_LINES / 2,
    reserved: 0,
    origins: (e) => [e.at],
    body: (chunk) => {
      const remarks: MessagesBody['remarks'] = [];
      let last: string | undefined;
      for (const e of chunk) {
        if (e.id !== last) {
          const view = ctx.person(ctx.personById(e.id)!);
          remarks.push({ speaker: [...(view.title ? [...view.title, ...ctx.rich(' ')] : []), ...view.primary], role: view.secondary, points: [] });
        }
        remarks[remarks.length - 1]!.points.push(ctx.item(e.point));
        last = e.id;
      }
      return { speaker: null, occasion: null, points: [], remarks };
    },
    level,
  });
}

export const messages: Kind<'messages', MessagesBody, Record<never, never>> = defineKind<MessagesBody>()({
  kind: 'messages',
  reads: ['messages', 'sessions'],
  scaffold: 'messages',
  labels: { ar: {}, en: {} },
  // Planned in the programme's order, with the sessions (./session.ts).
  slides() {},
  citable: (brief) =>
    (brief.messages ?? []).flatMap((m, i) => m.points.map((p, j) => ({ path: ['messages', i, 'points', j], sources: p.sources, claims: POINT_CLAIMS }))),
  notes: (brief) => (brief.messages ?? []).map((m, i) => ({ path: ['messages', i], notes: m.notes, name: 'this messages slide' })),
});
