/**
 * One headless Chromium for a whole run, shared by every deck, always closed (killed if closing hangs).
 * Puppeteer is imported here only, lazily, so commands that never export never load it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { MujazError } from '../errors.js';
import type { Reporter } from '../reporter.js';
import { findBrowser } from './browser-path.js';

/** The bound on every wait of the export, in milliseconds. */
export interface Timeouts {
  launch: number;
  navigation: number;
  ready: number;
  pdf: number;
  close: number;
}

export const TIMEOUTS: Readonly<Timeouts> = Object.freeze({
  launch: 30_000,
  navigation: 30_000,
  ready: 20_000,
  pdf: 60_000,
  close: 5_000,
});

// Without the networking flags Chromium keeps trying to reach hosts this machine cannot reach.
const ARGS = [
  '--headless=new',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
  '--allow-file-access-from-files',
];

export interface BrowserSession {
  browser: Browser;
  /** The Chromium profile folder (mujaz-chromium-*), removed by close(). */
  profile: string;
  /** Runs `fn` with a fresh page, closed afterwards whatever happens. A browser crash rejects. */
  withPage<T>(fn: (page: Page) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  executable?: string;
  reporter: Reporter;
  signal?: AbortSignal;
}

/** Rejects when the signal aborts, so every wait can be cut short by Ctrl-C. */
export function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  // Once given up on, whatever the promise still does must not end the process as an unhandled rejection.
  promise.catch(() => undefined);
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

export async function launchBrowser({ executable, reporter, signal }: LaunchOptions): Promise<BrowserSession> {
  const choice = findBrowser(executable);
  const args = [...ARGS];
  if (typeof process.getuid === 'function' && process.getuid() === 0) {
    args.push('--no-sandbox');
    reporter.info('mujaz: running as root, so Chromium runs with --no-sandbox');
  }
  const profile = await mkdtemp(path.join(os.tmpdir(), 'mujaz-chromium-'));
  const { default: puppeteer } = await import('puppeteer-core');
  let browser: Browser;
  try {
    browser = await abortable(
      puppeteer.launch({
        executablePath: choice.path,
        headless: true,
        args,
        userDataDir: profile,
        pipe: true,
        timeout: TIMEOUTS.launch,
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        protocolTimeout: TIMEOUTS.pdf,
        // Ctrl-C kills the browser's whole process group at once, even in the middle of launching.
        ...(signal ? { signal } : {}),
      }),
      signal,
    );
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    if (signal?.aborted) throw signal.reason;
    throw new MujazError('BUILD_FAILED', `could not start the browser ${choice.path}: ${(error as Error).message.split('\n')[0]}`, {
      cause: error,
      hint: 'check that it runs (`chromium --version`), or name another with --browser',
    });
  }

  let crashed: MujazError | undefined;
  let closing = false;
  const crashWaiters = new Set<(e: MujazError) => void>();
  const crashError = () =>
    (crashed ??= new MujazError('BUILD_FAILED', 'the browser closed unexpectedly during the export (it crashed or was killed)', {
      hint: 'run the build again; if it keeps happening, check free memory and disk space',
    }));
  browser.on('disconnected', () => {
    if (closing) return;
    const error = crashError();
    for (const fail of crashWaiters) fail(error);
  });
  const proc = browser.process();
  /** Kills what is left of the browser: its whole process group (Puppeteer starts it as a group leader). */
  const killAll = () => {
    if (!proc?.pid) return;
    try {
      process.kill(-proc.pid, 'SIGKILL');
    } catch {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    }
  };

  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= (async () => {
      closing = true;
      let timer: NodeJS.Timeout | undefined;
      try {
        if (browser.connected) {
          await Promise.race([
            browser.close(),
            new Promise((_, reject) => {
              timer = setTimeout(() => reject(new Error('close timed out')), TIMEOUTS.close);
              timer.unref();
            }),
          ]);
        }
      } catch {
        // killed below
      } finally {
        clearTimeout(timer);
      }
      // Whatever survived a clean close, a crash or a kill of the main process (zygotes, renderers) goes now.
      killAll();
      await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => undefined);
    })());

  const withPage = async <T>(fn: (page: Page) => Promise<T>): Promise<T> => {
    if (signal?.aborted) throw signal.reason;
    if (crashed) throw crashed;
    if (closing) throw new MujazError('BUILD_FAILED', 'the browser was already closed');
    let page: Page;
    try {
      page = await browser.newPage();
    } catch (error) {
      if (!browser.connected) throw crashError();
      throw error;
    }
    let failPage: ((e: MujazError) => void) | undefined;
    const crash = new Promise<never>((_, reject) => {
      failPage = reject;
      crashWaiters.add(reject);
      page.on('error', (e) => reject(new MujazError('BUILD_FAILED', `the browser page crashed: ${e.message}`)));
    });
    crash.catch(() => undefined);
    try {
      return await abortable(Promise.race([fn(page), crash]), signal);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      // A killed browser first shows as "Target closed" or "Connection closed" from whatever was waiting.
      if (!(error instanceof MujazError) && !browser.connected && !closing) throw crashError();
      throw error;
    } finally {
      if (failPage) crashWaiters.delete(failPage);
      await page.close().catch(() => undefined);
    }
  };

  return { browser, profile, withPage, close };
}
