/**
 * Visual regression: each slide of the bundled deck against its reference image, pixel by pixel
 * (pixelmatch), within a small tolerance for anti-aliasing. After a deliberate change to the look:
 *   npm run test:visual:update
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildOne } from '../../src/index.js';
import { bundledBrief, launchChromium, removeDir, tempDir } from '../support/build.js';

const referenceDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'reference');
const update = process.env.MUJAZ_UPDATE_VISUAL === '1';
/** Share of a slide's pixels that may differ (anti-aliasing, a Chromium patch release). */
const TOLERANCE = 0.005;

let out: string;
let deckDir: string;
let browser: Browser;
const shots: Buffer[] = [];

beforeAll(async () => {
  out = await tempDir();
  deckDir = (await buildOne(bundledBrief, { outRoot: out, pdf: false, handout: false })).dir;
  browser = await launchChromium();
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720, deviceScaleFactor: 0.5 });
  await page.goto(`${pathToFileURL(path.join(deckDir, 'index.html')).href}?transition=none&controls=false&progress=false`, { waitUntil: 'load' });
  await page.waitForSelector('html[data-mujaz-ready]');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const total = await page.evaluate(() => Reveal.getTotalSlides());
  for (let i = 0; i < total; i++) {
    await page.evaluate((n) => Reveal.slide(n), i);
    await page.waitForFunction((n) => Reveal.getIndices().h === n, {}, i);
    shots.push(Buffer.from(await page.screenshot({ type: 'png' })));
  }
  await page.close();
  if (update) {
    await rm(referenceDir, { recursive: true, force: true });
    await mkdir(referenceDir, { recursive: true });
    await Promise.all(shots.map((s, i) => writeFile(path.join(referenceDir, `slide-${String(i + 1).padStart(2, '0')}.png`), s)));
  }
});

afterAll(async () => {
  await browser?.close();
  await removeDir(out);
});

it('matches the reference image of every slide', async () => {
  expect(shots.length).toBeGreaterThan(10);
  const report: string[] = [];
  for (const [i, shot] of shots.entries()) {
    const name = `slide-${String(i + 1).padStart(2, '0')}.png`;
    const refFile = path.join(referenceDir, name);
    if (!existsSync(refFile)) {
      report.push(`${name}: no reference image (run npm run test:visual:update after checking the slide by eye)`);
      continue;
    }
    const actual = PNG.sync.read(shot);
    const expected = PNG.sync.read(await readFile(refFile));
    if (actual.width !== expected.width || actual.height !== expected.height) {
      report.push(`${name}: size ${actual.width}x${actual.height}, reference ${expected.width}x${expected.height}`);
      continue;
    }
    const diff = new PNG({ width: actual.width, height: actual.height });
    const changed = pixelmatch(actual.data, expected.data, diff.data, actual.width, actual.height, { threshold: 0.1 });
    const share = changed / (actual.width * actual.height);
    if (share > TOLERANCE) {
      const diffFile = path.join(out, `diff-${name}`);
      await writeFile(diffFile, PNG.sync.write(diff));
      report.push(`${name}: ${(share * 100).toFixed(2)}% of pixels differ (diff image: ${diffFile})`);
    }
  }
  const refs = existsSync(referenceDir) ? (await import('node:fs')).readdirSync(referenceDir).filter((f) => f.endsWith('.png')).length : 0;
  if (refs !== shots.length) report.push(`the deck has ${shots.length} slides but there are ${refs} reference images`);
  expect(report).toEqual([]);
});
