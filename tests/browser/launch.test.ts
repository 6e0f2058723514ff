/** Chromium is started with Puppeteer's own launch flags, as the installed puppeteer-core gives them, and mujaz's. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  chromiumArgs,
  MUJAZ_ARGS,
  MUJAZ_DISABLED_FEATURES,
  PUPPETEER_ARGS_FILE,
  puppeteerArgs,
  removeOrphanProfiles,
  withFeaturesOff,
} from '../../src/browser/launch.js';
import { ownerTag } from '../../src/owner.js';
import { descendants, processes } from '../pdf/support.js';
import { type CliResult, removeDir, runCli, tempDir } from '../support/build.js';

const upstream = puppeteer.defaultArgs({ headless: true }).filter((a) => a.startsWith('-'));

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map(removeDir));
});

/**
 * One real build (`build briefs --handout`, with a TMPDIR and a HOME of its own) that two tests read: the
 * command line its Chromium runs with, seen in the process list while it runs (its own TMPDIR tells it from
 * any other, by the profile's path), and what it leaves in TMPDIR and HOME.
 */
let realBuild: Promise<{ result: CliResult; seen: string | undefined; renderers: string[]; tmp: string; home: string }> | undefined;
function builtWithOwnFolders() {
  realBuild ??= (async () => {
    const [out, tmp, home] = [await tempDir(), await tempDir(), await tempDir()];
    dirs.push(out, tmp, home);
    let ended = false;
    const running = runCli(['build', 'briefs', '--out', out, '--handout'], { env: { TMPDIR: tmp, HOME: home } }).finally(() => {
      ended = true;
    });
    let main: { pid: number; args: string } | undefined;
    for (let i = 0; i < 400 && !main && !ended; i++) {
      main = (await processes()).find((p) => p.args.includes(`--user-data-dir=${tmp}`) && !p.args.includes('--type='));
      if (!main) await new Promise((r) => setTimeout(r, 10));
    }
    // Every renderer process it starts while the build runs, by its command line.
    const renderers = new Map<number, string>();
    while (main && !ended) {
      for (const p of descendants(await processes(), main.pid)) if (p.args.includes('--type=renderer')) renderers.set(p.pid, p.args);
      await new Promise((r) => setTimeout(r, 10));
    }
    return { result: await running, seen: main?.args, renderers: [...renderers.values()], tmp, home };
  })();
  return realBuild;
}

describe('launch flags', () => {
  it("are puppeteer-core's defaultArgs(), in its order, then mujaz's own, with mujaz's features off in Puppeteer's one --disable-features", () => {
    expect(puppeteerArgs()).toEqual(upstream);
    const off = (args: readonly string[]) => args.filter((a) => a.startsWith('--disable-features=')).map((a) => a.split('=')[1]!.split(','));
    // Chromium reads one --disable-features: a second would turn Puppeteer's features back on.
    expect(off(chromiumArgs())).toEqual([[...off(upstream)[0]!, ...MUJAZ_DISABLED_FEATURES]]);
    expect(chromiumArgs().filter((a) => !a.startsWith('--disable-features='))).toEqual(
      [...upstream, ...MUJAZ_ARGS].filter((a) => !a.startsWith('--disable-features=')),
    );
    // Among them what a two-deck batch and a tagged PDF need.
    for (const flag of ['--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--export-tagged-pdf', '--headless=new'])
      expect(chromiumArgs()).toContain(flag);
  });

  it('add features to a --disable-features already given, once each, or give one', () => {
    expect(withFeaturesOff(['--a', '--disable-features=X,Y', '--b'], ['Y', 'Z'])).toEqual(['--a', '--disable-features=X,Y,Z', '--b']);
    expect(withFeaturesOff(['--a'], ['Z'])).toEqual(['--a', '--disable-features=Z']);
  });

  it('are written by `npm run build` for the CLI, which loads them without Puppeteer', () => {
    expect(JSON.parse(readFileSync(PUPPETEER_ARGS_FILE, 'utf8')).filter((a: string) => a.startsWith('-'))).toEqual(upstream);
  });

  it('are the ones the Chromium of a real build runs with', async () => {
    const { result, seen } = await builtWithOwnFolders();
    expect(result.code, result.stderr).toBe(0);
    expect(seen, "the build's Chromium was not seen running").toBeDefined();
    for (const flag of chromiumArgs()) expect(seen).toContain(flag);
  });

  it("start no renderer for Chromium's own interface (the address bar's popups) nor a spare one: one renderer, the deck's", async () => {
    const { result, renderers } = await builtWithOwnFolders();
    expect(result.code, result.stderr).toBe(0);
    expect(renderers.filter((args) => args.includes('--top-chrome-webui'))).toEqual([]);
    // The deck, its handout and the catalogue's picture are shown in the one page of a one-brief build.
    expect(renderers).toHaveLength(1);
  });

  // fault: chromium-files-inside-profile (tests/robustness/faults.ts)
  it('leave nothing of Chromium behind: no temporary folders, no configuration in the home folder', async () => {
    const { result, tmp, home } = await builtWithOwnFolders();
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(tmp)).toEqual([]);
    expect(existsSync(path.join(home, '.config'))).toBe(false);
  });

  it('start under a temporary folder too deep for the socket Chromium puts in it, and leave nothing there or in /tmp', async () => {
    // Chromium's socket path (…/org.chromium.Chromium.XXXXXX/SingletonSocket) must stay under 107 bytes.
    const [out, base] = [await tempDir(), await tempDir()];
    const tmp = path.join(base, 'a-temporary-folder-set-deep-by-the-system-or-by-a-test-runner');
    mkdirSync(tmp);
    const before = new Set(readdirSync('/tmp').filter((n) => n.startsWith('mujaz-chromium-tmp-')));
    try {
      const result = await runCli(['build', 'briefs', '--out', out], { env: { TMPDIR: tmp } });
      expect(result.code, result.stderr).toBe(0);
      expect(readdirSync(tmp)).toEqual([]);
      // Other test files' builds, running meanwhile under deep folders of their own, have theirs in /tmp too,
      // for as long as their Chromium runs: a folder this build left stays, theirs go.
      const fresh = () => readdirSync('/tmp').filter((n) => n.startsWith('mujaz-chromium-tmp-') && !before.has(n));
      const after = fresh();
      for (let i = 0; i < 300 && after.some((n) => fresh().includes(n)); i++) await new Promise((r) => setTimeout(r, 50));
      expect(after.filter((n) => fresh().includes(n))).toEqual([]);
    } finally {
      await Promise.all([removeDir(out), removeDir(base)]);
    }
  });
});

describe('what a killed run leaves', () => {
  it('is removed by the next run: profiles and short temporary folders whose owner is gone, and nothing else', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    // This process's id with another start time: an owner that is certainly gone (src/owner.ts).
    const gone = `${process.pid}-1`;
    const make = (name: string, tag?: string) => {
      mkdirSync(path.join(dir, name));
      if (tag !== undefined) writeFileSync(path.join(dir, name, 'mujaz-owner'), tag);
    };
    make('mujaz-chromium-AbC123', gone);
    make('mujaz-chromium-tmp-DeF456', gone);
    make('mujaz-chromium-GhI789', ownerTag());
    make('mujaz-chromium-JkL012');
    make('another-program-MnO345', gone);
    expect((await removeOrphanProfiles(dir)).sort()).toEqual(['mujaz-chromium-AbC123', 'mujaz-chromium-tmp-DeF456']);
    expect(readdirSync(dir).sort()).toEqual(['another-program-MnO345', 'mujaz-chromium-GhI789', 'mujaz-chromium-JkL012']);
  });
});
