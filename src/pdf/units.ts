/**
 * A content stream cut into units: what line-order.ts may draw in another order, and what stays in place.
 *  - A tagged text block (BDC with an /MCID, text objects and colours, EMC) moves as one. Its glyphs are
 *    followed as pdf.js follows them (where the first visible one starts and the last ends, its lines) and as
 *    they touch the page (each glyph run's ink, padded by a pixel); state Chromium sets after its text, before
 *    its EMC, for what follows, stays where it is, after it.
 *  - A filled path (a background, a rule) moves as one, with its box.
 *  - A colour set on its own moves freely: every unit carries the colour it was drawn in.
 *  - Everything else (a state change, a clip, an image, text this reader does not follow) is fixed: it may not
 *    move, nor be moved past.
 * And for each unit: the colour in force before it (it is said again wherever the unit goes) and the graphics
 * state it is drawn in (it may go only where the same state holds).
 */
import { bytesOf, nameOf, type Operation } from './content-stream.js';
import type { GlyphsOf } from './glyph-boxes.js';

/** Operators a movable text block may hold: text objects, their text, marked content and colours. */
const TEXT = new Set(['BT', 'ET', 'Tf', 'Tm', 'Td', 'Tj', 'TJ', 'BMC', 'BDC', 'EMC']);
/** State set after a block's text, before its EMC, for what follows: it stays where it is. */
const TAIL = new Set(['Q', 'q', 'cm', 'gs']);
/** A clipping path (built, then W n): it paints nothing. */
const CLIP = new Set(['re', 'm', 'l', 'c', 'v', 'y', 'h', 'W', 'W*', 'n']);
/** Operators that set a colour, for filling or for stroking. */
export const COLOUR = new Set(['rg', 'RG', 'g', 'G', 'k', 'K', 'cs', 'CS', 'sc', 'scn', 'SC', 'SCN']);
/** Operators of a filled path (a background, a rule): no state beyond the colour. */
const FILL = new Set(['re', 'm', 'l', 'c', 'v', 'y', 'h', 'f', 'F', 'f*', 'n']);
/** Operators that paint: what a moved text may not pass without knowing what it covers. */
const PAINT = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'sh', 'Do', 'BI', 'EI', 'Tj', 'TJ', "'", '"']);
/** Operators of a path, which a clip (W, W*) ends in. */
const PATH = new Set(['re', 'm', 'l', 'c', 'v', 'y', 'h']);

export interface Colour {
  fill: string;
  stroke: string;
}

export type Box = [number, number, number, number]; // x0, y0, x1, y1

/** A baseline of a text block: where its glyphs run on it, and their size. */
export interface Line {
  y: number;
  x0: number;
  x1: number;
  size: number;
  /** The font resource its glyphs are in (a bold label and its text are two). */
  font: string;
}

/**
 * What pdf.js sees of a text block: where its first visible glyph starts, where its last one ends (pdf.js
 * compares the next glyph with that point), the size there, and its lines.
 */
export interface TextInfo {
  start: { x: number; y: number; size: number };
  end: { x: number; y: number; size: number };
  lines: Line[];
}

export interface Unit {
  /** Its operators, in order (indices into the stream's). */
  ops: number[];
  /** The colour before its first operator. */
  before: Colour;
  /** What it draws over (one box a glyph run, or a path); none when it draws nothing. */
  boxes: Box[];
  /** A text block's glyphs as pdf.js follows them. */
  text?: TextInfo;
  /** Its visible glyphs: the Tj showing each (and whether it is the Tj's first), where, in which font. */
  glyphs?: { op: number; first: boolean; x: number; y: number; font: string; code: number; blank: boolean; advance: number; size: number }[];
  /** Drawing that may not move, nor be moved past (a state change, an image, a clip). */
  fixed: boolean;
  /** It paints (a fixed unit that paints is not passed by a moved text: where it paints is not known). */
  paints?: boolean;
  /** A run of fixed operators, which the next fixed operator joins. */
  run?: boolean;
}

/** A font resource's glyphs, if known. */
export type Glyphs = (font: string) => GlyphsOf | undefined;

/** The bytes of operators from to to (default: from alone), as text. */
export type OpText = (from: number, to?: number) => string;

export function opText(data: Uint8Array, ops: Operation[]): OpText {
  const latin1 = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
  return (from, to = from) => latin1.slice(ops[from]!.start, to + 1 < ops.length ? ops[to + 1]!.start : data.length);
}

/** The colour in force before each operator, and after the last (as the bytes that set it). */
export function coloursBefore(ops: Operation[], text: OpText): Colour[] {
  const colourAt: Colour[] = [];
  const stack: Colour[] = [];
  let colour: Colour = { fill: '0 g\n', stroke: '0 G\n' }; // the defaults (ISO 32000-1, 8.4.1)
  for (let i = 0; i < ops.length; i++) {
    const name = ops[i]!.op;
    colourAt.push(colour);
    if (name === 'q') stack.push(colour);
    else if (name === 'Q') colour = stack.pop() ?? colour;
    else if (COLOUR.has(name)) colour = applyColour(colour, name, text(i));
  }
  colourAt.push(colour);
  return colourAt;
}

export function applyColour(colour: Colour, op: string, t: string): Colour {
  if (op === 'cs') return { ...colour, fill: t };
  if (op === 'CS') return { ...colour, stroke: t };
  if (op === 'sc' || op === 'scn') return { ...colour, fill: withSpace(colour.fill, t) };
  if (op === 'SC' || op === 'SCN') return { ...colour, stroke: withSpace(colour.stroke, t) };
  if (op === 'rg' || op === 'g' || op === 'k') return { ...colour, fill: t };
  if (op === 'RG' || op === 'G' || op === 'K') return { ...colour, stroke: t };
  return colour;
}

/** `cs` then `scn`: the colour space and the colour together (each alone does not say the colour). */
function withSpace(previous: string, colour: string): string {
  const space = /^\s*\/[^\s/]+\s+cs\s*/i.exec(previous)?.[0] ?? '';
  return space + colour;
}

/** The stream as units: tagged text blocks, filled paths, and everything else (fixed). */
export function splitUnits(ops: Operation[], colourAt: Colour[], glyphs: Glyphs): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < ops.length; ) {
    const block = textBlock(ops, i, colourAt, glyphs);
    if (block) {
      units.push(block.unit);
      if (block.tail.length) units.push({ ops: block.tail, before: colourAt[block.tail[0]!]!, boxes: [], fixed: true });
      i = block.next;
      continue;
    }
    const fill = fillBlock(ops, i, colourAt);
    if (fill?.unit) {
      units.push(fill.unit);
      i = fill.next;
      continue;
    }
    const end = fill && fill.next > i ? fill.next : i + 1;
    for (; i < end; i++) {
      const op = ops[i]!;
      const last = units[units.length - 1];
      // Operators that may not move, one after another, are one unit: they stay in their order and place.
      if (!COLOUR.has(op.op) && last?.fixed && last.run && last.ops[last.ops.length - 1] === i - 1) {
        last.ops.push(i);
        last.paints ||= PAINT.has(op.op);
      } else units.push({ ops: [i], before: colourAt[i]!, boxes: [], fixed: !COLOUR.has(op.op), paints: PAINT.has(op.op), run: true });
    }
  }
  return units;
}

/** A tagged block of text from operator i: BDC with an /MCID, text objects and colours, EMC. */
function textBlock(ops: Operation[], i: number, colourAt: Colour[], glyphs: Glyphs): { unit: Unit; tail: number[]; next: number } | undefined {
  if (!isTagged(ops[i]!)) return undefined;
  let depth = 0;
  const boxes: Box[] = [];
  const lines: Line[] = [];
  let start: TextInfo['start'] | undefined;
  // Where the last visible glyph ends (kept as numbers: this runs for every glyph of every page).
  let endX = 0;
  let endY = 0;
  let endSize = 0;
  let box: Box | undefined;
  let size = 0;
  let font: GlyphsOf | undefined;
  let fontName = '';
  const shown: NonNullable<Unit['glyphs']> = [];
  let x = 0;
  let y = 0;
  let lastText = -1;
  const tail: number[] = [];
  for (let j = i; j < ops.length; j++) {
    const op = ops[j]!;
    const name = op.op;
    // Chromium closes a block's q…Q, and sets up the next drawing (q, cm, gs, colours, clips), after its text
    // and before its EMC: those stay in place, after the EMC (nothing they hold paints).
    if (lastText >= 0 && (TAIL.has(name) || (tail.length > 0 && (COLOUR.has(name) || CLIP.has(name))))) {
      tail.push(j);
      continue;
    }
    if (tail.length && name !== 'EMC') return undefined;
    if (!TEXT.has(name) && !COLOUR.has(name)) return undefined;
    const operands = op.operands;
    if (name === 'BDC' || name === 'BMC') depth++;
    else if (name === 'EMC') {
      if (--depth === 0) {
        // A block of spaces alone draws nothing and moves freely.
        const own: number[] = [];
        const kept = new Set(tail);
        for (let k = i; k <= j; k++) if (!kept.has(k)) own.push(k);
        const text = start ? { start, end: { x: endX, y: endY, size: endSize }, lines } : undefined;
        return { unit: { ops: own, before: colourAt[i]!, boxes, text, glyphs: shown, fixed: false }, tail, next: j + 1 };
      }
    } else if (name === 'Tf') {
      size = typeof operands[1] === 'number' ? operands[1] : 0;
      fontName = nameOf(operands[0]) ?? '';
      font = glyphs(fontName);
      if (!font) return undefined;
    } else if (name === 'Tm') {
      const e = operands[4];
      const f = operands[5];
      // Only upright text (Chromium's `1 0 0 -1 x y Tm`) is ordered.
      if (operands[0] !== 1 || operands[1] !== 0 || operands[2] !== 0 || operands[3] !== -1 || typeof e !== 'number' || typeof f !== 'number' || size <= 0)
        return undefined;
      x = e;
      y = f;
      box = undefined;
    } else if (name === 'Td') {
      const dx = operands[0];
      if (typeof dx !== 'number' || operands[1] !== 0) return undefined;
      x += dx;
    } else if (name === 'Tj') {
      // Skia places each glyph (or a few) with Td, which moves the line's start: the glyphs run from there.
      const bytes = bytesOf(operands[0]);
      if (!bytes || bytes.length % 2 !== 0 || !font) return undefined;
      let at = x;
      for (let k = 0; k + 1 < bytes.length; k += 2) {
        const code = (bytes[k]! << 8) | bytes[k + 1]!;
        const glyph = font(code);
        const advance = glyph.advance * size;
        const ink = glyph.ink;
        if (ink || advance > 0) shown.push({ op: j, first: k === 0, x: at, y, font: fontName, code, blank: !ink, advance, size });
        if (ink) {
          if (!box) {
            box = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
            boxes.push(box);
          }
          // Text space is y up; `1 0 0 -1 x y Tm` turns it down, as the page's space is here. A pixel's margin.
          grow(box, at + ink[0] * size - 1, y - ink[3] * size - 1, at + ink[2] * size + 1, y - ink[1] * size + 1);
          // pdf.js compares each visible glyph that moves the pen with the end of the one before (marks do not).
          if (advance > 0) {
            start ??= { x: at, y, size };
            endX = at + advance;
            endY = y;
            endSize = size;
            const previous = lines[lines.length - 1];
            let line = previous && Math.abs(previous.y - y) < 0.5 && previous.size === size ? previous : undefined;
            for (let l = 0; !line && l < lines.length; l++) if (Math.abs(lines[l]!.y - y) < 0.5 && lines[l]!.size === size) line = lines[l];
            if (line) {
              line.x0 = Math.min(line.x0, at);
              line.x1 = Math.max(line.x1, at + advance);
            } else lines.push({ y, x0: at, x1: at + advance, size, font: fontName });
          }
        }
        at += advance;
      }
      lastText = j;
    } else if (op.op === 'TJ') return undefined;
  }
  return undefined;
}

function grow(box: Box, x0: number, y0: number, x1: number, y1: number): void {
  if (x0 < box[0]) box[0] = x0;
  if (y0 < box[1]) box[1] = y0;
  if (x1 > box[2]) box[2] = x1;
  if (y1 > box[3]) box[3] = y1;
}

/** A filled path from operator i, tagged or not: path operators, colours, and a fill. */
function fillBlock(ops: Operation[], i: number, colourAt: Colour[]): { unit?: Unit; next: number } | undefined {
  const tagged = isTagged(ops[i]!);
  const box: Box = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  let filled = false;
  for (let j = tagged ? i + 1 : i; j < ops.length; j++) {
    const op = ops[j]!;
    if (op.op === 'EMC' && tagged)
      return filled ? { unit: { ops: [...range(i, j)], before: colourAt[i]!, boxes: [box], fixed: false }, next: j + 1 } : undefined;
    if (!FILL.has(op.op) && !COLOUR.has(op.op)) {
      if (tagged) return undefined;
      // A path that is not filled (a clip): its operators stay, each fixed; the next unit starts after it.
      return filled ? { unit: { ops: [...range(i, j - 1)], before: colourAt[i]!, boxes: [box], fixed: false }, next: j } : { next: j };
    }
    if (op.op === 're' || op.op === 'm' || op.op === 'l' || op.op === 'c' || op.op === 'v' || op.op === 'y') {
      const nums = op.operands.filter((o): o is number => typeof o === 'number');
      if (op.op === 're' && nums.length === 4) {
        const [rx, ry, w, h] = nums as [number, number, number, number];
        grow(box, Math.min(rx, rx + w) - 1, Math.min(ry, ry + h) - 1, Math.max(rx, rx + w) + 1, Math.max(ry, ry + h) + 1);
      } else if (op.op !== 're') for (let k = 0; k + 1 < nums.length; k += 2) grow(box, nums[k]! - 1, nums[k + 1]! - 1, nums[k]! + 1, nums[k + 1]! + 1);
    } else if (op.op === 'f' || op.op === 'F' || op.op === 'f*') filled = true;
    if (!tagged && filled && op.op.startsWith('f')) return { unit: { ops: [...range(i, j)], before: colourAt[i]!, boxes: [box], fixed: false }, next: j + 1 };
  }
  return undefined;
}

function isTagged(op: Operation): boolean {
  const props = op.operands[1];
  return op.op === 'BDC' && !!props && typeof props === 'object' && 'dict' in props && typeof props.dict.get('MCID') === 'number';
}

function* range(from: number, to: number): Generator<number> {
  for (let k = from; k <= to; k++) yield k;
}

/**
 * The graphics state each unit is drawn in, as a string (the transformation, clips, graphics state and marked
 * content open there; not the colour, which each unit carries): a unit may be drawn anywhere the same string holds.
 */
export function contexts(ops: Operation[], units: Unit[], text: OpText): string[] {
  const wanted = new Set(units.filter((u) => u.text).map((u) => u.ops[0]!));
  const at = new Map<number, string>();
  // Each state is named by a number: the state it was made from and what changed it.
  const ids = new Map<string, number>();
  const intern = (key: string) => {
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    return id;
  };
  const levels: number[] = [];
  const marks: number[] = [];
  let current = 0;
  let mark = 0;
  let path = -1;
  let clip = false;
  let inText = 0;
  for (let i = 0; i < ops.length; i++) {
    if (wanted.has(i)) at.set(i, `${current}:${mark}`);
    const name = ops[i]!.op;
    if (name === 'BT') inText++;
    else if (name === 'ET') inText--;
    else if (name === 'q') levels.push(current);
    else if (name === 'Q') current = levels.pop() ?? 0;
    else if (name === 'BDC' || name === 'BMC') {
      marks.push(mark);
      mark = intern(`m${mark} ${text(i)}`);
    } else if (name === 'EMC') mark = marks.pop() ?? 0;
    else if (PATH.has(name)) {
      if (path < 0) path = i;
    } else if (name === 'W' || name === 'W*') clip = true;
    else if (PAINT.has(name) || name === 'n') {
      if (clip && path >= 0) current = intern(`${current} ${text(path, i)}`);
      path = -1;
      clip = false;
    } else if (!COLOUR.has(name) && !inText && name !== 'Tf') current = intern(`${current} ${text(i)}`);
  }
  return units.map((u) => at.get(u.ops[0]!) ?? '');
}
