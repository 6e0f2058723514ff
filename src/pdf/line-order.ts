/**
 * Rewrites a content stream with the text of each line drawn left to right.
 *
 * Chromium paints the boxes of a row (a label and its value, a name, a role and a citation, the chips of a
 * list) in document order, which in a right-to-left row is right to left. pdf.js (Firefox) reads a jump back
 * along a line as the start of a new item with nothing between the two (src/core/evaluator.js,
 * `compareWithLastPosition`), so the last word of one box and the first of the next came back glued
 * («المكانإسلام»); a jump forward is read as a space. Here the tagged text blocks (`/Tag <</MCID n>> BDC … EMC`
 * holding only text) whose first baselines are the same are put in order of their left edge, within each
 * stretch of the stream drawn in one coordinate system. A block never moves past anything it could overlap
 * (its box, padded, against every other fill or block), so the page is the same to the pixel; each unit is
 * drawn in the colour it was drawn in, and keeps its marked content (the structure tree is unchanged).
 */
import { bytesOf, nameOf, type Operation } from './content-stream.js';
import type { GlyphsOf } from './glyph-boxes.js';

/** Operators a movable text block may hold: text objects, their text, marked content and colours. */
const TEXT = new Set(['BT', 'ET', 'Tf', 'Tm', 'Td', 'Tj', 'TJ', 'BMC', 'BDC', 'EMC']);
const COLOUR = new Set(['rg', 'RG', 'g', 'G', 'k', 'K', 'cs', 'CS', 'sc', 'scn', 'SC', 'SCN']);
/** Operators of a filled path (a background, a rule): no state beyond the colour. */
const FILL = new Set(['re', 'm', 'l', 'c', 'v', 'y', 'h', 'f', 'F', 'f*', 'n']);
const NEWLINE = Buffer.from('\n');

interface Colour {
  fill: string;
  stroke: string;
}

type Box = [number, number, number, number]; // x0, y0, x1, y1

/** A baseline of a text block: where its glyphs run on it, and their size. */
interface Line {
  y: number;
  x0: number;
  x1: number;
  size: number;
}

/**
 * What pdf.js sees of a text block: where its first visible glyph starts, where its last one ends (pdf.js
 * compares the next glyph with that point), the size there, and its lines.
 */
interface TextInfo {
  start: { x: number; y: number; size: number };
  end: { x: number; y: number; size: number };
  lines: Line[];
}

interface Unit {
  /** Its operators, in order (indices into the stream's). */
  ops: number[];
  /** The colour before its first operator. */
  before: Colour;
  /** What it draws over (one box a glyph run, or a path); none when it draws nothing. */
  boxes: Box[];
  /** A text block's glyphs as pdf.js follows them. */
  text?: TextInfo;
  /** Drawing that may not move, nor be moved past (a state change, an image, a clip). */
  fixed: boolean;
}

/** A font resource's glyphs, if known. */
export type Glyphs = (font: string) => GlyphsOf | undefined;

export function rewriteStream(data: Uint8Array, ops: Operation[], cut: Set<Operation>, glyphs: Glyphs): Uint8Array {
  const slice = (i: number) => data.subarray(ops[i]!.start, i + 1 < ops.length ? ops[i + 1]!.start : data.length);
  const latin1 = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
  const text = (i: number) => latin1.slice(ops[i]!.start, i + 1 < ops.length ? ops[i + 1]!.start : data.length);

  // The colour in force before each operator (as the bytes that set it).
  const colourAt: Colour[] = [];
  const stack: Colour[] = [];
  let colour: Colour = { fill: '0 g\n', stroke: '0 G\n' }; // the defaults (ISO 32000-1, 8.4.1)
  ops.forEach((op, i) => {
    colourAt.push(colour);
    if (op.op === 'q') stack.push(colour);
    else if (op.op === 'Q') colour = stack.pop() ?? colour;
    else if (COLOUR.has(op.op)) colour = applyColour(colour, op.op, text(i));
  });
  colourAt.push(colour);

  const units = splitUnits(ops, colourAt, glyphs);
  const order = reorder(units);

  const parts: Uint8Array[] = [];
  // Every piece ends in white space, so that no two tokens run together when something between them is left out.
  const push = (bytes: Uint8Array) => {
    parts.push(bytes);
    const last = bytes[bytes.length - 1];
    if (last !== undefined && last !== 0x0a && last !== 0x20 && last !== 0x0d && last !== 0x09) parts.push(NEWLINE);
  };
  let current = colourAt[0]!;
  for (const u of order) {
    const unit = units[u]!;
    if (unit.before.fill !== current.fill) push(Buffer.from(unit.before.fill, 'latin1'));
    if (unit.before.stroke !== current.stroke) push(Buffer.from(unit.before.stroke, 'latin1'));
    for (const i of unit.ops) if (!cut.has(ops[i]!)) push(slice(i));
    // After a q…Q the colour is the one saved, as it was in place; else what the unit's own colours made it.
    const last = unit.ops[unit.ops.length - 1]!;
    current = unit.ops.some((i) => ops[i]!.op === 'q' || ops[i]!.op === 'Q')
      ? colourAt[last + 1]!
      : unit.ops.reduce((c, i) => (COLOUR.has(ops[i]!.op) ? applyColour(c, ops[i]!.op, text(i)) : c), unit.before);
  }
  return Buffer.concat(parts);
}

function applyColour(colour: Colour, op: string, t: string): Colour {
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
function splitUnits(ops: Operation[], colourAt: Colour[], glyphs: Glyphs): Unit[] {
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
    if (fill) {
      units.push(fill.unit);
      i = fill.next;
      continue;
    }
    const op = ops[i]!;
    units.push({ ops: [i], before: colourAt[i]!, boxes: [], fixed: !COLOUR.has(op.op) });
    i++;
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
  let end: TextInfo['end'] | undefined;
  let box: Box | undefined;
  let size = 0;
  let font: GlyphsOf | undefined;
  let x = 0;
  let y = 0;
  let lastText = -1;
  const tail: number[] = [];
  for (let j = i; j < ops.length; j++) {
    const op = ops[j]!;
    // Chromium closes a block's q…Q after its text and before its EMC: the Qs go after the EMC (no drawing moves).
    if (op.op === 'Q' && lastText >= 0) {
      tail.push(j);
      continue;
    }
    if (tail.length && op.op !== 'Q' && op.op !== 'EMC') return undefined;
    if (!TEXT.has(op.op) && !COLOUR.has(op.op)) return undefined;
    if (op.op === 'BDC' || op.op === 'BMC') depth++;
    else if (op.op === 'EMC') {
      if (--depth === 0) {
        // A block of spaces alone draws nothing and moves freely.
        const own = [...range(i, j)].filter((k) => !tail.includes(k));
        const text = start && end ? { start, end, lines } : undefined;
        return { unit: { ops: own, before: colourAt[i]!, boxes, text, fixed: false }, tail, next: j + 1 };
      }
    } else if (op.op === 'Tf') {
      size = typeof op.operands[1] === 'number' ? op.operands[1] : 0;
      font = glyphs(nameOf(op.operands[0]) ?? '');
      if (!font) return undefined;
    } else if (op.op === 'Tm') {
      const [a, b, c, d, e, f] = op.operands as number[];
      // Only upright text (Chromium's `1 0 0 -1 x y Tm`) is ordered.
      if (a !== 1 || b !== 0 || c !== 0 || d !== -1 || typeof e !== 'number' || typeof f !== 'number' || size <= 0) return undefined;
      x = e;
      y = f;
      box = undefined;
    } else if (op.op === 'Td') {
      const [dx, dy] = op.operands as number[];
      if (typeof dx !== 'number' || dy !== 0) return undefined;
      x += dx;
    } else if (op.op === 'Tj') {
      // Skia places each glyph (or a few) with Td, which moves the line's start: the glyphs run from there.
      const bytes = bytesOf(op.operands[0]);
      if (!bytes || bytes.length % 2 !== 0 || !font) return undefined;
      let at = x;
      for (let k = 0; k + 1 < bytes.length; k += 2) {
        const glyph = font((bytes[k]! << 8) | bytes[k + 1]!);
        const advance = glyph.advance * size;
        if (glyph.ink) {
          if (!box) {
            box = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
            boxes.push(box);
          }
          // Text space is y up; `1 0 0 -1 x y Tm` turns it down, as the page's space is here. A pixel's margin.
          const [x0, y0, x1, y1] = glyph.ink;
          grow(box, at + x0 * size - 1, y - y1 * size - 1, at + x1 * size + 1, y - y0 * size + 1);
          // pdf.js compares each visible glyph that moves the pen with the end of the one before (marks do not).
          if (advance > 0) {
            start ??= { x: at, y, size };
            end = { x: at + advance, y, size };
            const line = lines.find((l) => Math.abs(l.y - y) < 0.5 && l.size === size);
            if (line) {
              line.x0 = Math.min(line.x0, at);
              line.x1 = Math.max(line.x1, at + advance);
            } else lines.push({ y, x0: at, x1: at + advance, size });
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
  box[0] = Math.min(box[0], x0);
  box[1] = Math.min(box[1], y0);
  box[2] = Math.max(box[2], x1);
  box[3] = Math.max(box[3], y1);
}

/** A filled path from operator i, tagged or not: path operators, colours, and a fill. */
function fillBlock(ops: Operation[], i: number, colourAt: Colour[]): { unit: Unit; next: number } | undefined {
  const tagged = isTagged(ops[i]!);
  const box: Box = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  let filled = false;
  for (let j = tagged ? i + 1 : i; j < ops.length; j++) {
    const op = ops[j]!;
    const nums = op.operands.filter((o): o is number => typeof o === 'number');
    if (op.op === 'EMC' && tagged)
      return filled ? { unit: { ops: [...range(i, j)], before: colourAt[i]!, boxes: [box], fixed: false }, next: j + 1 } : undefined;
    if (!FILL.has(op.op) && !COLOUR.has(op.op)) {
      return !tagged && filled ? { unit: { ops: [...range(i, j - 1)], before: colourAt[i]!, boxes: [box], fixed: false }, next: j } : undefined;
    }
    if (op.op === 're' && nums.length === 4) {
      const [rx, ry, w, h] = nums as [number, number, number, number];
      grow(box, Math.min(rx, rx + w) - 1, Math.min(ry, ry + h) - 1, Math.max(rx, rx + w) + 1, Math.max(ry, ry + h) + 1);
    } else if (['m', 'l', 'c', 'v', 'y'].includes(op.op)) {
      for (let k = 0; k + 1 < nums.length; k += 2) grow(box, nums[k]! - 1, nums[k + 1]! - 1, nums[k]! + 1, nums[k + 1]! + 1);
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

const overlap = (a: Box, b: Box): boolean => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/**
 * Would pdf.js glue the text drawn after a to a's last word? It reads a move back along the line (more than a
 * fifth of the font size, within half of it up or down) as a new item with nothing between
 * (src/core/evaluator.js, `compareWithLastPosition`); a move forward is a space, a move to another line a line
 * break.
 */
function glues(a: TextInfo, b: TextInfo): boolean {
  const { size } = a.end;
  return b.start.x - a.end.x < -0.2 * size && Math.abs(b.start.y - a.end.y) <= 0.5 * size;
}

/** Does b's first line continue a's last, as the next line of one paragraph does? */
function continues(a: TextInfo, b: TextInfo): boolean {
  const last = a.lines[a.lines.length - 1];
  const first = b.lines[0];
  if (!last || !first || Math.abs(last.size - first.size) > 0.5) return false;
  const dy = first.y - last.y;
  return dy > 0.9 * last.size && dy < 2.4 * last.size && first.x0 < last.x1 && last.x0 < first.x1;
}

/** A text block, or the lines of one paragraph (blocks that continue each other), or any other unit: what moves as one. */
interface Piece {
  units: number[];
  text?: TextInfo;
  boxes: Box[];
}

/** Is a point on one of the piece's lines (within half a line)? */
const onLine = (text: TextInfo, y: number, size: number): boolean => text.lines.some((l) => Math.abs(l.y - y) <= 0.5 * Math.max(l.size, size));

/**
 * The order to draw the units in. Within each stretch between fixed units, the text is taken in the order
 * Chromium drew it; a text piece that pdf.js would glue to the one before it (a right-to-left line's next box,
 * to its left) is put back, along its line, before the first piece it can follow and be followed by without a
 * glue, so each line's boxes come left to right; a paragraph's lines stay together, so a box beside its last
 * line goes before the paragraph. Nothing moves past anything it could overlap, so the page is the same.
 */
function reorder(units: Unit[]): number[] {
  const order: number[] = [];
  let start = 0;
  for (let end = 0; end <= units.length; end++) {
    if (end < units.length && !units[end]!.fixed) continue;
    for (const piece of orderStretch(units, start, end)) order.push(...piece.units);
    if (end < units.length) order.push(end);
    start = end + 1;
  }
  return order;
}

const meets = (x: Piece, y: Piece): boolean => x.boxes.some((a) => y.boxes.some((b) => overlap(a, b)));

function orderStretch(units: Unit[], from: number, to: number): Piece[] {
  // The pieces: a block joins the paragraph whose last line it continues (one of the last few pieces, when
  // nothing drawn since touches it: Chromium may draw a box beside the paragraph's last line before that line).
  const pieces: Piece[] = [];
  for (let u = from; u < to; u++) {
    const unit = units[u]!;
    const piece: Piece = { units: [u], text: unit.text, boxes: [...unit.boxes] };
    let joined = false;
    for (let p = pieces.length - 1; unit.text && p >= Math.max(0, pieces.length - 6); p--) {
      const paragraph = pieces[p]!;
      if (paragraph.text && continues(paragraph.text, unit.text)) {
        paragraph.units.push(u);
        paragraph.boxes.push(...unit.boxes);
        paragraph.text = { start: paragraph.text.start, end: unit.text.end, lines: [...paragraph.text.lines, ...unit.text.lines] };
        joined = true;
        break;
      }
      if (meets(piece, paragraph)) break;
    }
    if (!joined) pieces.push(piece);
  }
  const out: Piece[] = [];
  const textBefore = (p: number): TextInfo | undefined => {
    for (let k = p - 1; k >= 0; k--) if (out[k]!.text) return out[k]!.text;
    return undefined;
  };
  const textFrom = (p: number): TextInfo | undefined => {
    for (let k = p; k < out.length; k++) if (out[k]!.text) return out[k]!.text;
    return undefined;
  };
  for (const original of pieces) {
    let piece = original;
    const text = piece.text;
    const last = textBefore(out.length);
    if (!text || !last || !glues(last, text)) {
      out.push(piece);
      continue;
    }
    let at = out.length;
    for (let p = out.length - 1; p >= 0; p--) {
      const other = out[p]!;
      if (meets(piece, other)) {
        // A fill under the text (a chip's background) goes with it, if nothing drawn after the fill touches it.
        if (other.text || out.slice(p + 1).some((o) => meets(other, o))) break;
        out.splice(p, 1);
        if (at > p) at--;
        piece = { units: [...other.units, ...piece.units], text, boxes: [...other.boxes, ...piece.boxes] };
        continue;
      }
      if (other.text && !onLine(other.text, text.start.y, text.start.size)) break;
      const before = textBefore(p);
      const after = textFrom(p);
      if ((!before || !glues(before, text)) && (!after || !glues(text, after))) at = p;
      if (at === p) break;
    }
    if (at === out.length && piece !== original) {
      // Nowhere to go: the fill goes back where it was, before its text.
      out.push(piece);
    } else out.splice(at, 0, piece);
  }
  return out;
}
