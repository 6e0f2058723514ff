/**
 * The deck built from the bundled brief, opened in real Chromium: every RTL trap of
 * ../shared/docs/rtl-and-arabic.md, navigation, offline loading, and the brief's content on the slides.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'puppeteer-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledBrief, suiteChromium } from '../support/build.js';
import { suiteDeck } from '../support/suite.js';

let deckDir: string;
let browser: BrowserContext;
const requests: string[] = [];
const pageErrors: string[] = [];

async function openDeck(query = ''): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(pathToFileURL(path.join(deckDir, 'index.html')).href + query, { waitUntil: 'load' });
  await page.waitForSelector(query.includes('print-pdf') ? 'html[data-mujaz-pdf-ready]' : 'html[data-mujaz-ready]', { timeout: 20_000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page;
}

const shown = new Map<string, Promise<Page>>();

/**
 * The deck opened once (per `query`) for the tests that only read it: they neither move through it nor
 * change it, so they share one page of each view instead of each loading the deck again. It stays open
 * until the browser context closes; a test that navigates or changes the page opens its own (openDeck).
 */
function readDeck(query = ''): Promise<Page> {
  let page = shown.get(query);
  if (!page) {
    page = openDeck(query);
    shown.set(query, page);
  }
  return page;
}

// The suite's deck of the bundled brief (built once for the run), opened where it is: nothing here writes to it.
beforeAll(async () => {
  deckDir = suiteDeck('issi-russia-roundtable');
  browser = await suiteChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('direction and language', () => {
  it('sets lang="ar" dir="rtl" on <html> and reveal\'s rtl mode', async () => {
    const page = await readDeck();
    const state = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
      rtlConfig: Reveal.getConfig().rtl,
      rtlClass: document.querySelector('.reveal')!.classList.contains('rtl'),
    }));
    expect(state).toEqual({ lang: 'ar', dir: 'rtl', rtlConfig: true, rtlClass: true });
  });
});

describe('fonts', () => {
  it("draws every text node with the bundled fonts only (no system fallback, reveal's sans-serif defeated)", async () => {
    const page = await readDeck('?print-pdf');
    const cdp = await page.createCDPSession();
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: false });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', {
      nodeId: root.nodeId,
      selector:
        '.slides section.slide h1, .slides section.slide h2, .slides section.slide h3, .slides section.slide p, .slides section.slide li, .slides section.slide span, .slides section.slide bdi, .slides section.slide td, .slides section.slide th, .slides section.slide dt, .slides section.slide dd',
    });
    expect(nodeIds.length).toBeGreaterThan(100);
    const families = new Map<string, boolean>();
    for (const nodeId of nodeIds) {
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      for (const f of fonts) families.set(f.familyName, (families.get(f.familyName) ?? true) && f.isCustomFont);
    }
    expect([...families.keys()].length).toBeGreaterThan(0);
    for (const [family, custom] of families) {
      expect(family).toMatch(/^Amiri/);
      expect(custom).toBe(true);
    }
  });

  it('never asks for sans-serif or a system family in the computed styles of text', async () => {
    const page = await readDeck('?print-pdf');
    const stacks = await page.evaluate(() => [
      ...new Set([...document.querySelectorAll('.slides section.slide *')].map((e) => getComputedStyle(e).fontFamily)),
    ]);
    expect(stacks).toEqual(['"Mujaz Text", serif']);
  });
});

describe('Arabic typography', () => {
  it('has no letter-spacing or text-transform, and body line-height of at least 1.5', async () => {
    const page = await readDeck('?print-pdf');
    const problems = await page.evaluate(() => {
      const bad: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('.slides section.slide *')) {
        const cs = getComputedStyle(el);
        if (cs.letterSpacing !== 'normal' && cs.letterSpacing !== '0px') bad.push(`${el.tagName} letter-spacing ${cs.letterSpacing}`);
        if (cs.textTransform !== 'none') bad.push(`${el.tagName} text-transform ${cs.textTransform}`);
        if (cs.fontSynthesisWeight && cs.fontSynthesisWeight !== 'none') bad.push(`${el.tagName} font-synthesis ${cs.fontSynthesisWeight}`);
        if (cs.textAlign === 'justify') bad.push(`${el.tagName} justified`);
      }
      for (const el of document.querySelectorAll<HTMLElement>('.slides section.slide p, .slides section.slide li')) {
        const cs = getComputedStyle(el);
        const ratio = parseFloat(cs.lineHeight) / parseFloat(cs.fontSize);
        if (!(ratio >= 1.5)) bad.push(`${el.tagName}.${el.className} line-height ${cs.lineHeight} / ${cs.fontSize}`);
      }
      return bad;
    });
    expect(problems).toEqual([]);
  });

  it('puts list markers and indentation on the right', async () => {
    const page = await readDeck('?print-pdf');
    const lists = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.slides .bullets > li')].map((li) => {
        const cs = getComputedStyle(li);
        const marker = getComputedStyle(li, '::before');
        const box = li.getBoundingClientRect();
        const text = li.querySelector('.item-text')!.getBoundingClientRect();
        return {
          paddingRight: parseFloat(cs.paddingRight),
          paddingLeft: parseFloat(cs.paddingLeft),
          markerRight: marker.right,
          textRightGap: box.right - text.right,
        };
      }),
    );
    expect(lists.length).toBeGreaterThan(10);
    for (const li of lists) {
      expect(li.paddingRight).toBeGreaterThan(20);
      expect(li.paddingLeft).toBe(0);
      expect(li.markerRight).not.toBe('auto'); // the marker is placed from the right edge
      expect(li.textRightGap).toBeGreaterThan(20); // the text starts after the marker, on the right
    }
  });

  it('isolates every Latin run in <bdi> or an ltr element', async () => {
    const page = await readDeck();
    const loose = await page.evaluate(() => {
      const out: string[] = [];
      const walker = document.createTreeWalker(document.querySelector('.slides')!, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!/[A-Za-z]/.test(n.textContent ?? '')) continue;
        const parent = n.parentElement!;
        if (parent.closest('aside.notes')) continue;
        if (!parent.closest('bdi, [dir="ltr"]')) out.push(n.textContent!.trim());
      }
      return out;
    });
    expect(loose).toEqual([]);
    const bdis = await page.$$eval('.slides bdi[lang="en"]', (els) => els.map((e) => e.textContent));
    expect(bdis).toEqual(expect.arrayContaining(['AI', 'Hypersonic weapons', 'Cyber capabilities']));
  });

  it('uses one digit system (Arabic-Indic) and Arabic punctuation on the slides', async () => {
    const page = await readDeck();
    const text = await page.evaluate(() => {
      const clone = document.querySelector('.slides')!.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('aside.notes').forEach((n) => n.remove());
      return clone.textContent ?? '';
    });
    expect(text).toMatch(/[٠-٩]/);
    expect(text).not.toMatch(/[0-9]/);
    expect(text).not.toMatch(/[\u0600-\u06FF]\s*[,;?]/);
    expect(text).not.toMatch(/["']/);
  });

  it('numbers slides so they read correctly: "N من M", isolated, in order', async () => {
    const page = await readDeck();
    const numbers = await page.$$eval('.slides section.slide .footer-number bdi', (els) => els.map((e) => e.textContent));
    const toInt = (s: string) => Number([...s].map((c) => '٠١٢٣٤٥٦٧٨٩'.indexOf(c)).join(''));
    expect(numbers.length).toBeGreaterThan(10);
    numbers.forEach((n, i) => {
      const m = /^([٠-٩]+) من ([٠-٩]+)$/.exec(n ?? '');
      expect(m, n ?? '').not.toBeNull();
      expect(toInt(m![1]!)).toBe(i + 1);
      expect(toInt(m![2]!)).toBe(numbers.length);
    });
  });
});

describe('navigation and controls', () => {
  it('moves forward with ArrowLeft and Space, back with ArrowRight', async () => {
    const page = await openDeck();
    const h = () => page.evaluate(() => Reveal.getIndices().h);
    await page.focus('body');
    expect(await h()).toBe(0);
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => Reveal.getIndices().h === 1);
    await page.keyboard.press('Space');
    await page.waitForFunction(() => Reveal.getIndices().h === 2);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => Reveal.getIndices().h === 1);
    expect(await h()).toBe(1);
    await page.close();
  });

  it('labels the controls in Arabic and grows the progress bar from the right', async () => {
    const page = await openDeck();
    const labels = await page.evaluate(() => ({
      left: document.querySelector('.controls .navigate-left')?.getAttribute('aria-label'),
      right: document.querySelector('.controls .navigate-right')?.getAttribute('aria-label'),
      region: document.querySelector('.reveal')?.getAttribute('aria-label'),
    }));
    expect(labels).toEqual({ left: 'الشريحة التالية', right: 'الشريحة السابقة', region: 'عرض تقديمي' });
    await page.evaluate(() => Reveal.slide(3));
    await page.waitForFunction(() => {
      const r = document.querySelector('.progress span')!.getBoundingClientRect();
      return r.width > 50;
    });
    // The bar animates for 0.8 s: its transition is run to its end (its last frame, at once), then measured.
    await page.evaluate(() =>
      document
        .querySelector('.progress span')!
        .getAnimations()
        .forEach((a) => a.finish()),
    );
    await page.waitForFunction(() => document.querySelector('.progress span')!.getAnimations().length === 0);
    const bar = await page.evaluate(() => {
      const r = document.querySelector('.progress span')!.getBoundingClientRect();
      const p = document.querySelector('.progress')!.getBoundingClientRect();
      return { right: r.right, left: r.left, trackRight: p.right, trackLeft: p.left };
    });
    expect(Math.abs(bar.right - bar.trackRight)).toBeLessThan(2);
    expect(bar.left).toBeGreaterThan(bar.trackLeft + 100);
    await page.close();
  });
});

describe('presenting', () => {
  it("carries speaker notes and opens reveal's speaker view offline, showing them", async () => {
    const page = await openDeck();
    const noteCount = await page.$$eval('.slides section.slide aside.notes', (n) => n.length);
    const slideCount = await page.$$eval('.slides section.slide', (n) => n.length);
    expect(noteCount).toBe(slideCount);
    const popup = new Promise<Page>((resolve) => browser.once('targetcreated', async (t) => resolve((await t.page())!)));
    await page.evaluate(() => (Reveal.getPlugin('notes') as unknown as { open(): void }).open());
    const speaker = await popup;
    const firstNote = await page.$eval('.slides section.slide aside.notes p', (p) => p.textContent!.trim().slice(0, 20));
    await speaker.waitForFunction(
      (t: string) => document.querySelector('.speaker-controls-notes .value')?.textContent?.includes(t),
      { timeout: 15_000 },
      firstNote,
    );
    await speaker.close();
    await page.close();
  });

  it('ends with a sources slide naming the report and the paragraphs cited', async () => {
    const page = await readDeck();
    // The sources slide and its continuations, which end the deck.
    const last = await page.$$eval('.slides section.slide-sources', (all) => all.map((s) => s.textContent ?? '').join('\n'));
    expect(await page.$eval('.slides section.slide:last-of-type', (s) => s.classList.contains('slide-sources'))).toBe(true);
    expect(last).toContain('المصادر');
    expect(last).toContain('عرض لوقائع مناقشة المائدة المستديرة');
    expect(last).toMatch(/١٧/); // Ryabkov's remarks are cited from paragraph 17
    expect(last).toContain('بما في ذلك'); // the report's own gap is noted
  });
});

describe('content, offline loading and layout', () => {
  it('shows every person, message and concern of the brief on a slide', async () => {
    const brief = parse(await readFile(bundledBrief, 'utf8'));
    const expected: string[] = [];
    for (const d of brief.delegations) for (const m of d.members) expected.push(m.name ?? m.role, m.role);
    expected.push(brief.participants.moderator.name, ...brief.participants.joined.map((j: { name: string }) => j.name));
    for (const m of brief.messages) for (const p of m.points) expected.push(p.text);
    for (const c of brief.technologies.concerns) expected.push(c.name);
    for (const t of brief.discussion.topics) expected.push(t.text, ...(t.regions ?? []));
    for (const p of brief.conclusions.points) expected.push(p.text);
    const page = await readDeck();
    const text = await page.evaluate(() => {
      const clone = document.querySelector('.slides')!.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('aside.notes').forEach((n) => n.remove());
      return clone.textContent!.replace(/\s+/g, ' ');
    });
    const missing = expected.map((e) => e.replace(/\s+/g, ' ').trim()).filter((e) => !text.includes(e));
    expect(missing).toEqual([]);
  });

  it('makes no request outside its folder and raises no page error', async () => {
    requests.length = 0;
    pageErrors.length = 0;
    const page = await openDeck();
    await page.keyboard.press('ArrowLeft');
    await page.close();
    const folder = pathToFileURL(deckDir + path.sep).href;
    expect(requests.length).toBeGreaterThan(5);
    expect(requests.filter((u) => !u.startsWith(folder))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('carries a Content-Security-Policy that allows nothing outside the folder', async () => {
    const page = await readDeck();
    const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.getAttribute('content') ?? '');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/https?:|\*|'unsafe-eval'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  });

  it('lets no slide overflow its 16:9 frame', async () => {
    const page = await readDeck('?print-pdf');
    const overflows = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.slides section.slide > .frame')]
        .filter((f) => f.scrollHeight > f.clientHeight + 1 || f.scrollWidth > f.clientWidth + 1)
        .map((f) => f.parentElement!.id),
    );
    expect(overflows).toEqual([]);
    const size = await page.evaluate(() => [Reveal.getConfig().width, Reveal.getConfig().height]);
    expect(size).toEqual([1280, 720]);
  });
});
