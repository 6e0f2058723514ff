/**
 * A citation follows its text on the text's last line: never alone on a line of its own under a full line,
 * which reads as a stray number and costs the slide a line. The slides set their paragraphs and items with
 * `text-wrap: pretty` (templates/theme/mujaz.css), which brings a word down with it. Checked on every suite
 * deck as Chromium lays it out for print.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suiteChromium } from '../support/build.js';
import { suiteDeck, suiteSlugs } from '../support/suite.js';

let browser: BrowserContext;
let slugs: string[];

beforeAll(async () => {
  browser = await suiteChromium();
  slugs = await suiteSlugs();
});

afterAll(async () => {
  await browser?.close();
});

/**
 * Runs in the page: each citation set in the run of its text (not a card's or a person's line, where it
 * has a place of its own) that sits on a line below everything before it in its paragraph or item.
 */
function lonelyCitations(): string[] {
  const out: string[] = [];
  for (const cite of Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides .slide-body .cite'))) {
    const block = cite.parentElement;
    if (!block || getComputedStyle(cite).display !== 'inline' || !['LI', 'P'].includes(block.tagName)) continue;
    const range = document.createRange();
    range.setStart(block, 0);
    range.setEndBefore(cite);
    if (!range.toString().trim()) continue;
    const lines = Array.from(range.getClientRects()).filter((r) => r.width > 0);
    const last = lines[lines.length - 1];
    if (!last) continue;
    // On the line of what comes before it, the citation's box (smaller type) lies within that line's box.
    if (cite.getBoundingClientRect().top >= last.bottom - 2)
      out.push(`${cite.closest('section')?.id}: «${range.toString().trim().slice(-40)}» / ${cite.textContent}`);
  }
  return out;
}

/** Runs in the page: each term kept whole ("Covid-19", src/deck/text.ts) that is set on two lines. */
function brokenTerms(): string[] {
  return Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides .nobr'))
    .filter((e) => e.getClientRects().length > 1)
    .map((e) => `${e.closest('section')?.id}: ${e.textContent}`);
}

describe('citations', () => {
  it('are never alone on a line under their text, nor a hyphened term on two lines, on any slide of any suite deck', async () => {
    const found: string[] = [];
    const broken: string[] = [];
    let terms = 0;
    for (const slug of slugs) {
      const page = await browser.newPage();
      try {
        await page.setViewport({ width: 1280, height: 720 });
        await page.goto(`${pathToFileURL(path.join(suiteDeck(slug), 'index.html')).href}?print-pdf`, { waitUntil: 'load' });
        await page.waitForSelector('html[data-mujaz-pdf-ready]');
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        found.push(...(await page.evaluate(lonelyCitations)).map((f) => `${slug} ${f}`));
        broken.push(...(await page.evaluate(brokenTerms)).map((f) => `${slug} ${f}`));
        terms += await page.evaluate(() => document.querySelectorAll('.reveal .slides .nobr').length);
      } finally {
        await page.close();
      }
    }
    expect(slugs.length).toBeGreaterThan(10);
    expect(found).toEqual([]);
    // And a term of letters and figures ("Covid-19" in the IICR deck) is never split after its hyphen.
    expect(terms).toBeGreaterThan(0);
    expect(broken).toEqual([]);
  });
});
