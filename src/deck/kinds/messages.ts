/** A speaker's messages: one slide group per message group of the brief, the speaker above the points. */
import type { Rich } from '../text.js';
import type { Item, PersonView } from '../view.js';
import { allSources, defineKind, lines } from './kind.js';

export interface MessagesBody {
  speaker: PersonView;
  occasion: Rich | null;
  points: Item[];
}

/** The space between two points. */
const POINT_SPACE = 0.27;
/** The speaker's name, role and occasion above the points. */
const SPEAKER_LINES = 1.4;

export const messages = defineKind<MessagesBody>()({
  kind: 'messages',
  reads: ['messages'],
  scaffold: 'messages',
  labels: { ar: { messages: 'الرسائل الرئيسية' }, en: { messages: 'Key messages' } },
  slides(ctx) {
    (ctx.brief.messages ?? []).forEach((m, i) => {
      const speaker = ctx.personById(m.speaker);
      if (!speaker) return; // references are checked when the brief is loaded
      ctx.add({
        group: `messages-${i + 1}`,
        title: m.heading ?? ctx.labels.messages,
        notes: m.notes,
        sources: allSources(...m.points.map((p) => p.sources)),
        list: m.points,
        weight: (p) => lines(p.text) + POINT_SPACE,
        reserved: SPEAKER_LINES,
        origins: (_p, j) => [['messages', i, 'points', j, 'text']],
        body: (chunk) => ({ speaker: ctx.person(speaker), occasion: ctx.maybe(m.occasion), points: chunk.map((p) => ctx.item(p)) }),
      });
    });
  },
  citable: (brief) => (brief.messages ?? []).flatMap((m, i) => m.points.map((p, j) => ({ path: ['messages', i, 'points', j], sources: p.sources }))),
  notes: (brief) => (brief.messages ?? []).map((m, i) => ({ path: ['messages', i], notes: m.notes, name: 'this messages slide' })),
});
