/**
 * The search's matching, as the catalogue page runs it (src/catalogue/search.ts, the code its script is
 * bundled from): Arabic spelling forgiven the way the claim check forgives it, Latin accents and case, the
 * clitics; whole words before the starts of words; every word of the query in one text.
 */
import { describe, expect, it } from 'vitest';
import { isQuery, nameMatches, nameTerms, newIndex, searchIds, termsOf } from '../../src/catalogue/search.js';

const TEXTS = [
  'زار الوفد مكتبة بالإسكندرية',
  'كلمة السفيرة ليلى مصطفى',
  'مؤتمر جامعة البصرة العلمي',
  'Keynote by José Lázaro, Universidad de Chile',
  'Lazarov spoke on the Black Sea',
  'الذكاءُ الاصطناعــي في الأمن',
  'الموافقة على ١٢٫٥٪ من الميزانية',
  'لقاء مع بوتين',
];
const index = newIndex(TEXTS.map((text, id) => ({ id, terms: termsOf(text) })));

describe('searchIds', () => {
  it.each([
    ['الاسكندرية', [0], 'hamza below dropped, and the clitic بـ'],
    ['اسكندريه', [0], 'no article, ه for ة'],
    ['ليلي', [1], 'ي for ى'],
    ['السفيره', [1], 'ه for ة'],
    ['جامعة البصرة', [2], 'two words, in one text'],
    ['الذكاء الاصطناعي', [5], 'diacritics and tatweel in the text'],
    ['lazaro', [3], 'accent and case; not Lazarov, a whole word is there'],
    ['LÁZARO', [3], 'capitals with the accent'],
    ['jose lazaro', [3], 'both words'],
    ['lazar', [3, 4], 'the start of a word while one types'],
    ['بالإسك', [0], 'the start of a word with its clitics'],
    ['السفي', [1], 'the start of a word with its article'],
    ['ال', [], 'an article alone starts nothing'],
    ['بوت', [7], 'the start of a name whose first letter is also a clitic'],
    ['بوتين', [7], 'that name whole'],
    ['جامعة ال', [2], 'an article typed after a word keeps what the word found'],
    ['12.5', [6], 'a number in either digit system'],
    ['البصرة لازارو', [], 'every word must be in one text'],
    ['', [], 'nothing asked'],
  ])('%s → %j (%s)', (query, ids) => {
    expect(searchIds(index, query)).toEqual(ids);
  });

  it('gives the same answers from the index written into the page (JSON) and loaded there', async () => {
    const { loadIndex } = await import('../../src/catalogue/search.js');
    const loaded = loadIndex(JSON.stringify(index));
    for (const q of ['الاسكندرية', 'lazaro', 'lazar', 'ليلي']) expect(searchIds(loaded, q)).toEqual(searchIds(index, q));
  });
});

it('asks nothing of one letter', () => {
  expect([isQuery(''), isQuery('ا'), isQuery('ـاً'), isQuery('اب'), isQuery('jo')]).toEqual([false, false, false, true, true]);
});

describe('nameMatches (the people index)', () => {
  const terms = nameTerms(['أحمد يوسف أحمد', 'Ahmed Youssef']);
  it.each([
    ['احمد', true],
    ['يوسف', true],
    ['youssef', true],
    ['yous', true],
    ['الاح', true],
    ['محمد', false],
    ['احمد محمد', false],
  ])('%s → %s', (q, ok) => {
    expect(nameMatches(terms, q)).toBe(ok);
  });
});
