/**
 * Rewrites a content stream so that pdf.js and poppler read each line's boxes whole and in order, without
 * changing a pixel: the stream is cut into units (units.ts); in a right-to-left document a range of numbers is
 * drawn right part first within its unit, and the units are put in the order pdf.js reads without glue
 * (reorder.ts); and in a right-to-left document an invisible right-to-left mark ends each stretch of digits or
 * Latin, for poppler (bidi-marks.ts). Here the units are written back in that order, the stream's own bytes,
 * less the operators the caller cuts and with the ones it writes otherwise (a glyph under another number,
 * silent-glyphs.ts): each unit in the colour it was drawn in, and with its marked content (the
 * structure tree is unchanged). The new stream's operations come with it, where they now start and end (the
 * next pass reads them instead of parsing the stream again): the operations given are moved there, not copied,
 * so `ops` is the old stream's no more.
 */
import { type Operation, parseContentStream } from './content-stream.js';
import { bidiMarks, type Marks } from './bidi-marks.js';
import { reorder, splitRange } from './reorder.js';
import { applyColour, COLOUR, coloursBefore, contexts, type Glyphs, opText, splitUnits } from './units.js';

const NEWLINE = Buffer.from('\n');

export function rewriteStream(
  data: Uint8Array,
  ops: Operation[],
  cut: Set<Operation>,
  glyphs: Glyphs,
  marks?: Marks,
  replace?: Map<number, Uint8Array>,
): { bytes: Uint8Array; ops: Operation[] } {
  const text = opText(data, ops);
  const colourAt = coloursBefore(ops, text);

  const units = splitUnits(ops, colourAt, glyphs);
  if (marks) for (const unit of units) splitRange(unit, ops, marks);
  const context = contexts(ops, units, text);
  const order = reorder(units, context, marks !== undefined);
  const inserts = marks ? bidiMarks(units, marks, context) : new Map<number, Uint8Array>();

  // The output: runs of the stream's own bytes (operators that stay next to each other are copied as one run),
  // and what is written between. Every run ends in white space, so that no two tokens run together where
  // something between them is left out. `out` holds the operations as they are in the output.
  const parts: Uint8Array[] = [];
  const out: Operation[] = [];
  /** How far each operation in `out` moves (applied at the end: the loop reads the old offsets). */
  const shifts: number[] = [];
  let size = 0;
  const push = (bytes: Uint8Array) => {
    parts.push(bytes);
    size += bytes.length;
  };
  /** The run being copied: its bytes, and its operators' indices. */
  let from = -1;
  let to = -1;
  let first = -1;
  let last = -1;
  const flush = () => {
    if (from < 0) return;
    const shift = size - from;
    for (let k = first; k <= last; k++) {
      out.push(ops[k]!);
      shifts.push(shift);
    }
    const run = data.subarray(from, to);
    push(run);
    const end = run[run.length - 1];
    if (end !== undefined && end !== 0x0a && end !== 0x20 && end !== 0x0d && end !== 0x09) push(NEWLINE);
    from = -1;
  };
  const write = (bytes: Uint8Array) => {
    flush();
    for (const op of parseContentStream(bytes)) {
      out.push(op);
      shifts.push(size);
    }
    push(bytes);
    push(NEWLINE);
  };
  const copy = (i: number) => {
    const start = ops[i]!.start;
    const end = i + 1 < ops.length ? ops[i + 1]!.start : data.length;
    if (from >= 0 && start === to && i === last + 1) {
      to = end;
      last = i;
    } else {
      flush();
      from = start;
      to = end;
      first = i;
      last = i;
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
      const other = replace?.get(i);
      if (other) write(other);
      else if (!cut.has(ops[i]!)) copy(i);
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
  for (let k = 0; k < out.length; k++) {
    out[k]!.start += shifts[k]!;
    out[k]!.end += shifts[k]!;
  }
  return { bytes: Buffer.concat(parts, size), ops: out };
}
