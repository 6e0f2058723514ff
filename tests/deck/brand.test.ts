/**
 * A theme shared by briefs (tests/deck/briefs/themes/): its colours draw the slides, its logo sits on the
 * title slide and in every footer, its footer text replaces the author, and its marking is on every slide
 * and on every page of both PDFs (the handout's pages included), read back by poppler.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BrowserContext } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suiteChromium } from '../support/build.js';
import { suiteBriefs, suiteDecks } from '../support/suite.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const briefs = [
  {
    file: 'gulf-workshop.yaml',
    slug: 'gulf-maritime-workshop',
    marking: 'للاستخدام الداخلي',
    footer: 'وحدة موجز للإحاطات — إحاطة داخلية',
    primary: 'rgb(31, 78, 95)',
  },
  { file: 'english.yaml', slug: 'english-brief', marking: 'Chatham House Rule', footer: 'Mujaz Briefing Unit', primary: 'rgb(13, 44, 75)' },
];

let out: string;
let browser: BrowserContext;

// The suite's decks of these briefs (built once for the run, with every output), read where they are.
beforeAll(async () => {
  expect(suiteBriefs()).toEqual(expect.arrayContaining(briefs.map((b) => path.resolve(here, 'briefs', b.file))));
  out = suiteDecks();
  browser = await suiteChromium();
});

afterAll(async () => {
  await browser?.close();
});

function pageTexts(pdf: string): string[] {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
  return Array.from({ length: pages }, (_, i) => execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }));
}

describe.each(briefs)('$file, with its theme', ({ slug, marking, footer, primary }) => {
  it('marks every page of the deck and of the handout', () => {
    const squash = (t: string) => t.replace(/\s+/g, ' ');
    for (const name of [`${slug}.pdf`, `${slug}-handout.pdf`]) {
      const pages = pageTexts(path.join(out, slug, name));
      expect(pages.length).toBeGreaterThan(4);
      pages.forEach((text, i) => expect(squash(text), `${name}, page ${i + 1}`).toContain(marking));
      // Drawn in the bundled font, as everything else (a page margin box has no font of its own).
      const fonts = execFileSync('pdffonts', [path.join(out, slug, name)], { encoding: 'utf8' })
        .split('\n')
        .slice(2)
        .filter(Boolean);
      for (const f of fonts) expect(f, name).toMatch(/^[A-Z]{6}\+Amiri-(Regular|Bold)\s/);
    }
    // The handout's marking sheet was beside it only while it printed.
    expect(existsSync(path.join(out, slug, 'handout-marking.css'))).toBe(false);
  });

  it("draws the slides in the theme's colours, with its logo and footer on every slide", async () => {
    expect(existsSync(path.join(out, slug, 'assets', 'brand-1.png'))).toBe(true);
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    await page.goto(`${pathToFileURL(path.join(out, slug, 'index.html')).href}?print-pdf`, { waitUntil: 'load' });
    await page.waitForSelector('html[data-mujaz-pdf-ready]');
    const state = await page.evaluate(() => {
      const slides = [...document.querySelectorAll('section.slide')];
      return {
        slides: slides.length,
        titles: [...new Set(slides.map((s) => getComputedStyle(s.querySelector('h1, h2')!).color))],
        logos: slides.filter((s) => {
          const img = s.querySelector<HTMLImageElement>('.slide-footer img.footer-logo');
          return img?.complete && img.naturalWidth > 0 && img.alt !== '';
        }).length,
        footers: [...new Set(slides.map((s) => s.querySelector('.footer-org')!.textContent!.trim()))],
        markings: slides.filter((s) => s.querySelector('.marking')).length,
        titleLogo: !!document.querySelector('.slide-title .brand-logos img[src="assets/brand-1.png"]'),
      };
    });
    await page.close();
    expect(state).toEqual({ slides: state.slides, titles: [primary], logos: state.slides, footers: [footer], markings: state.slides, titleLogo: true });
  });
});
