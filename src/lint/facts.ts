/**
 * The facts a text of the brief states, and how each is found in a paragraph of the report: its numbers,
 * years and dates (in either digit system, Hijri or Gregorian; a number word matches its digits), its Latin
 * names and acronyms, the names of the brief's people and institutions, an institution named by its opening
 * noun («جامعة القاهرة»), the word after a title («السفير ألبرت»), and places. Words are compared in the one
 * form of normalise.ts, so «بالمعهد» is «المعهد» and «الإستراتيجية» is «الاستراتيجية».
 */
import { WEEKDAYS } from '../brief/schema.js';
import type { Field, KnownName } from './claim-fields.js';
import { datesOf, mentionsIn, namesDay } from './dates.js';
import { bareForms, sameWord, similarWord, type Token, tokenize } from './normalise.js';
import { isStop, type Paragraph, type ReportIndex, statedNumbers } from './report-index.js';
import { COUNTRY_CAPITALS, INSTITUTION_HEADS, PLACES, TITLES } from './words.js';

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

/** The other names of a country or capital (its capital, its country), which a report may name for it. */
function otherNames(words: readonly string[]): readonly string[][] {
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((w, k) => sameWord(w, b[k]!));
  return COUNTRY_CAPITALS.find((group) => group.some((name) => same(name, words)))?.filter((name) => !same(name, words)) ?? [];
}

/** A place: all its words in order, or its capital (its country) for a country (a capital). */
function placeIn(words: readonly string[], p: Paragraph, index: ReportIndex): boolean {
  return sequenceIn(words, p, index, 'similar') || otherNames(words).some((other) => sequenceIn(other, p, index, 'similar'));
}

/** An institution that organised the event: every word of its name (but words that say nothing) in the paragraph. */
function wholeIn(words: readonly string[], p: Paragraph, index: ReportIndex): boolean {
  return words.filter((w) => !isStop(w)).every((w) => index.similar(w).has(p.n));
}

/** A fact an item states, where in its text it stands, and how to find it in a paragraph. */
export interface Fact {
  /** How the finding names it: «the year "2019"». */
  what: string;
  /** UTF-16 offsets in the field's text. */
  start: number;
  end: number;
  found: (p: Paragraph) => boolean;
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
  // A country or capital written in Latin letters ("Moscow" for Russia) is found where the other is named.
  const whole = term.words.map((w) => w.map((x) => x.form).join(''));
  if (otherNames(whole).some((other) => sequenceIn(other, p, index, 'similar'))) return true;
  return term.words.every((w) => {
    const forms = w.map((x) => x.form);
    return sequenceIn(forms, p, index, 'similar') || (forms.length > 1 && p.forms.has(forms.join('')));
  });
}

/** What the claim check knows of the brief and its report. */
export interface Context {
  index: ReportIndex;
  names: readonly KnownName[];
  /** The brief's own places. */
  own: readonly string[][];
  /** The report is written in Arabic (else Arabic words of the brief are not looked for in it). */
  arabicReport: boolean;
}

/** A word with the article, after a clitic or not: «الجامعة», «والجامعة», «بالرياض», «للجامعة». */
const DEFINITE = /^(?:[وفبكل]?ال|لل)/;

/** Each place `words` (a name as a sequence of words) stands in `tokens`. */
function occurrences(words: readonly string[], tokens: readonly Token[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i + words.length <= tokens.length; i++) {
    if (words.every((w, k) => sameWord(w, tokens[i + k]!.form))) out.push({ start: tokens[i]!.start, end: tokens[i + words.length - 1]!.end });
  }
  return out;
}

/** A part of a date written as its parts: a day is found with its month, a month, a year, a weekday named. */
function datePartFact(field: Field): Fact {
  const parts = field.parts ?? {};
  const whole = { start: 0, end: field.text.length };
  switch (field.role) {
    case 'day': {
      const day = parts.day!;
      const month = parts.month;
      return {
        what: month === undefined ? `the day "${day}"` : `the day "${day}" of month ${month}`,
        ...whole,
        found: (p) => (month === undefined ? p.numbers.has(String(day)) : namesDay(p, 'gregorian', day, month)),
      };
    }
    case 'month':
      return { what: `the month "${parts.month}"`, ...whole, found: (p) => datesOf(p).months.has(parts.month!) };
    case 'year':
      return { what: `the year "${parts.year}"`, ...whole, found: (p) => p.numbers.has(String(parts.year)) };
    default: {
      const w = WEEKDAYS.indexOf(parts.weekday!);
      return { what: `the weekday "${parts.weekday}"`, ...whole, found: (p) => datesOf(p).weekdays.has(w) };
    }
  }
}

/** The facts of one text field. */
export function factsOf(field: Field, ctx: Context): Fact[] {
  const { index } = ctx;
  const { text } = field;
  const tokens = tokenize(text);
  const say = (s: number, e: number) => text.slice(s, e);
  const facts: Fact[] = [];
  const arabicText = tokens.some((t) => t.kind === 'arabic');
  // A Latin gloss of an Arabic name is the brief's to give when the report is in Arabic.
  if (field.role === 'gloss' && ctx.arabicReport) return facts;
  if (field.role === 'date') {
    // A day written YYYY-MM-DD: its day with its month, and its year where the paragraph gives a year.
    const [y, m, d] = text.split('-').map(Number);
    facts.push({
      what: `the date "${text}"`,
      start: 0,
      end: text.length,
      found: (p) => namesDay(p, 'gregorian', d!, m!) && (p.numbers.has(String(y)) || !datesOf(p).givesYear),
    });
    return facts;
  }
  if (field.role === 'weekday' || field.role === 'day' || field.role === 'month' || field.role === 'year') {
    facts.push(datePartFact(field));
    return facts;
  }
  if (field.role === 'hijri') {
    // Each Hijri date it writes: its day with its month, and its year; else its numbers, as any text's.
    const named = mentionsIn(tokens, text, 'hijri');
    for (const m of named) {
      facts.push({
        what: `the Hijri date "${say(m.start, m.end)}"`,
        start: m.start,
        end: m.end,
        found: (p) =>
          datesOf(p).hijri.some((h) => h.month === m.month && (m.day === undefined || h.day === m.day)) &&
          (m.year === undefined || p.numbers.has(String(m.year))),
      });
    }
    if (named.length > 0) return facts;
  }
  // Arabic words are looked for in an Arabic report only; Latin ones and numbers in any.
  const lookForWords = !arabicText || ctx.arabicReport;
  if (field.role === 'person' || field.role === 'place' || field.role === 'institution' || field.role === 'organiser') {
    const words = tokens.filter((t) => t.kind !== 'number').map((t) => t.form);
    if (words.length === 0 || !lookForWords) return facts;
    const found =
      field.role === 'place'
        ? (p: Paragraph) => placeIn(words, p, index)
        : field.role === 'institution'
          ? (p: Paragraph) => institutionIn(words, p, index)
          : field.role === 'organiser'
            ? (p: Paragraph) => wholeIn(words, p, index)
            : (p: Paragraph) => personIn(words, p, index);
    const what = field.role === 'person' ? 'name' : field.role === 'organiser' ? 'institution' : field.role;
    facts.push({ what: `the ${what} "${text}"`, start: 0, end: text.length, found });
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
    const isTitle = (form: string) => TITLES.has(form) || bareForms(form).some((f) => TITLES.has(f) && f.startsWith('ال'));
    // An institution by its opening noun, and the word that makes it one: «جامعة القاهرة», «الجامعة الأردنية»;
    // not a title that follows the noun, which opens a person's name («رئيس مجلس إدارة المركز الأمير تركي
    // الفيصل»), nor, after the noun with its article, a word without one: the noun is then the institution
    // spoken of, not a name («أن الجامعة تنظم هذه الندوة»), which an adjective would agree with.
    const unnamed = DEFINITE.test(t.form) && !DEFINITE.test(next.form);
    if (forms.some((f) => INSTITUTION_HEADS.has(f) || INSTITUTION_HEADS.has(`ال${f}`)) && !isTitle(next.form) && !unnamed) {
      const words = [t.form, next.form];
      facts.push({ what: `the institution "${say(t.start, next.end)}"`, start: t.start, end: next.end, found: (p) => sequenceIn(words, p, index, 'same') });
    }
    // The name after a title: «السفير ألبرت».
    if (isTitle(t.form)) {
      const word = next.form;
      facts.push({ what: `the person "${say(t.start, next.end)}"`, start: t.start, end: next.end, found: (p) => index.same(word).has(p.n) });
    }
  }
  // Places, but for the brief's own (the host's country, a delegation's side), which paraphrase names freely.
  for (const place of PLACES) {
    if (ctx.own.some((o) => o.length === place.length && o.every((w, k) => sameWord(w, place[k]!)))) continue;
    for (const { start, end } of occurrences(place, tokens)) {
      facts.push({ what: `the place "${say(start, end)}"`, start, end, found: (p) => placeIn(place, p, index) });
    }
  }
  return facts;
}
