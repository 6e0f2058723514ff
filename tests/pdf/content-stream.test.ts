/** The content-stream reader: every operand syntax, byte ranges that cut cleanly, and what it refuses. */
import { describe, expect, it } from 'vitest';
import { InlineImageError, type Operand, parseContentStream } from '../../src/pdf/content-stream.js';

const parse = (text: string) => parseContentStream(Buffer.from(text, 'latin1'));
const bytes = (o: Operand | undefined) => (o instanceof Uint8Array ? Buffer.from(o).toString('latin1') : undefined);

describe('parseContentStream', () => {
  it('reads each operator with its operands and the bytes it spans', () => {
    const text = 'q 1 0 0 -1 782.10938 152 cm\n/F5 34 Tf\n23.357941 0 Td <0052> Tj Q';
    const ops = parse(text);
    expect(ops.map((o) => o.op)).toEqual(['q', 'cm', 'Tf', 'Td', 'Tj', 'Q']);
    expect(ops[1]!.operands).toEqual([1, 0, 0, -1, 782.10938, 152]);
    expect(ops[2]!.operands).toEqual([{ name: 'F5' }, 34]);
    expect(bytes(ops[4]!.operands[0])).toBe('\u0000\u0052');
    // Each range starts at the first operand and ends after the operator: cutting one leaves the others whole.
    expect(ops.map((o) => text.slice(o.start, o.end))).toEqual(['q', '1 0 0 -1 782.10938 152 cm', '/F5 34 Tf', '23.357941 0 Td', '<0052> Tj', 'Q']);
  });

  it('reads numbers of every form as Number() does', () => {
    const ops = parse('.5 -3. +2 -.25 0.000001 123456.789 0 d0');
    const read = ops[0]!.operands as number[];
    ['.5', '-3.', '+2', '-.25', '0.000001', '123456.789', '0'].forEach((w, k) => expect(read[k]).toBeCloseTo(Number(w), 12));
  });

  it('reads literal strings with escapes, octal codes, nested parentheses and line continuations', () => {
    const ops = parse('(a\\(b\\)c \\n\\t\\\\ \\101\\60x (nested) \\\nend) Tj');
    expect(bytes(ops[0]!.operands[0])).toBe('a(b)c \n\t\\ A0x (nested) end');
  });

  it('reads hex strings with white space inside and an odd last digit', () => {
    const ops = parse('<00 5 2 0> Tj <41 4> Tj <> Tj');
    expect(bytes(ops[0]!.operands[0])).toBe('\u0000\u0052\u0000');
    expect(bytes(ops[1]!.operands[0])).toBe('A@');
    expect(bytes(ops[2]!.operands[0])).toBe('');
  });

  it('reads names with #-escapes, arrays, dictionaries, booleans and null, and skips comments', () => {
    const ops = parse('/Span <</ActualText (x) /MCID 3 /K [1 [2 /A#20B] <</In true>>] /N null>> BDC % a comment\n[(a) -120 <0001>] TJ EMC');
    expect(ops.map((o) => o.op)).toEqual(['BDC', 'TJ', 'EMC']);
    const [tag, props] = ops[0]!.operands;
    expect(tag).toEqual({ name: 'Span' });
    const dict = (props as { dict: Map<string, Operand> }).dict;
    expect([...dict.keys()]).toEqual(['ActualText', 'MCID', 'K', 'N']);
    expect(dict.get('MCID')).toBe(3);
    expect(dict.get('K')).toEqual([1, [2, { name: 'A B' }], { dict: new Map([['In', true]]) }]);
    expect(dict.get('N')).toBeNull();
    const array = ops[1]!.operands[0] as Operand[];
    expect(array.map((o) => (typeof o === 'number' ? o : bytes(o)))).toEqual(['a', -120, '\u0000\u0001']);
  });

  it('stops at an inline image, whose bytes it cannot skip safely', () => {
    expect(() => parse('q BI /W 1 /H 1 ID \u0000 EI Q')).toThrow(InlineImageError);
  });

  it.each([
    ['an unterminated string', '(abc Tj'],
    ['an operator inside an array', '[1 Td] TJ'],
    ['a dictionary key that is not a name', '/P <<1 2>> BDC'],
    ['a dictionary left open', '/P <</MCID 1 BDC'],
    ['an array left open', '[1 2'],
    ['a closing bracket with nothing open', '] Tj'],
    ['a stray delimiter', ') Tj'],
    ['operands with no operator', '1 0 0'],
  ])('refuses %s', (_, text) => {
    expect(() => parse(text)).toThrow(Error);
    expect(() => parse(text)).not.toThrow(InlineImageError);
  });
});
