/**
 * What is Latin, said once for every stage that sets Latin apart from Arabic: the deck's isolated runs
 * (src/deck/text.ts, <bdi lang="en"> in an Arabic deck), the render stage's check that none is left out
 * (src/render/isolation.ts), the PDF's text order (src/pdf/text-order.ts, a glyph's bidi class) and, through the
 * deck's runs, the PowerPoint's language tags. A Latin letter is any letter of the Latin script (Unicode's Script
 * property: «á», «ö», «Đ», «ầ», «ß», «ł», «ø»…), with the combining marks written after it («Trần» spelled with
 * U+0302 U+0300 as well as with U+1EA7): so «Aroldo Lázaro», «Đorđević» or «Gödel» is one run, never cut at
 * its first letter outside ASCII.
 */

/** A Latin letter and the combining marks on it (a regular expression's source, for the `u` flag). */
const LETTER = String.raw`(?:\p{Script=Latin}\p{M}*)`;
/** A Latin letter or a digit, with its marks. */
const LETTER_OR_DIGIT = String.raw`(?:(?:\p{Script=Latin}|[0-9])\p{M}*)`;
/**
 * What joins two parts of one Latin word or name: «O'Neill», «O’Neill», «Jean-Luc», «Jean‐Luc», «AT&T»,
 * «COVID-19», «P5+1», «x=1», «l·l», «www.example.org/a_b».
 */
const JOINER = String.raw`[.&'’ʼ\-‐‑/:+=×_·]`;

/**
 * A Latin run in running text: words of Latin letters, with the digits joined to them («P5+1», «COVID-19»,
 * «S-400», «A4», «x=1», «4G»), joined by spaces and light punctuation, with balanced brackets around it kept
 * inside ("(AI)"). Digits a space away from a Latin word are not joined to it: they are the deck's («NATO ٢٠٢٤»),
 * unless Latin words follow them («Windows 11 Pro»).
 */
const LATIN_RUN = String.raw`\(?(?:[0-9]+(?=\p{Script=Latin}))?${LETTER}${LETTER_OR_DIGIT}*(?:${JOINER}+${LETTER_OR_DIGIT}+|\s+(?:[0-9]+\s+)*${LETTER}${LETTER_OR_DIGIT}*)*\+*\.?\)?`;

/** A new global expression that finds the Latin runs of a text (each call its own, for `matchAll`). */
export function latinRuns(): RegExp {
  return new RegExp(LATIN_RUN, 'gu');
}

const ANY_LATIN = /\p{Script=Latin}/u;
const STARTS_LATIN = /^\p{Script=Latin}/u;

/** Does the text hold a Latin letter? */
export function hasLatin(text: string): boolean {
  return ANY_LATIN.test(text);
}

/** Does the text (a glyph's, from its ToUnicode entry) start with a Latin letter? */
export function startsLatin(text: string): boolean {
  return STARTS_LATIN.test(text);
}

const MARKS_ONLY = /^\p{M}+$/u;

/** Is the text (a glyph's) combining marks only: no direction of its own, it takes its letter's (bidi class NSM)? */
export function marksOnly(text: string): boolean {
  return MARKS_ONLY.test(text);
}
