/**
 * The programme of an event of several sessions or parts: one slide (continued when long) listing each part
 * in the order the event ran (../programme.ts), with its date or time, its subject, who chaired or
 * moderated it and who spoke. A session about which the brief says nothing more (no message of its own) is
 * a line here, not a slide (./session.ts leaves it out); its speaker notes are this slide's.
 */
import type { Brief, Person, Point, Session } from '../../brief/schema.js';
import { dateText } from '../dates.js';
import { groupLabel, partWords } from '../parts.js';
import { type Block, discussionInLine, type Programme, saidInLine, sessionMessages } from '../programme.js';
import type { Rich } from '../text.js';
import type { Item } from '../view.js';
import { allSources, type DeckContext, defineKind, lines } from './kind.js';
import { sessionPeople } from './speakers.js';

export interface ProgrammeRow {
  /** Its day and time, as the brief gives them, or null. */
  when: Rich | null;
  /** The session's title, or the part ("الكلمة الرئيسية"). */
  title: Rich;
  subject: Rich | null;
  /** Who its people are, when it has no slide of its own to say it. */
  about: Rich | null;
  /** What it said, when that is one short point and it has no slide of its own (../programme.ts saidInLine). */
  said: Item | null;
  /** Who chaired or moderated it, and who spoke, each under its label. */
  people: { label: string | null; names: Rich }[];
  cite: string | null;
}

export interface ProgrammeBody {
  rows: ProgrammeRow[];
}

/**
 * Whether a part of the programme is a slide of its own: always when there is no programme to list it; else
 * a session with messages, and a message group, unless all it said is one short point, which its line holds.
 */
export function hasSlide(brief: Brief, plan: Programme, block: Block): boolean {
  if (!plan.listed) return true;
  if (saidInLine(brief, block) !== null) return false;
  return block.type === 'messages' || (brief.messages ?? []).some((m) => m.session === block.session.id);
}

/**
 * What a row takes, in lines of body type: its title, time and people on one line (wrapped when long) and
 * its subject below at the small size, at a line height of 1.45 of the body's 1.6, and the padding and rule
 * between rows.
 */
const ROW = { line: 0.91, small: 0.78, space: 0.3, chars: 76 } as const;

/** People by name. */
function names(ctx: DeckContext<unknown, unknown>, people: readonly Person[]): Rich {
  return ctx.rich(people.map((p) => ctx.personName(p)).join(ctx.brief.lang === 'ar' ? '، ' : ', '));
}

/**
 * Who the people of a part with no slide of its own are (no slide gives their role or affiliation): each
 * name and what they are, on a line below the part's.
 */
function whoIsWho(ctx: DeckContext<unknown, unknown>, people: readonly Person[]): Rich | null {
  const sep = ctx.brief.lang === 'ar' ? '، ' : ', ';
  const each = people.flatMap((p) => {
    const what = [p.role, p.affiliation].filter((t) => t !== undefined && t !== ctx.personName(p)).join(sep);
    return what === '' ? [] : [`${ctx.personName(p)}: ${what}`];
  });
  return each.length === 0 ? null : ctx.rich(each.join(ctx.brief.lang === 'ar' ? '؛ ' : '; '));
}

function sessionRow(ctx: DeckContext<ProgrammeLabels, unknown>, s: Session, said: Point | null, about: boolean): ProgrammeRow {
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
    about: about ? whoIsWho(ctx, [...(chair ? [chair] : []), ...speakers]) : null,
    said: said ? ctx.item(said) : null,
    people: [
      ...(chair ? [{ label: chair.part === 'moderator' ? ctx.labels.moderated : ctx.labels.chaired, names: names(ctx, [chair]) }] : []),
      ...parts.map((part) => {
        const those = speakers.filter((p) => p.part === part);
        // People whose part the report does not give: beside a chair or speakers, said to be in the session
        // (unlabelled, they read as more of whoever is named before them).
        const label = groupLabel(brief.lang, part, those.length) ?? (chair || parts.length > 1 ? ctx.labels.inSession : null);
        return { label, names: names(ctx, those) };
      }),
    ],
    cite: ctx.cite(allSources(s.sources, chair?.sources, ...speakers.map((p) => p.sources))),
  };
}

function rowWeight(row: ProgrammeRow): number {
  const text = (r: Rich | null) => (r ?? []).map((x) => x.text).join('');
  const line = [text(row.title), text(row.when), ...row.people.map((p) => `${p.label ?? ''} ${text(p.names)}`), row.cite ?? ''].join('   ');
  const below = [row.subject, row.about, row.said?.text ?? null].filter((r) => r !== null);
  return lines(line, ROW.chars) * ROW.line + below.reduce((n, r) => n + lines(text(r), 100) * ROW.small, 0) + ROW.space;
}

export interface ProgrammeLabels {
  programme: string;
  /** People of a session whose part the report does not give. */
  inSession: string;
  /** A discussion of one topic, as the programme's last line. */
  discussed: string;
  /** The session kind's: «رئاسة الجلسة», «إدارة الجلسة». */
  chaired: string;
  moderated: string;
}

export const programmeKind = defineKind<ProgrammeBody>()({
  kind: 'programme',
  reads: ['sessions', 'messages', 'people'],
  labels: {
    ar: { programme: 'البرنامج', inSession: 'في الجلسة', discussed: 'المناقشة' },
    en: { programme: 'Programme', inSession: 'In the session', discussed: 'Discussion' },
  },
  slides(ctx) {
    const { brief } = ctx;
    const plan = ctx.programme();
    if (!plan.listed) return;
    const { blocks } = plan;
    const rows = blocks.map((b): { row: ProgrammeRow; sources: number[] } => {
      const said = saidInLine(brief, b);
      const about = !hasSlide(brief, plan, b);
      // The deck merges every kind's words (../labels.ts): a session's chair is labelled as on its slide.
      if (b.type === 'session') {
        const row = sessionRow(ctx as unknown as DeckContext<ProgrammeLabels, unknown>, b.session, said, about);
        return { row, sources: allSources(b.session.sources, said?.sources) };
      }
      const speaker = ctx.personById(b.group.speaker);
      const sources = allSources(...b.group.points.map((p) => p.sources));
      return {
        row: {
          when: null,
          title: ctx.rich(b.group.occasion ?? partWords(brief.lang, speaker?.part).messages),
          subject: null,
          said: said ? ctx.item(said) : null,
          people: speaker ? [{ label: null, names: names(ctx, [speaker]) }] : [],
          about: about && speaker ? whoIsWho(ctx, [speaker]) : null,
          cite: ctx.cite(said ? speaker?.sources : sources),
        },
        sources: allSources(sources, speaker?.sources),
      };
    });
    // A discussion of one short topic: the last line, what it was about beneath its intro.
    const di = brief.discussion;
    const discussed = di && discussionInLine(brief, true) ? di : undefined;
    if (discussed) {
      const topic = discussed.topics[0]!;
      rows.push({
        row: {
          when: null,
          title: ctx.rich(discussed.heading ?? ctx.labels.discussed),
          subject: ctx.maybe(discussed.intro),
          said: ctx.item(topic),
          people: [],
          about: null,
          cite: null,
        },
        sources: allSources(topic.sources),
      });
    }
    // The notes of the parts that are lines here, not slides.
    const notes = [
      ...blocks.flatMap((b) => {
        if (hasSlide(brief, plan, b)) return [];
        const own = b.type === 'session' ? [b.session.notes, ...sessionMessages(brief, b.session).map(({ m }) => m.notes)] : [b.group.notes];
        return own.filter((n): n is string => n !== undefined);
      }),
      ...(discussed?.notes ? [discussed.notes] : []),
    ].join('\n\n');
    ctx.add({
      group: 'programme',
      title: ctx.labels.programme,
      notes: notes === '' ? undefined : notes,
      sources: rows.flatMap((r) => r.sources),
      list: rows,
      weight: (r) => rowWeight(r.row),
      reserved: 0,
      origins: (_r, i) => {
        const b = blocks[i];
        if (!b) return [['discussion', 'topics', 0, 'text']];
        const said = saidInLine(brief, b);
        const at =
          said === null
            ? []
            : b.type === 'messages'
              ? [['messages', b.index, 'points', 0, 'text']]
              : sessionMessages(brief, b.session).map(({ index }) => ['messages', index, 'points', 0, 'text']);
        return [b.type === 'session' ? ['sessions', b.index, 'title'] : ['messages', b.index], ...at];
      },
      body: (chunk) => ({ rows: chunk.map((r) => r.row) }),
    });
  },
});
