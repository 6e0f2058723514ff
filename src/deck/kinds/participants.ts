/** Who else took part: the moderator, officials who joined the discussion, and the groups who attended. */
import type { Brief, Person, Point } from '../../brief/schema.js';
import type { Item, PersonView } from '../view.js';
import { allSources, CHIP, defineKind, lines, PERSON_CLAIMS, POINT_CLAIMS } from './kind.js';
import { personOrigins } from './speakers.js';

export interface ParticipantsBody {
  moderator: PersonView | null;
  joined: PersonView[];
  attendees: Item[];
  /** The heading over the attendees, unless it is the slide's own. */
  attendeesLabel: string | null;
}

type Entry = { kind: 'joined'; p: Person } | { kind: 'attendee'; p: Point };

/** A person who joined: their line and the space under it (role on a line of its own). */
const JOINED_SPACE = 1.1;
/** The moderator block's heading and space; the heading of the list below. */
const MODERATOR_SPACE = 1.2;
const LIST_HEADING = 1.2;

/** Attendees this few and short are a line of the overview (./overview.ts), not a slide of their own. */
const FEW = { groups: 4, chars: 200 } as const;

/** The attendees, when they are all the participants part says and few: the overview shows them. */
export function fewAttendees(brief: Brief): Point[] | null {
  const pa = brief.participants;
  const attendees = pa?.attendees ?? [];
  if (!pa || pa.moderator || (pa.joined ?? []).length > 0 || attendees.length === 0 || attendees.length > FEW.groups) return null;
  return attendees.reduce((n, a) => n + Array.from(a.text).length, 0) <= FEW.chars ? attendees : null;
}

export const participants = defineKind<ParticipantsBody>()({
  kind: 'participants',
  reads: ['participants'],
  scaffold: 'participants',
  labels: {
    ar: { participants: 'المشاركون وإدارة الجلسة', participantsOnly: 'المشاركون', moderator: 'إدارة الجلسة', joined: 'انضم إلى النقاش', attendees: 'الحضور' },
    en: {
      participants: 'Participants and moderation',
      participantsOnly: 'Participants',
      moderator: 'Moderator',
      joined: 'Joined the discussion',
      attendees: 'Attendees',
    },
  },
  slides(ctx) {
    const pa = ctx.brief.participants;
    if (!pa || fewAttendees(ctx.brief)) return;
    const joined = pa.joined ?? [];
    const entries: Entry[] = [...joined.map((p): Entry => ({ kind: 'joined', p })), ...(pa.attendees ?? []).map((p): Entry => ({ kind: 'attendee', p }))];
    // Headed by what it holds: moderation only when someone moderated, the attendees alone as such.
    const title = pa.heading ?? (pa.moderator ? ctx.labels.participants : joined.length > 0 ? ctx.labels.participantsOnly : ctx.labels.attendees);
    ctx.add({
      group: 'participants',
      title,
      notes: pa.notes,
      sources: allSources(pa.moderator?.sources, ...joined.map((j) => j.sources), ...(pa.attendees ?? []).map((a) => a.sources)),
      list: entries,
      weight: (e) => (e.kind === 'joined' ? lines(ctx.personText(e.p)) + JOINED_SPACE : lines(e.p.text, CHIP.chars) * CHIP.line),
      origins: (e, j) => (e.kind === 'joined' ? personOrigins(ctx.brief, e.p) : [['participants', 'attendees', j - joined.length, 'text']]),
      reserved: pa.moderator ? lines(ctx.personText(pa.moderator)) + MODERATOR_SPACE : 0,
      // A heading over the people who joined and one over the attendees, on every slide that holds them.
      repeated: LIST_HEADING * ((joined.length > 0 ? 1 : 0) + ((pa.attendees ?? []).length > 0 ? 1 : 0)),
      body: (chunk, first) => ({
        moderator: first && pa.moderator ? ctx.person(pa.moderator) : null,
        joined: chunk.flatMap((e) => (e.kind === 'joined' ? [ctx.person(e.p)] : [])),
        attendees: chunk.flatMap((e) => (e.kind === 'attendee' ? [ctx.item(e.p)] : [])),
        attendeesLabel: ctx.labels.attendees === title ? null : ctx.labels.attendees,
      }),
    });
  },
  citable: (brief) => {
    const pa = brief.participants;
    return [
      ...(pa?.moderator ? [{ path: ['participants', 'moderator'], sources: pa.moderator.sources, claims: PERSON_CLAIMS }] : []),
      ...(pa?.joined ?? []).map((m, j) => ({ path: ['participants', 'joined', j], sources: m.sources, claims: PERSON_CLAIMS })),
      ...(pa?.attendees ?? []).map((m, j) => ({ path: ['participants', 'attendees', j], sources: m.sources, claims: POINT_CLAIMS })),
    ];
  },
  notes: (brief) =>
    brief.participants
      ? [
          {
            path: ['participants'],
            notes: brief.participants.notes,
            name: fewAttendees(brief) ? 'the overview slide (its attendees)' : 'the participants slide',
          },
        ]
      : [],
});
