/**
 * Hand-written content streams for the unit tests of src/pdf/units.ts, reorder.ts, bidi-marks.ts and
 * line-order.ts, written as Chromium writes them (a tagged block: BDC with an /MCID, BT, Tf, `1 0 0 -1 x y Tm`,
 * each glyph run a Tj, the pen moved by Td, ET, EMC), and a fake font in place of an embedded one.
 *
 * The fake font: a glyph's code is its character's, at 10 points. An upper-case letter stands for an Arabic one
 * (bidi class R), a lower-case letter for a Latin one (L), so that a line reads here as it is drawn, left to
 * right. Every glyph is 0.5 em wide, with ink from (0.05, -0.1) to (0.45, 0.7) em; a space is 0.25 em and draws
 * nothing; U+200F is the invisible right-to-left mark, of no width.
 */
import { bytesOf, type Operation, parseContentStream } from '../../src/pdf/content-stream.js';
import type { Marks } from '../../src/pdf/bidi-marks.js';
import type { Glyph, GlyphsOf } from '../../src/pdf/glyph-boxes.js';
import { coloursBefore, type Glyphs, type OpText, opText, splitUnits, type Unit } from '../../src/pdf/units.js';

export const SIZE = 10;
export const RLM = 0x200f;
const EN_DASH = 0x2013;

const glyph = (code: number): Glyph => {
  if (code === RLM) return { advance: 0, ink: undefined };
  if (code === 0x20) return { advance: 0.25, ink: undefined };
  return { advance: 0.5, ink: [0.05, -0.1, 0.45, 0.7] };
};
const font = Object.assign(glyph, { blank: () => RLM, setWidth: () => {} }) as GlyphsOf;

/** The fonts F1 (regular) and F2 (bold) are known; any other is not. */
export const glyphs: Glyphs = (name) => (name === 'F1' || name === 'F2' ? font : undefined);

export const marks: Marks = {
  bidi: (_, code) => {
    const c = String.fromCharCode(code);
    return /[A-Z]/.test(c) ? 'R' : /[a-z]/.test(c) ? 'L' : /[0-9]/.test(c) ? 'D' : 'N';
  },
  dash: (_, code) => code === EN_DASH,
  separator: (_, code) => '.,:/'.includes(String.fromCharCode(code)),
  rlm: () => RLM,
};

/** How far a run of glyphs moves the pen. */
export const width = (run: string): number => [...run].reduce((w, c) => w + glyph(c.charCodeAt(0)).advance * SIZE, 0);

const hex = (run: string): string => [...run].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');

/** A text object: the glyph runs (one a Tj; a string is one glyph a Tj, as Skia often writes them) from x along y. */
export function text(x: number, y: number, runs: string | string[], fontName = 'F1'): string {
  const list = typeof runs === 'string' ? [...runs] : runs;
  let out = `BT\n/${fontName} ${SIZE} Tf\n1 0 0 -1 ${x} ${y} Tm\n`;
  list.forEach((run, k) => {
    if (k > 0) out += `${width(list[k - 1]!)} 0 Td\n`;
    out += `<${hex(run)}> Tj\n`;
  });
  return `${out}ET\n`;
}

/** Marked content with an /MCID around what it holds: a block that may move. */
export const tagged = (mcid: number, ...body: string[]): string => `/P <</MCID ${mcid}>> BDC\n${body.join('')}EMC\n`;

/** A tagged block of one text object. */
export const block = (mcid: number, x: number, y: number, runs: string | string[], fontName = 'F1'): string => tagged(mcid, text(x, y, runs, fontName));

export interface Cut {
  data: Buffer;
  ops: Operation[];
  units: Unit[];
  text: OpText;
}

/** A stream read and cut into units. */
export function cut(stream: string): Cut {
  const data = Buffer.from(stream, 'latin1');
  const ops = parseContentStream(data);
  const text = opText(data, ops);
  return { data, ops, units: splitUnits(ops, coloursBefore(ops, text), glyphs), text };
}

/** A unit as it reads in a test: `#mcid` for a tagged block, else its operators. */
export function label(ops: Operation[], unit: Unit): string {
  const first = ops[unit.ops[0]!]!;
  const props = first.operands[1];
  const mcid = first.op === 'BDC' && props && typeof props === 'object' && 'dict' in props ? props.dict.get('MCID') : undefined;
  return typeof mcid === 'number' ? `#${mcid}` : unit.ops.map((i) => ops[i]!.op).join(' ');
}

/** The characters a Tj shows (the mark as |). */
export function shown(op: Operation): string {
  const bytes = bytesOf(op.operands[0]) ?? new Uint8Array();
  let out = '';
  for (let k = 0; k + 1 < bytes.length; k += 2) {
    const code = (bytes[k]! << 8) | bytes[k + 1]!;
    out += code === RLM ? '|' : String.fromCharCode(code);
  }
  return out;
}
