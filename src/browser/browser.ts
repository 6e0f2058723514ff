/**
 * The one owner of the browser: one headless Chromium for a whole run, found, launched, lent out a page at
 * a time and always closed, on every path, by `close()` or `await using`. Puppeteer is imported here only,
 * lazily, so commands that never open a page never load it.
 */
import type { Browser as PuppeteerBrowser, Page } from 'puppeteer-core';
import { MujazError } from '../errors.js';
import type { Reporter } from '../reporter.js';
import { lastWords, PipeTransport, runningAsRoot, spawnBrowser, startFailure, type BrowserExit, type SpawnedBrowser } from './launch.js';
import { DeckPage, TIMEOUTS } from './page.js';

export interface BrowserOptions {
  /** The --browser option: a Chrome/Chromium to use instead of the one found (src/browser/find.ts). */
  executable?: string;
  reporter?: Reporter;
  signal?: AbortSignal;
  /** A Chromium already started (bin/mujaz.js starts it before mujaz loads, see src/browser/early.ts). */
  spawned?: SpawnedBrowser;
  /** Pages opened as soon as the browser answers (a batch's --jobs), so none is opened while a deck waits. */
  pages?: number;
}

/** Rejects when the signal aborts, so every wait can be cut short by Ctrl-C. */
function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
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

/** How long a browser whose connection closed is given to show that it exited (so its own words are told). */
const EXIT_GRACE_MS = 500;

/**
 * Attaches Puppeteer to a started Chromium over the DevTools pipe, bounded, and cut short the moment it
 * exits (watched since it was started: it may have exited before Puppeteer was even loaded). A browser
 * that ends before it answers is told with its own words on stderr.
 */
async function connect(started: SpawnedBrowser, signal: AbortSignal | undefined): Promise<PuppeteerBrowser> {
  let timer: NodeJS.Timeout | undefined;
  let transport: PipeTransport | undefined;
  const endedEarly = async (): Promise<BrowserExit | undefined> => {
    if (started.exit()) return started.exit();
    let grace: NodeJS.Timeout | undefined;
    const waited = new Promise<undefined>((resolve) => {
      grace = setTimeout(() => resolve(undefined), EXIT_GRACE_MS);
      grace.unref();
    });
    const exit = await Promise.race([started.exited, waited]);
    clearTimeout(grace);
    return exit;
  };
  try {
    const exited = started.exited.then((exit) => Promise.reject(startFailure(started, exit)));
    exited.catch(() => undefined);
    if (started.exit()) await exited;
    // Puppeteer's entry without its launcher (browser downloads, proxies: 2.5 MB of code a run would compile
    // for nothing): mujaz starts Chromium itself and connects over the pipe. The same classes as the main entry.
    const { default: puppeteer } = (await import('puppeteer-core/internal/puppeteer-core-browser.js')) as unknown as typeof import('puppeteer-core');
    performance.mark('puppeteer loaded');
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`it did not answer within ${TIMEOUTS.launch / 1000} s`)), TIMEOUTS.launch);
      timer.unref();
    });
    transport = new PipeTransport(started.pipeWrite, started.pipeRead);
    const connecting = puppeteer.connect({ transport, defaultViewport: null, protocolTimeout: TIMEOUTS.pdf });
    connecting.catch(() => undefined);
    return await abortable(Promise.race([connecting, exited, timeout]), signal);
  } catch (error) {
    // Whatever Puppeteer still waits for is given up (its timers would keep mujaz alive for a minute).
    transport?.close();
    // "Target closed" from a browser that exited: tell its exit and its words instead.
    const exit = error instanceof MujazError || signal?.aborted ? undefined : await endedEarly();
    started.kill();
    if (signal?.aborted) throw signal.reason;
    if (error instanceof MujazError) throw error;
    if (exit) throw startFailure(started, exit);
    const words = lastWords(started.stderr());
    throw new MujazError(
      'BUILD_FAILED',
      `could not start the browser ${started.choice.path}: ${(error as Error).message.split('\n')[0]}${words ? `; it said:\n    ${words}` : ''}`,
      {
        cause: error,
        hint: 'check that it runs (`chromium --headless --version`), or name another with --browser or PUPPETEER_EXECUTABLE_PATH',
      },
    );
  } finally {
    clearTimeout(timer);
  }
}

export class Browser implements AsyncDisposable {
  /** The Chromium profile folder (mujaz-chromium-*), removed by close(). */
  readonly profile: string;
  /** The browser's process id (the leader of its process group). */
  readonly pid: number | undefined;
  private crashed: MujazError | undefined;
  private closing = false;
  private closed: Promise<void> | undefined;
  private readonly crashWaiters = new Set<(e: MujazError) => void>();
  private readonly idle: DeckPage[] = [];
  private readonly opening: Promise<DeckPage>[];
  private readonly onAbort: () => void;

  private constructor(
    private readonly browser: PuppeteerBrowser,
    private readonly started: SpawnedBrowser,
    private readonly signal: AbortSignal | undefined,
    onAbort: () => void,
    pages: number,
  ) {
    this.profile = started.profile;
    this.pid = started.proc.pid;
    this.onAbort = onAbort;
    browser.on('disconnected', () => {
      if (this.closing) return;
      const error = this.crashError();
      for (const fail of this.crashWaiters) fail(error);
    });
    // Opening a page costs Chromium a few hundred milliseconds (a renderer process starts), so: the first
    // deck prints in the tab Chromium opened at start (about:blank); a batch opens its other pages, one per
    // job, as soon as the browser answers; and a page that printed a deck well is kept for the next. Each
    // page opened is in a browser context, and so a window, of its own: tabs of one window hide each other,
    // and a hidden tab throttles its work. A page whose work failed is closed, never reused.
    this.opening = [this.initialPage(), ...Array.from({ length: Math.max(0, pages - 1) }, () => this.openPage())];
    for (const p of this.opening) p.catch(() => undefined);
  }

  /** Finds and starts Chromium (or takes the one already started), and attaches to it. */
  static async launch(options: BrowserOptions = {}): Promise<Browser> {
    const started = options.spawned ?? spawnBrowser(options.executable);
    if (runningAsRoot) options.reporter?.info('mujaz: running as root, so Chromium runs with --no-sandbox');
    const onAbort = () => started.kill();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const browser = await connect(started, options.signal);
      performance.mark('browser connected');
      return new Browser(browser, started, options.signal, onAbort, options.pages ?? 1);
    } catch (error) {
      options.signal?.removeEventListener('abort', onAbort);
      throw error;
    }
  }

  private crashError(): MujazError {
    this.crashed ??= new MujazError('BUILD_FAILED', 'the browser closed unexpectedly during the export (it crashed or was killed)', {
      hint: 'run the build again; if it keeps happening, check free memory and disk space',
    });
    return this.crashed;
  }

  private async openPage(): Promise<DeckPage> {
    return new DeckPage(await (await this.browser.createBrowserContext()).newPage());
  }

  private async initialPage(): Promise<DeckPage> {
    const blank = (await this.browser.pages()).find((p) => p.url() === 'about:blank');
    return blank ? new DeckPage(blank) : this.openPage();
  }

  private async takePage(showing?: string): Promise<DeckPage> {
    // Of the pages kept, the one that shows the file (a deck's print page, measured, then printed), else the one
    // kept longest: the one kept last may show a deck just measured, whose print would then load it again.
    const at = showing === undefined ? -1 : this.idle.findIndex((p) => p.shows(showing));
    const kept = at >= 0 ? this.idle.splice(at, 1)[0] : this.idle.shift();
    if (kept) return kept;
    const opened = this.opening.shift();
    return opened ? opened.catch(() => this.openPage()) : this.openPage();
  }

  private async closePage(page: Page): Promise<void> {
    const context = page.browserContext();
    // The default context (Chromium's first tab) cannot be closed: close the tab.
    if (context === this.browser.defaultBrowserContext()) await page.close().catch(() => undefined);
    else await context.close().catch(() => undefined);
  }

  /**
   * Runs `fn` with a page, returned for the next use if `fn` succeeds and closed if not; a page that shows the
   * file `showing` if one is free (a batch keeps a page per job). A browser crash rejects.
   */
  async withPage<T>(fn: (page: DeckPage) => Promise<T>, showing?: string): Promise<T> {
    const signal = this.signal;
    if (signal?.aborted) throw signal.reason;
    if (this.crashed) throw this.crashed;
    if (this.closing) throw new MujazError('BUILD_FAILED', 'the browser was already closed');
    let deckPage: DeckPage;
    try {
      deckPage = await this.takePage(showing);
    } catch (error) {
      if (!this.browser.connected) throw this.crashError();
      throw error;
    }
    const { page } = deckPage;
    let failPage: ((e: MujazError) => void) | undefined;
    const onError = (e: Error) => failPage?.(new MujazError('BUILD_FAILED', `the browser page crashed: ${e.message}`));
    const crash = new Promise<never>((_, reject) => {
      failPage = reject;
      this.crashWaiters.add(reject);
      page.on('error', onError);
    });
    crash.catch(() => undefined);
    let reusable = false;
    try {
      const result = await abortable(Promise.race([fn(deckPage), crash]), signal);
      reusable = true;
      return result;
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      // A killed browser first shows as "Target closed" or "Connection closed" from whatever was waiting.
      if (!(error instanceof MujazError) && !this.browser.connected && !this.closing) throw this.crashError();
      throw error;
    } finally {
      if (failPage) this.crashWaiters.delete(failPage);
      page.off('error', onError);
      if (reusable && !this.closing && this.browser.connected && !page.isClosed()) this.idle.push(deckPage);
      else await this.closePage(page);
    }
  }

  /** Stops the browser outright (nothing of it is kept after an export) and removes its profile. Safe to call twice. */
  close(): Promise<void> {
    this.closed ??= (async () => {
      this.closing = true;
      this.signal?.removeEventListener('abort', this.onAbort);
      await this.browser.disconnect().catch(() => undefined);
      await this.started.stop();
      performance.mark('browser closed');
    })();
    return this.closed;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}
