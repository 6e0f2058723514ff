/**
 * A built deck folder → PDF bytes, through reveal's print view. Waits for reveal's `pdf-ready` and for the
 * fonts, never a fixed time; every wait is bounded. Requests outside the deck's folder are refused.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { MujazError } from '../errors.js';
import { TIMEOUTS, type BrowserSession } from './browser.js';

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
  /** Leave reveal's print view; print the page as laid out (the handout). */
  plain?: boolean;
}

async function guard(page: Page, dir: string, blocked: string[], errors: string[]): Promise<void> {
  const root = pathToFileURL(dir + path.sep).href;
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith(root) || url.startsWith('data:') || url === 'about:blank') void req.continue();
    else {
      blocked.push(url);
      void req.abort('blockedbyclient');
    }
  });
  page.on('pageerror', (e) => errors.push((e as Error).message));
}

function bounded<T>(what: string, ms: number, promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new MujazError('BUILD_FAILED', `timed out after ${ms / 1000} s waiting for ${what}`, { hint: 'open the deck in a browser and look for errors in its console' })), ms).unref(),
    ),
  ]);
}

/** Shows every slide to assistive technology and the PDF's structure tree (reveal hides all but one). */
function unhideSlides(): void {
  for (const s of Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides section'))) {
    s.hidden = false;
    s.removeAttribute('hidden');
    s.removeAttribute('aria-hidden');
  }
}

function measureOverflow(): { id: string; group: string; by: number }[] {
  const out: { id: string; group: string; by: number }[] = [];
  for (const frame of Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides section.slide > .frame'))) {
    const section = frame.parentElement as HTMLElement;
    const by = Math.max(frame.scrollHeight - frame.clientHeight, frame.scrollWidth - frame.clientWidth);
    if (by > 1) out.push({ id: section.id, group: section.dataset.group ?? section.id, by });
  }
  return out;
}

export async function printDeck(session: BrowserSession, htmlFile: string, opts: PageOptions): Promise<PrintedPage> {
  return session.withPage(async (page) => {
    const blocked: string[] = [];
    const errors: string[] = [];
    await guard(page, path.dirname(htmlFile), blocked, errors);
    await page.setViewport({ width: opts.width, height: opts.height });
    const url = pathToFileURL(htmlFile).href + (opts.plain ? '' : '?print-pdf');
    await page.goto(url, { waitUntil: 'load', timeout: TIMEOUTS.navigation });
    if (!opts.plain) {
      await page.waitForSelector('html[data-mujaz-pdf-ready]', { timeout: TIMEOUTS.ready }).catch(() => {
        throw new MujazError('BUILD_FAILED', `the deck never became ready to print (no reveal pdf-ready within ${TIMEOUTS.ready / 1000} s)`, {
          hint: errors.length ? `the page reported: ${errors.join('; ')}` : 'open the deck in a browser and look for errors in its console',
        });
      });
    }
    await bounded('the fonts to load', TIMEOUTS.ready, page.evaluate(() => document.fonts.ready.then(() => document.fonts.status)));
    if (errors.length > 0) {
      throw new MujazError('BUILD_FAILED', `the deck raised an error in the browser: ${errors[0]}`);
    }
    await page.evaluate(unhideSlides);
    const overflows = opts.plain ? [] : await page.evaluate(measureOverflow);
    const pdf = await page.pdf({
      width: `${opts.width}px`,
      height: `${opts.height}px`,
      printBackground: true,
      preferCSSPageSize: false,
      tagged: true,
      outline: false,
      timeout: TIMEOUTS.pdf,
    });
    return { pdf, overflows, blocked };
  });
}
