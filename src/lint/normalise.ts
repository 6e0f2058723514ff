/**
 * One form for what Arabic (and English) writing varies, so that a brief's words can be compared with its
 * report's: digit systems, alef, yeh and hamza forms, teh marbuta, diacritics, tatweel, presentation forms,
 * letter case and Latin accents; then words, with the clitics و ف ب ل ك and the article ال taken off, and
 * numbers as values (thousands separators and decimal points of either system).
 */

/** A word of a text, in its one form, with where it is in the text it came from. */
export interface Token {
  /** The normalised word: Arabic letters, Latin letters (lower case), or a number's digits ("12.5"). */
  form: string;
  kind: 'arabic' | 'latin' | 'number';
  /** UTF-16 offsets in the text as written. */
  start: number;
  end: number;
}

// Marks: Latin accents, Arabic harakat (and the hamza and madda above or below, which NFKD splits off
// أ إ آ ؤ ئ), the superscript alef, Quranic marks; and tatweel.
const MARKS = /[\u0300-\u036F\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;

/** One letter form for each letter a writer may spell several ways. Keeps the string's length per character. */
function letter(ch: string): string {
  let form = LETTERS.get(ch);
  if (form === undefined) {
    form = letterForm(ch);
    LETTERS.set(ch, form);
  }
  return form;
}

/** Each character's form, worked out once: a brief and its report are some tens of thousands of characters of a hundred or so. */
const LETTERS = new Map<string, string>();

function letterForm(ch: string): string {
  const decomposed = ch.normalize('NFKD').replace(MARKS, '');
  return decomposed
    .replace(/[\u0671\u0672\u0673\u0675]/g, 'ا') // ٱ and other alef forms
    .replace(/[\u0649\u06CC\u06D2]/g, 'ي') // ى ی ے
    .replace(/\u0629/g, 'ه') // ة
    .replace(/\u06A9/g, 'ك') // ک
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x6f0))
    .toLowerCase();
}

/** The text in its one form (for display and tests; tokens keep their offsets instead). */
export function normalise(text: string): string {
  return Array.from(text).map(letter).join('');
}

const ARABIC_LETTER = /[\u0621-\u063A\u0641-\u064A\u066E-\u06D3]/;
const LATIN_LETTER = /[a-z]/;
const DIGIT = /[0-9]/;

/**
 * The words and numbers of a text. A number keeps its value whatever its digits and separators: "1,000",
 * "١٬٠٠٠" → "1000"; "12.5", "١٢٫٥", "12,5" → "12.5"; "05" → "5"; digits joined to letters ("1439هـ",
 * "COVID-19") are a number of their own. «عبد الله» and «عبدالله» are one word.
 */
export function tokenize(text: string): Token[] {
  // Normalise character by character, keeping for each normalised character the offset it came from.
  let norm = '';
  const from: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const n = letter(ch);
    for (let k = 0; k < n.length; k++) from.push(i);
    norm += n;
    i += ch.length;
  }
  from.push(text.length);
  const out: Token[] = [];
  let i = 0;
  while (i < norm.length) {
    const c = norm[i]!;
    if (DIGIT.test(c)) {
      let j = i;
      let digits = '';
      while (j < norm.length) {
        const d = norm[j]!;
        if (DIGIT.test(d)) {
          digits += d;
          j++;
          continue;
        }
        const sep = d;
        const next = norm.slice(j + 1);
        // A thousands separator: , ٬ ' followed by exactly three digits.
        if ((sep === ',' || sep === '\u066C' || sep === '’') && /^[0-9]{3}(?![0-9])/.test(next) && !digits.includes('.')) {
          j++;
          continue;
        }
        // A decimal separator: . ٫ (or a comma before one or two digits), once.
        if ((sep === '.' || sep === '\u066B' || (sep === ',' && /^[0-9]{1,2}(?![0-9])/.test(next))) && /^[0-9]/.test(next) && !digits.includes('.')) {
          // "15.3.2024" is a date, not a decimal: only when no further separator and digit follow.
          const after = /^[0-9]+([.\u066B][0-9])?/.exec(next);
          if (after && after[1] === undefined) {
            digits += '.';
            j++;
            continue;
          }
        }
        break;
      }
      const [whole, fraction] = digits.split('.');
      const value = `${String(Number(whole))}${fraction !== undefined && /[1-9]/.test(fraction) ? `.${fraction.replace(/0+$/, '')}` : ''}`;
      out.push({ form: value, kind: 'number', start: from[i]!, end: from[j]! });
      i = j;
    } else if (LATIN_LETTER.test(c)) {
      let j = i;
      while (j < norm.length && LATIN_LETTER.test(norm[j]!)) j++;
      const form = norm.slice(i, j);
      // English possessive: "Taha's" is Taha.
      if (/^['’]s(?![a-z])/.test(norm.slice(j))) j += 2;
      out.push({ form, kind: 'latin', start: from[i]!, end: from[j]! });
      i = j;
    } else if (ARABIC_LETTER.test(c)) {
      let j = i;
      while (j < norm.length && ARABIC_LETTER.test(norm[j]!)) j++;
      out.push({ form: norm.slice(i, j), kind: 'arabic', start: from[i]!, end: from[j]! });
      i = j;
    } else i++;
  }
  // «عبد الله», «عبد الرحمن»: one name, as «عبدالله» is.
  const joined: Token[] = [];
  for (const t of out) {
    const last = joined[joined.length - 1];
    if (last && t.kind === 'arabic' && /^(و|ف)?عبد$/.test(last.form) && t.form.startsWith('ال')) {
      joined[joined.length - 1] = { ...last, form: last.form + t.form, end: t.end };
    } else joined.push(t);
  }
  return joined;
}

/**
 * The forms a word may stand for once its clitics are off: the conjunctions و ف, the prepositions ب ل ك,
 * the article ال, and their combinations («وال», «بال», «لل», «وبال», «فلل»). The word itself is one of them.
 */
export function bareForms(form: string): readonly string[] {
  let known = BARE.get(form);
  if (known === undefined) {
    known = strip(form);
    if (BARE.size > 50_000) BARE.clear();
    BARE.set(form, known);
  }
  return known;
}

const BARE = new Map<string, readonly string[]>();

function strip(form: string): string[] {
  const out = new Set<string>([form]);
  const conj = /^[وف]/.test(form) && form.length > 3 ? [form, form.slice(1)] : [form];
  for (const a of conj) {
    const preps = /^[بلك]/.test(a) && a.length > 3 ? [a, a.slice(1)] : [a];
    for (const b of preps) {
      out.add(b);
      if (b.startsWith('ال') && b.length > 3) out.add(b.slice(2));
    }
    // «لل»: ل and ال, the alef dropped («للمعهد»).
    if (a.startsWith('لل') && a.length > 3) out.add(a.slice(2));
  }
  return [...out];
}

/** The shortest bare form: the word without any clitic it may carry. */
export function bare(form: string): string {
  return bareForms(form).reduce((a, b) => (b.length < a.length ? b : a));
}

/** Light English stemming: plurals and the commonest endings, for words of five letters or more. */
function englishStem(form: string): string {
  if (form.length < 5) return form;
  return form.replace(/(?:ies|es|s|ed|ing|ly)$/, '').replace(/(?:ation|ations)$/, 'at');
}

/** Two words are the same word once their clitics are off: «والمعهد» and «للمعهد» are «معهد». */
export function sameWord(x: string, y: string): boolean {
  if (x === y) return true;
  const ys = bareForms(y);
  return bareForms(x).some((p) => ys.includes(p));
}

/** Two words share a stem (light stemming: endings and clitics aside), for paraphrase: «الروسية», «روسيا». */
export function similarWord(x: string, y: string): boolean {
  if (x === y) return true;
  const ys = bareForms(y);
  for (const p of bareForms(x)) for (const q of ys) if (p === q || stemsMatch(p, q)) return true;
  return false;
}

/**
 * A shared stem: the shorter word (three letters or more) begins the longer, which adds at most three letters
 * («علاقات», «علاقاتها»); or both share four letters or more and end in at most two of their own
 * («الروسية», «روسيا»).
 */
export function stemsMatch(p: string, q: string): boolean {
  if (/^[a-z]+$/.test(p) && /^[a-z]+$/.test(q)) {
    // A plural in -s of a short word or an acronym: "WMD" and "WMDs", "NGO" and "NGOs".
    if ((p.length >= 3 && q === `${p}s`) || (q.length >= 3 && p === `${q}s`)) return true;
    const sp = englishStem(p);
    const sq = englishStem(q);
    return sp.length >= 3 && (sp === sq || (sp.length >= 5 && sq.startsWith(sp)) || (sq.length >= 5 && sp.startsWith(sq)));
  }
  let common = 0;
  while (common < p.length && common < q.length && p[common] === q[common]) common++;
  const short = Math.min(p.length, q.length);
  const long = Math.max(p.length, q.length);
  if (common === short) return short >= 3 && long - common <= 3;
  return common >= 4 && short - common <= 2 && long - common <= 2;
}
