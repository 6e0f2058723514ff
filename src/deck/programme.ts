/**
 * The event's programme: its sessions and the message groups given outside any session, in the order the
 * event ran. A part with a place of its own in a programme takes it: the welcome, the opening and the
 * patron's address first, then the keynote, and the closing remarks last, each in the order written. The
 * sessions (in their order) and every other message group (in the order written) come between, woven
 * together by where the report tells them (the first paragraph each cites), then by the order written. A
 * session's own message groups follow it.
 */
import type { Brief, MessageGroup, Part, Person, Point, Session } from '../brief/schema.js';

export type Block = { type: 'session'; session: Session; index: number } | { type: 'messages'; group: MessageGroup; index: number };

/** Where a part falls in a programme: 0 first, 1 before the sessions, 2 with them, 3 last. */
const PLACE: Partial<Record<Part, number>> = { welcome: 0, opening: 0, patron: 0, keynote: 1, closing: 3, rapporteur: 3 };
const WITH_SESSIONS = 2;

interface Keyed {
  block: Block;
  place: number;
  /** The first paragraph of the report it cites: the report tells the event in order. */
  paragraph: number;
  /** Its place in the order written (a session's: its first message group's, else just after the session before it). */
  at: number;
}

const firstOf = (...lists: (readonly number[] | undefined)[]) => Math.min(...lists.flatMap((l) => l ?? []));

/** Two lists in one, each keeping its own order: at each step the head that comes first in the report, then as written. */
function merge(a: Keyed[], b: Keyed[]): Keyed[] {
  const out: Keyed[] = [];
  let [i, j] = [0, 0];
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && (x.paragraph - y.paragraph || x.at - y.at) <= 0)) {
      out.push(x!);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  return out;
}

function programme(brief: Brief, personById: (id: string) => Person | undefined): Block[] {
  const sessions = brief.sessions ?? [];
  const known = new Set(sessions.map((s) => s.id));
  const messages = brief.messages ?? [];
  const own: Keyed[] = [];
  messages.forEach((group, index) => {
    if (group.session !== undefined && known.has(group.session)) return;
    const part = personById(group.speaker)?.part;
    const paragraph = firstOf(...group.points.map((p) => p.sources));
    own.push({ block: { type: 'messages', group, index }, place: (part && PLACE[part]) ?? WITH_SESSIONS, paragraph, at: index });
  });
  let previous = -1;
  const inSessions = sessions.map((session, index): Keyed => {
    const first = messages.findIndex((m) => m.session === session.id);
    const at = first >= 0 ? Math.max(first, previous + 1e-3) : previous + 1e-3;
    previous = at;
    const paragraph = firstOf(session.sources, ...messages.filter((m) => m.session === session.id).flatMap((m) => m.points.map((p) => p.sources)));
    return { block: { type: 'session', session, index }, place: WITH_SESSIONS, paragraph, at };
  });
  const placed = (n: number) => own.filter((k) => k.place === n);
  return [...placed(0), ...placed(1), ...merge(placed(WITH_SESSIONS), inSessions), ...placed(3)].map((k) => k.block);
}

/** The message groups given in a session, in the order written. */
export function sessionMessages(brief: Brief, session: Session): { m: MessageGroup; index: number }[] {
  return (brief.messages ?? []).flatMap((m, index) => (m.session === session.id ? [{ m, index }] : []));
}

/** A point short enough to be said on its programme line (in characters: one line of the programme's subject). */
const LINE_POINT = 90;

/**
 * The one short point of a part of the programme, when that is all the brief says it said: the part is then
 * a line of the programme with its point beneath, not a slide of its own. A message group with a heading of
 * its own keeps its slide.
 */
export function saidInLine(brief: Brief, block: Block): Point | null {
  const groups = block.type === 'session' ? sessionMessages(brief, block.session).map(({ m }) => m) : [block.group];
  if (groups.length !== 1 || groups[0]!.heading !== undefined) return null;
  const points = groups[0]!.points;
  return points.length === 1 && Array.from(points[0]!.text).length <= LINE_POINT ? points[0]! : null;
}

/** The programme is a slide of its own for several sessions, or one session among several parts. */
function hasProgramme(brief: Brief, blocks: readonly Block[]): boolean {
  const sessions = brief.sessions?.length ?? 0;
  return sessions >= 2 || (sessions === 1 && blocks.length >= 3);
}

/** The event's programme as the deck plans it: its parts in order, and whether a programme slide lists them. */
/**
 * A discussion that is one short topic (and at most a short line before it): with a programme slide, the
 * programme's last line, not a slide of one point of its own («جرت بعد كلمة السفير … مناقشة: البيان الختامي
 * للمؤتمر»).
 */
export function discussionInLine(brief: Brief, listed: boolean): boolean {
  const di = brief.discussion;
  if (!listed || !di || di.topics.length !== 1) return false;
  const topic = di.topics[0]!;
  return !topic.regions?.length && Array.from(topic.text).length <= LINE_POINT && Array.from(di.intro ?? '').length <= 2 * LINE_POINT;
}

export interface Programme {
  blocks: readonly Block[];
  listed: boolean;
}

export function programmeOf(brief: Brief, personById: (id: string) => Person | undefined): Programme {
  const blocks = programme(brief, personById);
  return { blocks, listed: hasProgramme(brief, blocks) };
}
