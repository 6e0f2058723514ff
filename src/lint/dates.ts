/**
 * Dates as a text writes them, for the claim check: each month named (Gregorian in both Arabic usages,
 * Levantine months of two words included, English; or Hijri) with the day or days before or after it and the
 * year that follows («١٨ محرم ١٤٣٩هـ», «8 أكتوبر 2017م», «12 إلى 14 تشرين الأول», "February 19, 2016",
 * "October 12–14, 2008"), dates in figures (15/3/2024, 2024-03-15), and the weekdays named. A day is found
 * with its month, so that a wrong day is not found in a paragraph that gives the right one's number elsewhere.
 */
import { bareForms, normalise, type Token } from './normalise.js';
import type { Paragraph } from './report-index.js';
import { GREGORIAN_MONTH_WORDS, LEVANTINE_MONTHS, NUMBER_WORDS, ORDINAL_WORDS } from './words.js';

export type Calendar = 'gregorian' | 'hijri';

/** A date a text names: a month, with a day and a year when it gives them. */
export interface Mention {
  calendar: Calendar;
  month: number;
  day?: number;
  year?: number;
  /** UTF-16 offsets in the text. */
  start: number;
  end: number;
}

const table = (rows: [string, number][]): Map<string, number> => {
  const out = new Map<string, number>();
  for (const [words, n] of rows) for (const w of words.split('|')) out.set(normalise(w.trim()), n);
  return out;
};

/** Month names of one word. */
const GREGORIAN = table(GREGORIAN_MONTH_WORDS.map(([words, n]): [string, number] => [words.split(' ').join('|'), n]));
/** Month names of two words: the first word, then the second's forms (with the article or without). */
const GREGORIAN_TWO = new Map<string, Map<string, number>>();
for (const [words, n] of LEVANTINE_MONTHS) {
  const [first, second] = words.split(' ') as [string, string];
  const forms = GREGORIAN_TWO.get(normalise(first)) ?? new Map<string, number>();
  for (const form of [second, second.replace(/^ال/, '')]) forms.set(normalise(form), n);
  GREGORIAN_TWO.set(normalise(first), forms);
}
const HIJRI = table([
  ['محرم|المحرم', 1],
  ['صفر', 2],
  ['رجب', 7],
  ['شعبان', 8],
  ['رمضان', 9],
  ['شوال', 10],
]);
const HIJRI_TWO = new Map<string, Map<string, number>>([
  [
    normalise('ربيع'),
    table([
      ['الأول|الاول|أول', 3],
      ['الثاني|الآخر|الاخر|ثاني|آخر', 4],
    ]),
  ],
  [
    normalise('جمادى'),
    table([
      ['الأولى|الأول|الاولى|أولى|أول', 5],
      ['الآخرة|الثانية|الآخر|الاخرة|آخرة|ثانية|آخر', 6],
    ]),
  ],
  [
    normalise('ذو'),
    table([
      ['القعدة', 11],
      ['الحجة', 12],
    ]),
  ],
  [
    normalise('ذي'),
    table([
      ['القعدة', 11],
      ['الحجة', 12],
    ]),
  ],
]);

/** Words between two days of a range: «12 إلى 14», "12 to 14", "12 and 13". */
const BETWEEN = new Set(['الي', 'حتي', 'و', 'to', 'and', 'through', 'until', 'till', 'thru'].map(normalise));

/** The weekdays, as the schema names them (sunday … saturday), by their names in Arabic and English. */
const WEEKDAY_NAMES = table([
  ['الأحد|sunday', 0],
  ['الاثنين|الإثنين|monday', 1],
  ['الثلاثاء|tuesday', 2],
  ['الأربعاء|wednesday', 3],
  ['الخميس|thursday', 4],
  ['الجمعة|friday', 5],
  ['السبت|saturday', 6],
]);

/** The weekday a word names (0 = Sunday), clitics و ف ب aside; the article stays (أحد alone is "one"). */
export function weekdayOf(form: string): number | undefined {
  const direct = WEEKDAY_NAMES.get(form);
  if (direct !== undefined) return direct;
  return /^[وفب]ال/.test(form) ? WEEKDAY_NAMES.get(form.slice(1)) : undefined;
}

/** The month a word (and the one after it) names, in a calendar: its number and how many words it takes. */
function monthAt(tokens: readonly Token[], i: number, calendar: Calendar): { month: number; words: number } | undefined {
  const t = tokens[i];
  if (t === undefined || t.kind === 'number') return undefined;
  const one = calendar === 'gregorian' ? GREGORIAN : HIJRI;
  const two = calendar === 'gregorian' ? GREGORIAN_TWO : HIJRI_TWO;
  const next = tokens[i + 1];
  for (const f of bareForms(t.form)) {
    const second = two.get(f);
    if (second && next && next.kind !== 'number') {
      const m =
        second.get(next.form) ??
        bareForms(next.form)
          .map((g) => second.get(g))
          .find((x) => x !== undefined);
      if (m !== undefined) return { month: m, words: 2 };
    }
    const m = one.get(f);
    if (m !== undefined) return { month: m, words: 1 };
  }
  return undefined;
}

const dayNumber = (t: Token | undefined): number | undefined =>
  t?.kind === 'number' && /^\d{1,2}$/.test(t.form) && Number(t.form) >= 1 && Number(t.form) <= 31 ? Number(t.form) : undefined;

function yearNumber(t: Token | undefined, calendar: Calendar): number | undefined {
  if (t?.kind !== 'number' || !/^\d{4}$/.test(t.form)) return undefined;
  const y = Number(t.form);
  return calendar === 'gregorian' ? (y >= 1800 && y <= 2200 ? y : undefined) : y >= 1300 && y <= 1600 ? y : undefined;
}

/** Only a dash or spaces between two tokens: "12-14", «١٢–١٤», «14 ـ 16» (a tatweel for a dash). */
const dashed = (text: string, a: Token, b: Token) => /^\s*[-–—,،\u0640]?\s*$/.test(text.slice(a.end, b.start));
const linked = (text: string, a: Token, b: Token, between: Token | undefined) => (between === undefined ? dashed(text, a, b) : BETWEEN.has(between.form));

/**
 * Words a date is written with that say nothing of it: "3rd of March", «15 من شهر آذار», «مارس من عام 2024».
 * An ordinal's ending is one only right after its figure.
 */
const FILLER = new Set(['of', 'the', 'من', 'شهر', 'عام', 'سنه', 'لعام', 'لشهر', 'بشهر'].map(normalise));
const ORDINAL_END = /^(st|nd|rd|th)$/;

function dateTokens(tokens: readonly Token[]): Token[] {
  const kept = tokens.filter((t, i) => {
    if (t.kind === 'number') return true;
    if (FILLER.has(t.form) || FILLER.has(t.form.replace(/^ال/, ''))) return false;
    const prev = tokens[i - 1];
    return !(ORDINAL_END.test(t.form) && prev?.kind === 'number' && prev.end === t.start);
  });
  // A day written in words before its month: «الخامس عشر من مارس», «الحادي والعشرين من آذار», "the fifth of March".
  const out: Token[] = [];
  for (let i = 0; i < kept.length; i++) {
    const t = kept[i]!;
    const day = t.kind === 'number' ? undefined : dayInWords(kept, i);
    if (day && (monthAt(kept, i + day.words, 'gregorian') || monthAt(kept, i + day.words, 'hijri'))) {
      out.push({ form: String(day.value), kind: 'number', start: t.start, end: kept[i + day.words - 1]!.end });
      i += day.words - 1;
    } else out.push(t);
  }
  return out;
}

function wordValue(form: string, words: ReadonlyMap<string, number>): number | undefined {
  for (const f of bareForms(form)) {
    const n = words.get(f);
    if (n !== undefined) return n;
  }
  return undefined;
}

/** A day of the month in words at `i`: an ordinal, with «عشر» or «و» and a ten after it, or a ten alone. */
function dayInWords(tokens: readonly Token[], i: number): { value: number; words: number } | undefined {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  // A day is masculine («الخامس»); «الجلسة الثانية» is not a day.
  const ordinal = /(ه|ي)$/.test(t.form) && !/(ثاني|حادي)$/.test(t.form) ? undefined : wordValue(t.form, ORDINAL_WORDS);
  if (ordinal === undefined) {
    const ten = wordValue(t.form, NUMBER_WORDS);
    return ten === 20 || ten === 30 ? { value: ten, words: 1 } : undefined;
  }
  if (ordinal < 10 && next && /^عشر[ه]?$/.test(next.form)) return { value: ordinal + 10, words: 2 };
  const ten = next?.form.startsWith('و') ? wordValue(next.form.slice(1), NUMBER_WORDS) : undefined;
  if (ordinal < 10 && (ten === 20 || ten === 30)) return { value: ordinal + ten, words: 2 };
  return { value: ordinal, words: 1 };
}

/** The first day of a range that ends at the day at `i`: «14 إلى 16», «2 - 4», «14 ـ 16», "2 to 4". */
function rangeStart(tokens: readonly Token[], i: number, text: string): { day: number; token: Token } | undefined {
  const end = dayNumber(tokens[i]);
  if (end === undefined) return undefined;
  const direct = dayNumber(tokens[i - 1]);
  if (direct !== undefined && direct < end && linked(text, tokens[i - 1]!, tokens[i]!, undefined)) return { day: direct, token: tokens[i - 1]! };
  const over = dayNumber(tokens[i - 2]);
  if (over !== undefined && over < end && tokens[i - 1] && linked(text, tokens[i - 2]!, tokens[i]!, tokens[i - 1])) return { day: over, token: tokens[i - 2]! };
  return undefined;
}

/** The dates of a calendar a text names. */
export function mentionsIn(all: readonly Token[], text: string, calendar: Calendar): Mention[] {
  const tokens = dateTokens(all);
  const out: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const named = monthAt(tokens, i, calendar);
    if (named === undefined) continue;
    const last = i + named.words - 1;
    const days: { day: number; token: Token }[] = [];
    // The days before: «14 أكتوبر», «12 إلى 14 أكتوبر», «12–14 أكتوبر», «12 و13 و14 أكتوبر».
    let at = i - 1;
    let day = dayNumber(tokens[at]);
    while (day !== undefined && days.length < 7) {
      days.unshift({ day, token: tokens[at]! });
      const direct = dayNumber(tokens[at - 1]);
      const over = dayNumber(tokens[at - 2]);
      if (direct !== undefined && linked(text, tokens[at - 1]!, tokens[at]!, undefined)) at -= 1;
      else if (over !== undefined && tokens[at - 1] && linked(text, tokens[at - 2]!, tokens[at]!, tokens[at - 1])) at -= 2;
      else break;
      day = dayNumber(tokens[at]);
    }
    let k = last + 1;
    // The days after: "October 12", "October 12–14", "March 3 to 5".
    if (days.length === 0) {
      const after = dayNumber(tokens[k]);
      if (after !== undefined && yearNumber(tokens[k], calendar) === undefined) {
        days.push({ day: after, token: tokens[k]! });
        k++;
        const direct = dayNumber(tokens[k]);
        if (direct !== undefined && linked(text, tokens[k - 1]!, tokens[k]!, undefined)) {
          days.push({ day: direct, token: tokens[k]! });
          k++;
        } else {
          const over = dayNumber(tokens[k + 1]);
          if (over !== undefined && tokens[k] && linked(text, tokens[k - 1]!, tokens[k + 1]!, tokens[k])) {
            days.push({ day: over, token: tokens[k + 1]! });
            k += 2;
          }
        }
      }
    }
    // The year: the next figure of four digits, a word or two on at most («2024م», "12, 2008").
    let year: number | undefined;
    let yearEnd = 0;
    for (let j = k; j < Math.min(tokens.length, k + 2); j++) {
      year = yearNumber(tokens[j], calendar);
      if (year !== undefined) {
        yearEnd = tokens[j]!.end;
        break;
      }
      if (tokens[j]!.kind === 'number') break;
    }
    const start = days.length > 0 ? Math.min(days[0]!.token.start, tokens[i]!.start) : tokens[i]!.start;
    const end = Math.max(tokens[last]!.end, days.length > 0 ? days[days.length - 1]!.token.end : 0, yearEnd);
    if (days.length === 0) out.push({ calendar, month: named.month, ...(year === undefined ? {} : { year }), start, end });
    for (const d of days) out.push({ calendar, month: named.month, day: d.day, ...(year === undefined ? {} : { year }), start, end });
    i = last;
  }
  // Dates in figures: 15/3/2024, «15 / 3 / 2024», 3/15/2024, 2024-03-15 (their calendar by their year); and a
  // range of days before a day's: «14 إلى 16 / 11 / 1430ه», «2 - 4/11/2009», «14 ـ 16 - 11 - 1430هـ».
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [a, b, c] = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!];
    if (a.kind !== 'number' || b.kind !== 'number' || c.kind !== 'number') continue;
    // A slash or a dash, spaced or not; a point only unspaced (a sentence's end is a point and a space).
    const sep = (x: Token, y: Token) => /^\s*[/-]\s*$|^\.$/.test(text.slice(x.end, y.start));
    if (!sep(a, b) || !sep(b, c)) continue;
    const [x, y, z] = [Number(a.form), Number(b.form), Number(c.form)];
    const push = (day: number, month: number, yr: number, from = a) => {
      const cal: Calendar = yr >= 1300 && yr <= 1600 ? 'hijri' : 'gregorian';
      if (cal === calendar && month >= 1 && month <= 12 && day >= 1 && day <= 31) out.push({ calendar, month, day, year: yr, start: from.start, end: c.end });
    };
    if (z >= 1000) {
      const first = rangeStart(tokens, i, text);
      if (first) push(first.day, y, z, first.token);
      push(x, y, z, first?.token);
      if (x <= 12 && y > 12) push(y, x, z);
    } else if (x >= 1000) push(z, y, x);
  }
  return out;
}

/** What a paragraph says of dates: the dates it names in each calendar, the months, the weekdays, and whether it gives a year. */
export interface ParagraphDates {
  gregorian: Mention[];
  hijri: Mention[];
  months: Set<number>;
  weekdays: Set<number>;
  givesYear: boolean;
}

const known = new WeakMap<Paragraph, ParagraphDates>();

export function datesOf(p: Paragraph): ParagraphDates {
  let d = known.get(p);
  if (!d) {
    const gregorian = mentionsIn(p.tokens, p.text, 'gregorian');
    const weekdays = new Set<number>();
    for (const t of p.tokens) {
      const w = t.kind === 'number' ? undefined : weekdayOf(t.form);
      if (w !== undefined) weekdays.add(w);
    }
    d = {
      gregorian,
      hijri: mentionsIn(p.tokens, p.text, 'hijri'),
      months: new Set(gregorian.map((m) => m.month)),
      weekdays,
      givesYear: p.tokens.some((t) => yearNumber(t, 'gregorian') !== undefined),
    };
    known.set(p, d);
  }
  return d;
}

/** The paragraph names this day of this month (in this calendar). */
export function namesDay(p: Paragraph, calendar: Calendar, day: number, month: number): boolean {
  return datesOf(p)[calendar].some((m) => m.day === day && m.month === month);
}
