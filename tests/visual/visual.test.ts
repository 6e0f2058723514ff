/**
 * Visual regression: each slide of the bundled deck, of every fixture brief (Arabic and English, the
 * branded ones among them) against its reference image, pixel by pixel (pixelmatch), within a small
 * tolerance for anti-aliasing. The decks are the suite's, built by `mujaz build` (fitted in Chromium,
 * tests/support/global-setup.ts), and shown in reveal.js as a presenter sees them, in the suite's Chromium.
 * After a deliberate change to the look, look at the slides, then:
 *   npm run test:visual:update
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { BrowserContext } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledBrief, suiteChromium, removeDir, repoRoot, tempDir } from '../support/build.js';
import { suiteDeck } from '../support/suite.js';
import { suiteSlugsOf } from '../support/suite-outputs.js';

const referenceRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), 'reference');
const update = process.env.MUJAZ_UPDATE_VISUAL === '1';
/** Share of a slide's pixels that may differ (anti-aliasing, a Chromium patch release). */
const TOLERANCE = 0.005;

const fixtures = path.join(repoRoot, 'tests', 'deck', 'briefs');
const decks = [
  { file: bundledBrief, slug: 'issi-russia-roundtable' },
  { file: path.join(fixtures, 'minimal.yaml'), slug: 'minimal-brief' },
  // Branded: the house theme (tests/deck/briefs/themes/house.yaml).
  { file: path.join(fixtures, 'gulf-workshop.yaml'), slug: 'gulf-maritime-workshop' },
  // Branded: the Chatham House Rule theme, left to right.
  { file: path.join(fixtures, 'english.yaml'), slug: 'english-brief' },
  { file: path.join(fixtures, 'aapso-arab-committees-conference.yaml'), slug: 'aapso-arab-committees-conference' },
  { file: path.join(fixtures, 'ids-nato-istanbul-initiative.yaml'), slug: 'ids-nato-istanbul-initiative' },
  { file: path.join(fixtures, 'oic-unog-islamophobia-day-geneva.yaml'), slug: 'oic-unog-islamophobia-day-geneva' },
  // A Hijri date and a range of days in figures on the title slide, few participants on the overview.
  { file: path.join(fixtures, 'nauss-counterterrorism-symposium-riyadh.yaml'), slug: 'nauss-counterterrorism-symposium-riyadh' },
  // An English programme with a keynote, chaired sessions and a remark's occasion chip.
  { file: path.join(fixtures, 'lahore-school-social-sciences-conference-2015.yaml'), slug: 'lahore-school-social-sciences-conference-2015' },
  // A host the report does not name, a weekday for a date, two speakers sharing a slide.
  { file: path.join(fixtures, 'luxor-arab-youth-forum-opening.yaml'), slug: 'luxor-arab-youth-forum-opening' },
];

/** Where the pictures of the differences are written (only when a slide differs). */
let out: string;
let browser: BrowserContext;
const shots = new Map<string, Buffer[]>();

beforeAll(async () => {
  out = await tempDir('mujaz-visual-');
  // The suite built each of these briefs, into the deck named here.
  expect(await suiteSlugsOf(decks.map((d) => d.file))).toEqual(decks.map((d) => d.slug));
  browser = await suiteChromium();
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720, deviceScaleFactor: 0.5 });
  for (const { slug } of decks) {
    const list: Buffer[] = [];
    await page.goto(`${pathToFileURL(path.join(suiteDeck(slug), 'index.html')).href}?transition=none&controls=false&progress=false`, { waitUntil: 'load' });
    await page.waitForSelector('html[data-mujaz-ready]');
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const total = await page.evaluate(() => Reveal.getTotalSlides());
    for (let i = 0; i < total; i++) {
      await page.evaluate((n) => Reveal.slide(n), i);
      await page.waitForFunction((n) => Reveal.getIndices().h === n, {}, i);
      // (Encoded for speed: the same pixels, a bigger file; the references are written as small as can be.)
      list.push(Buffer.from(await page.screenshot({ type: 'png', optimizeForSpeed: !update })));
    }
    shots.set(slug, list);
    if (update) {
      const dir = path.join(referenceRoot, slug);
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { recursive: true });
      await Promise.all(list.map((s, i) => writeFile(path.join(dir, `slide-${String(i + 1).padStart(2, '0')}.png`), s)));
    }
  }
  await page.close();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await removeDir(out);
});

describe.each(decks)('$slug', ({ slug }) => {
  it('matches the reference image of every slide', async () => {
    const list = shots.get(slug)!;
    expect(list.length).toBeGreaterThan(2);
    const referenceDir = path.join(referenceRoot, slug);
    const report: string[] = [];
    for (const [i, shot] of list.entries()) {
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
        const diffFile = path.join(out, `diff-${slug}-${name}`);
        await writeFile(diffFile, PNG.sync.write(diff));
        report.push(`${name}: ${(share * 100).toFixed(2)}% of pixels differ (diff image: ${diffFile})`);
      }
    }
    const refs = existsSync(referenceDir) ? readdirSync(referenceDir).filter((f) => f.endsWith('.png')).length : 0;
    if (refs !== list.length) report.push(`the deck has ${list.length} slides but there are ${refs} reference images`);
    expect(report).toEqual([]);
  });
});
