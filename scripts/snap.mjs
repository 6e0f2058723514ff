// Screenshots every slide of a built deck: node scripts/snap.mjs output/<slug> /tmp/snap
// A look at the deck as people see it (the tests check it; this is for eyes).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const [deckDir = 'output/issi-russia-roundtable', outDir = '/tmp/snap'] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const browser = await puppeteer.launch({
  executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  await page.goto(pathToFileURL(path.resolve(deckDir, 'index.html')).href, { waitUntil: 'load' });
  await page.waitForSelector('html[data-mujaz-ready]');
  await page.evaluate(() => document.fonts.ready);
  const total = await page.evaluate(() => Reveal.getTotalSlides());
  for (let i = 0; i < total; i++) {
    await page.evaluate((n) => Reveal.slide(n, 0), i);
    await new Promise((r) => setTimeout(r, 450)); // let the fade transition end (a look, not a test)
    await page.screenshot({ path: path.join(outDir, `slide-${String(i + 1).padStart(2, '0')}.png`) });
  }
  console.log(`${total} slides → ${outDir}`);
} finally {
  await browser.close();
}
