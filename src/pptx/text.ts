/**
 * Paragraphs of DrawingML text: the deck's runs (src/deck/text.ts) with their languages, in paragraphs of the
 * deck's direction. In a right-to-left deck every paragraph is `rtl="1"`, aligned to the right, its bullet
 * on the right; each run names its language (`ar-SA`, `en-US`, the other as `altLang`) and the bundled font
 * for Latin, East Asian and complex scripts (`a:cs`, which is the one Arabic is drawn in).
 */
import type { Rich } from '../deck/text.js';
import { FONT, type Palette, pt100, TYPE } from './look.js';
import { el, esc } from './xml.js';

/** The locale PowerPoint is told for each language of the deck (its spelling and its digits follow it). */
export const LOCALE = { ar: 'ar-SA', en: 'en-US' } as const;
export type Lang = keyof typeof LOCALE;

export interface TextContext {
  lang: Lang;
  dir: 'rtl' | 'ltr';
  /** The deck's colours. */
  color: Palette;
}

export interface SpanStyle {
  /** CSS px. */
  size: number;
  bold?: boolean;
  color?: string;
}

export interface Span {
  text: string;
  lang: Lang;
  style: SpanStyle;
  /** A relationship id (a hyperlink of the slide's). */
  link?: string;
  /**
   * PowerPoint's field of this kind in place of plain text: `slidenum`, the slide's number, which PowerPoint
   * keeps right when slides are moved; `text` is what it shows until a reader works it out.
   */
  field?: 'slidenum';
}

export interface ParaStyle {
  /** The line's height, in CSS px (exact, as the deck's line-height). */
  line: number;
  /** Space before and after, in CSS px. */
  before?: number;
  after?: number;
  /** A bullet at the inline start, hanging `indent` px. */
  bullet?: { char: string; color: string; font?: string; size?: number };
  /** The list level (0 the first): a list inside a list's item is a level deeper. */
  level?: number;
  /** The text's inset from the inline start, in px. */
  indent?: number;
  /** How far the bullet hangs before the text, in px (`indent` unless said). */
  hang?: number;
  align?: 'start' | 'center' | 'end';
  /** The type size of an empty paragraph (a table's empty cell), in px: else its first run's, else body type. */
  size?: number;
}

export interface Para {
  spans: Span[];
  style: ParaStyle;
}

/** Spaces as HTML runs them together: ASCII white space, not the non-breaking space a citation holds. */
const HTML_SPACE = /[\t\n\f\r ]+/g;
const LETTER_AT_START = /^[\p{L}\p{N}]/u;
const LETTER_AT_END = /[\p{L}\p{N}]$/u;

/**
 * The deck's runs as spans. An isolated run (a Latin name in an Arabic text, "(AI)") is an isolate in the
 * deck (<bdi>); here, when it begins or ends with punctuation, a left-to-right (or right-to-left) mark on
 * that side keeps the punctuation with it, as the isolate does. Spaces run together, as in HTML.
 */
export function spans(rich: Rich, style: SpanStyle, dir: 'rtl' | 'ltr'): Span[] {
  const out: Span[] = [];
  for (const run of rich) {
    let text = run.text.replace(HTML_SPACE, ' ');
    if (text === '') continue;
    if (run.isolate && run.dir !== dir) {
      const mark = run.dir === 'ltr' ? '\u200E' : '\u200F';
      if (!LETTER_AT_START.test(text)) text = mark + text;
      if (!LETTER_AT_END.test(text)) text = text + mark;
    }
    out.push({ text, lang: run.lang === 'ar' ? 'ar' : 'en', style });
  }
  return out;
}

/** Plain text of the deck's language as one span. */
export function span(text: string, style: SpanStyle, lang: Lang): Span {
  return { text: text.replace(HTML_SPACE, ' '), lang, style };
}

function other(lang: Lang): Lang {
  return lang === 'ar' ? 'en' : 'ar';
}

function runProps(s: SpanStyle, lang: Lang, ink: string, link?: string): string {
  return el(
    'a:rPr',
    { lang: LOCALE[lang], altLang: LOCALE[other(lang)], sz: pt100(s.size), b: s.bold ? 1 : undefined, dirty: 0 },
    el('a:solidFill', {}, el('a:srgbClr', { val: s.color ?? ink })),
    el('a:latin', { typeface: FONT }),
    el('a:ea', { typeface: FONT }),
    el('a:cs', { typeface: FONT }),
    link ? el('a:hlinkClick', { 'r:id': link }) : undefined,
  );
}

function alignment(align: ParaStyle['align'], dir: 'rtl' | 'ltr'): string {
  if (align === 'center') return 'ctr';
  const end = align === 'end';
  return (dir === 'rtl') !== end ? 'r' : 'l';
}

export function paragraph(p: Para, tc: TextContext): string {
  const s = p.style;
  const bullet = s.bullet;
  const indent = s.indent ?? 0;
  const pPr = el(
    'a:pPr',
    {
      marL: indent ? Math.round(indent * 9525) : 0,
      indent: bullet && indent ? -Math.round((s.hang ?? indent) * 9525) : 0,
      lvl: s.level ? s.level : undefined,
      algn: alignment(s.align, tc.dir),
      rtl: tc.dir === 'rtl' ? 1 : 0,
    },
    el('a:lnSpc', {}, el('a:spcPts', { val: pt100(s.line) })),
    el('a:spcBef', {}, el('a:spcPts', { val: pt100(s.before ?? 0) })),
    el('a:spcAft', {}, el('a:spcPts', { val: pt100(s.after ?? 0) })),
    bullet
      ? el('a:buClr', {}, el('a:srgbClr', { val: bullet.color })) +
          el('a:buSzPct', { val: Math.round((bullet.size ?? 0.45) * 100000) }) +
          el('a:buFont', { typeface: bullet.font ?? 'Arial' }) +
          el('a:buChar', { char: bullet.char })
      : el('a:buNone'),
  );
  const runs = p.spans
    .map((r) =>
      r.field
        ? // A field has an id of its own in the paragraph: one field a paragraph, so one fixed id serves.
          `<a:fld id="${FIELD_ID}" type="${r.field}">${runProps(r.style, r.lang, tc.color.ink)}<a:t>${esc(r.text)}</a:t></a:fld>`
        : `<a:r>${runProps(r.style, r.lang, tc.color.ink, r.link)}<a:t>${esc(r.text)}</a:t></a:r>`,
    )
    .join('');
  const size = p.spans[0]?.style.size ?? s.size ?? TYPE.body;
  const end = el('a:endParaRPr', { lang: LOCALE[tc.lang], altLang: LOCALE[other(tc.lang)], sz: pt100(size), dirty: 0 });
  return `<a:p>${pPr}${runs}${end}</a:p>`;
}

/** The id of the slide number's field: any GUID, fixed so that the same brief gives the same bytes. */
const FIELD_ID = '{5E1D6A0C-2B7F-4C3E-9A41-6D0F3B8C1E27}';

/**
 * A citation («الفقرات ١، ٢، ٤», "Paragraphs 1, 2") that never breaks inside: its spaces non-breaking, so
 * no number of it is left alone at the start of a line.
 */
export function unbroken(text: string): string {
  return text.replace(/ +/g, '\u00A0');
}

/**
 * A long citation that may break, but only after a separator of its list and never before its last number:
 * «الفقرات ١، ٣، ٥–٩، ١٢» breaks after «١،» or «٣،», never after «الفقرات» nor inside «٥–٩، ١٢».
 */
export function breakableList(text: string, separator: string): string {
  const parts = text.split(separator).map(unbroken);
  if (parts.length < 3) return unbroken(text);
  const sep = unbroken(separator.trimEnd());
  const last = parts.pop()!;
  return `${parts.join(`${sep} `)}${unbroken(separator)}${last}`;
}

/**
 * A URL that may break where a reader expects it to (after a slash, a hyphen, a dot; before a query's
 * parts), never inside a word: zero-width spaces there, none inside the scheme's "://".
 */
export function breakable(url: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(url)?.[0] ?? '';
  const rest = url
    .slice(scheme.length)
    .replace(/([/\-_.])(?=.)/g, '$1\u200B')
    .replace(/(?<=.)([?&=#])/g, '\u200B$1');
  return scheme + rest;
}

/** The characters of a paragraph's text, weighted by their size: what its lines are estimated from. */
export function paraText(p: Para): string {
  return p.spans.map((s) => s.text).join('');
}
