/**
 * Starts Chromium at once, before the brief is read and before Puppeteer is even loaded, so that the
 * browser's start-up (the larger part of an export) overlaps mujaz's own work. Node built-ins only: this
 * module must load in a few milliseconds. Puppeteer attaches later through the DevTools pipe.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { packageRoot } from '../paths.js';
import { findBrowser, type BrowserChoice } from './find.js';

/**
 * Puppeteer's own launch flags (`puppeteer.defaultArgs()`: among them no throttling of background tabs, as
 * two decks print at once, tagged PDFs and a fixed colour profile), as the installed puppeteer-core gives
 * them: `npm run build` writes them to dist/puppeteer-args.json (scripts/puppeteer-args.mjs), so that this
 * module, which bin/mujaz.js loads before anything else, needs Node's built-ins only; without the build
 * they are asked of puppeteer-core itself.
 */
export function puppeteerArgs(): string[] {
  let args: string[];
  try {
    args = JSON.parse(readFileSync(PUPPETEER_ARGS_FILE, 'utf8')) as string[];
  } catch {
    const { defaultArgs } = createRequire(import.meta.url)('puppeteer-core') as { defaultArgs(o: { headless: boolean }): string[] };
    args = defaultArgs({ headless: true });
  }
  // Its last argument is the page to open, about:blank: mujaz names it after its own flags.
  return args.filter((a) => a.startsWith('-'));
}

/** Where `npm run build` writes Puppeteer's launch flags. */
export const PUPPETEER_ARGS_FILE = path.join(packageRoot, 'dist', 'puppeteer-args.json');

/**
 * mujaz's own, besides Puppeteer's: no GPU, and none of the networking Chromium would otherwise keep trying
 * on a machine that reaches no other host; hinting off, so glyphs are placed the same on every machine; and
 * file access between the deck's own files.
 */
export const MUJAZ_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--disable-component-update',
  '--no-default-browser-check',
  '--font-render-hinting=none',
  '--allow-file-access-from-files',
];

/** Every flag Chromium is started with, but its profile and the DevTools pipe. */
export function chromiumArgs(): string[] {
  return [...puppeteerArgs(), ...MUJAZ_ARGS];
}

export const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export interface SpawnedBrowser {
  choice: BrowserChoice;
  proc: ChildProcess;
  /** The Chromium profile folder (mujaz-chromium-*), removed by kill(). */
  profile: string;
  /** DevTools pipe: what mujaz writes to, and reads from. */
  pipeWrite: Writable;
  pipeRead: Readable;
  /** Kills the browser's whole process group and removes its profile. Safe to call twice. */
  kill(): void;
  /** The same, once the browser has exited, removing the profile without blocking the thread (mujaz may still be writing PDFs). */
  stop(): Promise<void>;
}

/** Starts Chromium with the DevTools pipe on fds 3 and 4 (what Puppeteer's own launcher does with `pipe: true`). */
export function spawnBrowser(executable?: string): SpawnedBrowser {
  const choice = findBrowser(executable);
  const profile = mkdtempSync(path.join(os.tmpdir(), 'mujaz-chromium-'));
  const args = [...chromiumArgs(), `--user-data-dir=${profile}`, '--remote-debugging-pipe', 'about:blank'];
  if (runningAsRoot) args.push('--no-sandbox');
  // Whatever Chromium writes outside its profile goes inside it, and is removed with it: its temporary
  // folders (org.chromium.Chromium.*, left in the system's temporary folder by every run otherwise) and its
  // configuration (a crash-reports file under ~/.config). Its font cache (~/.cache) stays shared.
  const scratch = path.join(profile, 'tmp');
  mkdirSync(scratch);
  const env = { ...process.env, TMPDIR: scratch, XDG_CONFIG_HOME: path.join(profile, 'config') };
  const proc = spawn(choice.path, args, {
    env,
    // Its own process group, so that one kill reaches the renderers and zygotes too.
    detached: process.platform !== 'win32',
    stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
  });
  proc.on('error', () => undefined); // reported when Puppeteer cannot attach
  let killed = false;
  const killGroup = () => {
    killed = true;
    process.off('exit', kill);
    try {
      if (proc.pid) process.kill(-proc.pid, 'SIGKILL');
    } catch {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    }
  };
  // A profile Chromium was still writing as it died may stay behind, in the system's temporary folder.
  const removal = { recursive: true, force: true, maxRetries: 5, retryDelay: 50 } as const;
  const kill = () => {
    if (killed) return;
    killGroup();
    try {
      rmSync(profile, removal);
    } catch {
      // left behind (see above)
    }
  };
  const exited = new Promise<void>((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) resolve();
    else proc.once('exit', () => resolve());
  });
  const stop = async () => {
    if (killed) return;
    killGroup();
    // Once it is gone (bounded), so that no Chromium still writing into its profile leaves a part of it.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise<void>((resolve) => (timer = setTimeout(resolve, 3000).unref()))]);
    clearTimeout(timer);
    await rm(profile, removal).catch(() => undefined);
  };
  // If mujaz itself ends (an uncaught error, process.exit), the browser must not outlive it.
  process.once('exit', kill);
  return { choice, proc, profile, pipeWrite: proc.stdio[3] as Writable, pipeRead: proc.stdio[4] as Readable, kill, stop };
}

/** Starts the browser if one is found; otherwise leaves it to the export to report how to get one. */
export function spawnEarly(executable?: string): SpawnedBrowser | undefined {
  try {
    return spawnBrowser(executable);
  } catch {
    return undefined;
  }
}

/** Puppeteer's ConnectionTransport over the DevTools pipe: messages are JSON separated by NUL bytes. */
export class PipeTransport {
  onmessage?: (message: string) => void;
  onclose?: () => void;
  private pending: Buffer[] = [];
  private closed = false;

  constructor(
    private readonly pipeWrite: Writable,
    pipeRead: Readable,
  ) {
    pipeRead.on('data', (chunk: Buffer) => this.dispatch(chunk));
    pipeRead.on('close', () => this.close());
    pipeRead.on('error', () => this.close());
    pipeWrite.on('error', () => this.close());
  }

  send(message: string): void {
    if (this.closed) return;
    this.pipeWrite.write(message);
    this.pipeWrite.write('\0');
  }

  private dispatch(chunk: Buffer): void {
    let start = 0;
    for (let end = chunk.indexOf(0); end !== -1; end = chunk.indexOf(0, start)) {
      this.pending.push(chunk.subarray(start, end));
      const message = Buffer.concat(this.pending).toString('utf8');
      this.pending = [];
      start = end + 1;
      this.onmessage?.(message);
    }
    if (start < chunk.length) this.pending.push(chunk.subarray(start));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onclose?.();
  }
}
