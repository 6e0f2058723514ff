/** axe-core on every slide of the bundled deck, in real Chromium: no serious or critical violation. */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildOne } from '../../src/index.js';
import { bundledBrief, suiteChromium, removeDir, tempDir } from '../support/build.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let out: string;
let deckDir: string;
let browser: BrowserContext;

beforeAll(async () => {
  out = await tempDir();
  deckDir = (await buildOne(bundledBrief, { outRoot: out, pdf: false, handout: false })).dir;
  browser = await suiteChromium();
});

afterAll(async () => {
  await browser?.close();
  await removeDir(out);
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
    await new Promise((r) => setTimeout(r, 850)); // let the fade end: axe measures contrast on what is painted
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
