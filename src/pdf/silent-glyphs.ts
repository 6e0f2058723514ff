/**
 * Glyphs that read as nothing, in every reader. Amiri joins some letters with a stroke of its own («لـك», «خـب»):
 * a glyph with no text, which Skia writes inside the letter's /ActualText cluster with U+0000 in its ToUnicode
 * map. Given the tatweel, it came back from every reader inside the word («الخـبر», «لـكنه»), and a search for
 * الخبر missed it; given nothing, each reader put something else there (pdf.js the glyph's number as a
 * character, PDFium U+FFFE, poppler a space). No single ToUnicode entry is read as nothing by all three:
 *  - such a glyph is drawn under another number (CID), one that maps to the same glyph (a /CIDToGIDMap stream:
 *    the same glyph, the same pixels) and has no ToUnicode entry: poppler then has no text for it and adds
 *    none; pdf.js takes the number itself for the character (src/core/fonts.js, `_charToGlyph`), which is an
 *    invisible format character (U+200D ZERO WIDTH JOINER and the like, class Cf), and skips it
 *    (src/core/evaluator.js, `isInvisibleFormatMark`); PDFium gives that invisible character, which Arabic
 *    search ignores;
 *  - the glyph drawn just before it, in the same text object, is drawn under a number of its own too, with the
 *    same text and an advance (/W) that covers the stroke's: so that poppler and pdf.js, which look at the space
 *    between one glyph's end and the next one's start, see the letters around the stroke touch, as they do on the
 *    page, and put no space inside the word.
 * And an Arabic mark drawn as a glyph of its own is drawn under the number that is its character, with no
 * ToUnicode entry: pdf.js and PDFium read it as before, poppler not at all, where it read it as a word of its
 * own, cut from its letter («م ُعلن»).
 * Only numbers change (each Tj shows one glyph: `<xxxx> Tj`), never a position: the page is the same to the pixel.
 */
import { deflateSync } from 'node:zlib';
import { PDFArray, type PDFContext, PDFDict, PDFName, PDFRawStream } from 'pdf-lib';
import { bytesOf, nameOf, type Operation } from './content-stream.js';
import type { GlyphsOf } from './glyph-boxes.js';

/**
 * Numbers that, read as characters, are invisible format characters (Cf), which pdf.js skips, and which PDFium,
 * the one reader that gives them, gives inside an Arabic word without breaking it or its order, as Arabic search
 * ignores them. Joiners first, as what a stroke is: ZERO WIDTH JOINER, WORD JOINER; then, for a font with more
 * strokes, ZERO WIDTH NON-JOINER, ARABIC LETTER MARK and RIGHT-TO-LEFT MARK (a bidi mark inside a word reads
 * oddly in a copy: Amiri's two strokes in the fixture decks get the joiners). A font with more strokes than these
 * keeps the tatweel for the others.
 */
const SILENT = [0x200d, 0x2060, 0x200c, 0x061c, 0x200f];
/** The first number for a glyph drawn under a number of its own, with its own advance. */
const FIRST_CLONE = 0x2065;
/** The largest CID-to-glyph map written (two bytes a number). */
const LAST_CLONE = 0x20ff;

/** One font's renumbered glyphs: code → the glyph it draws (its old code, which is its glyph: Identity). */
export interface Renumbered {
  /** New code → the glyph (old code) it draws. */
  gid: Map<number, number>;
  /** New code → its advance in thousandths of an em (/W). */
  width: Map<number, number>;
  /** New code → its text (ToUnicode); a silent one has none. */
  text: Map<number, string>;
  /** A stroke's code → its silent code. */
  silent: Map<number, number>;
  /** A mark's code → the code that is its character. */
  own: Map<number, number>;
  /** A glyph drawn under a mark's character → the number it is drawn under instead. */
  evicted: Map<number, number>;
  /** `${before}:${stroke}` → the code of the glyph before, widened over the stroke. */
  widened: Map<string, number>;
  next: number;
}

export function renumbered(): Renumbered {
  return { gid: new Map(), width: new Map(), text: new Map(), silent: new Map(), own: new Map(), evicted: new Map(), widened: new Map(), next: FIRST_CLONE };
}

/** A font as text-order.ts knows it: its ToUnicode map, its stroke glyphs, and its renumbering. */
export interface SilentFont {
  map: Map<number, string>;
  strokes: Set<number>;
  renumbered?: Renumbered;
}

/**
 * The Tj operators to write otherwise in a content stream: each stroke shown alone, and the glyph shown just
 * before it (where it ends where the stroke starts), each `<code> Tj` under its new number.
 */
export function silence(
  ops: Operation[],
  fontOf: (name: string) => SilentFont | undefined,
  glyphsOf: (name: string) => GlyphsOf | undefined,
): Map<number, Uint8Array> {
  const replace = new Map<number, Uint8Array>();
  let name = '';
  let size = 0;
  let x = 0;
  // The glyph shown last in this text object: its operator, code, where it ends.
  let last: { op: number; code: number; end: number } | undefined;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    switch (op.op) {
      case 'BT':
      case 'ET':
        last = undefined;
        break;
      case 'Tf':
        name = nameOf(op.operands[0]) ?? '';
        size = typeof op.operands[1] === 'number' ? op.operands[1] : 0;
        last = undefined;
        break;
      case 'Tm':
        x = typeof op.operands[4] === 'number' ? op.operands[4] : Number.NaN;
        last = undefined;
        break;
      case 'Td': {
        // A move along the line, or to the next line of a paragraph set in one text object (the notes on the
        // report): the glyph before is then on another line.
        const [dx, dy] = op.operands;
        x += typeof dx === 'number' && typeof dy === 'number' ? dx : Number.NaN;
        if (dy !== 0) last = undefined;
        break;
      }
      case 'Tj': {
        const bytes = bytesOf(op.operands[0]);
        const font = fontOf(name);
        const glyphs = glyphsOf(name);
        if (bytes?.length !== 2 || !font || !glyphs || !Number.isFinite(x)) {
          last = undefined;
          break;
        }
        const code = (bytes[0]! << 8) | bytes[1]!;
        const advance = glyphs(code).advance;
        font.renumbered ??= plan(font, glyphs);
        const r = font.renumbered;
        const renumber = r.evicted.get(code) ?? r.own.get(code);
        if (renumber !== undefined) replace.set(i, show(renumber));
        if (font.strokes.has(code)) {
          const silent = silentOf(font, r, code, glyphs);
          if (silent !== undefined) {
            replace.set(i, show(silent));
            // The glyph before, where it ends at the stroke's start: widened over it.
            if (last && Math.abs(last.end - x) < 0.01 * size && !font.strokes.has(last.code) && !r.own.has(last.code)) {
              const key = `${last.code}:${code}`;
              let wide = r.widened.get(key);
              if (wide === undefined && font.map.has(last.code)) wide = fresh(font, r);
              if (wide !== undefined && !r.gid.has(wide)) {
                r.widened.set(key, wide);
                r.gid.set(wide, last.code);
                r.width.set(wide, Math.round((glyphs(last.code).advance + advance) * 1000));
                r.text.set(wide, font.map.get(last.code)!);
              }
              if (wide !== undefined) replace.set(last.op, show(wide));
            }
          }
        }
        last = { op: i, code, end: x + advance * size };
        break;
      }
      default:
        if (op.op !== 'BDC' && op.op !== 'BMC' && op.op !== 'EMC' && op.op !== 'rg' && op.op !== 'g') {
          last = undefined;
        }
    }
  }
  return replace;
}

/** One Arabic mark (a haraka, a shadda, a tanween, the superscript alef), alone. */
const ARABIC_MARK = /^[\u064B-\u065F\u0670]$/;

/**
 * A font's plan, made before any of its glyphs is renumbered (every stream must draw a glyph under the same
 * number): each Arabic mark drawn as a glyph of its own (a haraka, a shadda, a tanween) goes under the number that
 * is its character, with no ToUnicode entry. pdf.js and PDFium read the number as the mark, as they read its
 * entry before; poppler has no text for it, where it read the mark as a word of its own, cut from its letter
 * («م ُعلن», «ع ُقدت»: the mark's origin lies within a tenth of an em of the next letter's, which poppler takes for
 * a duplicated character, TextOutputDev.cc `addChar`): the word comes back whole, unmarked. A glyph the font
 * already draws under that number moves to a number of its own; a second form of the same mark keeps its number.
 */
function plan(font: SilentFont, glyphs: GlyphsOf): Renumbered {
  const r = renumbered();
  const width = (code: number) => Math.round(glyphs(code).advance * 1000);
  const first = new Map<number, number>();
  for (const [code, text] of [...font.map].sort((a, b) => a[0] - b[0]))
    if (ARABIC_MARK.test(text) && !first.has(text.codePointAt(0)!)) first.set(text.codePointAt(0)!, code);
  const moving = new Set(first.values());
  for (const [own, code] of first) {
    if (font.map.has(own) && own !== code && !moving.has(own)) {
      const moved = fresh(font, r);
      if (moved === undefined) continue;
      r.evicted.set(own, moved);
      r.gid.set(moved, own);
      r.width.set(moved, width(own));
      r.text.set(moved, font.map.get(own)!);
    }
    r.own.set(code, own);
    r.gid.set(own, code);
    r.width.set(own, width(code));
  }
  return r;
}

/** A number no glyph of the font is drawn under yet (a font's own numbers are its glyphs': Identity). */
function fresh(font: SilentFont, r: Renumbered): number | undefined {
  while (r.next <= LAST_CLONE && (font.map.has(r.next) || r.gid.has(r.next))) r.next++;
  return r.next <= LAST_CLONE ? r.next++ : undefined;
}

/** A glyph's silent number, given once. */
function silentOf(font: SilentFont, r: Renumbered, code: number, glyphs: GlyphsOf): number | undefined {
  let silent = r.silent.get(code);
  if (silent === undefined) {
    silent = SILENT.find((c) => !r.gid.has(c) && !font.map.has(c));
    if (silent !== undefined) {
      r.silent.set(code, silent);
      r.gid.set(silent, code);
      r.width.set(silent, Math.round(glyphs(code).advance * 1000));
    }
  }
  return silent;
}

const show = (code: number): Uint8Array => Buffer.from(`<${code.toString(16).padStart(4, '0')}> Tj`, 'latin1');

/**
 * Writes a font's new numbers into its descendant CIDFont: a /CIDToGIDMap stream (every other number still
 * draws its own glyph, as Identity did) and their advances (/W); their texts go into the ToUnicode map.
 */
export function writeRenumbered(context: PDFContext, type0: PDFDict, font: SilentFont, glyphs: GlyphsOf): boolean {
  const r = font.renumbered;
  if (!r || r.gid.size === 0) return false;
  const descendant = type0.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)?.lookup(0);
  if (!(descendant instanceof PDFDict)) return false;
  const current = descendant.get(PDFName.of('CIDToGIDMap'));
  if (current !== undefined && current !== PDFName.of('Identity')) return false;
  const last = Math.max(...r.gid.keys());
  const map = Buffer.alloc(2 * (last + 1));
  for (let cid = 0; cid <= last; cid++) map.writeUInt16BE(r.gid.get(cid) ?? cid, 2 * cid);
  const stream = PDFRawStream.of(context.obj({ Filter: 'FlateDecode' }) as PDFDict, deflateSync(map));
  descendant.set(PDFName.of('CIDToGIDMap'), context.register(stream));
  for (const [code, width] of r.width) glyphs.setWidth(code, width);
  for (const [code, text] of r.text) font.map.set(code, text);
  for (const own of r.own.values()) font.map.delete(own);
  return true;
}
