/**
 * Puts the text layer of Chromium's PDF in reading order for every reader, without changing a pixel.
 *
 * Skia writes each glyph run in visual order; a right-to-left run inside `/ReversedChars BMC … EMC`, and each
 * cluster whose glyphs its ToUnicode map cannot spell inside `/Span <</ActualText …>> BDC … EMC`
 * (skia src/pdf/SkPDFDevice.cpp). pdf.js (Firefox, most web viewers) starts a new text item at every
 * marked-content operator and reorders right-to-left text only inside one item (src/core/evaluator.js,
 * `bidi()`), and ignores /ActualText (mozilla/pdf.js#20097, #16716, #20336; #20014 would read it): so
 * each Arabic run came back as pieces, in visual order, and a line read backwards. Here, with the deck's
 * one font face per weight (templates/fonts/), a line is one run of one font, and:
 *  - every `/ReversedChars` marker goes (no reader needs it: poppler and PDFium order right-to-left text
 *    themselves, pdf.js only splits at it);
 *  - a one-glyph `/ActualText` span goes when its text can be that glyph's ToUnicode entry everywhere in the
 *    document (the glyph is never shown otherwise), and the entry is written; a span of several glyphs goes
 *    when their ToUnicode entries already spell its text (or would, given the one character missing from a
 *    glyph Skia gave no text). Any other span stays as Skia wrote it;
 *  - Amiri's joining strokes, and Arabic marks drawn as glyphs of their own, are drawn under other numbers that
 *    map to the same glyphs (silent-glyphs.ts), so that no reader gives a tatweel inside a word, nor poppler a
 *    mark cut from its letter.
 * Only markers are removed and glyph numbers changed: every drawing operator stays in place, drawing the same
 * glyph at the same place, so the pages are the same to the pixel (tests/pdf/reading-order.test.ts), and the
 * structure tree's marked content (/MCID) is untouched.
 */
import { deflateSync } from 'node:zlib';
import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { bytesOf, nameOf, type Operation, textString } from './content-stream.js';
import { ContentStreams, fontCmap } from './streams.js';
import { type GlyphsOf, readGlyphs } from './glyph-boxes.js';
import type { Bidi, Marks } from './bidi-marks.js';
import { rewriteStream } from './line-order.js';
import { silence, type Renumbered, writeRenumbered } from './silent-glyphs.js';
import { writeToUnicode } from './to-unicode.js';
import { marksOnly, startsLatin } from '../latin.js';

interface Font {
  /** The ToUnicode stream, shared by every resource name and page that uses the font. */
  cmapRef: PDFRef;
  map: Map<number, string>;
  /** Each glyph's bidi class, once looked up. */
  kinds: Map<number, Bidi>;
  /** Its invisible glyph that reads as a right-to-left mark, once chosen (null: none to be had). */
  rlm?: number | null;
  /** Codes shown outside any /ActualText span. */
  bare: Set<number>;
  /** Code → the texts of the one-glyph spans that show it. */
  spanned: Map<number, Set<string>>;
  /** Codes shown in spans of several glyphs. */
  inClusters: Set<number>;
  /** Glyphs that draw a joining stroke and read as nothing (silent-glyphs.ts). */
  strokes: Set<number>;
  renumbered?: Renumbered;
  /** The font dictionaries (Type0) whose ToUnicode this is. */
  dicts: Set<PDFRef>;
  changed: boolean;
}

interface Span {
  bdc: Operation;
  emc: Operation;
  text: string;
  /** The font of its glyphs (undefined: none shown, or several fonts: the span is left alone). */
  font: Font | undefined;
  mixed: boolean;
  codes: number[];
  /** Inside a /ReversedChars run: the glyphs are in visual order, right to left reversed. */
  reversed: boolean;
}

interface Content {
  ref: PDFRef;
  data: Uint8Array;
  ops: Operation[];
  resources: PDFDict | undefined;
  /** Operators to cut out. */
  cut: Operation[];
  spans: Span[];
  /** Its font resources by name, each looked up once (by the reading and by the rewriting). */
  fonts: Map<string, Font | undefined>;
}

const TATWEEL = '\u0640';

const DIGIT = /^[0-9\u0660-\u0669\u06F0-\u06F9]/;
const ARABIC = /^[\u0621-\u064A\u066E-\u06D3\u06D5\u06FA-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFC\u0640]/;
/** Bidi classes CS and ES: what may join a number's digits. */
const SEPARATOR = /^[.,:/+\-\u060C\u066B\u066C]$/;
const RLM = '\u200F';
const DASH = /^[\u2010-\u2015\u2212-]$/;

/**
 * Rewrites the streams in `streams` (the caller commits them: the PDF/UA pass reads them next); without
 * it, in the document.
 */
export function putTextInReadingOrder(pdf: PDFDocument, options: { rtl: boolean } = { rtl: false }, shared?: ContentStreams): void {
  const context = pdf.context;
  const streams = shared ?? new ContentStreams(context);
  const fonts = new Map<string, Font>();
  const contents: Content[] = [];
  const seen = new Set<string>();

  const fontOf = (resources: PDFDict | undefined, name: string): Font | undefined => {
    const found = fontCmap(context, resources, name);
    if (!found) return undefined;
    const { font: ref, cmapRef } = found;
    const key = cmapRef.toString();
    if (!fonts.has(key)) {
      const map = streams.cmap(cmapRef);
      if (!map) return undefined;
      fonts.set(key, {
        cmapRef,
        map,
        kinds: new Map(),
        bare: new Set(),
        spanned: new Map(),
        inClusters: new Set(),
        strokes: new Set(),
        dicts: new Set(),
        changed: false,
      });
    }
    if (ref instanceof PDFRef) fonts.get(key)!.dicts.add(ref);
    return fonts.get(key);
  };

  const read = (ref: PDFRef, resources: PDFDict | undefined): void => {
    if (seen.has(ref.toString())) return;
    seen.add(ref.toString());
    // (Not read: an inline image or syntax this reader does not follow; the stream stays as Chromium wrote it.)
    const found = streams.content(ref);
    if (!found) return;
    const { data, ops } = found;
    const content: Content = { ref, data, ops, resources, cut: [], spans: [], fonts: new Map() };
    const stack: ({ kind: 'reversed'; op: Operation } | { kind: 'span'; span: Omit<Span, 'emc'> } | { kind: 'other' })[] = [];
    let font: Font | undefined;
    const named = content.fonts;
    let unknownFont = false;
    const show = (bytes: Uint8Array | undefined) => {
      if (!bytes) return;
      const span = stack.findLast((m) => m.kind === 'span');
      for (let k = 0; k + 1 < bytes.length; k += 2) {
        const code = (bytes[k]! << 8) | bytes[k + 1]!;
        if (span?.kind === 'span') {
          if (span.span.codes.length === 0) span.span.font = font;
          else if (span.span.font !== font) span.span.mixed = true;
          span.span.codes.push(code);
        } else font?.bare.add(code);
      }
      if (!font) unknownFont = true;
    };
    for (const op of ops) {
      switch (op.op) {
        case 'Tf':
          {
            const name = nameOf(op.operands[0]) ?? '';
            if (!named.has(name)) named.set(name, fontOf(resources, name));
            font = named.get(name);
          }
          break;
        case 'BMC':
          stack.push(nameOf(op.operands[0]) === 'ReversedChars' ? { kind: 'reversed', op } : { kind: 'other' });
          break;
        case 'BDC': {
          const props = op.operands[1];
          const actual = props && typeof props === 'object' && 'dict' in props ? bytesOf(props.dict.get('ActualText')) : undefined;
          if (nameOf(op.operands[0]) === 'Span' && actual) {
            const reversed = stack.some((m) => m.kind === 'reversed');
            stack.push({ kind: 'span', span: { bdc: op, text: textString(actual), font: undefined, mixed: false, codes: [], reversed } });
          } else stack.push({ kind: 'other' });
          break;
        }
        case 'EMC': {
          const open = stack.pop();
          if (open?.kind === 'reversed') content.cut.push(open.op, op);
          else if (open?.kind === 'span') content.spans.push({ ...open.span, emc: op });
          break;
        }
        case 'Tj':
        case "'":
          show(bytesOf(op.operands[0]));
          break;
        case '"':
          show(bytesOf(op.operands[2]));
          break;
        case 'TJ':
          if (Array.isArray(op.operands[0])) for (const part of op.operands[0]) show(bytesOf(part));
          break;
        case 'Do': {
          const xobject = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict)?.get(PDFName.of(nameOf(op.operands[0]) ?? ''));
          const form = xobject instanceof PDFRef ? context.lookup(xobject) : undefined;
          if (form instanceof PDFRawStream && form.dict.get(PDFName.of('Subtype')) === PDFName.of('Form'))
            read(xobject as PDFRef, form.dict.lookupMaybe(PDFName.of('Resources'), PDFDict) ?? resources);
          break;
        }
      }
    }
    // A stream that shows text in a font this reader cannot follow, or whose markers do not pair, is left alone.
    if (unknownFont || stack.length > 0) return;
    for (const span of content.spans) {
      if (span.mixed) span.font = undefined;
      if (!span.font) continue;
      if (span.codes.length === 1) {
        const texts = span.font.spanned.get(span.codes[0]!) ?? new Set<string>();
        texts.add(span.text);
        span.font.spanned.set(span.codes[0]!, texts);
      } else for (const c of span.codes) span.font.inClusters.add(c);
    }
    contents.push(content);
  };

  // Each font's glyphs (advance and ink), read once, by its font dictionary: a resource name's, or a font's first.
  const glyphCache = new Map<string, GlyphsOf | undefined>();
  const glyphsAt = (ref: PDFRef | undefined): GlyphsOf | undefined => {
    if (ref === undefined) return undefined;
    if (!glyphCache.has(ref.toString())) glyphCache.set(ref.toString(), readGlyphs(context, context.lookupMaybe(ref, PDFDict)));
    return glyphCache.get(ref.toString());
  };
  const glyphsOfFont = (font: Font) => glyphsAt([...font.dicts][0]);
  const glyphsOf = (resources: PDFDict | undefined, name: string) => {
    const ref = resources?.lookupMaybe(PDFName.of('Font'), PDFDict)?.get(PDFName.of(name));
    return glyphsAt(ref instanceof PDFRef ? ref : undefined);
  };

  for (const page of pdf.getPages()) {
    const resources = page.node.Resources();
    const value = page.node.get(PDFName.of('Contents'));
    const refs = value instanceof PDFArray ? value.asArray() : [value];
    for (const ref of refs) if (ref instanceof PDFRef) read(ref, resources);
  }

  // Which one-glyph spans can become ToUnicode entries: the glyph always stands for the same text.
  const entry = (font: Font, code: number): string | undefined => {
    const texts = font.spanned.get(code);
    if (texts?.size !== 1 || font.inClusters.has(code)) return undefined;
    const text = [...texts][0];
    if (font.bare.has(code) && font.map.get(code) !== text) return undefined;
    return text;
  };
  const spells = (span: Span): boolean => {
    const font = span.font!;
    const parts = span.codes.map((c) => font.map.get(c) ?? '').filter((t) => t !== '\u0000' && t !== TATWEEL);
    const visual = parts.join('');
    return (span.reversed ? [...visual].reverse().join('') : visual) === span.text;
  };

  // A glyph with no text of its own (U+0000) in a cluster whose other glyphs spell all of its text but a part: that
  // part is the glyph's («لّ», a lam Amiri draws with its shadda, is the lam's glyph and the shadda's, and only the
  // shadda's has text), when every cluster that shows the glyph says the same and it is never shown alone. Kept as
  // /ActualText, such a cluster came back from poppler with its mark on the letter before («وعّلق» for «وعلّق»).
  // A joining stroke (a thin bar on the baseline: strokeLike) in such a cluster is no part of it: «خ» drawn as
  // its letter and a stroke, neither with text, is the letter's glyph and a stroke («الخـبر», where that form
  // of «خ» is drawn nowhere else), which the clusters' loop below silences.
  const strokeLike = (font: Font, code: number): boolean => {
    const ink = glyphsOfFont(font)?.(code).ink;
    return ink !== undefined && ink[1] > -0.06 && ink[3] < 0.16;
  };
  const missing = new Map<Font, Map<number, string | null>>();
  for (const content of contents)
    for (const span of content.spans) {
      const font = span.font;
      if (!font || span.codes.length < 2) continue;
      const untold = span.codes.filter((c) => font.map.get(c) === '\u0000');
      const unknown = untold.length > 1 ? untold.filter((c) => !strokeLike(font, c)) : untold;
      if (new Set(unknown).size !== 1 || unknown.length !== 1 || font.bare.has(unknown[0]!) || font.spanned.has(unknown[0]!)) continue;
      const code = unknown[0]!;
      const logical = span.reversed ? [...span.codes].reverse() : span.codes;
      const at = logical.indexOf(code);
      const textOf = (c: number) => {
        const t = font.map.get(c) ?? '';
        if (t === '\u0000') return '';
        return span.reversed ? [...t].reverse().join('') : t;
      };
      const before = logical.slice(0, at).map(textOf).join('');
      const after = logical
        .slice(at + 1)
        .map(textOf)
        .join('');
      const text = span.text;
      // (One character: a longer text in a glyph of a right-to-left cluster is read in an order of each reader's.)
      const found = text.startsWith(before) && text.endsWith(after) ? text.slice(before.length, text.length - after.length) : '';
      const part = [...found].length === 1 ? found : null;
      const known = missing.get(font) ?? new Map<number, string | null>();
      missing.set(font, known);
      const previous = known.get(code);
      known.set(code, previous === undefined || previous === part ? part : null);
    }
  for (const [font, parts] of missing)
    for (const [code, part] of parts)
      if (part !== null) {
        font.map.set(code, part);
        font.changed = true;
      }

  for (const content of contents) {
    for (const span of content.spans) {
      const font = span.font;
      if (!font) continue;
      if (span.codes.length === 1) {
        const text = entry(font, span.codes[0]!);
        if (text === undefined) continue;
        if (font.map.get(span.codes[0]!) !== text) {
          font.map.set(span.codes[0]!, text);
          font.changed = true;
        }
      } else if (spells(span)) {
        // A glyph with no text of its own (U+0000, Skia's "none": a joining stroke Amiri adds inside a word) is a
        // stroke: drawn under a number that reads as nothing (silent-glyphs.ts). Its own number keeps the tatweel,
        // for a place it could not be renumbered (U+0000 would come back as junk: pdf.js shows the glyph's number
        // as a character, PDFium U+FFFE).
        for (const c of span.codes)
          if (font.map.get(c) === '\u0000') {
            font.map.set(c, TATWEEL);
            font.strokes.add(c);
            font.changed = true;
          }
      } else continue;
      content.cut.push(span.bdc, span.emc);
    }
    const byName = new Map<string, GlyphsOf | undefined>();
    const glyphs = (name: string) => {
      if (!byName.has(name)) byName.set(name, glyphsOf(content.resources, name));
      return byName.get(name);
    };
    // Each font resource looked up once in this stream, each glyph's class once in the document.
    const font = (name: string) => {
      if (!content.fonts.has(name)) content.fonts.set(name, fontOf(content.resources, name));
      return content.fonts.get(name);
    };
    const textOf = (name: string, code: number) => font(name)?.map.get(code) ?? '';
    const marks: Marks | undefined = options.rtl
      ? {
          bidi: (name, code) => {
            const f = font(name);
            if (!f) return 'N';
            let kind = f.kinds.get(code);
            if (kind === undefined) {
              const t = f.map.get(code) ?? '';
              kind = startsLatin(t) ? 'L' : DIGIT.test(t) ? 'D' : ARABIC.test(t) ? 'R' : marksOnly(t) ? 'M' : 'N';
              f.kinds.set(code, kind);
            }
            return kind;
          },
          dash: (name, code) => DASH.test(textOf(name, code)),
          separator: (name, code) => SEPARATOR.test(textOf(name, code)),
          rlm: (name) => {
            const f = font(name);
            const of = glyphs(name);
            if (!f || !of) return undefined;
            if (f.rlm === undefined) {
              f.rlm = of.blank((c) => f.map.has(c) || f.bare.has(c) || f.spanned.has(c)) ?? null;
              if (f.rlm !== null) {
                of.setWidth(f.rlm, 0);
                f.map.set(f.rlm, RLM);
                f.changed = true;
              }
            }
            return f.rlm ?? undefined;
          },
        }
      : undefined;
    // Each joining stroke drawn under a number that reads as nothing (silent-glyphs.ts).
    const replace = silence(content.ops, font, glyphs);
    const rewritten = rewriteStream(content.data, content.ops, new Set(content.cut), glyphs, marks, replace);
    if (Buffer.compare(rewritten.bytes, content.data) !== 0) streams.rewrite(content.ref, rewritten.bytes, rewritten.ops);
  }
  for (const font of fonts.values()) {
    for (const ref of font.dicts) {
      const dict = context.lookupMaybe(ref, PDFDict);
      const of = glyphCache.get(ref.toString());
      if (dict && of && writeRenumbered(context, dict, font, of)) font.changed = true;
    }
    if (!font.changed) continue;
    const old = context.lookup(font.cmapRef) as PDFRawStream;
    const dict = old.dict.clone(context);
    dict.set(PDFName.of('Filter'), PDFName.of('FlateDecode'));
    context.assign(font.cmapRef, PDFRawStream.of(dict, deflateSync(Buffer.from(writeToUnicode(font.map), 'latin1'))));
  }
  if (!shared) streams.commit();
}
