/**
 * Text → runs, so that templates can isolate the runs written in the other direction without deciding
 * anything: in an RTL deck every Latin run (names, acronyms, "(AI)") becomes its own <bdi lang="en">.
 */
import { latinRuns } from '../latin.js';
import { writeNumbers } from './numbers.js';
import { sentenceSegmenter } from '../sentences.js';

export interface Run {
  text: string;
  /** True when the run is in the other script and must be isolated. */
  isolate: boolean;
  lang: string;
  dir: 'ltr' | 'rtl';
  /** A term a line must not break inside ("Covid-19", "S-400": a browser breaks after their hyphen). */
  nobr?: true;
}

/** Letters and figures joined by a hyphen: one term, never two lines. */
const HYPHENED_TERM = /\p{L}[\p{L}\p{M}]*-\p{Nd}(?:[\p{Nd}.,]*\p{Nd})?|\p{Nd}(?:[\p{Nd}.,]*\p{Nd})?-\p{L}[\p{L}\p{M}]*/gu;

/** `runs` with each hyphened term of letters and figures a run of its own that lines do not break inside. */
function keptWhole(runs: Rich): Rich {
  return runs.flatMap((run) => {
    const out: Rich = [];
    let last = 0;
    for (const m of run.text.matchAll(HYPHENED_TERM)) {
      const at = m.index ?? 0;
      if (at > last) out.push({ ...run, text: run.text.slice(last, at) });
      out.push({ ...run, text: m[0], nobr: true });
      last = at + m[0].length;
    }
    if (last === 0) return [run];
    if (last < run.text.length) out.push({ ...run, text: run.text.slice(last) });
    return out;
  });
}

export type Rich = Run[];

const ARABIC_RUN =
  /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+(?:[\s،؛]+[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+)*/g;

function balanced(run: string): string {
  let r = run;
  if (r.startsWith('(') && !r.endsWith(')')) r = r.slice(1);
  if (r.endsWith(')') && !r.startsWith('(')) r = r.slice(0, -1);
  return r;
}

// A number with punctuation inside ("10/12", "1.5", "2023-2024", "١٢٫٥"): kept in order with dir="ltr".
const NUMBER_WITH_PUNCT = /[0-9\u0660-\u0669\u06F0-\u06F9]+(?:[.,:/\-–\u066B\u066C][0-9\u0660-\u0669\u06F0-\u06F9]+)+/g;

/**
 * Splits the base-direction text further so numbers with punctuation are isolated too; its numbers are
 * first written in the deck's digits (Latin runs, cut out before, keep theirs).
 */
function splitNumbers(raw: string, dir: 'rtl' | 'ltr', baseLang: string, digits: 'arab' | 'latn' | undefined): Rich {
  const text = digits ? writeNumbers(raw, digits) : raw;
  if (dir !== 'rtl') return [{ text, isolate: false, lang: baseLang, dir }];
  const out: Rich = [];
  let last = 0;
  for (const m of text.matchAll(NUMBER_WITH_PUNCT)) {
    const start = m.index ?? 0;
    if (start > last) out.push({ text: text.slice(last, start), isolate: false, lang: baseLang, dir });
    out.push({ text: m[0], isolate: true, lang: baseLang, dir: 'ltr' });
    last = start + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), isolate: false, lang: baseLang, dir });
  return out;
}

export function toRuns(text: string, dir: 'rtl' | 'ltr', digits?: 'arab' | 'latn'): Rich {
  // A Latin run: any letters of the Latin script with their marks, digits and light punctuation (src/latin.ts).
  const pattern = dir === 'rtl' ? latinRuns() : ARABIC_RUN;
  const lang = dir === 'rtl' ? 'en' : 'ar';
  const baseLang = dir === 'rtl' ? 'ar' : 'en';
  const other: 'ltr' | 'rtl' = dir === 'rtl' ? 'ltr' : 'rtl';
  const runs: Rich = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const raw = match[0];
    const trimmed = balanced(raw);
    const start = (match.index ?? 0) + raw.indexOf(trimmed);
    const end = start + trimmed.length;
    if (start > last) runs.push(...splitNumbers(text.slice(last, start), dir, baseLang, digits));
    runs.push({ text: trimmed, isolate: true, lang, dir: other });
    last = end;
  }
  if (last < text.length) runs.push(...splitNumbers(text.slice(last), dir, baseLang, digits));
  return keptWhole(runs);
}

export function plain(rich: Rich): string {
  return rich.map((r) => r.text).join('');
}

/** A sentence shorter than this is read with the next (a fragment; an abbreviation's stop, "Dr.", is ABBREVIATED below). */
const SENTENCE_MIN = 20;

/**
 * A stop that ends a title or an initial, not a sentence, wherever it falls ("… for Mr. Kasuri, Dr. Rizvi",
 * "H.E. Amb. Hilale", "J. Smith"): the segmenter ends a sentence there, the note reads on.
 */
const ABBREVIATED =
  /(?:(?:^|[\s(])(?:Mr|Mrs|Ms|Mx|Dr|Prof|Amb|Hon|Gen|Lt|Col|Maj|Capt|Cdr|Adm|Sgt|Gov|Sen|Rep|Pres|Sec|Rev|Fr|Sr|Jr|St|Mt|No|Nos|Vol|vs|cf|e\.g|i\.e)|(?:^|[\s(.])[A-Z])\.$/;

/**
 * The first sentence of a text, and whether that is all of it: a note shown by its first sentence where the
 * whole does not fit (its whole is kept in the speaker notes and the handout).
 */
export function firstSentence(text: string, lang: string): { text: string; whole: boolean } {
  const flat = text.replace(/\s+/g, ' ').trim();
  let out = '';
  for (const { segment } of sentenceSegmenter(lang).segment(flat)) {
    out += segment;
    if (out.trim().length >= SENTENCE_MIN && !ABBREVIATED.test(out.trimEnd())) break;
  }
  out = out.trim();
  return out.length >= flat.length ? { text: flat, whole: true } : { text: out, whole: false };
}
