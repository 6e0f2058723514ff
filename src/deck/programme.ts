/**
 * The event's programme: its sessions and the message groups given outside any session, in the order the
 * event ran. The analyst's order is kept, and a part with a place of its own in a programme takes it: the
 * welcome, the opening and the patron's address first, then the keynote, then the sessions and every other
 * part in the order written (a session where its first message group is written, else after the session
 * before it), and the closing remarks last. A session's own message groups follow it.
 */
import type { Brief, MessageGroup, Part, Person, Session } from '../brief/schema.js';

export type Block = { type: 'session'; session: Session; index: number } | { type: 'messages'; group: MessageGroup; index: number };

/** Where a part falls in a programme: 0 first, 1 before the sessions, 2 with them, 3 last. */
const PLACE: Partial<Record<Part, number>> = { welcome: 0, opening: 0, patron: 0, keynote: 1, closing: 3, rapporteur: 3 };
const WITH_SESSIONS = 2;

export function programme(brief: Brief, personById: (id: string) => Person | undefined): Block[] {
  const sessions = brief.sessions ?? [];
  const known = new Set(sessions.map((s) => s.id));
  const messages = brief.messages ?? [];
  const keyed: { block: Block; place: number; at: number }[] = [];
  messages.forEach((group, index) => {
    if (group.session !== undefined && known.has(group.session)) return;
    const part = personById(group.speaker)?.part;
    keyed.push({ block: { type: 'messages', group, index }, place: (part && PLACE[part]) ?? WITH_SESSIONS, at: index });
  });
  let previous = -1;
  sessions.forEach((session, index) => {
    const first = messages.findIndex((m) => m.session === session.id);
    // A session with no message group of its own comes right after the session before it.
    const at = first >= 0 ? Math.max(first, previous + 1e-3) : previous + 1e-3;
    previous = at;
    keyed.push({ block: { type: 'session', session, index }, place: WITH_SESSIONS, at });
  });
  return keyed.sort((a, b) => a.place - b.place || a.at - b.at).map((k) => k.block);
}

/** The message groups given in a session, in the order written. */
export function sessionMessages(brief: Brief, session: Session): { m: MessageGroup; index: number }[] {
  return (brief.messages ?? []).flatMap((m, index) => (m.session === session.id ? [{ m, index }] : []));
}
