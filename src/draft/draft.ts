/**
 * Report → draft brief: the event (event.ts), the people and their parts (people.ts), the sessions and who
 * chaired them, and for each speaker the statements the report attributes to them, as candidate points.
 * Every value cites the paragraph it comes from and is checked by the claim check itself (src/lint/) before
 * it is kept: a value the check refuses is dropped, and a required one left a placeholder.
 */
import { partsOfDay } from '../brief/event.js';
import { Brief, type Part } from '../brief/schema.js';
import { briefNames, type Field } from '../lint/claim-fields.js';
import { arabicReport, claimFindings } from '../lint/claims.js';
import { namesDay } from '../lint/dates.js';
import { type Context, factsOf } from '../lint/facts.js';
import { bareForms, tokenize } from '../lint/normalise.js';
import { ReportIndex } from '../lint/report-index.js';
import { type DateValue, type EventFound, findEvent } from './event.js';
import { arabicMentions, cueAt, englishMentions, type Mention, noConj, sessionsIn } from './people.js';
import { BREAK, between, plainText, type Sentence, sentencesOf } from './text.js';
import { AR_POSTS, AR_SAYS, AR_TITLES, EN_SAYS } from './words.js';

type Path = (string | number)[];

export interface DraftPerson {
  id: string;
  name: string;
  latin?: string;
  title?: string;
  role?: string;
  affiliation?: string;
  part?: Part;
  session?: string;
  sources: number[];
}

export interface DraftSession {
  id: string;
  title: string;
  subject?: string;
  chair?: string;
  sources: number[];
}

export interface DraftPoint {
  text: string;
  sources: number[];
}

export interface DraftMessages {
  speaker: string;
  session?: string;
  points: DraftPoint[];
}

/** What the drafter found, each value with its paragraph: what the emitter (emit.ts) writes. */
export interface Draft {
  /** The brief's language: the report's unless the analyst asks for another. */
  lang: 'ar' | 'en';
  event: EventFound;
  people: DraftPerson[];
  sessions: DraftSession[];
  messages: DraftMessages[];
  /** Values the claim check refused, dropped from the draft (for the report to the analyst). */
  dropped: string[];
}

/** The language a report is written in: Arabic when its Arabic words are a fifth of its words or more. */
export function reportLang(paragraphs: readonly string[]): 'ar' | 'en' {
  return arabicReport(new ReportIndex(paragraphs)) ? 'ar' : 'en';
}

/** «ابن» and «بن» are one word inside a name («جمعان رشيد بن رقوش», «الدكتور ابن رقوش»). */
const nameWord = (w: string) => (w === 'ابن' ? 'بن' : w);
const sameName = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((w, i) => bareForms(nameWord(w)).some((f) => bareForms(nameWord(b[i]!)).includes(f)));

/** An id from a name: Latin letters kept, others numbered. */
function idFor(name: string, taken: Set<string>, fallback: string): string {
  const latin = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  let base = /^[a-z]/.test(latin) ? latin : fallback;
  let id = base;
  for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
  if (!/^[a-z]/.test(latin) && base === fallback) {
    base = fallback;
  }
  taken.add(id);
  return id;
}

/** The people of the mentions: one per name, the fullest form first seen, every paragraph that names them. */
function gather(mentions: readonly Mention[]): { people: DraftPerson[]; byMention: Map<Mention, DraftPerson> } {
  const people: (DraftPerson & { words: string[] })[] = [];
  const byMention = new Map<Mention, DraftPerson>();
  const taken = new Set<string>();
  for (const m of mentions) {
    // «الدكتور ابن رقوش» after «الدكتور جمعان رشيد بن رقوش»: the end of one name given before is that person.
    const ending = people.filter((q) => m.words.length >= 2 && q.words.length > m.words.length && sameName(q.words.slice(-m.words.length), m.words));
    let p = people.find((q) => sameName(q.words, m.words)) ?? (ending.length === 1 ? ending[0] : undefined);
    if (!p) {
      p = { id: idFor(m.name, taken, `person-${people.length + 1}`), name: m.name, words: m.words, sources: [] };
      people.push(p);
    }
    if (!p.sources.includes(m.n)) p.sources.push(m.n);
    if (m.title && !p.title) p.title = m.title;
    if (m.latin && !p.latin) p.latin = m.latin;
    // The post and affiliation of the first mention that gives either.
    if (!p.role && !p.affiliation) {
      if (m.role) p.role = m.role;
      if (m.affiliation) p.affiliation = m.affiliation;
    }
    // Being there («بحضور») gives way to what they did there («وألقى … كلمة»).
    if (m.part && (!p.part || (p.part === 'patron' && m.part !== 'patron'))) p.part = m.part;
    if (m.session && !p.session) p.session = m.session;
    byMention.set(m, p);
  }
  return { people: people.map(({ words: _, ...p }) => p), byMention };
}

/** The speaker a sentence attributes a statement to, if its wording makes it plain. */
function speakerOf(
  s: Sentence,
  mentions: readonly Mention[],
  people: readonly (DraftPerson & { last: string })[],
  byMention: Map<Mention, DraftPerson>,
  lang: 'ar' | 'en',
) {
  const tokens = s.tokens;
  const inSentence = mentions.filter((m) => m.n === s.n && m.start >= s.start && m.end <= s.end);
  if (lang === 'en') {
    for (const m of inSentence) {
      const rest = s.text.slice(m.end, s.end).replace(/^,[^,]{0,120},/, '');
      const verb = /^\s+(?:also\s+)?([a-z]+)/.exec(rest);
      if (verb && EN_SAYS.has(verb[1]!)) return { person: byMention.get(m)!, from: s.start };
    }
    // "Tirman focused on …": a family name, then the verb.
    for (let i = 0; i + 1 < tokens.length; i++) {
      const p = people.find((q) => q.last === tokens[i]!.form);
      if (p && EN_SAYS.has(tokens[i + 1]!.form) && /^\s+$/.test(between(s, tokens[i], tokens[i + 1]))) return { person: p, from: s.start };
    }
    return undefined;
  }
  for (const m of inSentence) {
    // The verb before the name, with only the title and post between: «وقال مدير المركز … الدكتور …».
    const first = tokens.findIndex((t) => t.start >= m.start);
    for (let p = first - 1; p >= 0 && first - p <= 14; p--) {
      if (BREAK.test(between(s, tokens[p], tokens[p + 1]))) break;
      if (AR_SAYS.has(noConj(tokens[p]!.form))) return { person: byMention.get(m)!, from: s.start };
    }
    // «…، الذي رحب …»: a relative clause after the name.
    const after = tokens.findIndex((t) => t.start >= m.end);
    for (let k = after; k >= 0 && k < tokens.length && k - after < 16; k++) {
      if (/^(الذي|التي)$/.test(tokens[k]!.form) && AR_SAYS.has(noConj(tokens[k + 1]?.form ?? '')))
        return { person: byMention.get(m)!, from: tokens[k + 1]!.start };
      if (/[.؛]/.test(between(s, tokens[k], tokens[k + 1]))) break;
    }
  }
  // «وأوضح السديري أن …»: the verb, then a family name.
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!AR_SAYS.has(noConj(tokens[i]!.form))) continue;
    const p = people.find((q) => bareForms(tokens[i + 1]!.form).includes(q.last));
    if (p) return { person: p, from: s.start };
  }
  return undefined;
}

/** A sentence that goes on with the last speaker: «وأشار إلى أن …», «كما سلط الضوء …», «علاوة على ذلك، أكد …». */
function continues(s: Sentence): boolean {
  const tokens = s.tokens;
  for (let i = 0; i < Math.min(tokens.length, 10); i++) {
    const t = tokens[i]!;
    if (!AR_SAYS.has(noConj(t.form))) continue;
    const opened = i === 0 ? /^[وف]/.test(t.form) : tokens[i - 1]!.form === 'كما' || /[،,]\s*$/.test(between(s, tokens[i - 1], t));
    const next = tokens[i + 1];
    const subject =
      next &&
      (AR_TITLES.has(noConj(next.form)) ||
        AR_POSTS.has(noConj(next.form)) ||
        bareForms(next.form).some((f) => AR_POSTS.has(f) || /^(جلسه|نقاش|ندوه|مناقشه|حلقه|ورشه|مشاركون|مشاركين|مؤتمر|لقاء|اجتماع|وفد|جانبان|حضور)$/.test(f)));
    return opened && !subject;
  }
  return false;
}

/** A sentence that names no one and states nothing attributable (a heading, a clause going on): the speaker holds. */
function neutral(s: Sentence): boolean {
  return !s.tokens.slice(0, 10).some((t, i) => AR_SAYS.has(noConj(t.form)) || cueAt(s.tokens, i, s) !== undefined);
}

const POINT_MAX = 600;

/** The drafter: the report's paragraphs in, what it states plainly out, each value cited and checked. */
export function draftFrom(paragraphs: readonly string[], language?: 'ar' | 'en'): Draft {
  // One index of the report: its words for the drafter, and the claim check's lookups.
  const index = new ReportIndex(paragraphs);
  const lang = language ?? (arabicReport(index) ? 'ar' : 'en');
  const sentences = index.paragraphs.flatMap((p) => sentencesOf(p.n, p.text, lang, p.tokens));
  const event = findEvent(sentences, lang);

  // People, paragraph by paragraph (a session named earlier in a paragraph holds for the people after it).
  const mentions: Mention[] = [];
  const sessionTitles: { title: string; n: number; subject?: string }[] = [];
  let n = 0;
  let state: { current?: string } = {};
  for (const s of sentences) {
    if (s.n !== n) {
      n = s.n;
      state = {};
    }
    if (lang === 'ar') {
      for (const x of sessionsIn(s)) {
        const known = sessionTitles.find((t) => t.title === x.title);
        if (!known) sessionTitles.push({ title: x.title, n: s.n, ...(x.subject ? { subject: x.subject } : {}) });
        else if (x.subject && !known.subject) known.subject = x.subject;
      }
      mentions.push(...arabicMentions(s, state));
    } else mentions.push(...englishMentions(s));
  }
  if (lang === 'en') {
    // "sessions including “…” and “…”", "The final panel, “Shifts in Migration”": quoted titles beside the
    // word; else "the first session", "the closing panel". A chair or moderator in a sentence of one session is its.
    for (const s of sentences) {
      const text = s.text.slice(s.start, s.end);
      if (!/\b(sessions?|panels?|workshops?|tracks?)\b/i.test(text)) continue;
      const quoted = [...text.matchAll(/“([^”]{3,150})”|"([^"]{3,150})"/g)].map((q) => (q[1] ?? q[2]!).replace(/[.,;:]+$/, '').trim());
      const ordinal = /\b(first|second|third|fourth|fifth|sixth|seventh|final|closing|opening|concluding) (session|panel)\b/i.exec(text);
      const titles =
        quoted.length > 0 ? quoted : ordinal ? [`${ordinal[1]![0]!.toUpperCase()}${ordinal[1]!.slice(1).toLowerCase()} ${ordinal[2]!.toLowerCase()}`] : [];
      for (const title of titles) if (!sessionTitles.some((t) => t.title === title)) sessionTitles.push({ title, n: s.n });
      if (titles.length === 1)
        for (const m of mentions) {
          if (m.n !== s.n || m.end < s.start) continue;
          // A chair or moderator in the sentence of one session is its; who speaks after it in its paragraph ("The
          // first speaker of the session Dr. X explored …", "Dr. Y looked into …") speaks in it.
          if (m.end <= s.end && (m.part === 'moderator' || m.part === 'chair')) m.session = titles[0]!;
          else if (m.start >= s.start && m.acts && (m.part === null || m.part === 'speaker') && m.session === undefined) {
            m.session = titles[0]!;
            m.part = 'speaker';
          }
        }
    }
  }
  // «السفير سهيل محمود الضوء على …»: a name the report gives shorter elsewhere is that name.
  for (const m of mentions) {
    const shorter = mentions.filter((o) => o.words.length >= 2 && o.words.length < m.words.length && sameName(o.words, m.words.slice(0, o.words.length)));
    const best = shorter.sort((a, b) => a.words.length - b.words.length)[0];
    if (!best) continue;
    m.words = m.words.slice(0, best.words.length);
    m.end = m.ends[best.words.length - 1]!;
    m.ends = m.ends.slice(0, best.words.length);
    m.name = plainText(m.text.slice(m.start, m.end));
    delete m.unclear;
  }
  for (let i = mentions.length - 1; i >= 0; i--) if (mentions[i]!.unclear) mentions.splice(i, 1);
  const { people, byMention } = gather(mentions);
  const sessions: DraftSession[] = sessionTitles.map((t, i) => ({
    id: `session-${i + 1}`,
    title: t.title,
    ...(t.subject ? { subject: t.subject } : {}),
    sources: [t.n],
  }));
  for (const p of people) {
    const session = sessions.find((x) => x.title === p.session);
    if (!session) {
      delete p.session;
      continue;
    }
    p.session = session.id;
    if (!session.sources.includes(p.sources[0]!)) session.sources.push(p.sources[0]!);
    if ((p.part === 'chair' || p.part === 'moderator') && !session.chair) session.chair = p.id;
  }
  // A session's chair whose own part is another (who opened the day, then chaired the second session).
  for (const [m, p] of byMention) {
    const session = sessions.find((x) => x.title === m.session);
    if (session && !session.chair && (m.part === 'chair' || m.part === 'moderator')) session.chair = p.id;
  }

  // Statements, each attributed where the wording names the speaker or plainly goes on with them.
  const withLast = people.map((p) => ({ ...p, last: bareForms(tokenize(p.name).at(-1)?.form ?? '').at(-1) ?? '' }));
  const messages: DraftMessages[] = [];
  let speaker: DraftPerson | undefined;
  for (const s of sentences) {
    const said = speakerOf(s, mentions, withLast, byMention, lang);
    let who: DraftPerson | undefined;
    let from = s.start;
    if (said) {
      who = people.find((p) => p.id === said.person.id);
      from = said.from;
    } else if (speaker && lang === 'ar' && continues(s)) who = speaker;
    else if (speaker && lang === 'ar' && neutral(s) && !mentions.some((m) => m.n === s.n)) {
      continue;
    }
    speaker = who;
    if (!who) continue;
    const text = plainText(s.text.slice(from, s.end)).replace(/[\s،,.;؛:]+$/, '');
    if (text.length < 12 || text.length > POINT_MAX) continue;
    let group = messages.find((m) => m.speaker === who!.id);
    if (!group) {
      group = { speaker: who.id, ...(who.session ? { session: who.session } : {}), points: [] };
      messages.push(group);
    }
    if (!group.points.some((p) => p.text === text)) group.points.push({ text, sources: [s.n] });
  }

  const draft: Draft = { lang, event, people, sessions, messages, dropped: [] };
  checkDraft(draft, index);
  return draft;
}

/** A value the claim check finds in its paragraph, by the check's own finders (for the fields no item cites). */
function stated(text: string, role: Field['role'], n: number, ctx: Context): boolean {
  const p = ctx.index.paragraphs[n - 1];
  if (!p) return false;
  const facts = factsOf({ path: [], text, role }, ctx);
  return facts.every((f) => f.found(p));
}

/**
 * The claim check on the draft, as `mujaz check` runs it: each refused value dropped (a person refused by
 * name goes with what names them), until the check refuses nothing; the event's values no item cites yet
 * (host, date, venue) checked against their paragraph by the same finders.
 */
export function checkDraft(draft: Draft, index: ReportIndex): void {
  for (let round = 0; round < 6; round++) {
    // A value the schema refuses (too long for its field) goes first, as the check would refuse the brief.
    const parsed = Brief.safeParse(briefOf(draft));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) dropInvalid(draft, issue.path as Path);
      continue;
    }
    const brief = parsed.data;
    const findings = claimFindings(brief, index);
    if (findings.length === 0) break;
    for (const f of findings) dropAt(draft, f.item, f.at, f.fact?.what ?? 'the citation');
  }
  const brief = Brief.parse(briefOf(draft));
  const ctx: Context = { index, ...briefNames(brief), arabicReport: arabicReport(index) };
  const ev = draft.event;
  const keep = <_T>(found: { n: number } | undefined, checks: [string | undefined, Field['role']][], what: string): boolean => {
    if (!found) return false;
    const ok = checks.every(([text, role]) => text === undefined || stated(text, role, found.n, ctx));
    if (!ok) draft.dropped.push(what);
    return ok;
  };
  if (
    ev.host &&
    !keep(
      ev.host,
      [
        [ev.host.value.institution, 'institution'],
        [ev.host.value.centre, 'institution'],
        [ev.host.value.city, 'place'],
      ],
      `the host "${ev.host.value.institution}"`,
    )
  )
    delete ev.host;
  if (ev.date && typeof ev.date.value === 'string' && !keep(ev.date, [[ev.date.value, 'date']], `the date ${ev.date.value}`)) delete ev.date;
  if (ev.date && typeof ev.date.value === 'object') {
    const { from, to } = ev.date.value;
    if (
      !keep(
        ev.date,
        [
          [to, 'date'],
          [from.slice(0, 8) + from.slice(8), 'text'],
        ],
        `the dates ${from} to ${to}`,
      )
    )
      delete ev.date;
  }
  if (ev.hijri && !keep(ev.hijri, [[ev.hijri.value, 'text']], `the Hijri date "${ev.hijri.value}"`)) delete ev.hijri;
  // A day and month without a year: its paragraph must name that day of that month (the claim check's reader).
  const part = ev.partDate;
  const partParagraph = part ? index.paragraphs[part.n - 1] : undefined;
  if (
    part?.day !== undefined &&
    (!partParagraph || [part.day, ...(part.to ? [part.to] : [])].some((day) => !namesDay(partParagraph, 'gregorian', day, part.month!)))
  ) {
    draft.dropped.push(`the date ${part.value}`);
    delete ev.partDate;
  }
  if (
    ev.venue &&
    !keep(
      ev.venue,
      [
        [ev.venue.value.name, 'institution'],
        [ev.venue.value.city, 'place'],
      ],
      'the venue',
    )
  )
    delete ev.venue;
  if (ev.kind && !keep(ev.kind, [[ev.kind.value, 'text']], `the kind "${ev.kind.value}"`)) delete ev.kind;
  if (ev.title && !keep(ev.title, [[ev.title.value, 'text']], `the title "${ev.title.value}"`)) delete ev.title;
}

/** A value the schema refuses, by its path: the field, or the item it is in. */
function dropInvalid(draft: Draft, at: Path): void {
  const ev = draft.event;
  const [section, i, key] = at;
  if (section === 'title') delete ev.title;
  else if (section === 'event' && i === 'kind') delete ev.kind;
  else if (section === 'event' && i === 'hijri') delete ev.hijri;
  else if (section === 'event' && i === 'host') delete ev.host;
  else if (section === 'event' && (i === 'themes' || i === 'organisers' || i === 'venue')) dropAt(draft, at.slice(0, i === 'venue' ? 2 : 3), at, 'too long');
  else if (section === 'messages' && typeof i === 'number') dropAt(draft, at.slice(0, 4), at, 'too long');
  else if (typeof i === 'number') dropAt(draft, [section!, i], key === 'role' || key === 'affiliation' ? at : [section!, i], 'too long');
  else draft.dropped.push(`a value the schema refuses at ${at.join('.')}`);
}

function dropAt(draft: Draft, item: Path, at: Path, what: string): void {
  const [section, i, sub, j] = item;
  const field = at[item.length];
  if (section === 'people' && typeof i === 'number') {
    const p = draft.people[i];
    if (!p) return;
    if (field === 'role' || field === 'affiliation') {
      delete p[field];
      draft.dropped.push(`the ${field} of ${p.name} (${what})`);
      return;
    }
    draft.people.splice(i, 1);
    draft.dropped.push(`${p.name} (${what})`);
    draft.messages = draft.messages.filter((m) => m.speaker !== p.id);
    for (const s of draft.sessions) if (s.chair === p.id) delete s.chair;
  } else if (section === 'sessions' && typeof i === 'number') {
    const s = draft.sessions[i];
    if (!s) return;
    if (field === 'chair' || field === 'subject') delete s[field];
    else {
      draft.sessions.splice(i, 1);
      for (const p of draft.people) if (p.session === s.id) delete p.session;
      for (const m of draft.messages) if (m.session === s.id) delete m.session;
    }
    draft.dropped.push(`the session "${s.title}" (${what})`);
  } else if (section === 'messages' && typeof i === 'number' && sub === 'points' && typeof j === 'number') {
    const m = draft.messages[i];
    if (!m) return;
    const [p] = m.points.splice(j, 1);
    draft.dropped.push(`a point of ${m.speaker} (${what}): ${p?.text.slice(0, 40)}`);
    if (m.points.length === 0) draft.messages.splice(i, 1);
  } else if (section === 'event' && i === 'themes' && typeof sub === 'number') {
    const [t] = draft.event.themes.splice(sub, 1);
    draft.dropped.push(`the theme "${t?.value}" (${what})`);
  } else if (section === 'event' && i === 'organisers' && typeof sub === 'number') {
    const [o] = draft.event.organisers.splice(sub, 1);
    draft.dropped.push(`the organiser "${o?.value.institution}" (${what})`);
  } else if (section === 'event' && i === 'venue') {
    delete draft.event.venue;
    draft.dropped.push(`the venue (${what})`);
  }
}

/** The placeholders of a draft, in the scaffold's one form (src/lint/placeholder.ts). */
export const PLACEHOLDERS = {
  ar: { title: '[عنوان العرض]', source: '[عنوان التقرير]', summary: '[ملخص الحدث في جملة أو جملتين]', kind: '[نوع الحدث]', host: '[المؤسسة المضيفة]' },
  en: { title: '[Deck title]', source: '[Report title]', summary: '[The event in a sentence or two]', kind: '[Kind of event]', host: '[Host institution]' },
} as const;

/** A drafted date in the form that cites: a day by its parts, a range by its ends. */
function citedDate(value: DateValue, n: number, weekday?: string): Record<string, unknown> {
  if (typeof value === 'string') return { ...(weekday ? { weekday } : {}), ...partsOfDay(value), sources: [n] };
  return { from: value.from, to: value.to, sources: [n] };
}

/** The draft as a brief's data, in the schema's shape (placeholders where nothing was drafted). */
export function briefOf(draft: Draft, slug = 'draft', sourceFile = 'sources/draft.txt'): Record<string, unknown> {
  const ev = draft.event;
  const ph = PLACEHOLDERS[draft.lang];
  // The event's facts cite the paragraph each was drafted from, as the claim check asks of them.
  const part = ev.partDate;
  const date =
    ev.date !== undefined
      ? citedDate(ev.date.value, ev.date.n, ev.weekday)
      : part?.weekday !== undefined && part.day === undefined
        ? { weekday: part.weekday, sources: [part.n] }
        : part?.day !== undefined
          ? part.to
            ? { from: { day: part.day, month: part.month }, to: { day: part.to, month: part.month }, sources: [part.n] }
            : { day: part.day, month: part.month, sources: [part.n] }
          : 'unknown';
  return {
    draft: true,
    slug,
    lang: draft.lang,
    dir: draft.lang === 'ar' ? 'rtl' : 'ltr',
    title: ev.title?.value ?? ph.title,
    source: { title: ph.source, file: sourceFile },
    event: {
      kind: ev.kind?.value ?? ph.kind,
      summary: ph.summary,
      date,
      ...(ev.hijri ? { hijri: { text: ev.hijri.value, sources: [ev.hijri.n] } } : {}),
      ...(draft.lang === 'en' && ev.monthFirst && ev.date ? { date_format: 'month-day-year' } : {}),
      host: ev.host ? { ...ev.host.value, sources: [ev.host.n] } : { institution: ph.host },
      ...(ev.organisers.length ? { organisers: ev.organisers.map((o) => ({ ...o.value, sources: [o.n] })) } : {}),
      ...(ev.venue ? { venue: { ...ev.venue.value, sources: [ev.venue.n] } } : {}),
      ...(ev.themes.length ? { themes: ev.themes.map((t) => ({ text: t.value, sources: [t.n] })) } : {}),
    },
    ...(draft.people.length
      ? {
          people: draft.people.map(({ id, name, latin, title, role, affiliation, part, session, sources }) => ({
            id,
            name,
            ...(latin ? { latin } : {}),
            ...(title ? { title } : {}),
            ...(role ? { role } : {}),
            ...(affiliation ? { affiliation } : {}),
            ...(part ? { part } : {}),
            ...(session ? { session } : {}),
            sources,
          })),
        }
      : {}),
    ...(draft.sessions.length ? { sessions: draft.sessions.map((s) => ({ ...s })) } : {}),
    ...(draft.messages.length ? { messages: draft.messages.map((m) => ({ ...m, points: m.points.map((p) => ({ ...p })) })) } : {}),
  };
}
