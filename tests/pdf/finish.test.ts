/**
 * finishPdf keeps the elements of Chromium's structure tree as Chromium wrote them (they are set aside from
 * what pdf-lib parses and written back as they were): the tree comes out the same, object for object.
 * Printed here in real Chromium (the suite's) from the suite's deck of the bundled brief, so the input is
 * Chromium's own.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName, type PDFObject, PDFRawStream } from 'pdf-lib';
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
async function structElements(bytes: Uint8Array): Promise<Map<string, string>> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const out = new Map<string, string>();
  for (const [ref, object] of pdf.context.enumerateIndirectObjects()) {
    const dict: PDFObject = object instanceof PDFRawStream ? object.dict : object;
    if (dict instanceof PDFDict && dict.get(PDFName.of('Type')) === PDFName.of('StructElem'))
      out.set(ref.toString(), dict.toString().replace(/\(node\d+\)/g, '(node)'));
  }
  return out;
}

describe('finishPdf on a PDF Chromium printed', () => {
  it('gives back every element of the structure tree unchanged, at its number', async () => {
    const before = await structElements(raw);
    const after = await structElements(finished);
    expect(before.size).toBeGreaterThan(100);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [ref, element] of before) expect(after.get(ref), ref).toBe(element);
  });

  it('writes the elements that hold no string as the bytes Chromium wrote', () => {
    const text = (b: Uint8Array) => Buffer.from(b).toString('latin1');
    const elements = [...text(raw).matchAll(/\n\d+ \d+ obj\n(<<\/Type \/StructElem\n[^()<>]*>>)\nendobj\n/g)].map((m) => m[1]!);
    expect(elements.length).toBeGreaterThan(100);
    const written = text(finished);
    expect(elements.filter((e) => !written.includes(`obj\n${e}\nendobj`))).toEqual([]);
  });
});
