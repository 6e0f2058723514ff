/**
 * axe-core on every slide of the bundled deck (the suite's, as `mujaz build` fitted it), in real Chromium
 * (the suite's): no serious or critical violation.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { suiteChromium } from '../support/build.js';
import { suiteDeck } from '../support/suite.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** Only read: the page opens it, and axe is injected into the page, not written into the deck. */
let deckDir: string;
let browser: BrowserContext;

beforeAll(async () => {
  deckDir = suiteDeck('issi-russia-roundtable');
  browser = await suiteChromium();
});

afterAll(async () => {
  await browser?.close();
});

interface Violation {
  slide: number;
  id: string;
  impact: string | null;
  nodes: string[];
}

it('has no serious or critical axe violation on any slide', async () => {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  // The deck's CSP rightly refuses injected scripts; the test lifts it to inject axe itself.
  await page.setBypassCSP(true);
  await page.goto(pathToFileURL(path.join(deckDir, 'index.html')).href, { waitUntil: 'load' });
  await page.waitForSelector('html[data-mujaz-ready]');
  await page.addScriptTag({ path: axePath });
  const total = await page.evaluate(() => Reveal.getTotalSlides());
  expect(total).toBeGreaterThan(10);
  const found: Violation[] = [];
  for (let i = 0; i < total; i++) {
    await page.evaluate((n) => Reveal.slide(n), i);
    await page.waitForFunction((n) => Reveal.getIndices().h === n && !document.querySelector('.slides section.present')?.matches('.past, .future'), {}, i);
    // The fade ended (axe measures contrast on what is painted): the slide's and its background's fades, the
    // progress bar and the controls (0.2–0.8 s of CSS transitions) are taken to their end at once, as if
    // waited for, and then no transition or animation is running.
    await page.evaluate(() => {
      for (const a of document.getAnimations()) if (a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Number.POSITIVE_INFINITY) a.finish();
    });
    await page.waitForFunction(() =>
      document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Number.POSITIVE_INFINITY),
    );
    const violations = await page.evaluate(async () => {
      const result = await (
        window as unknown as {
          axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> };
        }
      ).axe.run(document, {
        resultTypes: ['violations'],
      });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
    });
    for (const v of violations) found.push({ slide: i + 1, ...v });
  }
  const serious = found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious).toEqual([]);
  await page.close();
});
