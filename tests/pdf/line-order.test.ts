/**
 * A content stream written back (src/pdf/line-order.ts): the stream's own bytes, in the new order, each block in
 * its own colour and marked content. Upper-case letters stand for Arabic ones (tests/pdf/streams.ts).
 */
import { describe, expect, it } from 'vitest';
import { type Operation, parseContentStream } from '../../src/pdf/content-stream.js';
import { rewriteStream } from '../../src/pdf/line-order.js';
import { coloursBefore, opText } from '../../src/pdf/units.js';
import { block, glyphs, marks, shown, tagged, text } from './streams.js';

/**
 * The stream rewritten (with the fake font's marks if right to left), less the operators `cut` picks; the
 * operations it comes with are the new stream's, where they now are (the next pass reads them, not the bytes).
 */
function rewrite(stream: string, rtl = true, cut: (ops: Operation[]) => Operation[] = () => []): string {
  const data = Buffer.from(stream, 'latin1');
  const ops = parseContentStream(data);
  const rewritten = rewriteStream(data, ops, new Set(cut(ops)), glyphs, rtl ? marks : undefined);
  expect(rewritten.ops).toEqual(parseContentStream(rewritten.bytes));
  return Buffer.from(rewritten.bytes).toString('latin1');
}

/** What a stream shows, block by block in the order drawn: its /MCID, its glyphs, and the fill colours they are drawn in. */
function drawn(stream: string): string[] {
  const data = Buffer.from(stream, 'latin1');
  const ops = parseContentStream(data);
  const colours = coloursBefore(ops, opText(data, ops));
  const blocks: { mcid: unknown; glyphs: string; fills: Set<string> }[] = [];
  ops.forEach((op, i) => {
    const props = op.operands[1];
    if (op.op === 'BDC' && props && typeof props === 'object' && 'dict' in props) blocks.push({ mcid: props.dict.get('MCID'), glyphs: '', fills: new Set() });
    else if (op.op === 'Tj' && blocks.length) {
      blocks.at(-1)!.glyphs += shown(op);
      blocks.at(-1)!.fills.add(colours[i]!.fill.trim());
    }
  });
  return blocks.map((b) => `#${b.mcid} ${b.glyphs} in ${[...b.fills].join(' and ')}`);
}

describe('rewriteStream', () => {
  it('gives back the stream byte for byte when nothing moves', () => {
    const stream = `0.9 g\n0 0 1280 720 re\nf\n${block(0, 100, 50, 'AB CD')}0 0 1 rg\n${block(1, 100, 80, 'ab 12')}`;
    expect(rewrite(stream, true)).toBe(stream);
    expect(rewrite(stream, false)).toBe(stream);
  });

  it('says the colour again after a Q (text moved across its q may have changed what it restores)', () => {
    const stream = `q\n${block(0, 100, 50, 'AB')}Q\n${block(1, 100, 80, 'CD')}`;
    expect(rewrite(stream)).toBe(stream.replace('Q\n', 'Q\n0 g\n\n0 G\n\n'));
  });

  it('leaves out the operators cut, and keeps every other byte', () => {
    const stream = tagged(0, 'BT\n/F1 10 Tf\n1 0 0 -1 100 50 Tm\n/ReversedChars BMC\n<00410042> Tj\nEMC\nET\n');
    const reversed = (ops: Operation[]) => {
      const bmc = ops.findIndex((op) => op.op === 'BMC');
      return [ops[bmc]!, ops[bmc + 2]!];
    };
    expect(rewrite(stream, true, reversed)).toBe(stream.replace('/ReversedChars BMC\n', '').replace('Tj\nEMC\n', 'Tj\n'));
  });

  it('writes a box back before the one it would be glued to, each in its own colour and marked content', () => {
    const stream = `1 0 0 rg\n${block(0, 200, 50, 'ABCD')}0 0 1 rg\n${block(1, 100, 50, 'EF')}`;
    expect(drawn(stream)).toEqual(['#0 ABCD in 1 0 0 rg', '#1 EF in 0 0 1 rg']);
    expect(drawn(rewrite(stream))).toEqual(['#1 EF in 0 0 1 rg', '#0 ABCD in 1 0 0 rg']);
  });

  it('keeps the colours of chips drawn each in its own q…Q when they are drawn again after the last', () => {
    const stream = `q\n1 0 0 rg\n${block(0, 200, 50, 'AB')}Q\nq\n0 0 1 rg\n${block(1, 100, 50, 'CD')}Q\n${block(2, 100, 80, 'EF')}`;
    const out = rewrite(stream);
    expect(drawn(out)).toEqual(['#1 CD in 0 0 1 rg', '#0 AB in 1 0 0 rg', '#2 EF in 0 g']);
    const count = (s: string, op: string) => parseContentStream(Buffer.from(s, 'latin1')).filter((o) => o.op === op).length;
    expect([count(out, 'q'), count(out, 'Q')]).toEqual([2, 2]);
  });

  it('writes a right-to-left mark inside the block, before the glyph that starts the stretch, in a right-to-left document only', () => {
    const stream = block(0, 100, 50, 'AB 12 CD');
    expect(drawn(rewrite(stream))).toEqual(['#0 AB |12 CD in 0 g']);
    expect(rewrite(stream, false)).toBe(stream);
  });

  it('draws a range right part first in a right-to-left document only, each object where it was', () => {
    const stream = tagged(0, text(100, 50, '12'), text(110, 50, '–'), text(115, 50, '9'), text(120, 50, ' AB'));
    const out = rewrite(stream);
    const objects = (s: string) =>
      s
        .split('BT\n')
        .slice(1)
        .map((o) => `BT\n${o.slice(0, o.indexOf('ET\n') + 3)}`);
    const [twelve, dash, nine, word] = objects(stream);
    // (With a mark before «9», where the stretch ends on the page: see bidi-marks.ts.)
    expect(objects(out)).toEqual([nine!.replace('<0039> Tj', '<200f> Tj\n\n<0039> Tj'), word, dash, twelve]);
    expect(drawn(out)).toEqual(['#0 |9 AB–12 in 0 g']);
    expect(rewrite(stream, false)).toBe(stream);
  });
});
