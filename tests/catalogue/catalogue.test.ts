/**
 * The briefing library, `OUT/index.html`: the suite's batch writes it beside its decks (read where it is, in
 * the suite's Chromium: every deck linked, offline, no script error, the search narrowing as one types, axe),
 * and copies of a few suite decks show it kept right as decks are built, removed, or built at once.
 */
import { createRequire } from 'node:module';
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { readRecord } from '../../src/catalogue/record.js';
import { writeCatalogue } from '../../src/catalogue/catalogue.js';
import { hashFolder } from '../fixtures/briefs.js';
import { removeDir, repoRoot, runBinary, runCli, suiteChromium, tempDir } from '../support/build.js';
import { copyOfDecks, suiteDecks, suiteSlugs } from '../support/suite.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const BUNDLED = 'issi-russia-roundtable';

let browser: BrowserContext;
const dirs: string[] = [];

beforeAll(async () => {
  browser = await suiteChromium();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(dirs.map(removeDir));
});

/** The slugs the catalogue lists, in its order. */
async function listed(out: string): Promise<string[]> {
  const html = await readFile(path.join(out, 'index.html'), 'utf8');
  return [...html.matchAll(/<li class="entry" id="deck-([a-z0-9-]+)"/g)].map((m) => m[1]!);
}

interface Opened {
  page: Page;
  /** Requests for anything outside the output folder, and script errors. */
  outside: string[];
  errors: string[];
}

/** The catalogue of `out` in Chromium, its script ready. */
async function open(out: string): Promise<Opened> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const folder = pathToFileURL(out).href;
  const outside: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(`${folder}/`)) outside.push(r.url());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(pathToFileURL(path.join(out, 'index.html')).href, { waitUntil: 'load' });
  await page.waitForSelector('html[data-catalogue-ready]');
  return { page, outside, errors };
}

/** Types `query` into the search box as a reader does (the box emptied first); returns the slugs shown. */
async function search(page: Page, query: string): Promise<string[]> {
  await page.$eval('#catalogue-search', (el) => {
    (el as HTMLInputElement).value = '';
    el.dispatchEvent(new Event('input'));
  });
  await page.type('#catalogue-search', query);
  return shown(page);
}

const shown = (page: Page) => page.$$eval('.entry:not([hidden])', (els) => els.map((e) => e.id.replace(/^deck-/, '')).sort());

async function axeSerious(page: Page): Promise<unknown[]> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** An English brief naming "José Lázaro", built with --no-pdf wherever a test needs a deck of its own. */
async function lazaroBrief(): Promise<string> {
  const dir = await tempDir('mujaz-catalogue-brief-');
  dirs.push(dir);
  const brief = parse(await readFile(path.join(repoRoot, 'tests', 'deck', 'briefs', 'english.yaml'), 'utf8'));
  delete brief.theme;
  brief.slug = 'lazaro-roundtable';
  brief.title = 'Roundtable with José Lázaro on maritime law';
  brief.event.date = '2031-03-04';
  // Markup in a brief is text in the catalogue too: shown as written, run nowhere.
  brief.event.kind = 'Roundtable <img src=x onerror="document.title=1"> & "talks"';
  brief.people = [{ id: 'jose-lazaro', name: 'José Lázaro', title: 'Professor', part: 'keynote', sources: [1] }];
  brief.messages.push({ speaker: 'jose-lazaro', points: [{ text: 'The law of the sea needs no new treaty', sources: [3] }] });
  const file = path.join(dir, 'lazaro.yaml');
  await writeFile(file, stringify(brief, { lineWidth: 0 }));
  return file;
}

const minimalBrief = path.join(repoRoot, 'tests', 'deck', 'briefs', 'minimal.yaml');

describe("the suite batch's catalogue", () => {
  it('lists every deck of the folder, newest event first, linked to its deck, its files and its title slide, and opens offline without a script error', async () => {
    const decks = suiteDecks();
    const slugs = await suiteSlugs();
    expect(slugs.length).toBeGreaterThan(5);
    const order = await listed(decks);
    expect([...order].sort()).toEqual(slugs);
    // Newest event first, the decks without a date last.
    const dates = await Promise.all(order.map(async (slug) => (await readRecord(path.join(decks, slug)))!.date));
    const dated = dates.filter((d) => d !== null);
    expect(dated).toEqual([...dated].sort().reverse());
    expect(dates.slice(dated.length).every((d) => d === null)).toBe(true);

    const { page, outside, errors } = await open(decks);
    const entries = await page.$$eval('.entry', (els) =>
      els.map((e) => ({
        slug: e.id.replace(/^deck-/, ''),
        dir: e.getAttribute('dir'),
        title: e.querySelector('h2 a')?.getAttribute('href'),
        links: [...e.querySelectorAll('.links a')].map((a) => a.getAttribute('href')),
        picture: e.querySelector<HTMLImageElement>('.thumb img')?.naturalWidth ?? 0,
        src: e.querySelector('.thumb img')?.getAttribute('src'),
      })),
    );
    for (const e of entries) {
      const record = (await readRecord(path.join(decks, e.slug)))!;
      expect(e.dir).toBe(record.dir);
      expect(e.title).toBe(`${e.slug}/index.html`);
      // The suite builds every output: the deck, its PDF, the handout and the PowerPoint, and the PNGs.
      expect(e.links).toEqual([`${e.slug}/index.html`, `${e.slug}/${e.slug}.pdf`, `${e.slug}/${e.slug}-handout.pdf`, `${e.slug}/${e.slug}.pptx`]);
      for (const link of e.links) await expect(readFile(path.join(decks, link!))).resolves.toBeDefined();
      expect(e.src).toMatch(new RegExp(`^${e.slug}/${e.slug}-0*1\\.png$`));
      expect(e.picture, `${e.slug}'s title slide is shown`).toBeGreaterThan(0);
    }
    // The interface is in the language of most briefs (the suite's are mostly Arabic).
    expect(await page.$eval('html', (h) => [h.lang, h.dir])).toEqual(['ar', 'rtl']);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('narrows, as one types, to exactly the decks that mention a person, a place or an institution, however its hamza, ة and ى are written', async () => {
    const { page, errors } = await open(suiteDecks());
    const all = await shown(page);
    // «ألبرت خوريف», typed without the hamza: the bundled deck and its variant with logos.
    expect(await search(page, 'البرت خوريف')).toEqual([BUNDLED, 'with-logos']);
    // «اسطنبول» in the deck, «إسطنبول» typed.
    expect(await search(page, 'إسطنبول')).toEqual(['ids-nato-istanbul-initiative']);
    // «جامعة البصرة», typed with ه for ة.
    expect(await search(page, 'جامعه البصره')).toEqual(['basra-cultural-centre-conference']);
    // A word no deck holds: none, and the status says so.
    expect(await search(page, 'زنجبار')).toEqual([]);
    expect(await page.$eval('#catalogue-status', (e) => e.textContent)).toBe('لا موجز يطابق البحث');
    // As one types: the start of a name already narrows the list.
    expect(await search(page, 'خوري')).toEqual([BUNDLED, 'with-logos']);
    // Emptied, the box shows every deck again.
    expect(await search(page, '')).toEqual(all);

    // Each deck found links to its matching slides; following one opens the deck at that slide.
    await search(page, 'البرت خوريف');
    const links = await page.$$eval(`#deck-${BUNDLED} .matches a`, (as) => as.map((a) => a.getAttribute('href')!));
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(l).toMatch(new RegExp(`^${BUNDLED}/index\\.html#/\\d+$`));
    // The people index narrows too: the person, in the two decks.
    const people = await page.$$eval('.people-list > li:not([hidden])', (els) =>
      els.map((e) => ({ name: e.querySelector('.name')?.textContent, briefs: [...e.querySelectorAll('.in a')].map((a) => a.getAttribute('href')).sort() })),
    );
    expect(people).toEqual([{ name: 'ألبرت خوريف', briefs: [`${BUNDLED}/index.html`, 'with-logos/index.html'] }]);
    const slide = Number(links[0]!.split('#/')[1]);
    await page.click(`#deck-${BUNDLED} .matches a`);
    await page.waitForSelector('html[data-mujaz-ready]');
    const at = await page.evaluate(() => ({
      h: (window as unknown as { Reveal: { getIndices: () => { h: number } } }).Reveal.getIndices().h,
      text: document.querySelector('.slides > section.present')?.textContent ?? '',
    }));
    expect(at.h).toBe(slide);
    expect(at.text).toContain('خوريف');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has no serious or critical axe violation, listing every deck and narrowed by a search', async () => {
    const { page } = await open(suiteDecks());
    await page.setBypassCSP(true);
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('html[data-catalogue-ready]');
    expect(await axeSerious(page)).toEqual([]);
    await search(page, 'البرت خوريف');
    expect(await axeSerious(page)).toEqual([]);
    await page.close();
  });
});

describe('kept right as decks change', () => {
  it('a build of one brief adds its entry and leaves the others; a Latin name is found without its accent, in any case', async () => {
    const out = await copyOfDecks(BUNDLED, 'english-brief');
    dirs.push(out);
    const others = await Promise.all([BUNDLED, 'english-brief'].map((s) => hashFolder(path.join(out, s))));
    const built = await runCli(['build', await lazaroBrief(), '--no-pdf', '-o', out]);
    expect(built.code, built.stderr).toBe(0);
    // The copies had no catalogue: the build wrote it from every record in the folder, its event (2031) first, then the two without a date by slug.
    expect(await listed(out)).toEqual(['lazaro-roundtable', 'english-brief', BUNDLED]);
    expect(built.stderr).toContain(`mujaz: ${path.join(out, 'index.html')} lists 3 decks (the briefing library)`);
    expect(await Promise.all([BUNDLED, 'english-brief'].map((s) => hashFolder(path.join(out, s))))).toEqual(others);

    const { page, outside, errors } = await open(out);
    for (const q of ['Lazaro', 'lazaro', 'LÁZARO', 'jose lazaro']) expect(await search(page, q), q).toEqual(['lazaro-roundtable']);
    // Built with --no-pdf: the deck only, and no picture of its title slide.
    expect(await page.$$eval('#deck-lazaro-roundtable .links a', (as) => as.map((a) => a.getAttribute('href')))).toEqual(['lazaro-roundtable/index.html']);
    expect(await page.$$eval('#deck-lazaro-roundtable .thumb .placeholder', (p) => p.length)).toBe(1);
    expect(await page.$eval('#deck-lazaro-roundtable .facts dd', (d) => d.textContent)).toBe('Roundtable <img src=x onerror="document.title=1"> & "talks"');
    expect(await page.$$eval('.entry img:not(.thumb img)', (i) => i.length)).toBe(0);
    // An English entry in an Arabic interface runs left to right.
    expect(await page.$eval('#deck-lazaro-roundtable', (e) => [e.getAttribute('lang'), e.getAttribute('dir')])).toEqual(['en', 'ltr']);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a deck folder removed is gone at the next build; a folder mujaz did not make is never listed nor touched', async () => {
    const out = await copyOfDecks(BUNDLED, 'english-brief', 'minimal-brief');
    dirs.push(out);
    // A folder someone else made, with a record copied into it but no mujaz marker.
    const foreign = path.join(out, 'notes');
    await mkdir(foreign);
    await cp(path.join(out, 'english-brief', 'mujaz-deck.json'), path.join(foreign, 'mujaz-deck.json'));
    await writeFile(path.join(foreign, 'index.html'), '<p>mine</p>');
    const foreignHash = await hashFolder(foreign);
    await writeCatalogue(out);
    expect(await listed(out)).toEqual([BUNDLED, 'english-brief', 'minimal-brief'].sort());

    await rm(path.join(out, 'english-brief'), { recursive: true });
    const built = await runCli(['build', minimalBrief, '--no-pdf', '-o', out]);
    expect(built.code, built.stderr).toBe(0);
    expect((await listed(out)).sort()).toEqual([BUNDLED, 'minimal-brief']);
    expect(await hashFolder(foreign)).toBe(foreignHash);
  });

  it('an index.html mujaz did not write is left as it is, with a warning, and the deck is built', async () => {
    const out = await tempDir('mujaz-catalogue-foreign-');
    dirs.push(out);
    await writeFile(path.join(out, 'index.html'), '<h1>Our team page</h1>\n');
    const built = await runCli(['build', minimalBrief, '--no-pdf', '-o', out]);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).toContain('the catalogue was not written');
    expect(built.stderr).toContain('was not written by mujaz');
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('<h1>Our team page</h1>\n');
    expect((await readdir(out)).sort()).toEqual(['index.html', 'minimal-brief']);
  });

  it('two builds into one folder at once leave a whole catalogue listing both, and no lock or temporary file', async () => {
    const out = await tempDir('mujaz-catalogue-twice-');
    dirs.push(out);
    const lazaro = await lazaroBrief();
    // Two processes of the real executable, each writing the catalogue when its deck is in.
    const [a, b] = await Promise.all([runBinary(['build', lazaro, '--no-pdf', '-o', out]), runBinary(['build', minimalBrief, '--no-pdf', '-o', out])]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(await listed(out)).toEqual(['lazaro-roundtable', 'minimal-brief']);
    expect((await readdir(out)).sort()).toEqual(['_mujaz', 'index.html', 'lazaro-roundtable', 'minimal-brief']);
    expect((await readdir(path.join(out, '_mujaz'))).sort()).toEqual(['.mujaz', 'catalogue.css', 'catalogue.js', 'fonts']);

    // Many writers at once in one process while a deck comes and goes, and a reader between them: it always
    // reads one whole page or the other, never a part.
    const page = () => readFile(path.join(out, 'index.html'), 'utf8');
    const record = path.join(out, 'lazaro-roundtable', 'mujaz-deck.json');
    const both = await page();
    await rename(record, `${record}.away`);
    await writeCatalogue(out);
    const one = await page();
    expect(one).not.toBe(both);
    let reading = true;
    const reads: string[] = [];
    const reader = (async () => {
      while (reading) reads.push(await page());
    })();
    await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        if (i % 2 === 0) await rename(`${record}.away`, record).catch(() => undefined);
        else await rename(record, `${record}.away`).catch(() => undefined);
        await writeCatalogue(out, { timing: { retryMs: 5 } });
      }),
    );
    reading = false;
    await reader;
    expect(reads.length).toBeGreaterThan(0);
    for (const r of reads) expect([both, one]).toContain(r);
    expect((await readdir(out)).sort()).toEqual(['_mujaz', 'index.html', 'lazaro-roundtable', 'minimal-brief']);
  });

  it('is written again with the same bytes (reproducible), from the records alone, and what a killed writer left is gone', async () => {
    const out = await copyOfDecks(BUNDLED, 'minimal-brief');
    dirs.push(out);
    await writeCatalogue(out);
    const first = await hashFolder(out);
    // A writer killed between writing its temporary file and renaming it; a file of the user's that looks alike.
    await writeFile(path.join(out, '.index.html.0123abcd.tmp'), '<p>half');
    await writeFile(path.join(out, '_mujaz', '.catalogue.js.0123abcd.tmp'), 'half');
    await writeFile(path.join(out, '.notes.0123abcd.tmp'), 'mine');
    await writeCatalogue(out);
    expect(await readFile(path.join(out, '.notes.0123abcd.tmp'), 'utf8')).toBe('mine');
    await rm(path.join(out, '.notes.0123abcd.tmp'));
    expect(await hashFolder(out)).toBe(first);
    await rm(path.join(out, 'index.html'));
    await rm(path.join(out, '_mujaz'), { recursive: true });
    await writeCatalogue(out);
    expect(await hashFolder(out)).toBe(first);
  });
});
