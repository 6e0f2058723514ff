/**
 * Issue 26: every letter of the Latin script, and every mark on one, is Latin (src/latin.ts), in the deck's
 * isolated runs, in the render stage's check, in the PDF's text order and in the PowerPoint's language tags.
 * Before, any letter outside ASCII ended a Latin run: «Aroldo Lázaro» inside an Arabic line was isolated as
 * `<bdi>Aroldo L</bdi>á<bdi>zaro</bdi>` and drawn «zaroáAroldo L» on the slide, in the PDF and in the handout,
 * and the PowerPoint tagged «á» as Arabic.
 *
 * Real names from several languages (Spanish, Serbian, Vietnamese, German, Irish, French, Polish, Danish,
 * Portuguese), each in a line of Arabic, built once as a deck with its PDF and PowerPoint. «Trần» is written
 * twice: composed (U+1EA7) and decomposed (a, U+0302, U+0300), as a report may write it.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toRuns } from '../../src/deck/text.js';
import { unisolatedLatin } from '../../src/render/isolation.js';
import { removeDir, suiteChromium, tempDir } from '../support/build.js';
import { decodeEntities } from '../pdf/support.js';
import { READERS, readAll, type Texts } from '../pdf/readers.js';
import { readPptx } from '../pptx/support.js';

const NAMES = [
  'Aroldo Lázaro',
  'Đorđe Đorđević',
  'Trần Văn Giàu',
  'Tra\u0302\u0300n Hưng Đạo',
  'Kurt Gödel',
  'Ramón y Cajal',
  "Seán O'Neill",
  'Jean-Luc Godard',
  'Zofia Łukasiewicz',
  'Søren Kierkegaard',
  'João Guimarães Rosa',
];

/** Words with marks (harakat, shadda, tanween) drawn as glyphs of their own, in the title (bold) and in a line. */
const MARKED = ['مُعلن', 'عُقدت', 'صباحًا', 'تمكّن', 'يُنتظر', 'وعلّق'];

/** Each name in a sentence of its own, as a theme of the event (one line each on the slide); then the marked words. */
const SENTENCES = [...NAMES.map((name, i) => `${['محاضرة', 'حديث', 'كلمة'][i % 3]} ${name} عن أعماله`), MARKED.join(' ')];

/** Text as Unicode compares it (composed), without the bidi marks a reader may add, white space as one space. */
const plain = (text: string) =>
  text
    .normalize('NFC')
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ');

describe('a Latin run is every letter of the Latin script and its marks (src/latin.ts)', () => {
  it.each(NAMES)('«%s» inside an Arabic line is one isolated run, in English', (name) => {
    const runs = toRuns(`قال ${name} إن`, 'rtl');
    expect(runs.map((r) => [r.text, r.isolate, r.lang])).toEqual([
      ['قال ', false, 'ar'],
      [name, true, 'en'],
      [' إن', false, 'ar'],
    ]);
  });

  it('keeps what a Latin run always held: acronyms in brackets, numbers joined to letters, URLs', () => {
    const isolated = (text: string) =>
      toRuns(text, 'rtl')
        .filter((r) => r.isolate && r.lang === 'en')
        .map((r) => r.text);
    expect(isolated('الذكاء الاصطناعي (AI) في حلف NATO عام ٢٠٢٤')).toEqual(['(AI)', 'NATO']);
    expect(isolated('مجموعة P5+1 وفيروس COVID-19 والمنظومة S-400')).toEqual(['P5+1', 'COVID-19', 'S-400']);
    expect(isolated('عن https://www.example.org/a_b.html وغيره')).toEqual(['https://www.example.org/a_b.html']);
  });

  it('the render stage finds Latin left unisolated whatever its letters, ASCII or not', () => {
    // «Å», a village in Norway, has no letter of ASCII.
    expect(unisolatedLatin('<p>زار الوفد قرية Å في النرويج</p>')).toEqual(['زار الوفد قرية Å في النرويج']);
    expect(unisolatedLatin('<p>زار الوفد قرية <bdi lang="en">Å</bdi> في النرويج</p>')).toEqual([]);
  });
});

describe('names from several languages in an Arabic deck: the slide, the PDF in three readers, the PowerPoint', () => {
  let out: string;
  let deck: string;
  let html: string;
  let texts: Texts;

  beforeAll(async () => {
    out = await tempDir('mujaz-latin-names-');
    await mkdir(path.join(out, 'sources'));
    const report = SENTENCES.map((s, i) => `[${i + 1}] ${s}.`).join('\n');
    await writeFile(path.join(out, 'sources', 'names.ar.txt'), `${report}\n`);
    const themes = SENTENCES.map((s, i) => `    - { text: "${s.replace(/"/g, '\\"')}", sources: [${i + 1}] }`).join('\n');
    const brief = [
      'slug: latin-names',
      'title: ندوة مُعلن عنها حول أعمال كتاب وعلماء من لغات عدة',
      'source:',
      '  title: ملخص داخلي للندوة',
      '  file: sources/names.ar.txt',
      'event:',
      '  kind: ندوة',
      `  summary: "ندوة تحدث فيها ${NAMES[0]} و${NAMES[1]} عن أعمالهما."`,
      '  date: unknown',
      '  host:',
      '    institution: مركز الدراسات التجريبي',
      '  themes:',
      themes,
      '  sources: [1, 2]',
      '',
    ].join('\n');
    const file = path.join(out, 'latin-names.yaml');
    await writeFile(file, brief);
    const { Core } = await import('../../src/core/core.js');
    const { silentReporter } = await import('../../src/reporter.js');
    await using core = new Core({ reporter: silentReporter, signal: new AbortController().signal });
    const [outcome] = await core.build([file], { outRoot: path.join(out, 'decks'), jobs: 1, pdf: true, pptx: true });
    if (outcome?.error) throw new Error(outcome.error.message);
    deck = path.join(out, 'decks', 'latin-names');
    html = await readFile(path.join(deck, 'index.html'), 'utf8');
    texts = await readAll(path.join(deck, 'latin-names.pdf'));
  }, 120_000);

  afterAll(async () => {
    if (out) await removeDir(out);
  });

  it('the deck isolates each name whole, and leaves no Latin unisolated', () => {
    const isolated = [...html.matchAll(/<bdi lang="en" dir="ltr">([^<]*)<\/bdi>/g)].map((m) => decodeEntities(m[1]!));
    for (const name of NAMES) expect(isolated, name).toContain(name);
    expect(unisolatedLatin(html)).toEqual([]);
  });

  it('on the slide, each name is drawn left to right on one line, letter after letter (Chromium)', async () => {
    const browser = await suiteChromium();
    try {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 720 });
      await page.goto(`file://${path.join(deck, 'index.html')}?print-pdf`, { waitUntil: 'load' });
      await page.waitForSelector('.pdf-page');
      await page.evaluate(() => document.fonts.ready);
      const drawn = await page.evaluate((names: string[]) => {
        const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
        return names.map((name) => {
          const bdi = [...document.querySelectorAll('bdi')].find((b) => b.textContent === name);
          const node = bdi?.firstChild;
          if (!bdi || !node) return { name, found: false, direction: '', lefts: [] as number[], tops: [] as number[] };
          const lefts: number[] = [];
          const tops: number[] = [];
          for (const { segment, index } of segmenter.segment(name)) {
            if (segment.trim() === '') continue;
            const range = document.createRange();
            range.setStart(node, index);
            range.setEnd(node, index + segment.length);
            const rect = range.getBoundingClientRect();
            lefts.push(rect.left);
            tops.push(Math.round(rect.top));
          }
          return { name, found: true, direction: getComputedStyle(bdi).direction, lefts, tops };
        });
      }, NAMES);
      for (const d of drawn) {
        expect(d.found, d.name).toBe(true);
        expect(d.direction, d.name).toBe('ltr');
        expect(new Set(d.tops).size, `${d.name}: on one line`).toBe(1);
        // Each letter (with its marks) right of the one before: the name reads left to right, in one piece.
        expect(
          d.lefts.every((x, i) => i === 0 || x > d.lefts[i - 1]!),
          `${d.name}: ${d.lefts.map((x) => x.toFixed(1)).join(' ')}`,
        ).toBe(true);
      }
      await page.close();
    } finally {
      await browser.close();
    }
  });

  it('the PDF gives each name back whole in poppler and pdf.js, and each of its words whole in PDFium', () => {
    const lost: string[] = [];
    for (const reader of READERS) {
      const text = plain(reader === 'pdf.js' ? texts.pdfjsTight : texts[reader]);
      for (const name of NAMES.map(plain)) {
        // PDFium reads a line of a right-to-left document with the words of a left-to-right phrase in it in
        // reverse order («Lázaro Aroldo», «Neill'O»: its bidi takes each space or apostrophe for a run of its
        // own, core/fxcrt/fx_bidi.cpp), as it did before; every word is whole, every letter with its marks.
        const wanted = reader === 'PDFium' ? (name.match(/[\p{L}\p{M}]+/gu) ?? []) : [name];
        for (const w of wanted)
          if (!new RegExp(`(^|[^\\p{L}\\p{M}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{M}])`, 'u').test(text)) lost.push(`${reader}: ${w}`);
      }
    }
    expect(lost).toEqual([]);
  });

  it('a mark stays with its letter: pdf.js gives each marked word whole, poppler whole and unmarked', () => {
    // poppler read a mark drawn as a glyph of its own as a word of its own («م ُعلن»); it now has no text for it.
    const unmarked = (w: string) => w.replace(/[\u064B-\u065F\u0670]/g, '');
    const poppler = plain(texts.poppler);
    const pdfjs = plain(texts.pdfjsTight);
    expect([...poppler.matchAll(/(?:^|\s)[\u064B-\u065F\u0670]/gmu)]).toEqual([]);
    expect(MARKED.filter((w) => !poppler.includes(unmarked(w)))).toEqual([]);
    expect(MARKED.filter((w) => !pdfjs.includes(w.normalize('NFC')))).toEqual([]);
  });

  it('the PowerPoint tags each name, whole, as English, and no Latin letter of a name as Arabic', async () => {
    const pptx = readPptx(await readFile(path.join(deck, 'latin-names.pptx')));
    const runs = pptx.slides.flatMap((s) => s.paragraphs.flatMap((p) => p.runs));
    for (const name of NAMES) {
      const holding = runs.filter((r) => plain(r.text).includes(plain(name)));
      expect(holding.length, name).toBeGreaterThan(0);
      for (const r of holding) expect([name, r.lang], name).toEqual([name, 'en-US']);
    }
    const latinInArabic = runs.filter((r) => r.lang === 'ar-SA' && /\p{Script=Latin}/u.test(r.text)).map((r) => r.text);
    expect(latinInArabic).toEqual([]);
  });
});
