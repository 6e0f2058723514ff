/** A content stream cut into units (src/pdf/units.ts): what may move, what it covers, its colour and its graphics state. */
import { describe, expect, it } from 'vitest';
import { parseContentStream } from '../../src/pdf/content-stream.js';
import { coloursBefore, contexts, opText } from '../../src/pdf/units.js';
import { block, cut, label, tagged, text } from './streams.js';

const names = (c: ReturnType<typeof cut>) => c.units.map((u) => u.ops.map((i) => c.ops[i]!.op).join(' '));

describe('splitUnits', () => {
  it('takes a tagged text block as one unit that may move, with where pdf.js sees its glyphs and the ink they cover', () => {
    const { units } = cut(block(0, 100, 50, 'ab'));
    expect(units).toHaveLength(1);
    const [unit] = units;
    expect(unit!.ops).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]); // BDC BT Tf Tm Tj Td Tj ET EMC
    expect(unit!.fixed).toBe(false);
    expect(unit!.text).toEqual({
      start: { x: 100, y: 50, size: 10 },
      end: { x: 110, y: 50, size: 10 },
      lines: [{ y: 50, x0: 100, x1: 110, size: 10, font: 'F1' }],
    });
    // The ink, y down (`1 0 0 -1 x y Tm`), padded by a pixel: from 100 + 0.5 - 1 to 105 + 4.5 + 1, 50 - 7 - 1 to 50 + 1 + 1.
    expect(unit!.boxes).toEqual([[99.5, 42, 110.5, 52]]);
    expect(unit!.glyphs!.map((g) => [g.op, g.first, g.x, g.code])).toEqual([
      [4, true, 100, 0x61],
      [6, true, 105, 0x62],
    ]);
  });

  it('counts a space among the glyphs but not in the ink; a block of spaces alone has no text and covers nothing', () => {
    const spaced = cut(block(0, 100, 50, 'a b')).units[0]!;
    expect(spaced.glyphs!.map((g) => [g.x, g.blank])).toEqual([
      [100, false],
      [105, true],
      [107.5, false],
    ]);
    expect(spaced.boxes).toEqual([[99.5, 42, 113, 52]]);
    expect(spaced.text!.end.x).toBe(112.5);
    const blank = cut(block(0, 100, 50, '  ')).units[0]!;
    expect([blank.fixed, blank.text, blank.boxes, blank.glyphs!.length]).toEqual([false, undefined, [], 2]);
  });

  it('gives each Tm a box of its own, and the glyphs on one baseline one line', () => {
    const oneLine = cut(tagged(0, text(100, 50, 'ab'), text(200, 50, 'cd'))).units[0]!;
    expect(oneLine.boxes).toHaveLength(2);
    expect(oneLine.text!.lines).toEqual([{ y: 50, x0: 100, x1: 210, size: 10, font: 'F1' }]);
    const twoLines = cut(tagged(0, text(100, 50, 'ab'), text(100, 66, 'cd', 'F2'))).units[0]!;
    expect(twoLines.text!.lines.map((l) => [l.y, l.x0, l.x1, l.font])).toEqual([
      [50, 100, 110, 'F1'],
      [66, 100, 110, 'F2'],
    ]);
    expect(twoLines.text!.end).toEqual({ x: 110, y: 66, size: 10 });
  });

  it('leaves in place, after the block, the state Chromium sets after its text and before its EMC', () => {
    const stream = `q\n${tagged(0, text(100, 50, 'ab'), 'Q\n0 0 1 rg\nq\n1 0 0 1 0 20 cm\n')}`;
    const c = cut(stream);
    expect(names(c)).toEqual(['q', 'BDC BT Tf Tm Tj Td Tj ET EMC', 'Q rg q cm']);
    expect(c.units.map((u) => u.fixed)).toEqual([true, false, true]);
  });

  it.each([
    ['in a font whose glyphs are not known', block(0, 100, 50, 'ab', 'F9')],
    ['shown with TJ', tagged(0, 'BT\n/F1 10 Tf\n1 0 0 -1 100 50 Tm\n[<0061> -20 <0062>] TJ\nET\n')],
    ['turned', tagged(0, 'BT\n/F1 10 Tf\n0 1 -1 0 100 50 Tm\n<0061> Tj\nET\n')],
    ['moved off its line by Td', tagged(0, 'BT\n/F1 10 Tf\n1 0 0 -1 100 50 Tm\n<0061> Tj\n5 2 Td\n<0062> Tj\nET\n')],
    ['not tagged', text(100, 50, 'ab')],
    ['with more text after the state set for what follows', tagged(0, text(100, 50, 'ab'), 'Q\n', text(100, 70, 'cd'))],
    ['tagged with no /MCID', '/Span <</ActualText (x)>> BDC\nBT\n/F1 10 Tf\n1 0 0 -1 100 50 Tm\n<0061> Tj\nET\nEMC\n'],
  ])('keeps text %s fixed: one run of operators that paints', (_, stream) => {
    const c = cut(stream);
    expect(c.units).toHaveLength(1);
    expect(c.units[0]!.ops).toEqual(c.ops.map((_, i) => i));
    expect([c.units[0]!.fixed, c.units[0]!.paints, c.units[0]!.text]).toEqual([true, true, undefined]);
  });

  it('takes a filled path, tagged or not, as one unit that may move, with the box of its points', () => {
    const plain = cut('0.9 g\n10 20 -30 40 re\nf\n').units;
    expect(plain.map((u) => [u.ops, u.fixed, u.boxes])).toEqual([[[0, 1, 2], false, [[-21, 19, 11, 61]]]]);
    expect(plain[0]!.before).toEqual({ fill: '0 g\n', stroke: '0 G\n' });
    const path = cut('/Artifact <</MCID 3>> BDC\n0 0 m\n10 5 l\nh\nf\nEMC\n').units;
    expect(path.map((u) => [u.ops, u.fixed, u.boxes])).toEqual([[[0, 1, 2, 3, 4, 5], false, [[-1, -1, 11, 6]]]]);
  });

  it('keeps a clip and the state around it fixed, one unit a run, painting nothing; a colour set alone is not fixed', () => {
    const c = cut('q\n1 0 0 1 5 5 cm\n0 0 100 100 re\nW\nn\n1 0 0 rg\nQ\n/Im0 Do\n');
    expect(names(c)).toEqual(['q cm re W n', 'rg', 'Q Do']);
    expect(c.units.map((u) => [u.fixed, u.paints])).toEqual([
      [true, false],
      [false, false],
      [true, true],
    ]);
  });

  it('gives each unit the colour in force before it', () => {
    const c = cut(`1 0 0 rg\n${block(0, 100, 50, 'a')}q\n0 0 1 rg\n${block(1, 100, 70, 'b')}Q\n${block(2, 100, 90, 'c')}`);
    const fills = c.units.filter((u) => u.text).map((u) => [label(c.ops, u), u.before.fill]);
    expect(fills).toEqual([
      ['#0', '1 0 0 rg\n'],
      ['#1', '0 0 1 rg\n'],
      ['#2', '1 0 0 rg\n'],
    ]);
  });
});

describe('coloursBefore', () => {
  it('follows the fill and the stroke through q and Q, and keeps a colour space with the colour set in it', () => {
    const data = Buffer.from('1 0 0 rg\nq\n0 0 1 rg\n0.5 G\nQ\n/CS0 cs\n1 scn\n0.5 scn\n', 'latin1');
    const ops = parseContentStream(data);
    const colours = coloursBefore(ops, opText(data, ops));
    expect(colours).toHaveLength(ops.length + 1);
    expect(colours.map((c) => [c.fill, c.stroke])).toEqual([
      ['0 g\n', '0 G\n'],
      ['1 0 0 rg\n', '0 G\n'],
      ['1 0 0 rg\n', '0 G\n'],
      ['0 0 1 rg\n', '0 G\n'],
      ['0 0 1 rg\n', '0.5 G\n'],
      ['1 0 0 rg\n', '0 G\n'],
      ['/CS0 cs\n', '0 G\n'],
      ['/CS0 cs\n1 scn\n', '0 G\n'],
      ['/CS0 cs\n0.5 scn\n', '0 G\n'],
    ]);
  });
});

describe('contexts', () => {
  it('names the graphics state each text block is drawn in: the same inside a q…Q that changes nothing, another after cm, a clip or marked content', () => {
    const stream = [
      block(0, 100, 50, 'a'),
      `q\n0 0 1 rg\n/F2 12 Tf\n${block(1, 100, 70, 'b')}Q\n`,
      `q\n1 0 0 1 0 20 cm\n${block(2, 100, 90, 'c')}Q\n`,
      `q\n0 0 50 50 re\nW\nn\n${block(3, 100, 110, 'd')}Q\n`,
      `/Artifact BMC\n${block(4, 100, 130, 'e')}EMC\n`,
      block(5, 100, 150, 'f'),
      '0 0 10 10 re\nf\n',
    ].join('');
    const c = cut(stream);
    const context = contexts(c.ops, c.units, c.text);
    const of = new Map(c.units.map((u, k) => [label(c.ops, u), context[k]!]));
    expect(of.get('#1')).toBe(of.get('#0'));
    expect(of.get('#5')).toBe(of.get('#0'));
    expect(new Set(['#0', '#2', '#3', '#4'].map((l) => of.get(l))).size).toBe(4);
    // Only text blocks are placed by their state.
    expect(of.get('re f')).toBe('');
  });
});
