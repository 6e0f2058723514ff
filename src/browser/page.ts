/**
 * A page of the browser and what it shows. `show(file)` makes the page show a file of a deck's folder, laid
 * out, with every bundled font loaded: loaded from disk, swapped in (a print page whose head is the same as
 * the one shown), or left as it is (the same file and text, already shown: the fit stage measured it, the
 * PDF stage prints it). Requests outside the file's folder are refused. Every wait is bounded, and every
 * failure is a MujazError that says what was being waited for.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { MujazError } from '../errors.js';

/** The bound on every wait, in milliseconds. */
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

/** The attribute templates/runtime/deck.js sets on <html> when reveal fires `pdf-ready`. */
export const PDF_READY_ATTRIBUTE = 'data-mujaz-pdf-ready';

export interface ShowOptions {
  /** The window's size. */
  viewport: { width: number; height: number };
  /**
   * reveal.js's own print view of a deck (`index.html?print-pdf`, what a reader gets printing from the
   * browser), ready when reveal fires pdf-ready. mujaz itself prints print.html, the same layout written
   * down with no script (tests compare the two).
   */
  reveal?: boolean;
  /** A page showing another deck's print page with the same head may take this one in place, without loading. */
  swappable?: boolean;
  /** Shorter (or longer) bounds on the waits than TIMEOUTS; tests use this to fail fast. */
  timeouts?: Partial<Timeouts>;
}

export interface Shown {
  /** Requests the page tried to make outside its folder (refused). */
  blocked: string[];
}

/** Rejects after `ms` with a message naming what was awaited; the timer never keeps the process alive. */
export function bounded<T>(what: string, ms: number, promise: Promise<T>, hint?: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new MujazError('BUILD_FAILED', `timed out after ${ms / 1000} s waiting for ${what}`, {
            hint: hint ?? 'open the deck in a browser and look for errors in its console',
          }),
        ),
      ms,
    );
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function isTimeout(error: unknown): boolean {
  return (error as Error | undefined)?.name === 'TimeoutError';
}

/**
 * Runs in the page, once it is loaded: loads every bundled font face, shows every slide to the PDF's
 * structure tree (reveal hides all but one), and lets layout and paint settle for two frames. One round
 * trip; self-contained, as Puppeteer sends its source to the page.
 */
async function settle(): Promise<{ failedFonts: string[] }> {
  // Every bundled face is loaded before printing, not only those layout has asked for so far: a face first
  // needed while printing would still be loading (font-display: block), and its text would print blank.
  const faces: FontFace[] = [];
  document.fonts.forEach((face) => faces.push(face));
  await Promise.all(faces.map((face) => face.load().catch(() => face)));
  await document.fonts.ready;
  const failedFonts: string[] = [];
  document.fonts.forEach((face) => {
    if (face.status === 'error') failedFonts.push(`${face.family} ${face.weight} (${face.unicodeRange.slice(0, 24)}…)`);
  });
  for (const section of Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides section'))) {
    section.hidden = false;
    section.removeAttribute('hidden');
    section.removeAttribute('aria-hidden');
  }
  await new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  return { failedFonts };
}

/**
 * Runs in the page: shows the print page `html` (another deck's) in place of the one loaded, without
 * loading anything again: the theme, reveal's styles and the fonts stay as they are, which is most of the
 * cost of loading a print page. Only when both pages have the same head (the same styles, in the same
 * order; the title aside, the author's meta tag included); otherwise returns false and the page is loaded from its file. Images of the new
 * slides (a logo) are read from the new deck's folder, `url`. A batch then prints the same bytes as single
 * builds (tests/quality/reproducible.test.ts).
 */
async function swapIn(html: string, url: string): Promise<boolean> {
  const next = new DOMParser().parseFromString(html, 'text/html');
  const head = (d: Document) =>
    Array.from(d.head.children)
      .filter((e) => e.tagName !== 'TITLE')
      .map((e) => e.outerHTML)
      .join('\n');
  if (head(next) !== head(document)) return false;
  for (const img of Array.from(next.querySelectorAll('img[src]'))) img.setAttribute('src', new URL(img.getAttribute('src') ?? '', url).href);
  const root = document.documentElement;
  for (const a of Array.from(root.attributes)) root.removeAttribute(a.name);
  for (const a of Array.from(next.documentElement.attributes)) root.setAttribute(a.name, a.value);
  document.title = next.title;
  document.body.replaceWith(document.adoptNode(next.body));
  // What loading the file would wait for: every image loaded and decoded (a broken one prints as such).
  await Promise.all(Array.from(document.images).map((img) => img.decode().catch(() => undefined)));
  return true;
}

/** What a page shows: the file's URL and text, and whether it may take another print page in place. */
interface Showing {
  url: string;
  html: string;
  viewport: string;
  swappable: boolean;
  blocked: string[];
}

export class DeckPage {
  private showing: Showing | undefined;
  private intercepting = false;
  private root: string | undefined;
  private blocked: string[] = [];
  private errors: string[] = [];

  constructor(readonly page: Page) {
    page.on('request', (req: HTTPRequest) => this.onRequest(req));
    page.on('pageerror', (e: unknown) => this.errors.push((e as Error).message));
  }

  private onRequest(req: HTTPRequest): void {
    const url = req.url();
    if ((this.root !== undefined && url.startsWith(this.root)) || url.startsWith('data:') || url === 'about:blank') void req.continue().catch(() => undefined);
    else {
      this.blocked.push(url);
      void req.abort('blockedbyclient').catch(() => undefined);
    }
  }

  /** Shows `file` laid out and ready to measure or print (see the module's comment). */
  async show(file: string, options: ShowOptions): Promise<Shown> {
    const t = { ...TIMEOUTS, ...options.timeouts };
    const name = path.basename(file);
    const label = `${path.basename(path.dirname(file))}/${name}`;
    const url = pathToFileURL(file).href + (options.reveal ? '?print-pdf' : '');
    const viewport = `${options.viewport.width}x${options.viewport.height}`;
    const html = await readFile(file, 'utf8');
    const before = this.showing;
    if (before && before.url === url && before.html === html && before.viewport === viewport && !options.reveal) {
      return { blocked: [...before.blocked] };
    }
    this.showing = undefined;
    this.page.setDefaultTimeout(t.pdf);
    this.root = pathToFileURL(path.dirname(file) + path.sep).href;
    this.blocked = [];
    this.errors = [];
    let step = `opening ${name}`;
    try {
      await Promise.all([
        this.intercepting ? undefined : this.page.setRequestInterception(true).then(() => (this.intercepting = true)),
        before?.viewport === viewport ? undefined : this.page.setViewport(options.viewport),
      ]);
      performance.mark(`${label}: goto`);
      // A page showing a print page takes the next deck's slides in place (see swapIn); any other loads the file.
      const swapping = Boolean(options.swappable && before?.swappable);
      const loading = swapping
        ? bounded(`${name} to be shown`, t.navigation, this.page.evaluate(swapIn, html, url))
        : this.page.goto(url, { waitUntil: 'load', timeout: t.navigation }).then(() => true);
      if (!(await loading)) await this.page.goto(url, { waitUntil: 'load', timeout: t.navigation });
      performance.mark(`${label}: loaded`);

      if (options.reveal) {
        step = 'waiting for reveal.js to lay out the print view';
        await this.page.waitForSelector(`html[${PDF_READY_ATTRIBUTE}]`, { timeout: t.ready }).catch((error: unknown) => {
          if (!isTimeout(error)) throw error;
          throw new MujazError('BUILD_FAILED', `${name} never became ready to print (reveal.js did not fire pdf-ready within ${t.ready / 1000} s)`, {
            hint: this.errors.length ? `the page reported: ${this.errors.join('; ')}` : 'open the deck in a browser and look for errors in its console',
          });
        });
        performance.mark(`${label}: pdf-ready`);
      }

      step = 'waiting for the fonts';
      const settled = await bounded('the fonts to load and the slides to be laid out', t.ready, this.page.evaluate(settle));
      performance.mark(`${label}: prepared`);
      if (settled.failedFonts.length > 0) {
        throw new MujazError('BUILD_FAILED', `a bundled font could not be loaded: ${settled.failedFonts.join(', ')}`, {
          hint: 'the deck folder may be incomplete; build it again',
        });
      }
      if (this.errors.length > 0) throw new MujazError('BUILD_FAILED', `${name} raised an error in the browser: ${this.errors[0]}`);
      this.showing = { url, html, viewport, swappable: Boolean(options.swappable), blocked: [...this.blocked] };
      return { blocked: [...this.blocked] };
    } catch (error) {
      throw this.failure(error, step, name);
    }
  }

  /**
   * The page, showing `file`, was changed in place to what `html` is (the fit stage set slides a step
   * larger in the laid-out page): showing `file` again with that content needs no load. A page showing
   * another file is left as it is.
   */
  adopt(file: string, html: string): void {
    if (this.showing?.url === pathToFileURL(file).href) this.showing = { ...this.showing, html };
  }

  /**
   * A failure while showing or printing, as a MujazError that says what was being done; left as it is when
   * the browser itself has gone (the owner reports that: src/browser/browser.ts).
   */
  private failure(error: unknown, step: string, name: string): unknown {
    if (error instanceof MujazError || !this.page.browser().connected) return error;
    if (isTimeout(error)) {
      return new MujazError('BUILD_FAILED', `timed out while ${step} (${name})`, {
        cause: error,
        hint: 'open the deck in a browser and look for errors in its console; a very large deck may need more memory',
      });
    }
    return new MujazError('BUILD_FAILED', `the browser failed while ${step} (${name}): ${String((error as Error)?.message ?? error).split('\n')[0]}`, {
      cause: error,
      hint: 'run the build again; set MUJAZ_DEBUG=1 for details',
    });
  }

  /** Requests refused since the page began to show its file (also those made while printing). */
  blockedRequests(): string[] {
    return [...this.blocked];
  }

  /** Runs `fn` in the page (what it shows stays as it is). */
  evaluate<T, A extends unknown[] = []>(fn: (...args: A) => T | Promise<T>, ...args: A): Promise<T> {
    return this.page.evaluate(fn as (...a: unknown[]) => T, ...args) as Promise<T>;
  }

  /** Whether the page shows `file` as it was last shown or adopted. */
  shows(file: string): boolean {
    return this.showing?.url === pathToFileURL(file).href;
  }

  /**
   * Pictures of the page's slides (the print page's `.pdf-page`s), `size` CSS px each, as PNG bytes of
   * `scale` pixels per CSS px (the page is zoomed by `scale`: the window must be `scale` times `size`).
   * Each slide is shown alone at the top of the window in turn, and the page is put back as it was after.
   */
  async slidePictures(size: { width: number; height: number }, scale = 1, timeouts?: Partial<Timeouts>): Promise<Uint8Array[]> {
    const t = { ...TIMEOUTS, ...timeouts };
    const name = this.showing ? path.basename(new URL(this.showing.url).pathname) : 'the page';
    const only = (n: number, zoom: number) =>
      this.page.evaluate(
        (i: number, z: number) => {
          document.documentElement.style.zoom = z === 1 ? '' : String(z);
          const pages = Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides .pdf-page'));
          pages.forEach((e, j) => {
            e.style.display = i < 0 || j === i ? '' : 'none';
          });
          return pages.length;
        },
        n,
        zoom,
      );
    try {
      const count = await only(0, scale);
      const pictures: Uint8Array[] = [];
      // From the view, not the compositor's surface: a window behind another (a batch's second page) has no
      // surface painted, and its pictures would come out blank. The view is drawn at the window's own
      // pixel ratio, so a larger picture is a zoomed page rather than an emulated ratio.
      const clip = { x: 0, y: 0, width: size.width * scale, height: size.height * scale };
      for (let i = 0; i < count; i++) {
        if (i > 0) await only(i, scale);
        const shot = this.page.screenshot({ type: 'png', clip, fromSurface: false, captureBeyondViewport: false });
        pictures.push(await bounded('a slide to be photographed', t.pdf, shot));
      }
      await only(-1, 1);
      return pictures;
    } catch (error) {
      throw this.failure(error, 'taking pictures of the slides', name);
    }
  }

  /**
   * The page as a PDF of pages `width`×`height` (CSS px), tagged, with its backgrounds; `during`, once
   * Chromium has been asked for it, runs while it prints (its failure is its own, and the print is let go).
   */
  async pdf(size: { width: number; height: number }, timeouts?: Partial<Timeouts>, during?: () => Promise<void>): Promise<Uint8Array> {
    const printing = this.print(size, timeouts);
    if (!during) return printing;
    printing.catch(() => undefined);
    // Puppeteer sends the command a few promise steps in: once they have run, it is on its way.
    await new Promise<void>((sent) => setImmediate(sent));
    try {
      await during();
    } catch (error) {
      await printing.catch(() => undefined);
      throw error;
    }
    return printing;
  }

  private async print(size: { width: number; height: number }, timeouts?: Partial<Timeouts>): Promise<Uint8Array> {
    const t = { ...TIMEOUTS, ...timeouts };
    const name = this.showing ? path.basename(new URL(this.showing.url).pathname) : 'the page';
    try {
      return await this.page.pdf({
        width: `${size.width}px`,
        height: `${size.height}px`,
        printBackground: true,
        preferCSSPageSize: false,
        tagged: true,
        outline: false,
        // show() has loaded every face and awaited document.fonts.ready: no second round trip.
        waitForFonts: false,
        timeout: t.pdf,
      });
    } catch (error) {
      throw this.failure(error, 'printing the PDF', name);
    }
  }
}
