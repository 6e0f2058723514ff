/**
 * The fit stage's measurement catches what a frame's overflow does not show: a text running into another
 * box, a text across a rule, a text off the slide. Checked on a real deck laid out in Chromium (its print
 * view), with one slide's layout broken by a style rule at a time; the deck as built measures clean.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layout } from '../../src/fit/measure.js';
import { bundledBrief, suiteChromium, removeDir, tempDir } from '../support/build.js';
import { suiteDeck } from '../support/suite.js';

let out: string;
let browser: BrowserContext;
let url: string;

beforeAll(async () => {
  // The suite's deck of the bundled brief, laid out where it is (the styles below go into the page, not the
  // folder); `out` holds what the last test writes.
  out = await tempDir();
  url = `${pathToFileURL(path.join(suiteDeck('issi-russia-roundtable'), 'index.html')).href}?print-pdf`;
  browser = await suiteChromium();
});

afterAll(async () => {
  await browser?.close();
  await removeDir(out);
});

async function measured(css?: string, script?: () => void) {
  const page: Page = await browser.newPage();
  try {
    await page.setViewport({ width: 1280, height: 720 });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('html[data-mujaz-pdf-ready]');
    if (css) await page.addStyleTag({ content: css });
    if (script) await page.evaluate(script);
    return await page.evaluate(layout);
  } finally {
    await page.close();
  }
}

describe('the measurement of a laid-out slide', () => {
  it('finds nothing on the deck as built, and says how full each body is', async () => {
    const { overflows, fill } = await measured();
    expect(overflows).toEqual([]);
    expect(fill.length).toBeGreaterThan(10);
    for (const f of fill) expect(f.used).toBeLessThanOrEqual(f.room + 1);
  });

  it.each([
    ['a text pulled over the next one', '#conclusions .bullets > li:first-child { margin-block-end: -40px; }'],
    ['a text moved off the slide', '#conclusions .bullets > li:first-child { transform: translateX(1400px); }'],
    ['a box drawn over the footer', '#conclusions .bullets { position: relative; top: 420px; }'],
  ])('catches %s', async (_what, css) => {
    const { overflows } = await measured(css);
    expect(overflows.map((o) => o.id)).toEqual(['conclusions']);
    expect(overflows[0]!.by).toBeGreaterThan(1);
  });

  it('catches a rule drawn across a text', async () => {
    // The header's title set at no size, so only its rule is left, moved down through the first line of the first point.
    const { overflows } = await measured('#conclusions .slide-header h2 { font-size: 0; }', () => {
      const header = document.querySelector<HTMLElement>('#conclusions .slide-header')!;
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('#conclusions .bullets > li .item-text')!);
      const point = range.getClientRects()[0]!;
      header.style.position = 'relative';
      header.style.top = `${(point.top + point.bottom) / 2 - header.getBoundingClientRect().bottom}px`;
    });
    expect(overflows.map((o) => o.id)).toEqual(['conclusions']);
  });
});

describe('the step larger, tried in the page just measured', () => {
  it('sets the same slides larger as a second layout of the deck would, and the page it leaves prints the deck it says', async () => {
    const { Browser } = await import('../../src/browser/browser.js');
    const { loadBrief } = await import('../../src/brief/load.js');
    const { writeAssets, contentSecurityPolicy, assetsVersion } = await import('../../src/assets/assets.js');
    const { fit } = await import('../../src/fit/fit.js');
    const { measureInBrowser } = await import('../../src/fit/measure.js');
    const { printPageWriter } = await import('../../src/core/print-page.js');
    const loaded = await loadBrief(bundledBrief);
    await using chromium = await Browser.launch();
    const [csp, assets] = [await contentSecurityPolicy(), await assetsVersion()];
    const fitted = async (inPlace: boolean) => {
      const dir = path.join(out, inPlace ? 'in-place' : 'second-layout');
      await writeAssets(dir, loaded.logos);
      const measure = measureInBrowser({ browser: chromium, printPage: printPageWriter({ dir, csp, assets }) });
      // Without `larger`, the fit lays the deck with its larger slides out a second time to check them.
      const plain = Object.assign((d: Parameters<typeof measure>[0]) => measure(d), {});
      const deck = await fit(loaded, inPlace ? measure : plain);
      return { deck, dir };
    };
    const light = (d: Awaited<ReturnType<typeof fitted>>['deck']) => d.slides.filter((s) => s.larger).map((s) => s.id);
    const inPlace = await fitted(true);
    // The page it leaves shows what the deck says (its larger slides are the deck's), and knows it shows
    // the deck's print page as written.
    const state = await chromium.withPage(async (page) => ({
      larger: await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('section.slide.light')].map((s) => s.id)),
      shows: page.shows(path.join(inPlace.dir, 'print.html')),
    }));
    expect(state).toEqual({ larger: light(inPlace.deck), shows: true });
    const second = await fitted(false);
    expect(light(inPlace.deck).length).toBeGreaterThan(3);
    expect(light(inPlace.deck)).toEqual(light(second.deck));
  });
});
