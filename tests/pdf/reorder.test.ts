/**
 * The order the units are drawn in (src/pdf/reorder.ts): each line's boxes so that pdf.js reads them without
 * glue, and nothing past what it overlaps. Upper-case letters stand for Arabic ones (tests/pdf/streams.ts).
 */
import { describe, expect, it } from 'vitest';
import { reorder, splitRange } from '../../src/pdf/reorder.js';
import { contexts } from '../../src/pdf/units.js';
import { block, cut, label, marks, shown, tagged, text } from './streams.js';

/** The units of a stream, labelled, in the order they are drawn in. */
function order(stream: string, rtl = true): string[] {
  const { ops, units, text } = cut(stream);
  return reorder(units, contexts(ops, units, text), rtl).map((u) => label(ops, units[u]!));
}

describe('reorder', () => {
  it('draws a box that pdf.js would glue to the one before (its right neighbour on the line) before it', () => {
    expect(order(block(0, 200, 50, 'ABCD') + block(1, 100, 50, 'EF'))).toEqual(['#1', '#0']);
  });

  it('leaves boxes that come left to right, or on another line, as they are', () => {
    expect(order(block(0, 100, 50, 'AB') + block(1, 200, 50, 'CD'))).toEqual(['#0', '#1']);
    expect(order(block(0, 200, 50, 'AB') + block(1, 100, 80, 'CD'))).toEqual(['#0', '#1']);
  });

  it('takes each box back to the first place it reads without glue, so a line comes left to right', () => {
    expect(order(block(0, 300, 50, 'AB') + block(1, 200, 50, 'CD') + block(2, 100, 50, 'EF'))).toEqual(['#2', '#1', '#0']);
  });

  it('moves no box past one it overlaps', () => {
    // #1 ends at 150, over the start of #0 (145): its ink would be drawn under #0's, not over it.
    expect(order(block(0, 145, 50, 'ABCDEFGHIJK') + block(1, 100, 50, 'ABCDEFGHIJ'))).toEqual(['#0', '#1']);
  });

  it('takes along a fill under the box (a chip background), unless something drawn since covers the fill', () => {
    const under = '0.9 g\n98 40 20 14 re\nf\n';
    expect(order(block(0, 200, 50, 'ABCD') + under + block(1, 100, 50, 'EF'))).toEqual(['g re f', '#1', '#0']);
    const over = '115 38 10 20 re\nf\n';
    // The fill stays under what covers it, and #1 over the fill; #0, which touches neither, goes after #1.
    expect(order(block(0, 200, 50, 'ABCD') + under + over + block(1, 100, 50, 'EF'))).toEqual(['g re f', 're f', '#1', '#0']);
  });

  it('moves the lines of a paragraph as one: a box beside its last line goes before the paragraph', () => {
    const paragraph = block(0, 100, 50, 'ABCDEFGHIJKLMNOPQRST') + block(1, 150, 66, 'ABCDEFGHIJ');
    expect(order(`${paragraph}${block(2, 100, 66, 'XY')}`)).toEqual(['#2', '#0', '#1']);
  });

  it('joins a line to its paragraph only when nothing drawn since touches the line', () => {
    const paragraph = block(0, 100, 50, 'ABCDEFGHIJKLMNOPQRST');
    // The fill is drawn under the line: the line may not be drawn before it, with the paragraph's first.
    expect(order(`${paragraph}0.9 g\n100 60 10 5 re\nf\n${block(1, 100, 66, 'ABCDEFGHIJ')}`)).toEqual(['#0', 'g re f', '#1']);
  });

  it('goes on with a paragraph from the box that ends the line above as it reads: the leftmost right to left, the rightmost left to right', () => {
    const stream = block(0, 150, 50, 'ABCDEFGHIJ') + block(1, 100, 50, 'ABCDEFGH') + block(2, 100, 66, 'ABCDEFGHIJKLMNOPQRST');
    expect(order(stream, true)).toEqual(['#1', '#2', '#0']);
    expect(order(stream, false)).toEqual(['#0', '#2', '#1']);
  });

  it('draws a row of chips, each in its own q…Q, after its last chip, where the graphics state is the same', () => {
    const chips = (between: string, second = '') => `q\n${block(0, 200, 50, 'AB')}Q\n${between}q\n${second}${block(1, 100, 50, 'CD')}Q\n`;
    expect(order(chips(''))).toEqual(['q', 'Q q', '#1', '#0', 'Q']);
    // Not past an image (what it covers is not known), nor into another graphics state.
    expect(order(chips('/Im0 Do\n'))).toEqual(['q', '#0', 'Q Do q', '#1', 'Q']);
    expect(order(chips('', '1 0 0 1 0 0 cm\n'))).toEqual(['q', '#0', 'Q q cm', '#1', 'Q']);
    // Nor when the chips' ink touches: #1, ending half a unit past #0's start, would be drawn over #0.
    const overlapping = `q\n${block(0, 145, 50, 'ABCDEFGHIJK')}Q\nq\n${block(1, 95.5, 50, 'ABCDEFGHIJ')}Q\n`;
    expect(order(overlapping)).toEqual(['q', '#0', 'Q q', '#1', 'Q']);
  });
});

describe('splitRange', () => {
  /** A line's text objects ([x, glyphs]; a string is written between them as it is) in one block, after splitRange. */
  const split = (...parts: ([number, string] | string)[]) => {
    const { ops, units } = cut(tagged(0, ...parts.map((p) => (typeof p === 'string' ? p : text(p[0], 50, p[1])))));
    const unit = units[0]!;
    splitRange(unit, ops, marks);
    const read = unit.ops.flatMap((i) => (ops[i]!.op === 'Tj' ? [shown(ops[i]!)] : [])).join('');
    return { read, unit, ops };
  };

  it('draws a range of numbers right part first, then the dash, then the left part, each text object whole', () => {
    // «AB ٩–١٢» is drawn left to right as four objects, one a bidi run: «12», «–», «9», « AB».
    const { read, unit, ops } = split([100, '12'], [110, '–'], [115, '9'], [120, ' AB']);
    expect(read).toBe('9 AB–12');
    // Each object's operators, BT to ET.
    const objects = ops
      .flatMap((op, i) => (op.op === 'BT' ? [i] : []))
      .map((bt) => {
        const et = ops.findIndex((op, i) => i > bt && op.op === 'ET');
        return ops.slice(bt, et + 1).map((_, k) => bt + k);
      });
    expect(unit.ops).toEqual([0, ...objects[2]!, ...objects[3]!, ...objects[1]!, ...objects[0]!, ops.length - 1]);
    // pdf.js now starts reading at «9» and ends after «2».
    expect(unit.text!.start).toEqual({ x: 115, y: 50, size: 10 });
    expect(unit.text!.end).toEqual({ x: 110, y: 50, size: 10 });
  });

  it.each([
    ['with no number left of the dash', [100, 'AB'], [110, '–'], [115, '9'], [120, ' AB']],
    ['with a dash of two glyphs', [100, '12'], [110, '––'], [120, '9'], [125, ' AB']],
    ['drawn right to left', [125, '12'], [120, '–'], [115, '9'], [100, ' AB']],
    ['with a colour set between its objects', [100, '12'], '1 0 0 rg\n', [110, '–'], [115, '9'], [120, ' AB']],
    ['of two objects', [100, '12'], [110, '–9 AB']],
  ] as [string, ...([number, string] | string)[]][])('leaves a line %s as drawn', (_, ...parts) => {
    const { read, unit, ops } = split(...parts);
    expect(read).toBe(parts.map((p) => (typeof p === 'string' ? '' : p[1])).join(''));
    expect(unit.ops).toEqual(ops.map((_, i) => i));
  });
});
