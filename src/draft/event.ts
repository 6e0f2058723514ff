/**
 * The event as a report states it: who organised it («نظّم معهد …», "X hosts", "organized by X"), with whom
 * («بالتعاون مع …», "X, Y and Z co-organized"), its kind and title («ندوة بعنوان "…"»), its themes («حول …»),
 * where («في مقر …», "at the …", a "GENEVA," dateline), and when (a day or a range with its year; a Hijri
 * date as written). Only what the wording makes plain; each value with the paragraph it comes from.
 */
import { WEEKDAYS, type Weekday } from '../brief/schema.js';
import { mentionsIn, weekdayOf } from '../lint/dates.js';
import { bareForms, type Token } from '../lint/normalise.js';
import { isStop } from '../lint/report-index.js';
import { INSTITUTION_HEADS } from '../lint/words.js';
import { noConj } from './people.js';
import { BREAK, between, clean, isIn, plainText, type Sentence, span } from './text.js';
import {
  AR_HELD_IN,
  AR_HOSTED_AT,
  AR_INSTITUTION_END,
  AR_KINDS,
  AR_ORGANISED,
  AR_VENUE_HEADS,
  CITIES,
  EN_KINDS,
  GREGORIAN_MONTHS,
  HIJRI_MONTHS,
} from './words.js';

export interface Found<T = string> {
  value: T;
  n: number;
}

export type DateValue = string | { from: string; to: string };

export interface EventFound {
  kind?: Found;
  title?: Found;
  host?: Found<{ institution: string; latin?: string; centre?: string; city?: string }>;
  organisers: Found<{ institution: string; latin?: string; relation: 'co-organiser' | 'partner' | 'sponsor' | 'supporter' }>[];
  venue?: Found<{ name?: string; city?: string }>;
  date?: Found<DateValue>;
  /** The day of the week the date's sentence names, when it is the date's («يوم الثلاثاء 8 يوليوز 2025»). */
  weekday?: Weekday;
  /**
   * A date the report gives without its year («March 15»): its day and month are the brief's date, never
   * completed with a year; a year alone («عام 2024») is only noted beside `date: unknown`.
   */
  partDate?: Found & { day?: number; month?: number; to?: number; weekday?: Weekday };
  monthFirst?: boolean;
  hijri?: Found;
  themes: Found[];
}

const isInstitution = (t: Token | undefined) => t !== undefined && bareForms(t.form).some((f) => INSTITUTION_HEADS.has(f) || INSTITUTION_HEADS.has(`ال${f}`));
const isKindAt = (tokens: readonly Token[], i: number): number => {
  for (const kind of AR_KINDS) {
    if (kind.every((w, k) => tokens[i + k] && bareForms(tokens[i + k]!.form).some((f) => f === w || f === `ال${w}` || `ال${f}` === w))) return kind.length;
  }
  // «مؤتمرها», «ندوته»: the kind with a pronoun.
  const f = noConj(tokens[i]?.form ?? '');
  for (const kind of AR_KINDS) if (kind.length === 1 && new RegExp(`^(ال)?${kind[0]}(ها|ه|هم)$`).test(f.replace(/ه(ها|ه|هم)$/, 'ت$1'))) return 1;
  return 0;
};

/** «ومندوبية», «والمعهد»: the next institution of a list, after its conjunction («وزارة» is a head of its own). */
const andInstitution = (t: Token | undefined): boolean => t !== undefined && /^و/.test(t.form) && isInstitution({ ...t, form: t.form.slice(1) });

/**
 * An institution's name from token i: its opening noun (one `opens` allows) and the words after it, up to what
 * ends it; in a list, the next institution's «و» too.
 */
function institutionFrom(s: Sentence, i: number, options: { opens?: (t: Token) => boolean; list?: boolean } = {}): { end: number } | undefined {
  const tokens = s.tokens;
  const opens = options.opens ?? isInstitution;
  if (!tokens[i] || !opens(tokens[i]!)) return undefined;
  let e = i;
  while (e + 1 < tokens.length && e - i < 14) {
    const u = tokens[e + 1]!;
    if (BREAK.test(between(s, tokens[e], u)) || u.kind === 'number') break;
    const f = noConj(u.form);
    if (AR_INSTITUTION_END.has(u.form) || AR_INSTITUTION_END.has(f) || isKindAt(tokens, e + 1) || /^وي/.test(u.form) || AR_ORGANISED.has(f)) break;
    if (options.list && andInstitution(u)) break;
    e++;
  }
  return { end: e };
}

/**
 * The institution a sentence names in full by a head that stands alone elsewhere in it («التي تنظمها الجامعة …
 * نائب رئيس جامعة نايف العربية للعلوم الأمنية»; «بشراكة بين الجامعة و…» after «رئاسة جامعة عبد المالك السعدي»):
 * undefined unless exactly one.
 */
function namedInFull(s: Sentence, alone: string): string | undefined {
  const head = alone.replace(/^ال/, '');
  const names = new Set<string>();
  s.tokens.forEach((t, k) => {
    // «جامعة», «بجامعة», «لجامعة»: the head without its article.
    const prefix = t.form.endsWith(head) ? t.form.slice(0, t.form.length - head.length) : undefined;
    if (prefix === undefined || !/^[وبل]?$/.test(prefix)) return;
    const found = institutionFrom(s, k);
    if (found && found.end > k) names.add(plainText(s.text.slice(t.start + prefix.length, s.tokens[found.end]!.end)));
  });
  return names.size === 1 ? [...names][0] : undefined;
}

/**
 * The institutions of a list from token i: «بين الجامعة ومندوبية حكومة كتالونيا، والمعهد الأوروبي للمتوسط (IEMed)،
 * والوكالة …»: each name without its «و», with the Latin name in brackets after it.
 */
function institutionsFrom(s: Sentence, i: number): { institution: string; latin?: string; start: number }[] {
  const tokens = s.tokens;
  const out: { institution: string; latin?: string; start: number }[] = [];
  let k = i;
  while (k < tokens.length && out.length < 8) {
    const found = institutionFrom(s, k, { list: true });
    if (!found) break;
    const t = tokens[k]!;
    const from = k > i && andInstitution(t) ? t.start + 1 : t.start;
    let e = found.end;
    const item: { institution: string; latin?: string; start: number } = { institution: plainText(s.text.slice(from, tokens[e]!.end)), start: k };
    const gloss = tokens[e + 1];
    if (gloss?.kind === 'latin' && /^\s*\($/.test(between(s, tokens[e], gloss)) && /^\)/.test(between(s, gloss, tokens[e + 2]))) {
      item.latin = s.text.slice(gloss.start, gloss.end);
      e++;
    }
    out.push(item);
    const next = tokens[e + 1];
    if (!andInstitution(next) || !/^[\s)]*[،,]?\s*$/.test(between(s, tokens[e], next))) break;
    k = e + 1;
  }
  return out;
}

/** Host and centre: «المركز الثقافي بجامعة البصرة» is the university's centre; «مركز … في معهد …» too. */
function hostFrom(s: Sentence, i: number, e: number): { institution: string; centre?: string } {
  const tokens = s.tokens;
  for (let k = i + 1; k <= e; k++) {
    const t = tokens[k]!;
    const inner =
      /^ب/.test(t.form) && isInstitution({ ...t, form: t.form.slice(1) }) ? 'b' : t.form === 'في' && isInstitution(tokens[k + 1]) ? 'fi' : undefined;
    if (!inner || !/^(ال)?(مركز|قسم|وحده|كليه|دائره|مختبر|برنامج)/.test(tokens[i]!.form)) continue;
    const start = inner === 'b' ? t.start + 1 : tokens[k + 1]!.start;
    return { centre: span(s, tokens[i]!, tokens[k - 1]!), institution: plainText(s.text.slice(start, tokens[e]!.end)) };
  }
  return { institution: span(s, tokens[i]!, tokens[e]!) };
}

/** A kind of event from token i, with up to two words that qualify it («ورشة عمل مغلقة»). */
function kindFrom(s: Sentence, i: number): string | undefined {
  const tokens = s.tokens;
  const size = isKindAt(tokens, i);
  if (size === 0) return undefined;
  let e = i + size - 1;
  while (e + 1 < tokens.length && e - (i + size - 1) < 2) {
    const u = tokens[e + 1]!;
    if (
      BREAK.test(between(s, tokens[e], u)) ||
      u.kind !== 'arabic' ||
      isStop(u.form) ||
      AR_INSTITUTION_END.has(noConj(u.form)) ||
      AR_ORGANISED.has(noConj(u.form))
    )
      break;
    if (/^(بعنوان|عنوان|حول|يناقش|تناقش|بمشاركه|يستمر|لمده|نظمه|نظمها|عقد|اقيم|بجامعه|بمقر|ضمن|حمل|رعي|تحت)$/.test(noConj(u.form)) || isInstitution(u)) break;
    if (/^[بلك]/.test(u.form) && !u.form.startsWith('ال')) break;
    e++;
  }
  // The conjunction off («وورشة»), unless the word is the kind itself («ورشة»).
  const own = AR_KINDS.some((k) =>
    bareForms(tokens[i]!.form)
      .slice(0, 1)
      .some((f) => f === k[0] || f === `ال${k[0]}`),
  );
  const text = own ? span(s, tokens[i]!, tokens[e]!) : span(s, tokens[i]!, tokens[e]!).replace(/^[وف]/, '');
  // «مؤتمرها»: the kind without its pronoun.
  return size === 1 && e === i ? text.replace(/(ها|ه|هم)$/, (m) => (/^(ال)?(مؤتمر|ملتقى|منتدى|لقاء|اجتماع|حوار)/.test(text) ? '' : m)) : text;
}

const QUOTED = /[:：]?\s*["“«„]([^"”»“]{3,200})["”»]/u;

/* ------------------------------------------------------------------ dates ------------------------------------------------------------------ */

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const validDay = (y: number, m: number, d: number) => d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate() && y >= 1900 && y <= 2100;

function monthAt(tokens: readonly Token[], i: number): { month: number; size: number } | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  const f = noConj(t.form);
  const next = tokens[i + 1]?.form;
  if ((f === 'كانون' || f === 'تشرين') && next && /^ال(ثاني|اول)$/.test(next)) {
    const month = f === 'كانون' ? (next === 'الثاني' ? 1 : 12) : next === 'الاول' ? 10 : 11;
    return { month, size: 2 };
  }
  const month = GREGORIAN_MONTHS.get(f) ?? GREGORIAN_MONTHS.get(t.form);
  return month === undefined || f === 'may' ? (f === 'may' && /^\d/.test(tokens[i + 1]?.form ?? '') ? { month: 5, size: 1 } : undefined) : { month, size: 1 };
}

const num = (t: Token | undefined) => (t?.kind === 'number' && /^\d+$/.test(t.form) ? Number(t.form) : undefined);

/** The Gregorian dates of a sentence: a day or a range, with its year, or a day and month without one. */
type DateIn = { value?: DateValue; part?: string; day?: number; month?: number; to?: number; weekday?: Weekday; monthFirst: boolean; written: string };

function datesIn(s: Sentence): DateIn[] {
  const tokens = s.tokens;
  const out: DateIn[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const m = monthAt(tokens, i);
    if (!m) continue;
    const after = tokens[i + m.size];
    // After a Hijri year, «الموافق …» follows; a Hijri month is no Gregorian one.
    const yearAfter = (k: number) => {
      const y = num(tokens[k]);
      return y !== undefined && y >= 1900 && y <= 2100 && !/^\s*هـ/.test(s.text.slice(tokens[k]!.end, tokens[k]!.end + 3)) ? y : undefined;
    };
    // Day Month Year, or a range: «من 3 إلى 5 مارس 2024», «3-5 March 2024», «يومي 7- 8، من سبتمبر».
    const of = tokens[i - 1]?.form === 'من' && num(tokens[i - 2]) !== undefined ? 1 : 0;
    const d2 = num(tokens[i - 1 - of]);
    if (d2 !== undefined && d2 <= 31) {
      const y = yearAfter(i + m.size);
      // The first day, joined by a dash, or by a word: «3 إلى 5», "3 to 5".
      const word = tokens[i - 2 - of] && /^(الي|to|and|و)$/.test(tokens[i - 2 - of]!.form) ? 1 : 0;
      const before = tokens[i - 2 - word - of];
      const d1 = num(before);
      const joined = before && d1 !== undefined && (word === 1 || /^\s*(-|–|—)\s*$/.test(between(s, before, tokens[i - 1 - of])));
      const first = joined ? before! : tokens[i - 1 - of]!;
      const last = y !== undefined ? tokens[i + m.size]! : tokens[i + m.size - 1]!;
      const written = plainText(s.text.slice(first.start, last.end));
      if (y === undefined) {
        // Without a year: the day and month, or the range's two days in the month, as written.
        const days = joined ? (d1! < d2 ? { day: d1!, month: m.month, to: d2 } : {}) : { day: d2, month: m.month };
        out.push({ part: written, ...days, monthFirst: false, written });
        continue;
      }
      if (joined && d1! < d2 && validDay(y, m.month, d1!) && validDay(y, m.month, d2))
        out.push({ value: { from: iso(y, m.month, d1!), to: iso(y, m.month, d2) }, monthFirst: false, written });
      else if (validDay(y, m.month, d2)) out.push({ value: iso(y, m.month, d2), monthFirst: false, written });
      continue;
    }
    // Month Day, Year: "February 19, 2016"; "March 3-5, 2024".
    const d = num(after);
    if (d !== undefined && d <= 31) {
      const dashed = tokens[i + m.size + 1];
      const d3 = num(dashed);
      const ranged = d3 !== undefined && /^\s*(-|–|to)\s*$/.test(between(s, after, dashed));
      const yi = i + m.size + (ranged ? 2 : 1);
      const y = yearAfter(yi);
      const last = y !== undefined ? tokens[yi]! : ranged ? dashed! : after!;
      const written = plainText(s.text.slice(tokens[i]!.start, last.end));
      if (y === undefined) out.push({ part: written, ...(ranged ? {} : { day: d, month: m.month }), monthFirst: true, written });
      else if (ranged && d < d3! && validDay(y, m.month, d3!))
        out.push({ value: { from: iso(y, m.month, d), to: iso(y, m.month, d3!) }, monthFirst: true, written });
      else if (validDay(y, m.month, d)) out.push({ value: iso(y, m.month, d), monthFirst: true, written });
    }
  }
  // Dates in figures, as the claim check reads them («2 إلى 4 / 11 / 2009م», 15/3/2024): a day, or a range.
  for (const [, days] of figureDates(s, 'gregorian')) {
    const { month, year } = days[0]!;
    const first = Math.min(...days.map((d) => d.day!));
    const last = Math.max(...days.map((d) => d.day!));
    if (!validDay(year!, month, first) || !validDay(year!, month, last)) continue;
    const written = plainText(s.text.slice(days[0]!.start, days[0]!.end));
    out.push({
      value: first === last ? iso(year!, month, first) : { from: iso(year!, month, first), to: iso(year!, month, last) },
      monthFirst: false,
      written,
    });
  }
  return out;
}

/** The dates a sentence writes in figures, in a calendar, each with its days (one, or a range's two) by where it is written. */
function figureDates(s: Sentence, calendar: 'gregorian' | 'hijri') {
  const byPlace = new Map<string, ReturnType<typeof mentionsIn>>();
  for (const m of mentionsIn(s.tokens, s.text, calendar)) {
    // (Written with no month's name: figures, separators and the words of a range only.)
    if (m.day === undefined || m.year === undefined || m.start < s.start || m.end > s.end) continue;
    if (!/^[\d\u0660-\u0669\s/\-.–ـ]*(?:(?:إلى|الى|حتى|to)[\d\u0660-\u0669\s/\-.–ـ]*)?$/.test(s.text.slice(m.start, m.end))) continue;
    const key = `${m.start}:${m.end}`;
    byPlace.set(key, [...(byPlace.get(key) ?? []), m]);
  }
  return byPlace;
}

/** The Hijri date as written: «١٨ محرم ١٤٣٩هـ», «5 ربيع الأول 1445 هـ». */
function hijriIn(s: Sentence): string | undefined {
  const tokens = s.tokens;
  for (let i = 1; i < tokens.length; i++) {
    if (!HIJRI_MONTHS.has(noConj(tokens[i]!.form))) continue;
    const day = num(tokens[i - 1]);
    if (day === undefined || day > 30) continue;
    let k = i + 1;
    if (tokens[k] && /^ال(اول|اولي|ثاني|اخر|اخره|ثانيه|قعده|حجه)$/.test(tokens[k]!.form)) k++;
    const y = num(tokens[k]);
    if (y === undefined || y < 1300 || y > 1600) continue;
    const tail = /^\s*هـ?|^\s*ه(?![\u0621-\u064A])/.exec(s.text.slice(tokens[k]!.end));
    return clean(s.text.slice(tokens[i - 1]!.start, tokens[k]!.end + (tail?.[0].length ?? 0)));
  }
  // In figures: «14 إلى 16 / 11 / 1430ه».
  for (const [, days] of figureDates(s, 'hijri')) {
    const { start, end } = days[0]!;
    const tail = /^\s*هـ?|^\s*ه(?![\u0621-\u064A])/.exec(s.text.slice(end));
    return clean(s.text.slice(start, end + (tail?.[0].length ?? 0)));
  }
  return undefined;
}

/* ------------------------------------------------------------------ the event ------------------------------------------------------------------ */

const EN_HELD =
  /\b(began|begins|held|took place|takes place|opened|opens|organi[sz]ed|hosted|hosts|convened|co-organi[sz]ed|kicked off|launched|commemorat\w*|will be held)\b/i;

/** A sentence that says the event was organised, held or hosted somewhere. */
function saysHeld(s: Sentence, lang: 'ar' | 'en'): boolean {
  if (lang === 'en') return EN_HELD.test(s.text.slice(s.start, s.end));
  return s.tokens.some((t) => {
    const f = noConj(t.form);
    return AR_ORGANISED.has(f) || AR_HELD_IN.has(f) || AR_HOSTED_AT.has(f);
  });
}

/** A sentence that tells of the event: it names its kind, or its being organised or held (or is a dateline). */
function tellsOfEvent(s: Sentence, lang: 'ar' | 'en'): boolean {
  if (saysHeld(s, lang)) return true;
  return lang === 'en' ? s.tokens.some((t) => EN_KINDS.has(t.form)) : s.tokens.some((_, i) => isKindAt(s.tokens, i) > 0);
}

/** The event, from the report's first paragraphs (where a report states who, what, where and when). */
export function findEvent(sentences: readonly Sentence[], lang: 'ar' | 'en'): EventFound {
  const found: EventFound = { organisers: [], themes: [] };
  const early = sentences.filter((s) => s.n <= 4);
  for (const s of early) {
    // A date is the event's only in a sentence that tells of the event: its kind, or its being held.
    const dates = tellsOfEvent(s, lang) ? datesIn(s) : [];
    const full = dates.find((d) => d.value !== undefined);
    if (full && !found.date) {
      found.date = { value: full.value!, n: s.n };
      const named = [...new Set(s.tokens.map((t) => (t.kind === 'number' ? undefined : weekdayOf(t.form))).filter((w) => w !== undefined))];
      const day = typeof full.value === 'string' ? new Date(`${full.value}T00:00:00Z`).getUTCDay() : undefined;
      if (day !== undefined && named.length === 1 && named[0] === day) found.weekday = WEEKDAYS[day];
      found.monthFirst = full.monthFirst;
    }
    // «في عام 2024», "in 2024": the year alone.
    const year = /(?:عام|العام|سنة|in)\s+((?:19|20)\d\d|[١٢][٠-٩]{3})(?!\d)/u.exec(s.text.slice(s.start, s.end));
    if (year) dates.push({ part: year[0].trim(), monthFirst: false, written: year[0].trim() });
    // «اليوم الإثنين», "on Monday": the day of the week alone, in a sentence that tells of the event.
    const weekdays = [...new Set(s.tokens.map((t) => (t.kind === 'number' ? undefined : weekdayOf(t.form))).filter((w) => w !== undefined))];
    if (weekdays.length === 1 && dates.length === 0 && tellsOfEvent(s, lang) && /(?:اليوم|يوم|\bon)\s+(?:ال)?\S+/u.test(s.text.slice(s.start, s.end)))
      dates.push({ part: WEEKDAYS[weekdays[0]!]!, weekday: WEEKDAYS[weekdays[0]!]!, monthFirst: false, written: WEEKDAYS[weekdays[0]!]! });
    const part = dates.find((d) => d.part !== undefined);
    if (part && !found.date && !found.partDate)
      found.partDate = {
        value: part.part!,
        n: s.n,
        ...(part.day !== undefined ? { day: part.day, month: part.month } : {}),
        ...(part.to ? { to: part.to } : {}),
        ...(part.weekday ? { weekday: part.weekday } : {}),
      };
    const hijri = hijriIn(s);
    if (hijri && !found.hijri) found.hijri = { value: hijri, n: s.n };
    if (lang === 'ar') arabicEvent(s, found);
    else englishEvent(s, found);
  }
  if (found.date) delete found.partDate;
  if (!found.kind) {
    // A kind named in a sentence that says the event was organised or held: not one in a list of what it
    // stood for («تنسجم المبادرة مع قيم الحوار والتعاون والتكوين»).
    for (const s of early.filter((e) => saysHeld(e, lang))) {
      // "organized a High-Level Parliamentary Side Event": the kind the verb names, qualifiers and all.
      const named =
        lang === 'en'
          ? /\b(?:organi[sz]ed|held|hosted|convened)\s+(?:a|an)\s+((?:[A-Z][\w-]*\s+){0,5}(?:[Ss]ide [Ee]vent|[A-Z]?[a-z]+))\b/.exec(
              s.text.slice(s.start, s.end),
            )
          : null;
      const phrase = named?.[1];
      const last = phrase?.split(/\s+/).at(-1)?.toLowerCase() ?? '';
      if (phrase && (/side event$/i.test(phrase) || EN_KINDS.has(last))) {
        found.kind = { value: phrase, n: s.n };
        break;
      }
      for (let i = 0; i < s.tokens.length && !found.kind; i++) {
        const kind = lang === 'ar' ? kindFrom(s, i) : EN_KINDS.has(s.tokens[i]!.form) ? s.text.slice(s.tokens[i]!.start, s.tokens[i]!.end) : undefined;
        if (kind) found.kind = { value: lang === 'en' ? kind[0]!.toUpperCase() + kind.slice(1) : kind, n: s.n };
      }
    }
  }
  return found;
}

/**
 * «ندوة بعنوان "…"», «وكانت حلقة اليوم تحت عنوان: "…"»: a title is the event's when its kind is named in the
 * words before it, and no session is («الجلسة الأولى بعنوان "…"» is the session's).
 */
function titleOfEvent(tokens: readonly Token[], i: number): boolean {
  const before = tokens.slice(Math.max(0, i - 5), i);
  if (before.some((t) => bareForms(t.form).includes('جلسه') || /^(ورقه|محور|كتاب|دراسه|بحث|عرض|عرضا|ورقته|محاضرته)$/.test(noConj(t.form)))) return false;
  return before.some((t) =>
    bareForms(t.form).some((f) => AR_KINDS.some((k) => f === k[0] || f === `ال${k[0]}` || new RegExp(`^(ال)?${k[0]}(ها|ه|هم)$`).test(f))),
  );
}

function arabicEvent(s: Sentence, found: EventFound): void {
  const tokens = s.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const f = noConj(tokens[i]!.form);
    // «نظم معهد …», «عقدت جامعة …»; «أقيم في مركز … في معهد …».
    if (!found.host && (AR_ORGANISED.has(f) || AR_HELD_IN.has(f))) {
      const at = tokens[i + 1]?.form === 'في' && AR_HELD_IN.has(f) ? i + 2 : i + 1;
      const inst = institutionFrom(s, at);
      // «التي تنظمها الجامعة»: the university the sentence names in full.
      const whole = inst && inst.end === at ? namedInFull(s, tokens[at]!.form) : undefined;
      if (inst && whole) found.host = { value: { institution: whole }, n: s.n };
      else if (inst) {
        const host = hostFrom(s, at, inst.end);
        // «ممثلا بمركز الدراسات …»: the centre that stands for it.
        let centre = host.centre;
        const via = tokens[inst.end + 1];
        if (!centre && via && /^ممثل(ا|ه)?$/.test(via.form) && tokens[inst.end + 2] && /^ب/.test(tokens[inst.end + 2]!.form)) {
          const c = tokens[inst.end + 2]!;
          const cEnd = institutionFrom(s, inst.end + 2) ?? (isInstitution({ ...c, form: c.form.slice(1) }) ? { end: inst.end + 2 } : undefined);
          if (cEnd) {
            let e = inst.end + 2;
            while (
              e + 1 < tokens.length &&
              e - inst.end < 8 &&
              !BREAK.test(between(s, tokens[e], tokens[e + 1])) &&
              !AR_INSTITUTION_END.has(noConj(tokens[e + 1]!.form))
            )
              e++;
            centre = plainText(s.text.slice(c.start + 1, tokens[e]!.end));
          }
        }
        // The city: one named in or just after the host's name, or «في الرياض», «بالرياض» in the sentence.
        let cityText: string | undefined;
        for (let j = inst.end + 1; j < tokens.length && cityText === undefined; j++) {
          for (const c of CITIES) {
            const first = tokens[j]!.form;
            const bare = j <= inst.end + 3 ? noConj(first) : /^و?ب/.test(first) ? first.replace(/^و?ب/, '') : tokens[j - 1]?.form === 'في' ? first : '';
            if (bare !== c[0] || !c.slice(1).every((w, q) => tokens[j + 1 + q]?.form === w)) continue;
            const last = tokens[j + c.length - 1]!;
            cityText = plainText(s.text.slice(tokens[j]!.start + (first.length - bare.length), last.end));
            break;
          }
        }
        found.host = { value: { ...host, ...(centre ? { centre } : {}), ...(cityText ? { city: cityText } : {}) }, n: s.n };
        const kind = (() => {
          for (let k = inst.end + 1; k < Math.min(tokens.length, inst.end + 12); k++) {
            const text = kindFrom(s, k);
            if (text) return text;
          }
          return undefined;
        })();
        if (kind && !found.kind) found.kind = { value: kind, n: s.n };
      }
    }
    // «احتضنت رئاسة جامعة …»: where it was.
    if (!found.venue && AR_HOSTED_AT.has(f)) {
      const place = institutionFrom(s, i + 1, { opens: (t) => isInstitution(t) || isIn(t, AR_VENUE_HEADS) });
      if (place) found.venue = { value: { name: span(s, tokens[i + 1]!, tokens[place.end]!) }, n: s.n };
    }
    // «المنظمة بشراكة بين الجامعة ومندوبية …، والمعهد …»: organised by them all, the first named the host (as
    // in "X, Y and Z co-organized"); «الجامعة» is the university the sentence names. «بشراكة مع …»: partners.
    if (/^(بشراكه|بالشراكه)$/.test(f) && /^(بين|مع)$/.test(tokens[i + 1]?.form ?? '')) {
      const among = tokens[i + 1]!.form === 'بين';
      const listed = institutionsFrom(s, i + 2).flatMap((o) => {
        if (o.institution.split(' ').length > 1) return [o];
        // The institution named by its head alone: «الجامعة» for «رئاسة جامعة عبد المالك السعدي».
        const whole = namedInFull(s, noConj(tokens[o.start]!.form));
        return whole ? [{ ...o, institution: whole }] : [];
      });
      for (const [k, o] of listed.entries()) {
        const value = { institution: o.institution, ...(o.latin ? { latin: o.latin } : {}) };
        if (among && k === 0 && !found.host) found.host = { value, n: s.n };
        else if (o.institution !== found.host?.value.institution)
          found.organisers.push({ value: { ...value, relation: among ? 'co-organiser' : 'partner' }, n: s.n });
      }
    }
    // «بدعم من …»: a supporter.
    if (f === 'بدعم' && tokens[i + 1]?.form === 'من') {
      const inst = institutionFrom(s, i + 2);
      if (inst) found.organisers.push({ value: { institution: span(s, tokens[i + 2]!, tokens[inst.end]!), relation: 'supporter' }, n: s.n });
    }
    // «بالتعاون مع …», «بالشراكة مع …», «بالاشتراك مع …».
    if (/^(بالتعاون|بالشراكه|بالاشتراك|بتنظيم)$/.test(tokens[i]!.form) && /^(مع|مشترك)$/.test(tokens[i + 1]?.form ?? '')) {
      const at = tokens[i + 1]!.form === 'مشترك' && tokens[i + 2]?.form === 'بين' ? i + 3 : i + 2;
      const inst = institutionFrom(s, at);
      if (inst) {
        const relation = tokens[i]!.form === 'بالشراكه' || tokens[i]!.form === 'بالتعاون' ? 'partner' : 'co-organiser';
        found.organisers.push({ value: { institution: span(s, tokens[at]!, tokens[inst.end]!), relation }, n: s.n });
      }
    }
    // «بعنوان "…"», «تحت عنوان: "…"»; «تحت شعار "…"» and «حول …» are themes.
    if (/^(بعنوان|عنوان|عنوانه|عنوانها|شعار)$/.test(f)) {
      const q = QUOTED.exec(s.text.slice(tokens[i]!.end, s.end));
      if (q && q.index < 4) {
        const value = plainText(q[1]!);
        if (f === 'شعار') {
          if (!found.themes.some((t) => t.value === value)) found.themes.push({ value, n: s.n });
        } else if (!found.title && titleOfEvent(tokens, i)) found.title = { value, n: s.n };
      }
    }
    if (f === 'حول' && found.themes.length === 0 && i > 0 && tokens.slice(Math.max(0, i - 4), i).some((_, k) => isKindAt(tokens, Math.max(0, i - 4) + k) > 0)) {
      let e = i;
      while (e + 1 < tokens.length && e - i < 24) {
        const u = tokens[e + 1]!;
        if (/[.!?؟:()«»"“”]/.test(between(s, tokens[e], u)) || /^(في|خلال|يوم|بمشاركه|بحضور)$/.test(u.form)) break;
        e++;
      }
      if (e > i) {
        for (const piece of span(s, tokens[i + 1]!, tokens[e]!).split(/\s*[،,]\s*/)) {
          const text = piece.replace(/^و(?=ال)/, '').trim();
          if (text.split(/\s+/).length >= 1 && text.length > 2) found.themes.push({ value: text, n: s.n });
        }
      }
    }
  }
}

const TRAILING_WHEN = /\s+(?:on|this|last|yesterday|today)(?:\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|morning|evening))?$/;

/** An ordinal before an event's name: "Third", "5th". */
const EN_ORDINAL = 'First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|\\d+(?:st|nd|rd|th)';

/** The words that make a run of capitalised words an institution's name. */
const EN_INSTITUTION_HEADS =
  /^(School|University|Institute|Institution|Centre|Center|College|Academy|Council|Foundation|Forum|Society|Association|Ministry|Department|Office|Organi[sz]ation|Commission|Agency|Programme|Program)$/;

function englishEvent(s: Sentence, found: EventFound): void {
  let text = s.text.slice(s.start, s.end);
  // "X, with the support of its Centre for Global Studies (CGS), organized …": a supporter, and X the subject.
  const support = /,\s+with the support of\s+(?:its\s+|the\s+)?([A-Z][^,]*?),\s+/.exec(text);
  if (support) {
    found.organisers.push({ value: { institution: support[1]!.trim(), relation: 'supporter' }, n: s.n });
    text = `${text.slice(0, support.index)} ${text.slice(support.index + support[0].length)}`;
  }
  const capitalised =
    "(?:[A-Z][\\w'’&-]*(?:\\.(?=\\s[A-Z]))?|\\([A-Z]+\\))(?:\\s+(?:(?:of|for|the|on|in)\\s+)*(?:[A-Z][\\w'’&-]*(?:\\.(?=\\s[A-Z]))?|\\([A-Z]+\\)))*";
  if (!found.host) {
    // "X, Y, and Z co-organized a conference": the first named is the host, the others co-organisers.
    const co = new RegExp(
      `(?:^|--\\s*|\\)\\s*|,\\s+the\\s+|\\b\\d{1,2}(?:st|nd|rd|th)?,\\s+)(?:The\\s+)?(${capitalised}(?:,?\\s+(?:and\\s+)?(?:the\\s+)?${capitalised})*)\\s+(?:on\\s+\\w+\\s+)?(co-organi[sz]ed|organi[sz]ed|hosted|hosts|Hosts|convened|held|launched)\\b`,
    ).exec(text);
    const by = /\b(?:jointly\s+|co-)?(?:organi[sz]ed|hosted|convened)\s+by\s+(?:the\s+)?/.exec(text);
    if (co) {
      const names = co[1]!
        .split(/,\s*(?:and\s+)?|\s+and\s+(?=(?:the\s+)?[A-Z])/)
        .map((x) =>
          x
            .replace(/^the\s+/i, '')
            .replace(TRAILING_WHEN, '')
            .trim(),
        )
        .filter((x) => /^[A-Z]/.test(x));
      if (names.length > 0 && !/^(It|This|They|He|She|We)$/.test(names[0]!)) {
        found.host = { value: { institution: names[0]! }, n: s.n };
        if (/co-organi/.test(co[2]!)) for (const o of names.slice(1)) found.organisers.push({ value: { institution: o, relation: 'co-organiser' }, n: s.n });
      }
    } else if (by) {
      const m = new RegExp(`^(${capitalised})(?:\\s+and\\s+(?:the\\s+)?(${capitalised}))?`).exec(text.slice(by.index + by[0].length));
      if (m) {
        found.host = { value: { institution: m[1]! }, n: s.n };
        if (m[2]) found.organisers.push({ value: { institution: m[2], relation: 'co-organiser' }, n: s.n });
      }
    } else {
      // "Lahore School of Economics Third Annual Social Sciences conference concludes": an institution's name,
      // then its event by the event's own name (an ordinal or "Annual", a kind of event).
      const own = new RegExp(`^(?:The\\s+)?(${capitalised})\\s+(?:${EN_ORDINAL})?\\s*Annual\\b`).exec(text);
      const institution = own?.[1]?.replace(new RegExp(`\\s+(?:${EN_ORDINAL})$`), '');
      const kind = own
        ? text
            .slice(own[0].length)
            .split(/\s+/)
            .slice(0, 6)
            .some((w) => EN_KINDS.has(w.toLowerCase()))
        : false;
      if (institution && kind && institution.split(/\s+/).some((w) => EN_INSTITUTION_HEADS.test(w))) found.host = { value: { institution }, n: s.n };
    }
  }
  const partner = /\bin (cooperation|partnership|collaboration) with (?:the\s+)?/.exec(text);
  if (partner) {
    const m = new RegExp(`^${capitalised}`).exec(text.slice(partner.index + partner[0].length));
    if (m) found.organisers.push({ value: { institution: m[0], relation: partner[1] === 'partnership' ? 'partner' : 'co-organiser' }, n: s.n });
  }
  // "at the Frederick S. Pardee School of Global Studies", in the sentence that dates the event.
  if (!found.venue && datesIn(s).length > 0) {
    const at = new RegExp(`\\b(?:at|in) the (${capitalised})`).exec(text);
    if (at && at[1]!.split(/\s+/).length >= 2) found.venue = { value: { name: at[1]! }, n: s.n };
  }
  // A dateline: "GENEVA, March 15 (KUNA) --".
  const dateline = /(?:^|\)\)?\s*)([A-Z]{3,}(?:\s[A-Z]{3,})?),\s+[A-Z][a-z]+\.?\s+\d{1,2}\b/.exec(text);
  if (dateline && s.n === 1) {
    const city = dateline[1]!.toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase());
    found.venue = { value: { ...(found.venue?.value ?? {}), city }, n: s.n };
  }
  const quoted = /\b(?:entitled|titled|under the (?:title|theme))\s*[:,]?\s*["“]([^"”]{3,200})["”]/.exec(text);
  if (quoted && !found.title) found.title = { value: quoted[1]!.trim(), n: s.n };
}
