/**
 * A speaker's messages: one slide group per message group of the brief, the speaker above the points,
 * headed by what they are and whose («الكلمة الرئيسية: دان سميث», "Opening remarks: …"), unless the
 * brief gives a heading. They are planned in the event's order with the sessions (./session.ts,
 * ../programme.ts): messages given in a session follow that session's slide.
 */
import type { MessageGroup } from '../../brief/schema.js';
import { partWords } from '../parts.js';
import type { Rich } from '../text.js';
import type { Item, PersonView } from '../view.js';
import { allSources, type DeckContext, defineKind, type Kind, lines, POINT_CLAIMS, POINT_SPACE } from './kind.js';

export interface MessagesBody {
  speaker: PersonView;
  occasion: Rich | null;
  points: Item[];
}

/** The speaker's name, role and occasion above the points. */
const SPEAKER_LINES = 1.4;

/** Plans the slides of these message groups (each with its index in the brief's messages). */
export function planMessages(
  ctx: DeckContext<unknown, unknown>,
  kind: Kind<string, MessagesBody, unknown>,
  groups: { m: MessageGroup; index: number }[],
  level: 0 | 1 = 0,
): void {
  for (const { m, index: i } of groups) {
    const speaker = ctx.personById(m.speaker);
    if (!speaker) continue; // references are checked when the brief is loaded
    const what = m.occasion ?? partWords(ctx.brief.lang, speaker.part).messages;
    ctx.addAs(kind, {
      group: `messages-${i + 1}`,
      title: m.heading ?? `${what}: ${ctx.personName(speaker)}`,
      notes: m.notes,
      sources: allSources(...m.points.map((p) => p.sources)),
      list: m.points,
      weight: (p) => lines(p.text) + POINT_SPACE,
      reserved: 0,
      repeated: SPEAKER_LINES,
      origins: (_p, j) => [['messages', i, 'points', j, 'text']],
      body: (chunk) => ({ speaker: ctx.person(speaker), occasion: ctx.maybe(m.occasion), points: chunk.map((p) => ctx.item(p)) }),
      level,
    });
  }
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
