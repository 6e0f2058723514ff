/**
 * Nothing in the code or the templates is specific to the bundled brief: a minimal brief, a different
 * event (three delegations, Latin names, numbers) and an English left-to-right brief all build, print one
 * page per slide in the bundled fonts only, isolate the other script, and request nothing outside.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BrowserContext } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suiteChromium } from '../support/build.js';
import { suiteBriefs, suiteDecks } from '../support/suite.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const briefs = [
  { file: '../../../briefs/issi-russia-roundtable.yaml', slug: 'issi-russia-roundtable', lang: 'ar', dir: 'rtl', minSlides: 12 },
  { file: 'minimal.yaml', slug: 'minimal-brief', lang: 'ar', dir: 'rtl', minSlides: 3 },
  { file: 'gulf-workshop.yaml', slug: 'gulf-maritime-workshop', lang: 'ar', dir: 'rtl', minSlides: 10 },
  { file: 'english.yaml', slug: 'english-brief', lang: 'en', dir: 'ltr', minSlides: 6 },
  // Distilled from real published accounts (each report beside its brief, its address in source.url).
  { file: 'aapso-arab-committees-conference.yaml', slug: 'aapso-arab-committees-conference', lang: 'ar', dir: 'rtl', minSlides: 5 },
  { file: 'ids-nato-istanbul-initiative.yaml', slug: 'ids-nato-istanbul-initiative', lang: 'ar', dir: 'rtl', minSlides: 6 },
  { file: 'oic-unog-islamophobia-day-geneva.yaml', slug: 'oic-unog-islamophobia-day-geneva', lang: 'en', dir: 'ltr', minSlides: 5 },
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

describe.each(briefs)('$file', ({ slug, lang, dir, minSlides }) => {
  it('prints one page per slide with only the bundled fonts embedded', async () => {
    const html = await readFile(path.join(out, slug, 'index.html'), 'utf8');
    const slides = html.match(/<section id="[^"]+" class="slide /g)?.length ?? 0;
    expect(slides).toBeGreaterThanOrEqual(minSlides);
    const pdf = path.join(out, slug, `${slug}.pdf`);
    expect(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1])).toBe(slides);
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const row of fonts) {
      expect(row).toMatch(/Amiri/);
      expect(row).toMatch(/\byes\s+yes\s+yes\b/); // embedded, subset, ToUnicode
    }
  });

  it('sets language and direction, isolates the other script, and stays inside its folder', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.setViewport({ width: 1280, height: 720 });
    await page.goto(`${pathToFileURL(path.join(out, slug, 'index.html')).href}?print-pdf`, { waitUntil: 'load' });
    await page.waitForSelector('html[data-mujaz-pdf-ready]');
    const state = await page.evaluate(
      (otherScript) => {
        const re = new RegExp(otherScript);
        const loose: string[] = [];
        const walker = document.createTreeWalker(document.querySelector('.slides')!, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const parent = n.parentElement!;
          if (parent.closest('aside.notes')) continue;
          // Isolated by a <bdi> or by an element of the other direction (a link: <a dir="ltr">).
          if (re.test(n.textContent ?? '') && !parent.closest(`bdi, [dir="${document.documentElement.dir === 'rtl' ? 'ltr' : 'rtl'}"]`))
            loose.push(n.textContent!.trim());
        }
        // Nothing outside its frame; no line of text reaching into the footer, off the slide, into another
        // element's text or across a rule (the header's and the footer's), measured box by box on the laid-out
        // slide. A line's box is its font's full height, so two lines collide when they share over 40% of it.
        const overflowing: string[] = [];
        for (const f of document.querySelectorAll<HTMLElement>('section.slide > .frame')) {
          const id = f.parentElement!.id;
          if (f.scrollHeight > f.clientHeight + 1 || f.scrollWidth > f.clientWidth + 1) overflowing.push(`${id}: outside its frame`);
          const frame = f.getBoundingClientRect();
          const footer = f.querySelector(':scope > .slide-footer')!.getBoundingClientRect();
          const header = f.querySelector(':scope > .slide-header')?.getBoundingClientRect();
          const lines: { n: Text; r: DOMRect; foot: boolean }[] = [];
          const walker = document.createTreeWalker(f, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            if (!n.textContent?.trim()) continue;
            const range = document.createRange();
            range.selectNodeContents(n);
            for (const r of range.getClientRects()) lines.push({ n: n as Text, r, foot: !!n.parentElement!.closest('.slide-footer') });
          }
          const name = (n: Text) => `"${n.textContent!.trim().slice(0, 30)}"`;
          for (const [i, { n, r, foot }] of lines.entries()) {
            if (!foot && r.bottom > footer.top + 1) overflowing.push(`${id}: ${name(n)} runs into the footer by ${Math.round(r.bottom - footer.top)} px`);
            if (r.left < frame.left - 1 || r.right > frame.right + 1 || r.top < frame.top - 1) overflowing.push(`${id}: ${name(n)} is outside the slide`);
            const mid = (r.top + r.bottom) / 2;
            if (header && !n.parentElement!.closest('.slide-header') && Math.abs(mid - header.bottom) < r.height * 0.2)
              overflowing.push(`${id}: ${name(n)} crosses the header's rule`);
            for (const o of lines.slice(i + 1)) {
              if (o.n.parentElement === n.parentElement) continue;
              const x = Math.min(r.right, o.r.right) - Math.max(r.left, o.r.left);
              const y = Math.min(r.bottom, o.r.bottom) - Math.max(r.top, o.r.top);
              if (x > 2 && y > 0.4 * Math.min(r.height, o.r.height)) overflowing.push(`${id}: ${name(n)} and ${name(o.n)} overlap by ${Math.round(y)} px`);
            }
          }
        }
        // No continuation slide holds under a third of what the slide before it holds (measured).
        const used = new Map<string, number[]>();
        for (const s of document.querySelectorAll<HTMLElement>('section.slide')) {
          const body = s.querySelector('.slide-body');
          if (!body) continue;
          // From the top of the first box to the foot of the last: the body places its content in its height.
          const boxes = [...body.children].map((c) => c.getBoundingClientRect());
          const extent = boxes.length ? Math.max(...boxes.map((b) => b.bottom)) - Math.min(...boxes.map((b) => b.top)) : 0;
          used.set(s.dataset.group!, [...(used.get(s.dataset.group!) ?? []), extent]);
        }
        const thin = [...used].flatMap(([group, px]) =>
          px.slice(1).flatMap((p, i) => (p * 3 < px[i]! ? [`${group}: ${Math.round(p)} px after ${Math.round(px[i]!)} px`] : [])),
        );
        return { lang: document.documentElement.lang, dir: document.documentElement.dir, rtl: Reveal.getConfig().rtl, loose, overflowing, thin };
      },
      dir === 'rtl' ? '[A-Za-z]' : '[\\u0600-\\u06FF]',
    );
    expect(state).toEqual({ lang, dir, rtl: dir === 'rtl', loose: [], overflowing: [], thin: [] });
    const folder = pathToFileURL(path.join(out, slug) + path.sep).href;
    expect(requests.filter((u) => !u.startsWith(folder))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
