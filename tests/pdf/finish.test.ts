/**
 * finishPdf keeps the elements of Chromium's structure tree as Chromium wrote them (they are set aside from
 * what pdf-lib parses and written back as they were): the tree comes out the same, object for object, but
 * for what PDF/UA-1 asks of it (src/pdf/ua/structure.ts): a /Lang on elements in the other script, and the
 * marked content that became artifacts taken out (an element left with nothing goes).
 * Printed here in real Chromium (the suite's) from the suite's deck of the bundled brief, so the input is
 * Chromium's own.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFObject, PDFRawStream } from 'pdf-lib';
import type { BrowserContext } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishPdf } from '../../src/pdf/postprocess.js';
import { suiteChromium } from '../support/build.js';
import { suiteDeck } from '../support/suite.js';
import { SLUG } from './support.js';

let browser: BrowserContext;
let raw: Uint8Array;
let finished: Uint8Array;

beforeAll(async () => {
  // Only read: the page opens the deck from its folder.
  const [dir, slug] = [suiteDeck(SLUG), SLUG];
  browser = await suiteChromium();
  const page = await browser.newPage();
  await page.goto(`file://${path.join(dir, 'index.html')}?print-pdf`, { waitUntil: 'load' });
  await page.waitForSelector('html[data-mujaz-pdf-ready]');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // Every slide shown to the structure tree, as mujaz's own print does (reveal hides all but one).
  await page.evaluate(() => {
    for (const s of Array.from(document.querySelectorAll('.reveal .slides section'))) for (const a of ['hidden', 'aria-hidden']) s.removeAttribute(a);
  });
  raw = await page.pdf({ width: '1280px', height: '720px', printBackground: true, tagged: true });
  const html = await readFile(path.join(dir, 'index.html'), 'utf8');
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? slug;
  finished = await finishPdf(raw, { title, author: '', subject: '', keywords: [], lang: 'ar', dir: 'rtl', created: '2024-01-01', bookmarks: [title] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** The structure elements of a PDF, by object number, as pdf-lib writes them (ids, which finishPdf renumbers, blanked). */
async function structElements(bytes: Uint8Array): Promise<Map<string, { text: string; kids: string[]; dict: PDFDict }>> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const out = new Map<string, { text: string; kids: string[]; dict: PDFDict }>();
  for (const [ref, object] of pdf.context.enumerateIndirectObjects()) {
    const dict: PDFObject = object instanceof PDFRawStream ? object.dict : object;
    if (dict instanceof PDFDict && dict.get(PDFName.of('Type')) === PDFName.of('StructElem')) {
      const k = dict.get(PDFName.of('K'));
      const kids = (k instanceof PDFArray ? k.asArray() : k ? [k] : []).map((x) => x.toString());
      out.set(ref.toString(), { text: dict.toString().replace(/\(node\d+\)/g, '(node)'), kids, dict });
    }
  }
  return out;
}

/** An element's entries but /K and /Lang, as text. */
function rest(dict: PDFDict): string {
  return dict
    .entries()
    .filter(([key]) => key !== PDFName.of('K') && key !== PDFName.of('Lang'))
    .map(([key, value]) => `${key} ${value.toString().replace(/\(node\d+\)/g, '(node)')}`)
    .sort()
    .join('\n');
}

let before: Awaited<ReturnType<typeof structElements>>;
let after: Awaited<ReturnType<typeof structElements>>;

describe('finishPdf on a PDF Chromium printed', () => {
  it('gives back every element of the structure tree at its number, changed only as PDF/UA asks', async () => {
    before = await structElements(raw);
    after = await structElements(finished);
    expect(before.size).toBeGreaterThan(100);
    let same = 0;
    for (const [ref, element] of before) {
      const now = after.get(ref);
      if (!now) {
        // Gone only when what it held became artifacts (and elements gone with it).
        expect(
          element.kids.filter((k) => /^\d+ \d+ R$/.test(k) && after.has(k)),
          ref,
        ).toEqual([]);
        continue;
      }
      if (now.text === element.text) same++;
      // Its entries the same; its content the same less what became artifacts; a /Lang only where it had none.
      expect(rest(now.dict), ref).toBe(rest(element.dict));
      expect(
        element.kids.filter((k) => now.kids.includes(k)),
        ref,
      ).toEqual(now.kids);
      if (element.dict.has(PDFName.of('Lang')))
        expect(now.dict.get(PDFName.of('Lang'))?.toString(), ref).toBe(element.dict.get(PDFName.of('Lang'))?.toString());
      else if (now.dict.has(PDFName.of('Lang'))) expect(['(en)', '(ar)'], ref).toContain(now.dict.get(PDFName.of('Lang'))?.toString());
    }
    expect([...after.keys()].filter((ref) => !before.has(ref))).toEqual([]);
    // Most of the tree is as it was.
    expect(same / before.size).toBeGreaterThan(0.8);
  });

  it('writes the elements that hold no string, and that it leaves alone, as the bytes Chromium wrote', () => {
    const text = (b: Uint8Array) => Buffer.from(b).toString('latin1');
    const elements = [...text(raw).matchAll(/\n(\d+) (\d+) obj\n(<<\/Type \/StructElem\n[^()<>]*>>)\nendobj\n/g)]
      .filter((m) => after.get(`${m[1]} ${m[2]} R`)?.text === before.get(`${m[1]} ${m[2]} R`)?.text)
      .map((m) => m[3]!);
    expect(elements.length).toBeGreaterThan(100);
    const written = text(finished);
    expect(elements.filter((e) => !written.includes(`obj\n${e}\nendobj`))).toEqual([]);
  });
});
