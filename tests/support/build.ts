/** Shared test helpers: run the real CLI, build briefs into temporary folders, drive real Chromium. */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer, { type BrowserContext } from 'puppeteer-core';
import { afterAll, inject } from 'vitest';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const bundledBrief = path.join(repoRoot, 'briefs', 'issi-russia-roundtable.yaml');
export const cliPath = path.join(repoRoot, 'bin', 'mujaz.js');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `mujaz ARGS` as a user would: the real executable (bin/mujaz.js, the compiled CLI; `npm test` builds
 * it first) in a process of its own.
 */
export function runBinary(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

export interface CliOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/**
 * Whether a run of `args` needs a browser (or a process of its own): a PDF or PNG build, a watch, a preview.
 * Everything else (check, init, schema, --no-pdf builds, usage errors) runs in this process.
 */
export function needsOwnProcess(args: readonly string[]): boolean {
  const command = args[0];
  if (command === 'serve') return true;
  if (command !== 'build') return false;
  return !args.includes('--no-pdf') || args.some((a) => a === '--png' || a === '--scale' || a.startsWith('--scale=') || a === '--watch' || a === '-w');
}

let inProcessQueue: Promise<unknown> = Promise.resolve();

/**
 * Runs `mujaz ARGS` in this process: the same compiled command line the executable loads (dist/cli/main.js),
 * its `main(argv)`, with what it writes on stdout and stderr captured, the environment and working folder
 * set for the run and put back after. Runs are taken one at a time (they share the process's streams).
 */
export function runInProcess(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const run = async (): Promise<CliResult> => {
    const { main } = (await import(pathToFileURL(path.join(repoRoot, 'dist', 'cli', 'main.js')).href)) as { main: (argv: string[]) => Promise<number> };
    let stdout = '';
    let stderr = '';
    const writes = { out: process.stdout.write, err: process.stderr.write };
    const savedEnv = { ...process.env };
    const savedCwd = process.cwd();
    const capture =
      (sink: (s: string) => void) =>
      (chunk: string | Uint8Array, encoding?: unknown, callback?: unknown): boolean => {
        sink(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
        const done = typeof encoding === 'function' ? encoding : callback;
        if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
        return true;
      };
    try {
      for (const [k, v] of Object.entries(options.env ?? {})) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      process.chdir(options.cwd ?? repoRoot);
      process.stdout.write = capture((s) => (stdout += s)) as typeof process.stdout.write;
      process.stderr.write = capture((s) => (stderr += s)) as typeof process.stderr.write;
      const code = await main(args);
      return { code, signal: null, stdout, stderr };
    } finally {
      process.stdout.write = writes.out;
      process.stderr.write = writes.err;
      process.chdir(savedCwd);
      for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
      Object.assign(process.env, savedEnv);
    }
  };
  const result = inProcessQueue.then(run, run);
  inProcessQueue = result.catch(() => undefined);
  return result;
}

/**
 * Runs `mujaz ARGS`: in this process when no browser is involved (runInProcess), else the real executable
 * (runBinary). Tests that are about the process itself (signals, exit, the executable) call runBinary.
 */
export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return needsOwnProcess(args) ? runBinary(args, options) : runInProcess(args, options);
}

export async function tempDir(prefix = 'mujaz-test-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/**
 * The suite's one Chromium (tests/support/global-setup.ts), through a browser context of this test file's
 * own: pages, cookies and storage are the context's; closing it closes them and lets the browser go.
 */
export async function suiteChromium(): Promise<BrowserContext> {
  const browser = await puppeteer.connect({ browserWSEndpoint: inject('chromiumEndpoint') });
  const context = await browser.createBrowserContext();
  const close = context.close.bind(context);
  context.close = async () => {
    await close().catch(() => undefined);
    await browser.disconnect();
  };
  return context;
}

/**
 * Builds briefs (files) as `mujaz build` does, in one core, into a new temporary folder, and fails the
 * test with the first brief's message when one does not build. Returns the folder.
 */
export async function buildBriefs(files: readonly string[], options: { pdf: boolean; handout?: boolean }): Promise<string> {
  const { Core } = await import('../../src/core/core.js');
  const { silentReporter } = await import('../../src/reporter.js');
  const out = await tempDir();
  await using core = new Core({ reporter: silentReporter, signal: new AbortController().signal });
  const outcomes = await core.build([...files], { outRoot: out, jobs: 2, ...options });
  const failed = outcomes.find((o) => o.error);
  if (failed) throw new Error(`${failed.file}: ${failed.error?.message}`);
  return out;
}

/**
 * Temporary folders (and the file systems a test mounts on some of them) for one test file: `fresh` makes a
 * folder, `mounts` takes what the test mounted; after the file's tests, the mounts are undone (lazily when
 * busy) and the folders removed.
 */
export function scratchFolders(): { fresh: (prefix: string) => Promise<string>; mounts: string[] } {
  const dirs: string[] = [];
  const mounts: string[] = [];
  afterAll(async () => {
    for (const m of mounts.reverse()) {
      try {
        execFileSync('umount', [m], { stdio: 'ignore' });
      } catch {
        execFileSync('umount', ['-l', m], { stdio: 'ignore' });
      }
    }
    await Promise.all(dirs.map(removeDir));
  });
  const fresh = async (prefix: string) => {
    const dir = await tempDir(prefix);
    dirs.push(dir);
    return dir;
  };
  return { fresh, mounts };
}
