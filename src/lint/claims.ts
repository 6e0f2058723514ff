/**
 * The claim check: every item that cites the report is checked against the paragraphs it cites.
 *
 * The hard facts an item states must occur in those paragraphs: its numbers, years and dates (in either
 * digit system, Hijri or Gregorian; a number word matches its digits), its Latin names and acronyms, the names
 * of the brief's people and institutions, an institution named by its opening noun («جامعة القاهرة»), the
 * word after a title («السفير ألبرت»), and places. Words are compared in the one form of normalise.ts, so
 * «بالمعهد» is «المعهد» and «الإستراتيجية» is «الاستراتيجية».
 *
 * An item whose content words its cited paragraphs do not share (none of them, or little of what another
 * paragraph of the report says nearly all of) is reported as a likely wrong citation.
 */
import type { Document } from 'yaml';
import type { LoadedBrief } from '../brief/load.js';
import { peopleOf, personById } from '../brief/people.js';
import type { Brief, Person } from '../brief/schema.js';
import { diagnosticAt, type SourceText } from '../brief/source-text.js';
import { pathInWords } from '../brief/validate.js';
import { citableItems } from '../deck/kinds/index.js';
import type { Diagnostic } from '../errors.js';
import { bareForms, sameWord, similarWord, type Token, tokenize } from './normalise.js';
import { PLACEHOLDER } from './placeholder.js';
import { isStop, type Paragraph, ReportIndex, statedNumbers } from './report-index.js';
import { INSTITUTION_HEADS, PLACES, TITLES } from './words.js';

type Path = (string | number)[];

/** How much of a cited paragraph a finding quotes. */
const QUOTED = 60;

type Match = 'same' | 'similar';

const matches = (mode: Match) => (mode === 'same' ? sameWord : similarWord);

/** The words of `name` in order in the paragraph, each within three words of the one before. */
function sequenceIn(name: readonly string[], p: Paragraph, index: ReportIndex, mode: Match): boolean {
  if (name.length === 0) return true;
  if (!name.every((w) => index[mode](w).has(p.n))) return false;
  const same = matches(mode);
  const tokens = p.tokens;
  for (let i = 0; i < tokens.length; i++) {
    if (!same(name[0]!, tokens[i]!.form)) continue;
    let at = i;
    let ok = true;
    for (const w of name.slice(1)) {
      let found = -1;
      for (let j = at + 1; j <= Math.min(tokens.length - 1, at + 3); j++) {
        if (same(w, tokens[j]!.form)) {
          found = j;
          break;
        }
      }
      if (found < 0) {
        ok = false;
        break;
      }
      at = found;
    }
    if (ok) return true;
  }
  return false;
}

/** A person's name: all of it in order, or (a name of several words) the family name, said again alone. */
function personIn(words: readonly string[], p: Paragraph, index: ReportIndex): boolean {
  if (sequenceIn(words, p, index, 'same')) return true;
  const last = words[words.length - 1]!;
  return words.length > 1 && last.length >= 4 && index.same(last).has(p.n);
}

/** An institution's name: two thirds of its words at least (a report shortens names, a brief writes them out). */
function institutionIn(words: readonly string[], p: Paragraph, index: ReportIndex): boolean {
  const content = words.filter((w) => !isStop(w));
  if (content.length === 0) return true;
  if (content.length <= 2) return sequenceIn(content, p, index, 'similar');
  return content.filter((w) => index.similar(w).has(p.n)).length >= Math.ceil((content.length * 2) / 3);
}

/** A fact an item states, where in its text it stands, and how to find it in a paragraph. */
interface Fact {
  /** How the finding names it: «the year "2019"». */
  what: string;
  /** UTF-16 offsets in the field's text. */
  start: number;
  end: number;
  found: (p: Paragraph) => boolean;
}

/** A text of an item: the field it is in, and what it is. */
interface Field {
  path: Path;
  text: string;
  /** gloss: a Latin form beside an Arabic name, which a report in Arabic need not write. */
  role: 'text' | 'name' | 'institution' | 'place' | 'date' | 'gloss';
}

/** The names the brief gives its people and institutions, as words. */
interface KnownName {
  words: string[];
  kind: 'person' | 'institution';
  shown: string;
}

function knownNames(brief: Brief): KnownName[] {
  const out: KnownName[] = [];
  const add = (text: string | undefined, kind: KnownName['kind']) => {
    if (!text) return;
    const words = tokenize(text)
      .filter((t) => t.kind !== 'number')
      .map((t) => t.form);
    // One word of one or two letters is no name to look for («د.»); a name of a few words is.
    if (words.length === 0 || (words.length === 1 && words[0]!.length < 3)) return;
    if (!out.some((n) => n.words.join(' ') === words.join(' '))) out.push({ words, kind, shown: text });
  };
  const person = (p: Person) => {
    add(p.name, 'person');
    add(p.latin, 'person');
    add(p.affiliation, 'institution');
  };
  for (const p of peopleOf(brief)) person(p.person);
  const host = brief.event.host;
  add(host.institution, 'institution');
  add(host.latin, 'institution');
  add(host.centre, 'institution');
  brief.event.organisers?.forEach((o) => {
    add(o.institution, 'institution');
    add(o.latin, 'institution');
  });
  return out;
}

/** The brief's own places (the host's city and country, the venue, each delegation's side): paraphrase may name them. */
function ownPlaces(brief: Brief): string[][] {
  const texts = [
    brief.event.host.city,
    brief.event.host.country,
    brief.event.venue?.city,
    brief.event.venue?.country,
    ...(brief.delegations ?? []).map((d) => d.side),
  ];
  return texts.filter((t): t is string => t !== undefined).map((t) => tokenize(t).map((x) => x.form));
}

/** Characters that join the pieces of one Latin term: «COVID-19», «S-400», «P5+1», «x=1», «4G». */
const JOINED = /^[-+=/.&_:×^'’]*$/;

interface Term {
  /** The term's words, each as its pieces: «Sergei Lavrov» → [[sergei], [lavrov]]; «P5+1» → [[p, 5, 1]]. */
  words: Token[][];
  start: number;
  end: number;
}

/** The Latin runs of an Arabic text, or the names and acronyms of an English one. */
function latinTerms(tokens: readonly Token[], text: string, arabicText: boolean): Term[] {
  // Pieces joined without a space are one word.
  const words: Token[][] = [];
  for (const t of tokens) {
    const last = words[words.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && t.kind !== 'arabic' && prev.kind !== 'arabic' && JOINED.test(text.slice(prev.end, t.start))) last!.push(t);
    else words.push([t]);
  }
  const latin = words.filter((w) => w.some((t) => t.kind === 'latin'));
  const span = (w: Token[]) => [w[0]!.start, w[w.length - 1]!.end] as const;
  if (arabicText) {
    // In Arabic text, Latin words with only spaces between are one run («Hypersonic weapons»).
    const runs: Term[] = [];
    for (const w of latin) {
      const [s, e] = span(w);
      const last = runs[runs.length - 1];
      if (last && /^\s+$/.test(text.slice(last.end, s))) {
        last.words.push(w);
        last.end = e;
      } else runs.push({ words: [w], start: s, end: e });
    }
    return runs;
  }
  const out: Term[] = [];
  for (const w of latin) {
    const [s, e] = span(w);
    const written = text.slice(s, e);
    const acronym = /^[A-Z]{2,}$/.test(written) || w.length > 1;
    const capital = /^[A-Z]/.test(written);
    // A capital at the start of a sentence proves nothing.
    const before = text.slice(0, s).trimEnd();
    const sentenceStart = before === '' || /[.!?:;(—–-]$/.test(before);
    if (acronym || (capital && !sentenceStart && !isStop(w[0]!.form))) out.push({ words: [w], start: s, end: e });
  }
  return out;
}

function latinFound(term: Term, p: Paragraph, index: ReportIndex): boolean {
  return term.words.every((w) => {
    const forms = w.map((x) => x.form);
    return sequenceIn(forms, p, index, 'similar') || (forms.length > 1 && p.forms.has(forms.join('')));
  });
}

/** What the claim check knows of the brief and its report. */
interface Context {
  index: ReportIndex;
  names: readonly KnownName[];
  /** The brief's own places. */
  own: readonly string[][];
  /** The report is written in Arabic (else Arabic words of the brief are not looked for in it). */
  arabicReport: boolean;
}

/** Each place `words` (a name as a sequence of words) stands in `tokens`. */
function occurrences(words: readonly string[], tokens: readonly Token[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i + words.length <= tokens.length; i++) {
    if (words.every((w, k) => sameWord(w, tokens[i + k]!.form))) out.push({ start: tokens[i]!.start, end: tokens[i + words.length - 1]!.end });
  }
  return out;
}

/** The facts of one text field. */
function factsOf(field: Field, ctx: Context): Fact[] {
  const { index } = ctx;
  const { text } = field;
  const tokens = tokenize(text);
  const say = (s: number, e: number) => text.slice(s, e);
  const facts: Fact[] = [];
  const arabicText = tokens.some((t) => t.kind === 'arabic');
  // A Latin gloss of an Arabic name is the brief's to give when the report is in Arabic.
  if (field.role === 'gloss' && ctx.arabicReport) return facts;
  if (field.role === 'date') {
    const [y, m, d] = text.split('-').map(Number);
    facts.push({
      what: `the date "${text}"`,
      start: 0,
      end: text.length,
      found: (p) => p.numbers.has(String(d)) && (p.numbers.has(String(m)) || p.numbers.has(String(y))),
    });
    return facts;
  }
  // Arabic words are looked for in an Arabic report only; Latin ones and numbers in any.
  const lookForWords = !arabicText || ctx.arabicReport;
  if (field.role === 'name' || field.role === 'place' || field.role === 'institution') {
    const words = tokens.filter((t) => t.kind !== 'number').map((t) => t.form);
    if (words.length === 0 || !lookForWords) return facts;
    const found =
      field.role === 'place'
        ? (p: Paragraph) => sequenceIn(words, p, index, 'similar')
        : field.role === 'institution'
          ? (p: Paragraph) => institutionIn(words, p, index)
          : (p: Paragraph) => personIn(words, p, index);
    facts.push({ what: `the ${field.role === 'name' ? 'name' : field.role} "${text}"`, start: 0, end: text.length, found });
    return facts;
  }

  // Latin names and acronyms; the digits joined to one («P5+1», «COVID-19») are part of it.
  const terms = latinTerms(tokens, text, arabicText);
  const inTerm = (s: number, e: number) => terms.some((term) => s >= term.start && e <= term.end);
  // Numbers, in digits or words; a year named as such.
  for (const n of statedNumbers(tokens)) {
    if (inTerm(n.start, n.end)) continue;
    const year = /^(1[3-9]|20)\d\d$/.test(n.value) && tokens[n.index]!.kind === 'number';
    facts.push({ what: `${year ? 'the year' : 'the number'} "${say(n.start, n.end)}"`, start: n.start, end: n.end, found: (p) => p.numbers.has(n.value) });
  }
  for (const term of terms) {
    facts.push({ what: `"${say(term.start, term.end)}"`, start: term.start, end: term.end, found: (p) => latinFound(term, p, index) });
  }
  if (!lookForWords) return facts;
  // The brief's people and institutions, named in the text.
  for (const name of ctx.names) {
    for (const { start, end } of occurrences(name.words, tokens)) {
      const found = name.kind === 'person' ? (p: Paragraph) => personIn(name.words, p, index) : (p: Paragraph) => institutionIn(name.words, p, index);
      facts.push({ what: `${name.kind === 'person' ? 'the name' : 'the institution'} "${say(start, end)}"`, start, end, found });
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'arabic') continue;
    const next = tokens[i + 1];
    if (next === undefined || next.kind !== 'arabic' || isStop(next.form) || !/^[\s.]*$/.test(text.slice(t.end, next.start))) continue;
    const forms = bareForms(t.form);
    // An institution by its opening noun, and the word that makes it one: «جامعة القاهرة».
    if (forms.some((f) => INSTITUTION_HEADS.has(f) || INSTITUTION_HEADS.has(`ال${f}`))) {
      const words = [t.form, next.form];
      facts.push({ what: `the institution "${say(t.start, next.end)}"`, start: t.start, end: next.end, found: (p) => sequenceIn(words, p, index, 'same') });
    }
    // The name after a title: «السفير ألبرت».
    if (TITLES.has(t.form) || forms.some((f) => TITLES.has(f) && f.startsWith('ال'))) {
      const word = next.form;
      facts.push({ what: `the person "${say(t.start, next.end)}"`, start: t.start, end: next.end, found: (p) => index.same(word).has(p.n) });
    }
  }
  // Places, but for the brief's own (the host's country, a delegation's side), which paraphrase names freely.
  for (const place of PLACES) {
    if (ctx.own.some((o) => o.length === place.length && o.every((w, k) => sameWord(w, place[k]!)))) continue;
    for (const { start, end } of occurrences(place, tokens)) {
      facts.push({ what: `the place "${say(start, end)}"`, start, end, found: (p) => sequenceIn(place, p, index, 'similar') });
    }
  }
  return facts;
}

/** The text fields of an item, and what each is. */
function fieldsOf(brief: Brief, item: unknown, at: Path): Field[] {
  const out: Field[] = [];
  if (!item || typeof item !== 'object') return out;
  const o = item as Record<string, unknown>;
  const isPerson = at[0] === 'people' || at[0] === 'delegations' || (at[0] === 'participants' && at[1] !== 'attendees');
  const isInstitution = at[0] === 'event' && at[1] === 'organisers';
  const arabic = (v: unknown) => typeof v === 'string' && /[\u0600-\u06FF]/.test(v);
  // A placeholder left from the scaffold is an error of its own (lint.ts), not a claim.
  const field = (key: string | number, text: string, role: Field['role'], where: Path = [...at, key]) => {
    if (!PLACEHOLDER.test(text)) out.push({ path: where, text, role });
  };
  for (const [key, value] of Object.entries(o)) {
    if (typeof value === 'string') {
      if (key === 'text' || key === 'role' || key === 'affiliation') field(key, value, 'text');
      else if (key === 'name') field(key, value, isPerson ? 'name' : 'text');
      else if (key === 'institution') field(key, value, 'institution');
      // A Latin form beside an Arabic name is its gloss; alone, it is the name.
      else if (key === 'latin')
        field(key, value, arabic(o.name) || arabic(o.institution) ? 'gloss' : isPerson ? 'name' : isInstitution ? 'institution' : 'text');
      else if (key === 'title' && at[0] === 'sessions') field(key, value, 'text');
      else if (key === 'date' && /^\d{4}-\d\d-\d\d$/.test(value)) field(key, value, 'date');
      else if (key === 'chair') {
        // A session's chair is named in the paragraphs the session cites.
        const chair = personById(brief, value);
        const name = chair?.name ?? chair?.latin;
        if (name) field(key, name, 'name');
      }
    } else if (key === 'regions' && Array.isArray(value)) {
      value.forEach((r, i) => {
        if (typeof r === 'string') field(i, r, 'place', [...at, key, i]);
      });
    }
  }
  return out;
}

function valueAt(root: unknown, at: Path): unknown {
  let v: unknown = root;
  for (const k of at) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined;
  return v;
}

/** "paragraph 9 («وفي كلمته…»)", "paragraphs 14 and 15 («…»; «…»)". */
function cited(paragraphs: readonly Paragraph[]): string {
  const start = (p: Paragraph) => {
    const chars = Array.from(p.text);
    return `«${chars.length > QUOTED ? `${chars.slice(0, QUOTED).join('').trimEnd()}…` : p.text}»`;
  };
  const ns = paragraphs.map((p) => p.n);
  const which = ns.length === 1 ? `paragraph ${ns[0]}` : `paragraphs ${ns.slice(0, -1).join(', ')} and ${ns[ns.length - 1]}`;
  return `${which} (${paragraphs.slice(0, 2).map(start).join('; ')}${paragraphs.length > 2 ? '; …' : ''})`;
}

/** The node of a path, for the place of a finding inside a field. */
function rangeOf(doc: Document.Parsed, at: Path): [number, number] | undefined {
  const node = doc.getIn(at, true) as { range?: [number, number, number] } | undefined;
  return node?.range ? [node.range[0], node.range[1]] : undefined;
}

/** Where `written` stands in the brief's text of the field at `at`, or the field's start. */
function placeOf(src: SourceText, doc: Document.Parsed, at: Path, written: string): [number, number] {
  const range = rangeOf(doc, at) ?? rangeOf(doc, at.slice(0, -1)) ?? [0, 1];
  const inBrief = src.text.slice(range[0], range[1]);
  const i = written === '' ? -1 : inBrief.indexOf(written);
  return i >= 0 ? [range[0] + i, range[0] + i + written.length] : range;
}

/** Content words of an item. */
function contentWords(fields: readonly Field[]): string[] {
  const words = new Set<string>();
  for (const f of fields) {
    if (f.role === 'date' || f.role === 'place' || f.role === 'gloss') continue;
    for (const t of tokenize(f.text)) if (t.kind !== 'number' && !isStop(t.form) && t.form.length >= 2) words.add(t.form);
  }
  return [...words];
}

/** Below this share of its words (weighted) found in its paragraphs, an item may cite the wrong one… */
const WEAK = 0.5;
/** …if another paragraph has this share at least, and this much more. */
const STRONG = 0.8;
const MARGIN = 0.4;

/**
 * How an item's content words are spread over the report: the share its cited paragraphs have, and the
 * paragraph that has far more, if one does. A word weighs more the fewer paragraphs have it; a word the report
 * never uses (the brief's own paraphrase) weighs nothing.
 */
function citationFit(words: readonly string[], cites: readonly Paragraph[], index: ReportIndex): { shares: boolean; better?: Paragraph } {
  const count = index.paragraphs.length;
  const weighted = words.map((w) => {
    const where = index.similar(w);
    return { where, weight: where.size === 0 ? 0 : Math.log(1 + count / where.size) };
  });
  const shares = weighted.some((w) => cites.some((p) => w.where.has(p.n)));
  const total = weighted.reduce((s, w) => s + w.weight, 0);
  if (total === 0) return { shares };
  const share = (has: (n: number) => boolean) => weighted.filter((w) => [...w.where].some(has)).reduce((s, w) => s + w.weight, 0) / total;
  const own = share((n) => cites.some((p) => p.n === n));
  if (own >= WEAK) return { shares };
  // Each paragraph's share, added up word by word: time in proportion to where the words are.
  const per = new Map<number, number>();
  for (const w of weighted) for (const n of w.where) per.set(n, (per.get(n) ?? 0) + w.weight);
  let better: { p: Paragraph; s: number } | undefined;
  for (const [n, sum] of per) {
    const s = sum / total;
    if (cites.some((p) => p.n === n)) continue;
    if (s >= STRONG && s - own >= MARGIN && (!better || s > better.s)) better = { p: index.paragraphs[n - 1]!, s };
  }
  return better ? { shares, better: better.p } : { shares };
}

export function checkClaims(loaded: LoadedBrief): Diagnostic[] {
  const report = loaded.report;
  if (!report || report.paragraphs.length === 0) return [];
  const { brief, source: src, doc } = loaded;
  const index = new ReportIndex(report.paragraphs);
  let arabic = 0;
  let latin = 0;
  for (const p of index.paragraphs) for (const t of p.tokens) t.kind === 'arabic' ? arabic++ : t.kind === 'latin' && latin++;
  const ctx: Context = { index, names: knownNames(brief), own: ownPlaces(brief), arabicReport: arabic * 4 >= latin };
  const out: Diagnostic[] = [];
  const warn = (at: Path, [start, end]: readonly [number, number], message: string, hint: string) =>
    out.push(diagnosticAt(src, start, end, `${pathInWords(at)}: ${message}`, hint, 'warning'));

  for (const item of citableItems(brief)) {
    const sources = Array.isArray(item.sources) ? (item.sources as number[]) : [];
    const cites = [...new Set(sources)].map((n) => index.paragraphs[n - 1]).filter((p): p is Paragraph => p !== undefined);
    if (cites.length === 0) continue;
    const fields = fieldsOf(brief, valueAt(brief, item.path), item.path);
    let flagged = false;
    for (const field of fields) {
      // One finding for a span of the text: «السفير سهيل محمود» is one name, not a title's word and a name.
      const reported: Fact[] = [];
      for (const fact of factsOf(field, ctx)) {
        if (cites.some((p) => fact.found(p))) continue;
        if (reported.some((r) => r.what === fact.what || (fact.start < r.end && r.start < fact.end))) continue;
        reported.push(fact);
        flagged = true;
        warn(
          field.path,
          placeOf(src, doc, field.path, field.text.slice(fact.start, fact.end)),
          `${fact.what} is not in ${cited(cites)}, which it cites`,
          'cite the paragraph of the report that says it, or take it out if the report does not say it',
        );
      }
    }
    if (flagged || (!ctx.arabicReport && fields.some((f) => /[\u0600-\u06FF]/.test(f.text)))) continue;
    // A likely wrong citation: none of the item's words in its paragraphs, or another paragraph that has them all.
    const words = contentWords(fields);
    if (words.length === 0) continue;
    const fit = citationFit(words, cites, index);
    if (fit.shares && !fit.better) continue;
    const at = [...item.path, 'sources'];
    const range = rangeOf(doc, at) ?? rangeOf(doc, item.path) ?? [0, 1];
    warn(
      at,
      range,
      fit.better
        ? `the item's words are hardly in ${cited(cites)}, which it cites, and nearly all in paragraph ${fit.better.n} (${cited([fit.better]).replace(/^paragraph \d+ \(|\)$/g, '')}): is the citation right?`
        : `the item shares no word with ${cited(cites)}, which it cites: is the citation right?`,
      fit.better ? `cite paragraph ${fit.better.n} if the item comes from it` : 'cite the paragraph the item comes from',
    );
  }
  return out;
}
