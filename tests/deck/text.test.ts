/** Bidi runs and digits: what the templates get to isolate. */
import { describe, expect, it } from 'vitest';
import { toRuns } from '../../src/deck/text.js';

const isolated = (text: string, dir: 'rtl' | 'ltr' = 'rtl', digits?: 'arab' | 'latn') =>
  toRuns(text, dir, digits)
    .filter((r) => r.isolate)
    .map((r) => `${r.text}|${r.dir}|${r.lang}`);

describe('toRuns', () => {
  it.each([
    ['الذكاء الاصطناعي (AI) والحرب', ['(AI)|ltr|en']],
    ['معهد ISSI في إسلام آباد', ['ISSI|ltr|en']],
    ['منظومة S-400 الروسية', ['S-400|ltr|en']],
    ['Hypersonic weapons', ['Hypersonic weapons|ltr|en']],
    ['قال (مثلا) ذلك', []],
    ['نص عربي فقط', []],
  ])('isolates the Latin runs of %s', (text, expected) => {
    expect(isolated(text)).toEqual(expected);
  });

  it('keeps the text whole: runs join back to the input', () => {
    const text = 'عقد مركز ACDC في ISSI جلسة (AI) حول 10/12 بندا';
    expect(
      toRuns(text, 'rtl')
        .map((r) => r.text)
        .join(''),
    ).toBe(text);
  });

  it("writes the deck's digits in one system and isolates numbers with punctuation", () => {
    const runs = toRuns('عام 2024 والفترة 10/12 ومنظومة S-400', 'rtl', 'arab');
    expect(runs.map((r) => r.text).join('')).toBe('عام ٢٠٢٤ والفترة ١٠/١٢ ومنظومة S-400');
    expect(runs.filter((r) => r.isolate).map((r) => [r.text, r.dir])).toEqual([
      ['١٠/١٢', 'ltr'],
      ['S-400', 'ltr'],
    ]);
    expect(
      toRuns('عام ٢٠٢٤', 'rtl', 'latn')
        .map((r) => r.text)
        .join(''),
    ).toBe('عام 2024');
  });

  it('isolates Arabic runs in a left-to-right deck', () => {
    expect(isolated('The Institute (معهد الدراسات) hosted it', 'ltr')).toEqual(['معهد الدراسات|rtl|ar']);
  });
});
