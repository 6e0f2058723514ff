/**
 * The programme of an event of several sessions or parts: one slide (continued when long) listing each part
 * in the order the event ran (../programme.ts), with its date or time, its subject, who chaired or
 * moderated it and who spoke. A session about which the brief says nothing more (no message of its own) is
 * a line here, not a slide (./session.ts leaves it out); its speaker notes are this slide's.
 */
import type { Brief, Person, Session } from '../../brief/schema.js';
import { dateText } from '../dates.js';
import { groupLabel, partWords } from '../parts.js';
import { programme, type Block } from '../programme.js';
import type { Rich } from '../text.js';
import { allSources, type DeckContext, defineKind, lines } from './kind.js';
import { sessionPeople } from './speakers.js';

export interface ProgrammeRow {
  /** Its day and time, as the brief gives them, or null. */
  when: Rich | null;
  /** The session's title, or the part ("الكلمة الرئيسية"). */
  title: Rich;
  subject: Rich | null;
  /** Who chaired or moderated it, and who spoke, each under its label. */
  people: { label: string | null; names: Rich }[];
  cite: string | null;
}

export interface ProgrammeBody {
  rows: ProgrammeRow[];
}

/** The programme is a slide of its own for several sessions, or one session among several parts. */
export function hasProgramme(brief: Brief, blocks: readonly Block[]): boolean {
  const sessions = brief.sessions?.length ?? 0;
  return sessions >= 2 || (sessions === 1 && blocks.length >= 3);
}

/** Whether a session is a slide of its own: when it has messages, or when there is no programme to list it. */
export function sessionHasSlide(brief: Brief, blocks: readonly Block[], session: Session): boolean {
  return !hasProgramme(brief, blocks) || (brief.messages ?? []).some((m) => m.session === session.id);
}

/**
 * What a row takes, in lines of body type: its title, time and people on one line (wrapped when long) and
 * its subject below at the small size, at a line height of 1.45 of the body's 1.6, and the padding and rule
 * between rows.
 */
const ROW = { line: 0.91, small: 0.78, space: 0.3, chars: 76 } as const;

function names(ctx: DeckContext<unknown, unknown>, people: readonly Person[]): Rich {
  return ctx.rich(people.map((p) => ctx.personName(p)).join(ctx.brief.lang === 'ar' ? '، ' : ', '));
}

function sessionRow(ctx: DeckContext<ProgrammeLabels, unknown>, s: Session): ProgrammeRow {
  const { brief } = ctx;
  const chair = s.chair === undefined ? undefined : ctx.personById(s.chair);
  const speakers = sessionPeople(brief, s);
  const parts = [...new Set(speakers.map((p) => p.part))];
  const day = s.date === undefined ? undefined : dateText(brief, ctx.nf.digits, s.date);
  const when = [day, s.time].filter((t): t is string => t !== undefined).join(brief.lang === 'ar' ? '، ' : ', ');
  return {
    when: when === '' ? null : ctx.rich(when),
    title: ctx.rich(s.title),
    subject: ctx.maybe(s.subject),
    people: [
      ...(chair ? [{ label: chair.part === 'moderator' ? ctx.labels.moderated : ctx.labels.chaired, names: names(ctx, [chair]) }] : []),
      ...parts.map((part) => {
        const those = speakers.filter((p) => p.part === part);
        return { label: groupLabel(brief.lang, part, those.length), names: names(ctx, those) };
      }),
    ],
    cite: ctx.cite(allSources(s.sources)),
  };
}

function rowWeight(row: ProgrammeRow): number {
  const text = (r: Rich | null) => (r ?? []).map((x) => x.text).join('');
  const line = [text(row.title), text(row.when), ...row.people.map((p) => `${p.label ?? ''} ${text(p.names)}`), row.cite ?? ''].join('   ');
  return lines(line, ROW.chars) * ROW.line + (row.subject ? lines(text(row.subject), 100) * ROW.small : 0) + ROW.space;
}

export interface ProgrammeLabels {
  programme: string;
  /** The session kind's: «رئاسة الجلسة», «إدارة الجلسة». */
  chaired: string;
  moderated: string;
}

export const programmeKind = defineKind<ProgrammeBody>()({
  kind: 'programme',
  reads: ['sessions', 'messages', 'people'],
  labels: {
    ar: { programme: 'البرنامج' },
    en: { programme: 'Programme' },
  },
  slides(ctx) {
    const { brief } = ctx;
    const blocks = programme(brief, (id) => ctx.personById(id));
    if (!hasProgramme(brief, blocks)) return;
    const rows = blocks.map((b): { row: ProgrammeRow; sources: number[] } => {
      // The deck merges every kind's words (../labels.ts): a session's chair is labelled as on its slide.
      if (b.type === 'session')
        return { row: sessionRow(ctx as unknown as DeckContext<ProgrammeLabels, unknown>, b.session), sources: allSources(b.session.sources) };
      const speaker = ctx.personById(b.group.speaker);
      const sources = allSources(...b.group.points.map((p) => p.sources));
      return {
        row: {
          when: null,
          title: ctx.rich(b.group.occasion ?? partWords(brief.lang, speaker?.part).messages),
          subject: null,
          people: speaker ? [{ label: null, names: names(ctx, [speaker]) }] : [],
          cite: ctx.cite(sources),
        },
        sources,
      };
    });
    // The notes of the sessions that are lines here, not slides.
    const notes = blocks
      .flatMap((b) => (b.type === 'session' && !sessionHasSlide(brief, blocks, b.session) && b.session.notes ? [b.session.notes] : []))
      .join('\n\n');
    ctx.add({
      group: 'programme',
      title: ctx.labels.programme,
      notes: notes === '' ? undefined : notes,
      sources: rows.flatMap((r) => r.sources),
      list: rows,
      weight: (r) => rowWeight(r.row),
      reserved: 0,
      origins: (_r, i) => {
        const b = blocks[i]!;
        return b.type === 'session' ? [['sessions', b.index, 'title']] : [['messages', b.index]];
      },
      body: (chunk) => ({ rows: chunk.map((r) => r.row) }),
    });
  },
});
