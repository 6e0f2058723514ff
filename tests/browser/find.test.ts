/**
 * Finding a browser: --browser, then PUPPETEER_EXECUTABLE_PATH, then Puppeteer's cache, then the system.
 * Without one, the HTML deck is still written and the message names every way to get one. Commands that
 * export nothing never load Puppeteer.
 */
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MujazError } from '../../src/errors.js';
import { findBrowser, puppeteerCacheBrowsers } from '../../src/browser/find.js';
import { bundledBrief, cliPath, removeDir, runCli, tempDir } from '../support/build.js';
import { hashTree, run, SLUG } from '../pdf/support.js';
import { previousDeck } from '../support/previous-deck.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map(removeDir));
});

async function fakeBrowser(file: string): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, '#!/bin/sh\nexit 0\n');
  await chmod(file, 0o755);
  return file;
}

describe('findBrowser', () => {
  const saved = { exe: process.env.PUPPETEER_EXECUTABLE_PATH, cache: process.env.PUPPETEER_CACHE_DIR };
  let dir: string;
  let cache: string;
  let system: string;
  let fromEnv: string;
  let explicit: string;

  beforeEach(async () => {
    dir = await tempDir('mujaz-browser-');
    dirs.push(dir);
    cache = path.join(dir, 'cache');
    await mkdir(cache);
    system = await fakeBrowser(path.join(dir, 'system', 'chromium'));
    fromEnv = await fakeBrowser(path.join(dir, 'env', 'chrome'));
    explicit = await fakeBrowser(path.join(dir, 'option', 'chrome'));
    process.env.PUPPETEER_CACHE_DIR = cache;
    delete process.env.PUPPETEER_EXECUTABLE_PATH;
  });

  afterEach(() => {
    for (const [key, value] of [
      ['PUPPETEER_EXECUTABLE_PATH', saved.exe],
      ['PUPPETEER_CACHE_DIR', saved.cache],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  const cached = (build: string) => fakeBrowser(path.join(cache, 'chrome', build, 'chrome-linux64', 'chrome'));

  it('takes --browser first', async () => {
    process.env.PUPPETEER_EXECUTABLE_PATH = fromEnv;
    await cached('linux-131.0.6778.85');
    expect(findBrowser(explicit, [system])).toEqual({ path: explicit, source: 'option' });
  });

  it('then PUPPETEER_EXECUTABLE_PATH', async () => {
    process.env.PUPPETEER_EXECUTABLE_PATH = fromEnv;
    await cached('linux-131.0.6778.85');
    expect(findBrowser(undefined, [system])).toEqual({ path: fromEnv, source: 'environment' });
  });

  it("then the newest Chrome in Puppeteer's cache (versions compared as numbers)", async () => {
    await cached('linux-99.0.4844.51');
    const newest = await cached('linux-131.0.6778.85');
    await fakeBrowser(path.join(cache, 'chrome-headless-shell', 'linux-140.0.1.0', 'chrome-headless-shell-linux64', 'chrome-headless-shell'));
    expect(puppeteerCacheBrowsers(cache)[0]).toBe(newest);
    expect(findBrowser(undefined, [system])).toEqual({ path: newest, source: 'puppeteer' });
  });

  it("then the system's", () => {
    expect(findBrowser(undefined, [path.join(dir, 'missing'), dir, system])).toEqual({ path: system, source: 'system' });
  });

  it("finds this machine's Chromium with the default list", () => {
    expect(findBrowser().path).toMatch(/chrom/i);
  });

  it('names every way to get a browser when there is none', () => {
    let error: unknown;
    try {
      findBrowser(undefined, [path.join(dir, 'missing')]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MujazError);
    const e = error as MujazError;
    expect(e.code).toBe('NO_BROWSER');
    expect(e.exitCode).toBe(1);
    expect(e.message).toMatch(/no Chrome or Chromium/);
    for (const way of ['--browser', 'PUPPETEER_EXECUTABLE_PATH', '@puppeteer/browsers install chrome', 'apt-get install chromium'])
      expect(e.hint).toContain(way);
  });

  it('refuses a folder or a file that cannot be run', async () => {
    const text = path.join(dir, 'not-a-program');
    await writeFile(text, 'hello');
    expect(() => findBrowser(dir)).toThrow(/does not exist or is not a program/);
    expect(() => findBrowser(text)).toThrow(/does not exist or is not a program/);
  });
});

describe('building without a browser', () => {
  /** A PDF asked for with no browser fails, says how to get one, and leaves the previous deck as it was. */
  async function expectNothingTouched(args: string[], env: NodeJS.ProcessEnv, named: RegExp) {
    const out = await tempDir('mujaz-nobrowser-');
    dirs.push(out);
    // The deck `build --handout` wrote before (the suite's, copied: its HTML, its PDF and its handout).
    await previousDeck(out, SLUG, ['pdf', 'handout']);
    const before = await hashTree(path.join(out, SLUG));
    const result = await runCli(['build', bundledBrief, '--out', out, ...args], { env });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(named);
    expect(result.stderr).toMatch(/nothing was written; `--no-pdf` builds the HTML deck alone/);
    for (const way of ['--browser', 'PUPPETEER_EXECUTABLE_PATH', '@puppeteer/browsers', 'apt-get install chromium']) expect(result.stderr).toContain(way);
    expect(await hashTree(path.join(out, SLUG)), 'the previous deck changed').toBe(before);
    expect(existsSync(path.join(out, SLUG, `${SLUG}.pdf`))).toBe(true);
  }

  // fault: no-browser-touches-nothing (tests/robustness/faults.ts)
  it('--browser /nonexistent: exit 1, a clear message, the previous deck (HTML and PDFs) untouched', async () => {
    await expectNothingTouched(['--browser', '/nonexistent', '--handout'], {}, /the browser \/nonexistent \(from --browser\) does not exist/);
  }, 180_000);

  it('PUPPETEER_EXECUTABLE_PATH naming a missing file: the same', async () => {
    await expectNothingTouched(
      [],
      { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chrome' },
      /the browser \/nonexistent\/chrome \(from PUPPETEER_EXECUTABLE_PATH\) does not exist/,
    );
  }, 180_000);
});

describe('commands that export nothing never load Puppeteer', () => {
  const hook = fileURLToPath(new URL('./fixtures/record-modules.mjs', import.meta.url));

  async function modulesLoadedBy(args: string[]): Promise<{ code: number | null; stderr: string; modules: string[] }> {
    const dir = await tempDir('mujaz-modules-');
    dirs.push(dir);
    const log = path.join(dir, 'modules.log');
    await writeFile(log, '');
    const result = await run(process.execPath, ['--import', hook, cliPath, ...args.map((a) => a.replace('$OUT', path.join(dir, 'out')))], {
      env: { MUJAZ_MODULE_LOG: log },
      timeoutMs: 120_000,
    });
    return { code: result.code, stderr: result.stderr, modules: (await readFile(log, 'utf8')).split('\n').filter(Boolean) };
  }

  const puppeteerIn = (modules: string[]) => modules.filter((m) => /puppeteer-core|@puppeteer|chromium-bidi/.test(m));

  it('the recorder sees Puppeteer when a build does export (the control)', async () => {
    const { code, stderr, modules } = await modulesLoadedBy(['build', bundledBrief, '--out', '$OUT']);
    expect(code, stderr).toBe(0);
    expect(puppeteerIn(modules).length).toBeGreaterThan(0);
  }, 180_000);

  it('mujaz check', async () => {
    const { code, stderr, modules } = await modulesLoadedBy(['check', bundledBrief]);
    expect(code, stderr).toBe(0);
    expect(modules.some((m) => /\/commands-check-[\w-]+\.js$/.test(m))).toBe(true);
    expect(puppeteerIn(modules)).toEqual([]);
  }, 180_000);

  it('mujaz build --no-pdf', async () => {
    const { code, stderr, modules } = await modulesLoadedBy(['build', bundledBrief, '--out', '$OUT', '--no-pdf']);
    expect(code, stderr).toBe(0);
    expect(modules.some((m) => /\/commands-build-[\w-]+\.js$/.test(m))).toBe(true);
    expect(puppeteerIn(modules)).toEqual([]);
  }, 180_000);
});
