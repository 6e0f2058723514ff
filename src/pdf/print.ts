/**
 * A page of a built deck folder → PDF bytes: the build's print page (print.html, static), the handout, or
 * reveal's own print view of index.html. Waits for what the page needs (reveal's `pdf-ready` for the last,
 * every font face for all) and never a fixed time; every wait is bounded. Requests outside the deck's
 * folder are refused. Every failure is a MujazError that says what was being waited for.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { MujazError } from '../errors.js';
import { TIMEOUTS, type BrowserSession, type Timeouts } from './browser.js';

export interface Overflow {
  id: string;
  group: string;
  /** Pixels the content is taller (or wider) than the slide frame. */
  by: number;
}

export interface PrintedPage {
  pdf: Uint8Array;
  overflows: Overflow[];
  /** Requests the deck tried to make outside its folder (refused). */
  blocked: string[];
}

export interface PageOptions {
  width: number;
  height: number;
  /**
   * How the page becomes printable. 'reveal' (the default): reveal.js's print view of a deck (`?print-pdf`),
   * ready when reveal fires pdf-ready. 'slides': mujaz's print page (print.html), the same layout written
   * down with no script, ready once loaded. 'document': printed as laid out (the handout). The slides of
   * the first two are measured for overflow.
   */
  view?: 'reveal' | 'slides' | 'document';
  /** Shorter (or longer) bounds on the waits than TIMEOUTS; tests use this to fail fast. */
  timeouts?: Partial<Timeouts>;
  /** Work for mujaz's own thread while Chromium loads the page the first time (it overlaps the export). */
  whileLoading?: () => Promise<void>;
  /**
   * Called when slides overflow, before anything is printed: it rewrites the page's file (cutting the
   * overflowing lists onto more slides) or throws; the page is then loaded and measured again.
   */
  refit?: (overflows: Overflow[]) => Promise<void>;
}

/** The window the print page is loaded in (see printDeck). */
const SLIDES_VIEWPORT = { width: 16, height: 16 } as const;

/** The attribute templates/runtime/deck.js sets on <html> when reveal fires `pdf-ready`. */
export const PDF_READY_ATTRIBUTE = 'data-mujaz-pdf-ready';

/** Pages whose requests already go through interception (a page prints several decks in a batch). */
const intercepting = new WeakSet<Page>();

/**
 * Refuses every request outside `dir` (recorded in `blocked`) and records the page's errors, until the
 * returned function removes the listeners.
 */
async function guard(page: Page, dir: string, blocked: string[], errors: string[]): Promise<() => void> {
  const root = pathToFileURL(dir + path.sep).href;
  if (!intercepting.has(page)) {
    await page.setRequestInterception(true);
    intercepting.add(page);
  }
  const onRequest = (req: HTTPRequest) => {
    const url = req.url();
    if (url.startsWith(root) || url.startsWith('data:') || url === 'about:blank') void req.continue().catch(() => undefined);
    else {
      blocked.push(url);
      void req.abort('blockedbyclient').catch(() => undefined);
    }
  };
  const onError = (e: unknown) => errors.push((e as Error).message);
  page.on('request', onRequest);
  page.on('pageerror', onError);
  return () => {
    page.off('request', onRequest);
    page.off('pageerror', onError);
  };
}

/** Rejects after `ms` with a message naming what was awaited; the timer never keeps the process alive. */
function bounded<T>(what: string, ms: number, promise: Promise<T>, hint?: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new MujazError('BUILD_FAILED', `timed out after ${ms / 1000} s waiting for ${what}`, { hint: hint ?? 'open the deck in a browser and look for errors in its console' })),
      ms,
    );
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs in the page, once it is loaded (and, for reveal, laid out): loads every bundled font face, shows every
 * slide to the PDF's structure tree (reveal hides all but one), lets layout and paint settle for two frames,
 * then measures the slides that overflow their frame. One round trip; self-contained, as Puppeteer sends
 * its source to the page.
 */
async function preparePage(measure: boolean): Promise<{ failedFonts: string[]; overflows: { id: string; group: string; by: number }[] }> {
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
  const overflows: { id: string; group: string; by: number }[] = [];
  if (measure) {
    for (const frame of Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides section.slide > .frame'))) {
      const section = frame.parentElement as HTMLElement;
      const by = Math.max(frame.scrollHeight - frame.clientHeight, frame.scrollWidth - frame.clientWidth);
      if (by > 1) overflows.push({ id: section.id, group: section.dataset.group ?? section.id, by });
    }
  }
  return { failedFonts, overflows };
}

/** Pages whose document is a print page (print.html) that printed well: the next deck can be swapped in. */
const showingPrintPage = new WeakSet<Page>();

/**
 * Runs in the page: shows the print page `html` (another deck's) in place of the one loaded, without
 * loading anything again: the theme, reveal's styles and the fonts stay as they are, which is most of the
 * cost of loading a print page. Only when both pages have the same head (the same styles, in the same
 * order; the title aside); otherwise returns false and the page is loaded from its file. Images of the new
 * slides (a logo) are read from the new deck's folder, `url`. A batch then prints the same bytes as single
 * builds (tests/quality/reproducible.test.ts).
 */
async function swapIn(html: string, url: string): Promise<boolean> {
  const next = new DOMParser().parseFromString(html, 'text/html');
  const head = (d: Document) => Array.from(d.head.children).filter((e) => e.tagName !== 'TITLE').map((e) => e.outerHTML).join('\n');
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

function isTimeout(error: unknown): boolean {
  return (error as Error | undefined)?.name === 'TimeoutError';
}

export async function printDeck(session: BrowserSession, htmlFile: string, opts: PageOptions): Promise<PrintedPage> {
  const t = { ...TIMEOUTS, ...opts.timeouts };
  const name = path.basename(htmlFile);
  const label = `${path.basename(path.dirname(htmlFile))}/${name}`;
  let step = `opening ${name}`;
  try {
    return await session.withPage(async (page) => {
      const blocked: string[] = [];
      const errors: string[] = [];
      page.setDefaultTimeout(t.pdf);
      const view = opts.view ?? 'reveal';
      // mujaz's print page is laid out at fixed sizes, whatever the window: its window is kept tiny, so that
      // Chromium paints almost nothing on screen while it loads (about a tenth of a batch's time), and the
      // PDF is the same to the byte (tests/pdf/export.test.ts compares it with reveal's own print view).
      const viewport = view === 'slides' ? SLIDES_VIEWPORT : { width: opts.width, height: opts.height };
      const [unguard] = await Promise.all([guard(page, path.dirname(htmlFile), blocked, errors), page.setViewport(viewport)]);
      try {
        const url = pathToFileURL(htmlFile).href + (view === 'reveal' ? '?print-pdf' : '');
        let overflows: Overflow[] = [];
        for (let load = 0; ; load++) {
          step = `opening ${name}`;
          blocked.length = 0;
          errors.length = 0;
          performance.mark(`${label}: goto`);
          // A page already showing a print page takes the next deck's slides in place (see swapIn); any
          // other page loads the file.
          const swapping = view === 'slides' && showingPrintPage.has(page);
          showingPrintPage.delete(page);
          const loading = swapping
            ? readFile(htmlFile, 'utf8').then((html) => bounded(`${name} to be shown`, t.navigation, page.evaluate(swapIn, html, url)))
            : page.goto(url, { waitUntil: 'load', timeout: t.navigation }).then(() => true);
          loading.catch(() => undefined);
          if (load === 0 && opts.whileLoading) await opts.whileLoading();
          if (!(await loading)) await page.goto(url, { waitUntil: 'load', timeout: t.navigation });
          performance.mark(`${label}: loaded`);

          if (view === 'reveal') {
            step = 'waiting for reveal.js to lay out the print view';
            await page.waitForSelector(`html[${PDF_READY_ATTRIBUTE}]`, { timeout: t.ready }).catch((error: unknown) => {
              if (!isTimeout(error)) throw error;
              throw new MujazError('BUILD_FAILED', `${name} never became ready to print (reveal.js did not fire pdf-ready within ${t.ready / 1000} s)`, {
                hint: errors.length ? `the page reported: ${errors.join('; ')}` : 'open the deck in a browser and look for errors in its console',
              });
            });
            performance.mark(`${label}: pdf-ready`);
          }

          step = 'waiting for the fonts and measuring the slides';
          const prepared = await bounded('the fonts to load and the slides to be measured', t.ready, page.evaluate(preparePage, view !== 'document'));
          performance.mark(`${label}: prepared`);
          if (prepared.failedFonts.length > 0) {
            throw new MujazError('BUILD_FAILED', `a bundled font could not be loaded: ${prepared.failedFonts.join(', ')}`, {
              hint: 'the deck folder may be incomplete; build it again',
            });
          }
          if (errors.length > 0) {
            throw new MujazError('BUILD_FAILED', `${name} raised an error in the browser: ${errors[0]}`);
          }
          if (view === 'slides') showingPrintPage.add(page);
          overflows = prepared.overflows;
          if (overflows.length === 0 || !opts.refit) break;
          // Nothing is printed until every slide fits: the same page loads the re-cut deck.
          await opts.refit(overflows);
        }

        step = 'printing the PDF';
        const pdf = await page.pdf({
          width: `${opts.width}px`,
          height: `${opts.height}px`,
          printBackground: true,
          preferCSSPageSize: false,
          tagged: true,
          outline: false,
          // preparePage has loaded every face and awaited document.fonts.ready: no second round trip.
          waitForFonts: false,
          timeout: t.pdf,
        });
        return { pdf, overflows, blocked };
      } finally {
        unguard();
      }
    });
  } catch (error) {
    if (error instanceof MujazError) throw error;
    if (isTimeout(error)) {
      throw new MujazError('BUILD_FAILED', `timed out while ${step} (${name})`, {
        cause: error,
        hint: 'open the deck in a browser and look for errors in its console; a very large deck may need more memory',
      });
    }
    throw new MujazError('BUILD_FAILED', `the browser failed while ${step} (${name}): ${String((error as Error)?.message ?? error).split('\n')[0]}`, {
      cause: error,
      hint: 'run the build again; set MUJAZ_DEBUG=1 for details',
    });
  }
}
