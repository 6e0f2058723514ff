/** Shared test helpers: run the real CLI, build briefs into temporary folders, drive real Chromium. */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll } from 'vitest';
import { findBrowser } from '../../src/browser/find.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const bundledBrief = path.join(repoRoot, 'briefs', 'issi-russia-roundtable.yaml');
export const cliPath = path.join(repoRoot, 'bin', 'mujaz.js');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `mujaz ARGS` as a user would (the compiled CLI; `npm test` builds it first). */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<CliResult> {
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

export async function tempDir(prefix = 'mujaz-test-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** Real Chromium, with the flags this machine needs. */
export async function launchChromium(): Promise<Browser> {
  const args = [
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--font-render-hinting=none',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return puppeteer.launch({ executablePath: findBrowser().path, args, headless: true });
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
