#!/usr/bin/env node
// A minimal hand-written Puppeteer export of an already-built deck: the baseline mujaz's PDF stage is
// compared against. Usage: node bench/minimal-export.mjs DECK_DIR/index.html OUT.pdf [CHROMIUM]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const [html, out, executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium'] = process.argv.slice(2);
if (!html || !out) {
  console.error('usage: node bench/minimal-export.mjs DECK/index.html OUT.pdf [CHROMIUM]');
  process.exit(2);
}
const profile = mkdtempSync(path.join(os.tmpdir(), 'bench-min-'));
const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  pipe: true,
  userDataDir: profile,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const page = await browser.newPage();
  await page.goto(`${pathToFileURL(path.resolve(html)).href}?print-pdf`, { waitUntil: 'load', timeout: 60_000 });
  await page.waitForSelector('html[data-mujaz-pdf-ready]', { timeout: 60_000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.pdf({ path: out, width: '1280px', height: '720px', printBackground: true, timeout: 60_000 });
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
