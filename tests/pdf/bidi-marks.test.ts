/**
 * Where the right-to-left marks go for poppler (src/pdf/bidi-marks.ts). Lines are written as drawn, left to right,
 * an upper-case letter for an Arabic one (tests/pdf/streams.ts); | shows where a mark is written.
 */
import { describe, expect, it } from 'vitest';
import { bidiMarks, type Marks } from '../../src/pdf/bidi-marks.js';
import { contexts } from '../../src/pdf/units.js';
import { block, cut, marks, shown } from './streams.js';

/** The glyphs of a stream in the order drawn, with | before each Tj that a mark is written before. */
function marked(stream: string, given: Marks = marks): string {
  const { ops, units, text } = cut(stream);
  const inserts = bidiMarks(units, given, contexts(ops, units, text));
  return ops.map((op, i) => (inserts.has(i) ? '|' : '') + (op.op === 'Tj' ? shown(op) : '')).join('');
}

const line = (runs: string | string[]) => marked(block(0, 100, 50, runs));

describe('bidiMarks', () => {
  it('ends a number between Arabic words with a mark at its left edge, written as the invisible glyph shown alone', () => {
    expect(line('AB 12 CDE')).toBe('AB |12 CDE');
    const { ops, units, text } = cut(block(0, 100, 50, 'AB 12 CDE'));
    const inserts = bidiMarks(units, marks, contexts(ops, units, text));
    expect([...inserts.keys()].map((i) => shown(ops[i]!))).toEqual(['1']);
    expect(Buffer.from([...inserts.values()][0]!).toString('latin1')).toBe('<200f> Tj\n');
  });

  it('writes none on a line with no Arabic', () => {
    expect(line('ab 12 cd')).toBe('ab 12 cd');
  });

  it('takes Latin words with the spaces between them as one stretch, and a number with one separator inside', () => {
    expect(line('AB abc def CD')).toBe('AB |abc def CD');
    expect(line('AB 12.5 CD')).toBe('AB |12.5 CD');
    expect(line('AB 1 2 CD')).toBe('AB |1 |2 CD');
  });

  it('puts the mark of a list item before the separator that ends it («١، ٢، ٤» is drawn «4 ،2 ،1»)', () => {
    expect(line('ABC 4 ,2 ,1 DE')).toBe('ABC |4 |,2 |,1 DE');
  });

  it('writes none where punctuation touches the number on its right, and one between the number and what touches its left', () => {
    expect(line('AB 12% CD')).toBe('AB 12% CD');
    expect(line('AB %12 CD')).toBe('AB %|12 CD');
  });

  it("ends a range's left part too, before the words that go on left of it («٢–٤ نوفمبر» is drawn «CD 4–2»)", () => {
    // Without it, poppler took the space before «٤» along: «٢– ٤نوفمبر» (NAUSS's title slide).
    expect(line('CD 4–2 AB')).toBe('CD |4–|2 AB');
  });

  it('writes a mark only before the first glyph of a Tj', () => {
    expect(line(['AB ', '12', ' CD'])).toBe('AB |12 CD');
    expect(line(['AB 12', ' CD'])).toBe('AB 12 CD');
  });

  it('reads a line across the boxes drawn in one graphics state, and not across states', () => {
    expect(marked(block(0, 100, 50, 'AB ') + block(1, 112.5, 50, '12'))).toBe('AB |12');
    expect(marked(`${block(0, 100, 50, 'AB ')}q\n1 0 0 1 0 0 cm\n${block(1, 112.5, 50, '12')}Q\n`)).toBe('AB 12');
  });

  it('ends a stretch where a gap between two boxes is as wide as a space', () => {
    const boxes = (gap: number) =>
      block(0, 80, 50, 'CD') + block(1, 90 + gap, 50, '12') + block(2, 100 + 2 * gap, 50, '34') + block(3, 110 + 3 * gap, 50, 'AB');
    expect(marked(boxes(5))).toBe('CD|12|34AB');
    expect(marked(boxes(0))).toBe('CD|1234AB');
  });

  it('writes none in a font with no glyph to spare for the mark', () => {
    expect(marked(block(0, 100, 50, 'AB 12 CDE'), { ...marks, rlm: () => undefined })).toBe('AB 12 CDE');
  });
});
