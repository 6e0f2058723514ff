/**
 * The order to draw a stream's units in, so that pdf.js reads each line's boxes whole and in order.
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
 *  - in a right-to-left line, a range of numbers drawn as three text objects is drawn right part first (see
 *    `splitRange`).
 * Nothing moves past anything it could overlap (its glyphs' ink, padded, against every other fill or box), so
 * the page is the same to the pixel.
 */
import type { Operation } from './content-stream.js';
import type { Marks } from './bidi-marks.js';
import type { Box, TextInfo, Unit } from './units.js';

/** A text block, or the lines of one paragraph (blocks that continue each other), or any other unit: what moves as one. */
interface Piece {
  units: number[];
  text?: TextInfo;
  boxes: Box[];
}

/** One entry of the order: a piece that may move, or a unit that may not (and whether it paints). */
interface Item {
  piece: Piece;
  fixed: boolean;
  paints: boolean;
  context: string;
}

/**
 * The order to draw the units in. Within each stretch between fixed units, the text is taken in the order
 * Chromium drew it; a text piece that pdf.js would glue to the one before it (a right-to-left line's next box,
 * to its left) is put back, along its line, before the first piece it can follow and be followed by without a
 * glue, so each line's boxes come left to right; a paragraph's lines stay together, so a box beside its last
 * line goes before the paragraph. Nothing moves past anything it could overlap, so the page is the same.
 */
export function reorder(units: Unit[], context: string[], rtl: boolean): number[] {
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

/** Is a point on one of the piece's lines (within half a line)? */
const onLine = (text: TextInfo, y: number, size: number): boolean => text.lines.some((l) => Math.abs(l.y - y) <= 0.5 * Math.max(l.size, size));

/**
 * A range of numbers in a right-to-left line («الفقرات ٩–١٢», drawn «١٢–٩» left to right): pdf.js's bidi
 * takes the en dash for a left-to-right letter (src/core/bidi.js types every character above U+00FF outside the
 * Hebrew and Arabic blocks "L"), so «١٢–٩» stayed one left-to-right run and read «١٢–٩». Chromium draws each
 * bidi run as its own text object; here the line's objects right of the dash are drawn first, then the dash,
 * then those left of it: pdf.js reads each of the three as an item of its own («الفقرات ٩», «–», «١٢» and
 * what follows) and joins them with nothing between, as the range is written. Each object keeps its own
 * position, so the page is the same.
 */
export function splitRange(unit: Unit, ops: Operation[], marks: Marks): void {
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
