/**
 * Starts Chromium at once, before the brief is read and before Puppeteer is even loaded, so that the
 * browser's start-up (the larger part of an export) overlaps mujaz's own work. Node built-ins only: this
 * module must load in a few milliseconds. Puppeteer attaches later through the DevTools pipe.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { findBrowser, type BrowserChoice } from './find.js';

// Puppeteer's own launch flags (puppeteer-core 24 `defaultArgs()`), which mujaz needs since it starts
// Chromium itself: among them no throttling of background tabs (two decks print at once), tagged PDFs, and a
// fixed colour profile. Plus the networking flags without which Chromium keeps trying to reach hosts this
// machine cannot reach.
export const CHROMIUM_ARGS = [
  '--allow-pre-commit-input',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-breakpad',
  '--disable-client-side-phishing-detection',
  '--disable-component-extensions-with-background-pages',
  '--disable-crash-reporter',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-hang-monitor',
  '--disable-infobars',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding',
  '--disable-search-engine-choice-screen',
  '--disable-sync',
  '--enable-automation',
  '--export-tagged-pdf',
  '--force-color-profile=srgb',
  '--generate-pdf-document-outline',
  '--metrics-recording-only',
  '--no-first-run',
  '--password-store=basic',
  '--use-mock-keychain',
  '--disable-features=Translate,AcceptCHFrame,MediaRouter,OptimizationHints,WebUIReloadButton,ProcessPerSiteUpToMainFrameThreshold,IsolateSandboxedIframes',
  '--enable-features=PdfOopif',
  '--headless=new',
  '--hide-scrollbars',
  '--mute-audio',
  '--disable-extensions',
  // mujaz's own:
  '--disable-gpu',
  '--disable-quic',
  '--disable-component-update',
  '--no-default-browser-check',
  '--font-render-hinting=none',
  '--allow-file-access-from-files',
];

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
  /** The same, removing the profile without blocking the thread (mujaz may still be writing PDFs). */
  stop(): Promise<void>;
}

/** Starts Chromium with the DevTools pipe on fds 3 and 4 (what Puppeteer's own launcher does with `pipe: true`). */
export function spawnBrowser(executable?: string): SpawnedBrowser {
  const choice = findBrowser(executable);
  const profile = mkdtempSync(path.join(os.tmpdir(), 'mujaz-chromium-'));
  const args = [...CHROMIUM_ARGS, `--user-data-dir=${profile}`, '--remote-debugging-pipe', 'about:blank'];
  if (runningAsRoot) args.push('--no-sandbox');
  const proc = spawn(choice.path, args, {
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
  const stop = async () => {
    if (killed) return;
    killGroup();
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
