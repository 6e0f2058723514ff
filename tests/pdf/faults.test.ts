/**
 * Faults injected for real during the export: Chromium killed, a deck that never becomes ready, fonts that
 * cannot load, an output folder that cannot be written, a full disk, Ctrl-C. After each: a clear message,
 * no half-written PDF, no Chromium left running, and the previous deck exactly as it was.
 *
 * Each CLI run gets its own TMPDIR, so its Chromium profile (mujaz-chromium-*) is found by that folder
 * even when other tests run Chromium at the same time. The previous decks are copies of the suite's deck of
 * the bundled brief (tests/support/suite.ts), as `mujaz build` wrote it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, statfs, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MujazError } from '../../src/errors.js';
import { Browser } from '../../src/browser/browser.js';
import { printPdf } from '../../src/pdf/print.js';
import { PDF_READY_ATTRIBUTE } from '../../src/browser/page.js';
import { silentReporter } from '../../src/reporter.js';
import { writeText } from '../../src/write/output.js';
import { bundledBrief, runCli, scratchFolders } from '../support/build.js';
import { copySuiteDeck } from '../support/suite-outputs.js';
import { chromiumOf, hashTree, noneLeft, spawnCli, stillRunning, strays, SLUG, waitFor, type Chromium } from './support.js';

/** Generous bounds: each test runs real builds and Chromium, on two cores shared with other tests. */
const SLOW = 180_000;

const { fresh, mounts } = scratchFolders();

/**
 * An output root holding a finished deck (HTML, assets, PDF: what `mujaz build <bundled brief> --out <root>`
 * writes, copied from the suite's deck), and its hash.
 */
async function previousDeck(outRoot?: string): Promise<{ out: string; hash: string }> {
  const out = outRoot ?? (await fresh('mujaz-fault-out-'));
  await copySuiteDeck(SLUG, out);
  return { out, hash: await hashTree(path.join(out, SLUG)) };
}

/** Nothing of the run is left: no process mentions its TMPDIR (Chromium's profile is there), no profile folder. */
async function expectNoChromium(tmp: string, chromium?: Chromium): Promise<void> {
  if (chromium) expect(await noneLeft(chromium), 'Chromium processes left running').toEqual([]);
  const left = await stillRunning(tmp);
  expect(
    left.map((p) => `${p.pid} ${p.args.slice(0, 120)}`),
    'processes left running',
  ).toEqual([]);
  expect(
    (await readdir(tmp)).filter((n) => n.startsWith('mujaz-chromium-')),
    'Chromium profile left behind',
  ).toEqual([]);
}

async function expectPreviousIntact(out: string, hash: string): Promise<void> {
  expect(await strays(out), 'temporary folders or PDFs left in the output root').toEqual([]);
  expect(await hashTree(path.join(out, SLUG)), 'the previous deck changed').toBe(hash);
}

/**
 * Waits until the run is in the middle of its export: the deck PDF is printed into the temporary folder and
 * the handout is being printed (handout.html is written just before), with Chromium running.
 */
async function whenExporting(pid: number, out: string): Promise<Chromium> {
  return waitFor(
    'the export to be half done',
    async () => {
      const staged = (await readdir(out)).filter((n) => n.startsWith('.mujaz-tmp-'));
      const printing = (d: string) => existsSync(path.join(out, d, 'handout.html')) && !existsSync(path.join(out, d, `${SLUG}-handout.pdf`));
      if (!staged.some(printing)) return undefined;
      return chromiumOf(pid);
    },
    90_000,
    20,
  );
}

/** A build over a previous deck, with its handout, caught in the middle of its export. */
async function halfwayThroughExport() {
  const { out, hash } = await previousDeck();
  const tmp = await fresh('mujaz-fault-tmp-');
  const run = spawnCli(['build', bundledBrief, '--out', out, '--handout'], { env: { TMPDIR: tmp } });
  const chromium = await whenExporting(run.child.pid!, out);
  return { out, hash, tmp, run, chromium };
}

function canMount(): boolean {
  try {
    execFileSync('mount', ['--version'], { stdio: 'ignore' });
    return typeof process.getuid === 'function' && process.getuid() === 0;
  } catch {
    return false;
  }
}

describe('Chromium killed in the middle of the export', () => {
  it(
    'fails clearly, leaves no Chromium, no half-written PDF, and the previous deck intact',
    async () => {
      const { out, hash, tmp, run, chromium } = await halfwayThroughExport();
      process.kill(chromium.pid, 'SIGKILL');
      const result = await run.done;
      if (process.env.MUJAZ_TEST_VERBOSE) console.log(result.stderr);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toMatch(/the browser closed unexpectedly during the export/);
      expect(result.stderr).not.toMatch(/unexpected error/);
      await expectNoChromium(tmp, chromium);
      await expectPreviousIntact(out, hash);
    },
    SLOW,
  );
});

describe('a deck that never becomes ready, or whose fonts do not load', () => {
  let session: Browser;
  let deck: string;
  beforeAll(async () => {
    // A copy of the suite's deck: the test writes pages of its own beside it.
    deck = await copySuiteDeck(SLUG, await fresh('mujaz-fault-deck-'));
    session = await Browser.launch({ reporter: silentReporter });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('times out with a clear message instead of waiting forever', async () => {
    const runtime = await readFile(path.join(deck, 'assets', 'deck.js'), 'utf8');
    const line = new RegExp(`^.*setAttribute\\('${PDF_READY_ATTRIBUTE}'.*$`, 'm');
    expect(runtime).toMatch(line);
    await writeFile(path.join(deck, 'assets', 'never-ready.js'), runtime.replace(line, '    // (never marks the deck ready)'));
    const html = await readFile(path.join(deck, 'index.html'), 'utf8');
    await writeFile(path.join(deck, 'never-ready.html'), html.replace('src="assets/deck.js"', 'src="assets/never-ready.js"'));
    const printing = printPdf(session, path.join(deck, 'never-ready.html'), { page: { width: 1280, height: 720 }, reveal: true, timeouts: { ready: 1500 } });
    await expect(printing).rejects.toThrow(MujazError);
    await expect(printing).rejects.toThrow(/never-ready\.html never became ready to print \(reveal\.js did not fire pdf-ready within 1\.5 s\)/);
    // The browser is still usable afterwards: the page was closed, not the session.
    const ok = await printPdf(session, path.join(deck, 'index.html'), { page: { width: 1280, height: 720 }, reveal: true });
    expect(ok.length).toBeGreaterThan(1000);
  });

  it('fails clearly when a bundled font cannot be loaded (rather than printing in a fallback font)', async () => {
    const html = await readFile(path.join(deck, 'index.html'), 'utf8');
    await mkdir(path.join(deck, 'assets', 'nofonts'), { recursive: true });
    const css = await readFile(path.join(deck, 'assets', 'fonts', 'fonts.css'), 'utf8');
    await writeFile(path.join(deck, 'assets', 'nofonts', 'fonts.css'), css.replace(/url\(/g, 'url(missing-'));
    await writeFile(path.join(deck, 'no-fonts.html'), html.replace('href="assets/fonts/fonts.css"', 'href="assets/nofonts/fonts.css"'));
    await expect(printPdf(session, path.join(deck, 'no-fonts.html'), { page: { width: 1280, height: 720 }, reveal: true })).rejects.toThrow(
      /a bundled font could not be loaded: Mujaz Text/,
    );
  });

  it('closing the session leaves no Chromium and no profile', async () => {
    const chromium = { pid: session.pid!, profile: session.profile };
    expect((await noneLeft(chromium, 0)).length).toBeGreaterThan(0);
    await session.close();
    expect(await noneLeft(chromium)).toEqual([]);
    expect(existsSync(session.profile)).toBe(false);
  });
});

describe('an output folder that cannot be written', () => {
  it(
    '--out naming a file: a clear error, and no Chromium left',
    async () => {
      const dir = await fresh('mujaz-fault-file-');
      const tmp = await fresh('mujaz-fault-tmp-');
      const file = path.join(dir, 'not-a-folder');
      await writeFile(file, 'a file where the output folder should be\n');
      const result = await runCli(['build', bundledBrief, '--out', file], { env: { TMPDIR: tmp } });
      if (process.env.MUJAZ_TEST_VERBOSE) console.log(result.stderr);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toMatch(/the output folder .*not-a-folder is a file, not a folder/);
      expect(result.stderr).toMatch(/hint: name a folder with --out/);
      expect(await readFile(file, 'utf8')).toBe('a file where the output folder should be\n');
      await expectNoChromium(tmp);
    },
    SLOW,
  );

  it(
    'a read-only output folder holding a previous deck: a clear error, the previous deck intact',
    async () => {
      const { out, hash } = await previousDeck();
      const tmp = await fresh('mujaz-fault-tmp-');
      let target = out;
      let expected = /could not write the output folder .*: the file system is read-only/;
      let mounted = false;
      if (canMount()) {
        try {
          execFileSync('mount', ['--bind', out, out], { stdio: 'ignore' });
          mounts.push(out);
          execFileSync('mount', ['-o', 'remount,ro,bind', out], { stdio: 'ignore' });
          mounted = true;
        } catch {
          mounted = false;
        }
      }
      if (!mounted) {
        // No mount here: a file where a folder is expected, inside the previous deck, is the unwritable path.
        target = path.join(out, SLUG, 'index.html');
        expected = /could not write the output folder .*index\.html/;
      }
      const result = await runCli(['build', bundledBrief, '--out', target], { env: { TMPDIR: tmp } });
      if (process.env.MUJAZ_TEST_VERBOSE) console.log(result.stderr);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toMatch(expected);
      await expectNoChromium(tmp);
      await expectPreviousIntact(out, hash);
    },
    SLOW,
  );
});

// fault: full-disk-pdf (tests/robustness/faults.ts)
describe('a full disk', () => {
  it(
    'fails with "the disk is full", leaves no half-written PDF, and the previous deck intact',
    async () => {
      const root = await fresh('mujaz-fault-disk-');
      const tmp = await fresh('mujaz-fault-tmp-');
      const disk = path.join(root, 'disk');
      await mkdir(disk);
      let mounted = false;
      if (canMount()) {
        try {
          execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=32m', 'tmpfs', disk], { stdio: 'ignore' });
          mounts.push(disk);
          mounted = true;
        } catch {
          mounted = false;
        }
      }
      if (!mounted) {
        // No tmpfs here: make the kernel answer ENOSPC for real through /dev/full, where the PDF is written.
        const dir = path.join(root, 'staged');
        await mkdir(dir);
        await symlink('/dev/full', path.join(dir, `${SLUG}.pdf`));
        const error = await writeText(dir, `${SLUG}.pdf`, new Uint8Array(4096)).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(MujazError);
        expect((error as MujazError).message).toMatch(/could not write .*\.pdf: the disk is full/);
        expect((error as MujazError).hint).toMatch(/free some disk space/);
        return;
      }
      // A previous deck on the small disk, then only room for the next deck's HTML and assets, not its PDF.
      const { out, hash } = await previousDeck(disk);
      const deck = path.join(out, SLUG);
      let nonPdf = 0;
      let pdf = 0;
      for (const name of await readdir(deck, { recursive: true })) {
        const s = await stat(path.join(deck, name));
        if (!s.isFile()) continue;
        const pages = Math.ceil(s.size / 4096) * 4096;
        if (name.endsWith('.pdf')) pdf += s.size;
        else nonPdf += pages;
      }
      expect(pdf).toBeGreaterThan(128 * 1024);
      const fs = await statfs(disk);
      const used = (fs.blocks - fs.bfree) * fs.bsize;
      const room = used + nonPdf + 64 * 1024;
      execFileSync('mount', ['-o', `remount,size=${room}`, disk], { stdio: 'ignore' });

      const result = await runCli(['build', bundledBrief, '--out', out], { env: { TMPDIR: tmp } });

      if (process.env.MUJAZ_TEST_VERBOSE) console.log(result.stderr);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toMatch(/could not write .*: the disk is full/);
      expect(result.stderr).toMatch(/hint: free some disk space and build again/);
      await expectNoChromium(tmp);
      await expectPreviousIntact(out, hash);
      // The space the failed build took is given back.
      const after = await statfs(disk);
      expect((after.blocks - after.bfree) * after.bsize).toBeLessThanOrEqual(used + 8 * 1024);
    },
    SLOW,
  );
});

// fault: sighup (tests/robustness/faults.ts)
describe('Ctrl-C, or a closed terminal, during the export', () => {
  it.each(['SIGINT', 'SIGHUP'] as const)(
    '%s: exits 130, leaves no Chromium, removes the temporary folder, keeps the previous deck',
    async (signal) => {
      const { out, hash, tmp, run, chromium } = await halfwayThroughExport();
      // A terminal sends SIGINT (Ctrl-C) or SIGHUP (closed) to the whole foreground job: the CLI's process
      // group (Chromium has its own).
      process.kill(-run.child.pid!, signal);
      const result = await run.done;
      if (process.env.MUJAZ_TEST_VERBOSE) console.log(result.stderr);
      expect(result.code, result.stderr).toBe(130);
      expect(result.stderr).toMatch(/interrupted/);
      expect(result.stderr).not.toMatch(/unexpected error/);
      await expectNoChromium(tmp, chromium);
      await expectPreviousIntact(out, hash);
      await rm(tmp, { recursive: true, force: true });
    },
    SLOW,
  );
});
