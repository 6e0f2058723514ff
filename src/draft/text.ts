/**
 * A report's paragraphs as the drafter reads them: sentences (Intl.Segmenter, with the break after an
 * abbreviated title, «د.» or "Dr.", undone), each with the words of the claim check's own tokenizer
 * (src/lint/normalise.ts), so that what the drafter finds is found by the check in the same form.
 */
import { INVISIBLE } from '../brief/characters.js';
import { bareForms, type Token, tokenize } from '../lint/normalise.js';
import { sentenceSegmenter } from '../sentences.js';

export interface Sentence {
  /** The paragraph it is in (1-based). */
  n: number;
  /** The paragraph's text; offsets are into it. */
  text: string;
  start: number;
  end: number;
  tokens: Token[];
}

/** An abbreviation a sentence segmenter takes for a sentence's end: «د.», "Dr.", an initial ("S."). */
const ABBREVIATION = /(?:^|[\s(.])(?:[\p{L}]{1,2}|Dr|Mr|Mrs|Ms|Prof|St|Gen|Col|Lt|Maj|Capt|Sen|Rep|Gov|Amb|Jr|Sr|No)\.\s*$/u;

/** The sentences of a paragraph, with their tokens. */
export function sentencesOf(n: number, text: string, lang: string, tokens: Token[] = tokenize(text)): Sentence[] {
  const spans: [number, number][] = [];
  for (const seg of sentenceSegmenter(lang).segment(text)) {
    const start = seg.index;
    const end = seg.index + seg.segment.length;
    const last = spans[spans.length - 1];
    if (last && ABBREVIATION.test(text.slice(last[0], last[1]))) last[1] = end;
    else spans.push([start, end]);
  }
  // Each sentence's tokens, in one pass over the paragraph's.
  let k = 0;
  return spans.map(([start, end]) => {
    while (k < tokens.length && tokens[k]!.start < start) k++;
    const from = k;
    while (k < tokens.length && tokens[k]!.end <= end) k++;
    return { n, text, start, end, tokens: tokens.slice(from, k) };
  });
}

/** The text between two tokens (or from a token to the sentence's end). */
export function between(s: Sentence, a: Token | undefined, b: Token | undefined): string {
  return s.text.slice(a ? a.end : s.start, b ? b.start : s.end);
}

/** Punctuation that ends a name or a phrase. */
export const BREAK = /[،,؛;:.!?()«»"“”„/\\|–—…]|\s-\s/;

/** The word's bare forms (clitics off) include one of `set`. */
export function isIn(t: Token | undefined, set: ReadonlySet<string>): boolean {
  return t !== undefined && bareForms(t.form).some((f) => set.has(f));
}

const UNSEEN = new RegExp(`[${INVISIBLE.chars}]`, 'gu');

/** The report's text without what a brief may not hold: bidi and other invisible controls (a brief's value is one line). */
export function clean(text: string): string {
  return text.replace(UNSEEN, ' ').replace(/\s+/g, ' ').trim();
}

/** Diacritics off (tanween, shadda…): a drafted value is written as the report writes it, without them. */
export function plainText(text: string): string {
  return clean(text)
    .replace(/[\u064B-\u0652\u0670\u0640]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The report's text from token `a` to token `b`, as written. */
export function span(s: Sentence, a: Token, b: Token): string {
  return plainText(s.text.slice(a.start, b.end));
}
