/** Bidi runs and digits: what the templates get to isolate. */
import { describe, expect, it } from 'vitest';
import { firstSentence, toRuns } from '../../src/deck/text.js';

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

describe('digits that keep their meaning', () => {
  const shown = (text: string, digits: 'arab' | 'latn') =>
    toRuns(text, 'rtl', digits)
      .map((r) => r.text)
      .join('');

  it.each([
    ['مجموعة P5+1', 'مجموعة P5+1'],
    ['جائحة COVID-19 عام 2020', 'جائحة COVID-19 عام ٢٠٢٠'],
    ['منظومة S-400 الروسية', 'منظومة S-400 الروسية'],
    ['ورق A4 وشبكات 4G', 'ورق A4 وشبكات 4G'],
    ['المعادلة x=1', 'المعادلة x=1'],
    ['نظام Windows 11 Pro', 'نظام Windows 11 Pro'],
    ['حلف NATO 2024', 'حلف NATO ٢٠٢٤'],
  ])('keeps the digits joined to Latin letters: %s', (text, expected) => {
    expect(shown(text, 'arab')).toBe(expected);
  });

  it.each([
    ['نسبة 12.5%', 'نسبة ١٢٫٥٪', 'نسبة 12.5%'],
    ['نحو 20 % من التجارة', 'نحو ٢٠ ٪ من التجارة', 'نحو 20 % من التجارة'],
    ['1,000 باحث و1,234,567.5 ريال', '١٬٠٠٠ باحث و١٬٢٣٤٬٥٦٧٫٥ ريال', '1,000 باحث و1,234,567.5 ريال'],
    ['يوم 15.3.2024 أو 2024-03-15 أو 15/3/2024', 'يوم ١٥.٣.٢٠٢٤ أو ٢٠٢٤-٠٣-١٥ أو ١٥/٣/٢٠٢٤', 'يوم 15.3.2024 أو 2024-03-15 أو 15/3/2024'],
    ['بين 2023، 2024', 'بين ٢٠٢٣، ٢٠٢٤', 'بين 2023، 2024'],
    ['نسبة ١٢٫٥٪ و١٬٠٠٠', 'نسبة ١٢٫٥٪ و١٬٠٠٠', 'نسبة 12.5% و1,000'],
  ])('writes the separators and the percent sign with the digits: %s', (text, arab, latn) => {
    expect(shown(text, 'arab')).toBe(arab);
    expect(shown(text, 'latn')).toBe(latn);
  });

  it('leaves a text alone when no digit system is asked for (a report quoted as written)', () => {
    expect(shown('نسبة 12.5% عام ٢٠٢٤', undefined as unknown as 'arab')).toBe('نسبة 12.5% عام ٢٠٢٤');
  });
});

describe('firstSentence', () => {
  it('ends at the end of a sentence, not at the stop of a title or an initial', () => {
    const note = 'The account gives no post for Mr. Khursheed Mahmud Kasuri, Dr. Hassan Askari Rizvi or Mr. Zafar Jaspal. It gives the others their posts.';
    expect(firstSentence(note, 'en')).toEqual({
      text: 'The account gives no post for Mr. Khursheed Mahmud Kasuri, Dr. Hassan Askari Rizvi or Mr. Zafar Jaspal.',
      whole: false,
    });
    expect(firstSentence('The report names H.E. Amb. Omar Hilale and J. Smith as speakers at the opening. Nothing more.', 'en').text).toBe(
      'The report names H.E. Amb. Omar Hilale and J. Smith as speakers at the opening.',
    );
    expect(firstSentence('يذكر الخبر اليومين بلا سنة، فيثبت الموجز اليوم والشهر وحدهما. ولا يقول أي الجلسات عقدت في أي يوم.', 'ar')).toEqual({
      text: 'يذكر الخبر اليومين بلا سنة، فيثبت الموجز اليوم والشهر وحدهما.',
      whole: false,
    });
    expect(firstSentence('One sentence only, long enough to be one.', 'en')).toEqual({ text: 'One sentence only, long enough to be one.', whole: true });
    // A short sentence is a first sentence too: not run on into the next, which the sources slide would cut.
    expect(firstSentence('The report gives no date. It names only the city, without the venue or any room of the meeting.', 'en').text).toBe(
      'The report gives no date.',
    );
  });
});

describe('terms of letters and figures', () => {
  it('are runs of their own that lines do not break inside ("Covid-19", "S-400"), in either direction; a range of years is not', () => {
    const en = toRuns('He spoke of Covid-19 and S-400 systems in 2023-2024.', 'ltr');
    expect(en.filter((r) => r.nobr).map((r) => r.text)).toEqual(['Covid-19', 'S-400']);
    expect(en.map((r) => r.text).join('')).toBe('He spoke of Covid-19 and S-400 systems in 2023-2024.');
    const ar = toRuns('تحدث عن Covid-19 وأنظمة S-400.', 'rtl', 'arab');
    expect(ar.filter((r) => r.nobr).map((r) => [r.text, r.isolate])).toEqual([
      ['Covid-19', true],
      ['S-400', true],
    ]);
  });
});
