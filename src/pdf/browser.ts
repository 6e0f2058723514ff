/**
 * One headless Chromium for a whole run, shared by every deck, always closed (killed if closing hangs).
 * Puppeteer is imported here only, lazily, so commands that never export never load it.
 */
import type { Browser, Page } from 'puppeteer-core';
import { MujazError } from '../errors.js';
import type { Reporter } from '../reporter.js';
import { PipeTransport, runningAsRoot, spawnBrowser, type SpawnedBrowser } from './spawn.js';

/** The bound on every wait of the export, in milliseconds. */
export interface Timeouts {
  launch: number;
  navigation: number;
  ready: number;
  pdf: number;
}

export const TIMEOUTS: Readonly<Timeouts> = Object.freeze({
  launch: 30_000,
  navigation: 30_000,
  ready: 20_000,
  pdf: 60_000,
});

export interface BrowserSession {
  browser: Browser;
  /** The Chromium profile folder (mujaz-chromium-*), removed by close(). */
  profile: string;
  /** The browser's process id (the leader of its process group). */
  pid: number | undefined;
  /** Runs `fn` with a fresh page, closed afterwards whatever happens. A browser crash rejects. */
  withPage<T>(fn: (page: Page) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  executable?: string;
  reporter: Reporter;
  signal?: AbortSignal;
  /** A Chromium already started by spawnBrowser (the build starts it before reading the briefs). */
  spawned?: SpawnedBrowser;
  /** Pages opened as soon as the browser answers (a batch's --jobs), so none is opened while a deck waits. */
  pages?: number;
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

export async function launchBrowser({ executable, reporter, signal, spawned, pages = 1 }: LaunchOptions): Promise<BrowserSession> {
  const started = spawned ?? spawnBrowser(executable);
  if (runningAsRoot) reporter.info('mujaz: running as root, so Chromium runs with --no-sandbox');
  const onAbort = () => started.kill();
  signal?.addEventListener('abort', onAbort, { once: true });
  const { profile } = started;
  let browser: Browser;
  let timer: NodeJS.Timeout | undefined;
  try {
    const { default: puppeteer } = await import('puppeteer-core');
    performance.mark('puppeteer loaded');
    const exited = new Promise<never>((_, reject) => {
      started.proc.once('exit', (code, sig) => reject(new Error(`it exited (${sig ?? `code ${code}`}) before it was ready`)));
      started.proc.once('error', reject);
    });
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`it did not answer within ${TIMEOUTS.launch / 1000} s`)), TIMEOUTS.launch);
      timer.unref();
    });
    exited.catch(() => undefined);
    browser = await abortable(
      Promise.race([
        puppeteer.connect({
          transport: new PipeTransport(started.pipeWrite, started.pipeRead),
          defaultViewport: null,
          protocolTimeout: TIMEOUTS.pdf,
        }),
        exited,
        timeout,
      ]),
      signal,
    );
  } catch (error) {
    started.kill();
    signal?.removeEventListener('abort', onAbort);
    if (signal?.aborted) throw signal.reason;
    throw new MujazError('BUILD_FAILED', `could not start the browser ${started.choice.path}: ${(error as Error).message.split('\n')[0]}`, {
      cause: error,
      hint: 'check that it runs (`chromium --version`), or name another with --browser',
    });
  } finally {
    clearTimeout(timer);
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
  let closed: Promise<void> | undefined;
  // Nothing of the browser is kept after an export, so it is stopped outright: no graceful shutdown to wait for.
  const close = () =>
    (closed ??= (async () => {
      closing = true;
      signal?.removeEventListener('abort', onAbort);
      await browser.disconnect().catch(() => undefined);
      await started.stop();
      performance.mark('browser closed');
    })());

  // Opening a page costs Chromium a few hundred milliseconds (a renderer process starts), so: the first deck
  // prints in the tab Chromium opened at start (about:blank); a batch opens its other pages, one per job,
  // as soon as the browser answers, while the briefs are still being read; and a page that printed a deck
  // well is kept for the next. Each page opened is in a browser context, and so a window, of its own: tabs
  // of one window hide each other, and a hidden tab throttles its work. A page whose print failed is
  // closed, never reused. (Reused pages print the same bytes as fresh ones: tests/quality/reproducible.test.ts
  // compares a batch's PDFs with single builds.)
  performance.mark('browser connected');
  const openPage = async (): Promise<Page> => (await browser.createBrowserContext()).newPage();
  const initialPage = async (): Promise<Page> => {
    const blank = (await browser.pages()).find((p) => p.url() === 'about:blank');
    return blank ?? openPage();
  };
  const opening: Promise<Page>[] = [initialPage(), ...Array.from({ length: Math.max(0, pages - 1) }, openPage)];
  for (const p of opening) p.catch(() => undefined);
  const idle: Page[] = [];
  const takePage = async (): Promise<Page> => {
    const kept = idle.pop();
    if (kept) return kept;
    const opened = opening.shift();
    return opened ? opened.catch(() => openPage()) : openPage();
  };
  const closePage = async (page: Page) => {
    const context = page.browserContext();
    // The default context (Chromium's first tab) cannot be closed: close the tab.
    if (context === browser.defaultBrowserContext()) await page.close().catch(() => undefined);
    else await context.close().catch(() => undefined);
  };

  const withPage = async <T>(fn: (page: Page) => Promise<T>): Promise<T> => {
    if (signal?.aborted) throw signal.reason;
    if (crashed) throw crashed;
    if (closing) throw new MujazError('BUILD_FAILED', 'the browser was already closed');
    let page: Page;
    try {
      page = await takePage();
    } catch (error) {
      if (!browser.connected) throw crashError();
      throw error;
    }
    let failPage: ((e: MujazError) => void) | undefined;
    const onError = (e: Error) => failPage?.(new MujazError('BUILD_FAILED', `the browser page crashed: ${e.message}`));
    const crash = new Promise<never>((_, reject) => {
      failPage = reject;
      crashWaiters.add(reject);
      page.on('error', onError);
    });
    crash.catch(() => undefined);
    let reusable = false;
    try {
      const result = await abortable(Promise.race([fn(page), crash]), signal);
      reusable = true;
      return result;
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      // A killed browser first shows as "Target closed" or "Connection closed" from whatever was waiting.
      if (!(error instanceof MujazError) && !browser.connected && !closing) throw crashError();
      throw error;
    } finally {
      if (failPage) crashWaiters.delete(failPage);
      page.off('error', onError);
      if (reusable && !closing && browser.connected && !page.isClosed()) idle.push(page);
      else await closePage(page);
    }
  };

  return { browser, profile, pid: started.proc.pid, withPage, close };
}
