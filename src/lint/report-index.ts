/**
 * The report, ready for the claim check: each paragraph's words and numbers, and an index of the report's
 * vocabulary that finds, for a word, the paragraphs that have it or a word of its stem, in time that does not
 * grow with the report's length.
 */
import { bareForms, stemsMatch, type Token, tokenize } from './normalise.js';
import { MONTHS, NUMBER_WORDS, ORDINAL_WORDS, STOP_WORDS } from './words.js';

export interface Paragraph {
  /** 1-based: paragraph N is the N-th non-empty line. */
  n: number;
  text: string;
  tokens: Token[];
  /** Every bare form of every word (clitics off): the strict lookup. */
  forms: Set<string>;
  /** The values it gives: its numbers, number words, ordinals and months («2 مايو» gives 2 and 5). */
  numbers: Set<string>;
}

export function isStop(form: string): boolean {
  return bareForms(form).some((f) => STOP_WORDS.has(f)) || (form.length < 2 && !/[0-9]/.test(form));
}

const PERCENT_NOUN = /^(مئه|مايه|ميه)$/;

function wordValue(form: string, table: ReadonlyMap<string, number>): number | undefined {
  for (const f of bareForms(form)) {
    const n = table.get(f);
    if (n !== undefined) return n;
  }
  return undefined;
}

/**
 * The numbers a text states, at their tokens: digits, and cardinal number words (compounds added up:
 * «خمسة وعشرين» is 25). «في المئة» is a percent sign, not a hundred.
 */
export function statedNumbers(tokens: readonly Token[]): { value: string; start: number; end: number; index: number }[] {
  const out: { value: string; start: number; end: number; index: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'number') {
      out.push({ value: t.form, start: t.start, end: t.end, index: i });
      continue;
    }
    const n = wordValue(t.form, NUMBER_WORDS);
    if (n === undefined) continue;
    const prev = tokens[i - 1];
    if (bareForms(t.form).some((f) => PERCENT_NOUN.test(f)) && (prev?.form === 'في' || /^بال/.test(t.form))) continue;
    // «خمسة وعشرون»: a unit, then و and a ten.
    const next = tokens[i + 1];
    const ten = next && n < 10 && next.form.startsWith('و') ? wordValue(next.form.slice(1), NUMBER_WORDS) : undefined;
    if (ten !== undefined && ten >= 20 && ten < 100) {
      out.push({ value: String(n + ten), start: t.start, end: next!.end, index: i });
      i++;
    } else out.push({ value: String(n), start: t.start, end: t.end, index: i });
  }
  return out;
}

export function paragraphOf(n: number, text: string): Paragraph {
  const tokens = tokenize(text);
  const forms = new Set<string>();
  const numbers = new Set<string>();
  for (const t of tokens) for (const f of bareForms(t.form)) forms.add(f);
  for (const s of statedNumbers(tokens)) numbers.add(s.value);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // Each part of a compound too, and ordinals and months: a paragraph gives every value it can be read for.
    const cardinal = wordValue(t.form, NUMBER_WORDS);
    if (cardinal !== undefined) numbers.add(String(cardinal));
    const ordinal = wordValue(t.form, ORDINAL_WORDS);
    const next = tokens[i + 1];
    const ten = next?.form.startsWith('و') ? wordValue(next.form.slice(1), NUMBER_WORDS) : undefined;
    if (ordinal !== undefined) numbers.add(String(ten !== undefined && ten >= 20 ? ordinal + ten : ordinal));
    const month = wordValue(t.form, MONTHS);
    if (month !== undefined) numbers.add(String(month));
  }
  return { n, text, tokens, forms, numbers };
}

/** Every bare form of the report's words, with the paragraphs it is in, indexed by its first three letters. */
export class ReportIndex {
  readonly paragraphs: Paragraph[];
  private readonly byForm = new Map<string, Set<number>>();
  private readonly byPrefix = new Map<string, string[]>();
  private readonly memo = new Map<string, ReadonlySet<number>>();

  constructor(paragraphs: readonly string[]) {
    this.paragraphs = paragraphs.map((t, i) => paragraphOf(i + 1, t));
    for (const p of this.paragraphs) {
      for (const f of p.forms) {
        let set = this.byForm.get(f);
        if (!set) {
          set = new Set();
          this.byForm.set(f, set);
          const key = f.slice(0, 3);
          const list = this.byPrefix.get(key);
          if (list) list.push(f);
          else this.byPrefix.set(key, [f]);
        }
        set.add(p.n);
      }
    }
  }

  /** The paragraphs that have `word`, or a word of its stem («روسيا» for «الروسية»). */
  similar(word: string): ReadonlySet<number> {
    const known = this.memo.get(word);
    if (known) return known;
    const out = new Set<number>();
    for (const p of bareForms(word)) {
      for (const n of this.byForm.get(p) ?? []) out.add(n);
      if (p.length < 3) continue;
      for (const q of this.byPrefix.get(p.slice(0, 3)) ?? []) if (q !== p && stemsMatch(p, q)) for (const n of this.byForm.get(q)!) out.add(n);
    }
    this.memo.set(word, out);
    return out;
  }

  /** The paragraphs that have `word` once clitics are off. */
  same(word: string): ReadonlySet<number> {
    const out = new Set<number>();
    for (const p of bareForms(word)) for (const n of this.byForm.get(p) ?? []) out.add(n);
    return out;
  }
}
