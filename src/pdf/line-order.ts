/**
 * Rewrites a content stream so that pdf.js and poppler read each line's boxes whole and in order.
 *
 * Chromium paints the boxes of a row (a label and its value, a name, a role and a citation, the chips of a
 * list) in document order, which in a right-to-left row is right to left. pdf.js (Firefox) reads a jump back
 * along a line as the start of a new item with nothing between the two (src/core/evaluator.js,
 * `compareWithLastPosition`), so the last word of one box and the first of the next came back glued
 * («المكانإسلام»); a jump forward is read as a space, a jump to another line as a line break. So:
 *  - a text box that pdf.js would glue to the one drawn before it goes back along its line to the first place
 *    it can follow and be followed without a glue (the boxes of a line end up left to right); the lines of one
 *    paragraph move as one, so a citation beside a paragraph's last line goes before the paragraph;
 *  - a row whose boxes Chromium drew each in its own graphics state (chips) is drawn, in that order, after its
 *    last box, where the graphics state is the same as each box had;
 *  - in a right-to-left document, an invisible right-to-left mark ends each stretch of digits or Latin, for
 *    poppler (see `bidiMarks`).
 * Nothing moves past anything it could overlap (its glyphs' ink, padded, against every other fill or box), so
 * the page is the same to the pixel; each unit is drawn in the colour it was drawn in, and keeps its marked
 * content (the structure tree is unchanged).
 */
import { bytesOf, nameOf, type Operation } from './content-stream.js';
import type { GlyphsOf } from './glyph-boxes.js';

/** Operators a movable text block may hold: text objects, their text, marked content and colours. */
const TEXT = new Set(['BT', 'ET', 'Tf', 'Tm', 'Td', 'Tj', 'TJ', 'BMC', 'BDC', 'EMC']);
/** State set after a block's text, before its EMC, for what follows: it stays where it is. */
const TAIL = new Set(['Q', 'q', 'cm', 'gs']);
/** A clipping path (built, then W n): it paints nothing. */
const CLIP = new Set(['re', 'm', 'l', 'c', 'v', 'y', 'h', 'W', 'W*', 'n']);
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
  /** The font resource its glyphs are in (a bold label and its text are two). */
  font: string;
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

/** A glyph's bidi class, from its text: Latin (L), a digit (D), Arabic (R), or neither (N). */
export type Bidi = 'L' | 'D' | 'R' | 'N';

/**
 * For a right-to-left document: each glyph's bidi class, and a glyph that draws nothing and reads as U+200F
 * (RIGHT-TO-LEFT MARK) in a font, if one can be had.
 */
export interface Marks {
  bidi(font: string, code: number): Bidi;
  /** A dash (‐ to ―, −, -): what a range of numbers is written with. */
  dash(font: string, code: number): boolean;
  /** A separator inside a number: . , ٫ ٬ : / (bidi classes CS and ES). */
  separator(font: string, code: number): boolean;
  rlm(font: string): number | undefined;
}

export function rewriteStream(data: Uint8Array, ops: Operation[], cut: Set<Operation>, glyphs: Glyphs, marks?: Marks): Uint8Array {
  const latin1 = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
  /** The bytes of operators from to to (default: from alone), as text. */
  const text = (from: number, to = from) => latin1.slice(ops[from]!.start, to + 1 < ops.length ? ops[to + 1]!.start : data.length);

  // The colour in force before each operator (as the bytes that set it).
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

  const units = splitUnits(ops, colourAt, glyphs);
  if (marks) for (const unit of units) splitRange(unit, ops, marks);
  const context = contexts(ops, units, text);
  const order = reorder(units, context, marks !== undefined);
  const inserts = marks ? bidiMarks(units, marks, context) : new Map<number, Uint8Array>();

  // The output: runs of the stream's own bytes (operators that stay next to each other are copied as one run),
  // and what is written between. Every run ends in white space, so that no two tokens run together where
  // something between them is left out.
  const parts: Uint8Array[] = [];
  let from = -1;
  let to = -1;
  const flush = () => {
    if (from < 0) return;
    const run = data.subarray(from, to);
    parts.push(run);
    const last = run[run.length - 1];
    if (last !== undefined && last !== 0x0a && last !== 0x20 && last !== 0x0d && last !== 0x09) parts.push(NEWLINE);
    from = -1;
  };
  const write = (bytes: Uint8Array) => {
    flush();
    parts.push(bytes, NEWLINE);
  };
  const copy = (i: number) => {
    const start = ops[i]!.start;
    const end = i + 1 < ops.length ? ops[i + 1]!.start : data.length;
    if (from >= 0 && start === to) to = end;
    else {
      flush();
      from = start;
      to = end;
    }
  };
  let current = colourAt[0]!;
  for (const u of order) {
    const unit = units[u]!;
    if (unit.before.fill !== current.fill) write(Buffer.from(unit.before.fill, 'latin1'));
    if (unit.before.stroke !== current.stroke) write(Buffer.from(unit.before.stroke, 'latin1'));
    let opens = false;
    let closes = false;
    let colourNow = unit.before;
    for (const i of unit.ops) {
      const insert = inserts.get(i);
      if (insert) write(insert);
      if (!cut.has(ops[i]!)) copy(i);
      const name = ops[i]!.op;
      if (name === 'q') opens = true;
      else if (name === 'Q') closes = true;
      else if (COLOUR.has(name)) colourNow = applyColour(colourNow, name, text(i));
    }
    // After a Q the colour is whatever the matching q saved, which text moved across it may have changed: the
    // next unit says its colour again. After a q alone, the colour is as it was in place there.
    current = closes ? { fill: '', stroke: '' } : opens ? colourAt[unit.ops[unit.ops.length - 1]! + 1]! : colourNow;
  }
  flush();
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

/** Does b's first line continue a's last, as the next line of one paragraph does (one line height below: 1.4 for headings, 1.6 for text)? */
function continues(a: TextInfo, b: TextInfo): boolean {
  const last = a.lines[a.lines.length - 1];
  const first = b.lines[0];
  if (!last || !first || Math.abs(last.size - first.size) > 0.5 || last.font !== first.font) return false;
  const dy = first.y - last.y;
  return dy > 1.2 * last.size && dy < 1.8 * last.size && first.x0 < last.x1 && last.x0 < first.x1;
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
/**
 * A range of numbers in a right-to-left line («الفقرات ٩–١٢», drawn «١٢–٩» left to right): pdf.js's bidi
 * takes the en dash for a left-to-right letter (src/core/bidi.js types every character above U+00FF outside the
 * Hebrew and Arabic blocks "L"), so «١٢–٩» stayed one left-to-right run and read «١٢–٩». Chromium draws each
 * bidi run as its own text object; here the line's objects right of the dash are drawn first, then the dash,
 * then those left of it: pdf.js reads each of the three as an item of its own («الفقرات ٩», «–», «١٢» and
 * what follows) and joins them with nothing between, as the range is written. Each object keeps its own
 * position, so the page is the same.
 */
function splitRange(unit: Unit, ops: Operation[], marks: Marks): void {
  const glyphs = unit.glyphs;
  if (!unit.text || !glyphs?.length || unit.text.lines.length !== 1) return;
  // The text objects (BT … ET) of the unit, with nothing but them between the first BT and the last ET.
  const objects: { ops: number[]; glyphs: typeof glyphs }[] = [];
  const before: number[] = [];
  const after: number[] = [];
  let open: number[] | undefined;
  for (const i of unit.ops) {
    const op = ops[i]!.op;
    if (op === 'BT') open = [i];
    else if (open) {
      open.push(i);
      if (op === 'ET') {
        objects.push({ ops: open, glyphs: [] });
        open = undefined;
      }
    } else if (objects.length === 0) before.push(i);
    else after.push(i);
  }
  // Anything drawn or set between two objects (a colour) keeps them in place.
  const lastOp = objects[objects.length - 1]?.ops.at(-1) ?? -1;
  if (objects.length < 3 || after.some((i) => i < lastOp)) return;
  const objectOf = new Map<number, (typeof objects)[number]>();
  for (const object of objects) for (const i of object.ops) objectOf.set(i, object);
  for (const g of glyphs) objectOf.get(g.op)?.glyphs.push(g);
  // Chromium draws a line's objects left to right; find a dash alone between two numbers.
  const inked = (o: (typeof objects)[number]) => o.glyphs.filter((g) => !g.blank);
  const digits = (o: (typeof objects)[number]) => inked(o).length > 0 && inked(o).every((g) => marks.bidi(g.font, g.code) === 'D');
  const d = objects.findIndex(
    (o, k) =>
      k > 0 &&
      k + 1 < objects.length &&
      inked(o).length === 1 &&
      marks.dash(inked(o)[0]!.font, inked(o)[0]!.code) &&
      digits(objects[k - 1]!) &&
      digits(objects[k + 1]!),
  );
  if (d < 0) return;
  const sorted = objects.every((o, k) => k === 0 || (o.glyphs[0]?.x ?? 0) >= (objects[k - 1]!.glyphs[0]?.x ?? 0));
  if (!sorted) return;
  const order = [...objects.slice(d + 1), objects[d]!, ...objects.slice(0, d)];
  unit.ops = [...before, ...order.flatMap((o) => o.ops), ...after];
  const visible = order.flatMap((o) => o.glyphs.filter((g) => !g.blank && g.advance > 0));
  const first = visible[0]!;
  const last = visible[visible.length - 1]!;
  unit.text = { ...unit.text, start: { x: first.x, y: first.y, size: first.size }, end: { x: last.x + last.advance, y: last.y, size: last.size } };
}

/**
 * Right-to-left marks where poppler needs them. pdftotext reads a right-to-left line by taking each stretch
 * of left-to-right characters (digits, Latin) together with the spaces and punctuation up to the next Arabic
 * letter, in visual order (poppler TextOutputDev.cc, `reorderText`): so «في ١٢ أكتوبر» came back «في  ١٢أكتوبر»,
 * «الفقرات ١، ٢، ٤» as «الفقرات ٤ ،٢ ،١» and «٩–١٢» as «١٢–٩». A mark after each such stretch, where it ends on
 * the page (its left edge), ends it there, as the text reads: an invisible glyph of no width that reads as U+200F,
 * which pdf.js skips and PDFium orders by its place.
 */
function bidiMarks(units: Unit[], marks: Marks, context: string[]): Map<number, Uint8Array> {
  const inserts = new Map<number, Uint8Array>();
  // The lines of the page, across boxes («٢» and «من ١٤» may be two), in each coordinate system.
  const byContext = new Map<string, Map<number, NonNullable<Unit['glyphs']>>>();
  units.forEach((unit, u) => {
    if (!unit.glyphs?.length) return;
    let lines = byContext.get(context[u]!);
    if (!lines) {
      lines = new Map();
      byContext.set(context[u]!, lines);
    }
    for (const g of unit.glyphs) {
      const key = Math.round(g.y * 2);
      const line = lines.get(key);
      if (line) line.push(g);
      else lines.set(key, [g]);
    }
  });
  for (const byLine of byContext.values()) {
    const lines = [...byLine.values()];
    for (const line of lines) {
      line.sort((a, b) => a.x - b.x);
      const kinds = line.map((g) => marks.bidi(g.font, g.code));
      if (!kinds.includes('R')) continue;
      // Two boxes side by side, with no glyph between them, are apart as by a space.
      const apart = (k: number) => k > 0 && line[k]!.x - (line[k - 1]!.x + line[k - 1]!.advance) > 0.25 * line[k]!.size;
      // Stretches of one direction as the bidi algorithm makes them: Latin words joined by the spaces between
      // them (rule N1), a number by one separator inside it (W4); digits and anything else end a stretch.
      for (let k = 0; k < line.length; k++) {
        const kind = kinds[k]!;
        if (kind === 'R' || kind === 'N') continue;
        const start = k;
        for (;;) {
          while (k + 1 < line.length && kinds[k + 1] === kinds[k] && !apart(k + 1)) k++;
          let n = k + 1;
          while (n < line.length && kinds[n] === 'N') n++;
          // Latin words through spaces, a number through one separator, and Latin with what it touches (a
          // URL, «COVID-19», «S-400», set apart from the Arabic by the deck): each reads as one stretch.
          let tight = true;
          for (let t = k + 1; t <= n && t < line.length; t++) if (apart(t) || (t < n && line[t]!.blank)) tight = false;
          const joins =
            n < line.length &&
            kinds[n] !== 'R' &&
            ((tight && (kinds[k] === 'L' || kinds[n] === 'L')) ||
              (kinds[n] === kinds[k] && (kinds[k] === 'L' || (tight && n - k === 2 && marks.separator(line[k + 1]!.font, line[k + 1]!.code)))));
          if (!joins) break;
          k = n;
        }
        // Not where punctuation touches the stretch's right end («12.5%»): poppler would set it apart.
        const touched = k + 1 < line.length && kinds[k + 1] === 'N' && !line[k + 1]!.blank && !apart(k + 1);
        // Not where a list goes on («١، ٢»: the next strong character to the left is a digit, after a space):
        // there a mark breaks poppler's words («١‏٢ ،»), and the list reads as it did.
        let m = start - 1;
        let spaced = false;
        // (Within the stretch's own box: what lies past a gap is another box.)
        let edge = apart(start);
        while (!edge && m >= 0 && kinds[m] === 'N') {
          spaced ||= line[m]!.blank;
          edge = apart(m);
          m--;
        }
        const list = !edge && m >= 0 && kinds[m] !== 'R' && spaced;
        // In a list the mark goes before the separator that ends the item («١،»), which poppler keeps in one word;
        // elsewhere between the number and what touches it (a range «١٢–٩» drawn reads «٩‏–١٢», «٪٢٠» «٢٠‏٪»).
        const left = start > 0 ? line[start - 1]! : undefined;
        const at = list && left && !left.blank ? start - 1 : start;
        if (at > 0 && !touched && line[at]!.first) {
          const code = marks.rlm(line[at]!.font);
          if (code !== undefined) inserts.set(line[at]!.op, Buffer.from(`<${code.toString(16).padStart(4, '0')}> Tj\n`, 'latin1'));
        }
      }
    }
  }
  return inserts;
}

/** Operators that paint: what a moved text may not pass without knowing what it covers. */
const PAINT = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'sh', 'Do', 'BI', 'EI', 'Tj', 'TJ', "'", '"']);
/** Operators of a path, which a clip (W, W*) ends in. */
const PATH = new Set(['re', 'm', 'l', 'c', 'v', 'y', 'h']);

/**
 * The graphics state each unit is drawn in, as a string (the transformation, clips, graphics state and marked
 * content open there; not the colour, which each unit carries): a unit may be drawn anywhere the same string holds.
 */
function contexts(ops: Operation[], units: Unit[], text: (from: number, to?: number) => string): string[] {
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

/** One entry of the order: a piece that may move, or a unit that may not (and whether it paints). */
interface Item {
  piece: Piece;
  fixed: boolean;
  paints: boolean;
  context: string;
}

function reorder(units: Unit[], context: string[], rtl: boolean): number[] {
  const items: Item[] = [];
  let start = 0;
  for (let end = 0; end <= units.length; end++) {
    if (end < units.length && !units[end]!.fixed) continue;
    for (const piece of orderStretch(units, start, end, rtl))
      items.push({ piece, fixed: false, paints: piece.boxes.length > 0, context: context[piece.units[0]!]! });
    if (end < units.length) {
      const unit = units[end]!;
      items.push({ piece: { units: [end], boxes: [] }, fixed: true, paints: unit.paints ?? false, context: context[end]! });
    }
    start = end + 1;
  }
  const aligned = alignRuns(items);
  return aligned.flatMap((item) => item.piece.units);
}

/**
 * Across stretches: Chromium draws each box of a row of chips in its own graphics state, so the boxes of one
 * line that pdf.js would glue may sit in different stretches. A run of text pieces on one line, with only
 * drawing between them that they do not touch, is drawn after its last piece, in the order that pdf.js reads
 * without glue, when every piece of it was drawn in the same graphics state as that place.
 */
function alignRuns(items: Item[]): Item[] {
  const out = [...items];
  for (let i = 0; i < out.length; i++) {
    const first = out[i]!;
    if (!first.piece.text) continue;
    // The run: text pieces each on the line the one before ends on.
    const run = [i];
    let glued = false;
    for (let j = i + 1; j < out.length; j++) {
      const item = out[j]!;
      if (!item.piece.text) continue;
      const last = out[run[run.length - 1]!]!.piece.text!;
      const { start } = item.piece.text;
      if (Math.abs(start.y - last.end.y) > 0.5 * Math.max(last.end.size, start.size)) break;
      if (glues(last, item.piece.text)) glued = true;
      run.push(j);
    }
    if (!glued || run.length < 2) continue;
    const end = run[run.length - 1]!;
    const anchor = out[end]!.context;
    const inRun = new Set(run);
    // Each piece passes what was drawn after it, up to the run's end.
    const passes = (k: number, item: Item) => item.paints && (item.fixed || meets(out[k]!.piece, item.piece));
    const movable = run.every((k) => out[k]!.context === anchor && !out.slice(k + 1, end + 1).some((item, n) => !inRun.has(k + 1 + n) && passes(k, item)));
    if (!movable) {
      i = end;
      continue;
    }
    const pieces = arrange(run.map((k) => out[k]!));
    // Pieces that overlap keep their order.
    const moved = run.map((k) => out[k]!);
    const keeps = moved.every((a, x) => moved.every((b, y) => y <= x || !meets(a.piece, b.piece) || pieces.indexOf(a) < pieces.indexOf(b)));
    if (!keeps) {
      i = end;
      continue;
    }
    const rest = out.slice(i, end + 1).filter((_, k) => !inRun.has(i + k));
    out.splice(i, end + 1 - i, ...rest, ...pieces);
    i = end;
  }
  return out;
}

/** The pieces of one line in an order pdf.js reads without glue where one exists: each goes back to where it fits. */
function arrange(items: Item[]): Item[] {
  const out: Item[] = [];
  for (const item of items) {
    const text = item.piece.text!;
    let at = out.length;
    for (let p = out.length; p >= 0; p--) {
      const before = out[p - 1]?.piece.text;
      const after = out[p]?.piece.text;
      if ((!before || !glues(before, text)) && (!after || !glues(text, after))) {
        at = p;
        break;
      }
    }
    out.splice(at, 0, item);
  }
  return out;
}

const meets = (x: Piece, y: Piece): boolean => x.boxes.some((a) => y.boxes.some((b) => overlap(a, b)));

function orderStretch(units: Unit[], from: number, to: number, rtl: boolean): Piece[] {
  // The pieces: a block joins the paragraph whose last line it continues (one of the last few pieces, when
  // nothing drawn since touches it: Chromium may draw a box beside the paragraph's last line before that line).
  // Of two boxes on the line above (a label and its text), the line goes on from the one that ends that line
  // as it reads: the leftmost in a right-to-left document, the rightmost in a left-to-right one.
  const pieces: Piece[] = [];
  for (let u = from; u < to; u++) {
    const unit = units[u]!;
    const piece: Piece = { units: [u], text: unit.text, boxes: [...unit.boxes] };
    let best: Piece | undefined;
    for (let p = pieces.length - 1; unit.text && p >= Math.max(0, pieces.length - 6); p--) {
      const paragraph = pieces[p]!;
      if (paragraph.text && continues(paragraph.text, unit.text)) {
        const edge = (q: Piece) => q.text!.lines[q.text!.lines.length - 1]!;
        if (!best || (rtl ? edge(paragraph).x0 < edge(best).x0 : edge(paragraph).x1 > edge(best).x1)) best = paragraph;
      }
      if (meets(piece, paragraph)) break;
    }
    if (best?.text && unit.text) {
      best.units.push(u);
      best.boxes.push(...unit.boxes);
      best.text = { start: best.text.start, end: unit.text.end, lines: [...best.text.lines, ...unit.text.lines] };
    } else pieces.push(piece);
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
