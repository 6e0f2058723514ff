/**
 * The PDF stage: an HTML file of a deck's folder → PDF bytes, printed in Chromium as laid out (the deck's
 * print page, or the notes handout). Requests outside the deck's folder are refused and fail the export.
 */
import path from 'node:path';
import type { Browser } from '../browser/browser.js';
import type { ShowOptions } from '../browser/page.js';
import { MujazError } from '../errors.js';

export interface PrintOptions extends Pick<ShowOptions, 'swappable' | 'timeouts' | 'reveal'> {
  /** The PDF's page, in CSS px. */
  page: { width: number; height: number };
  /** The window it is laid out in (default: the page's size). */
  viewport?: { width: number; height: number };
  /** Work for this thread while Chromium prints (the page needs nothing of it then); its failure fails the print. */
  whilePrinting?: () => Promise<void>;
}

export async function printPdf(browser: Browser, file: string, options: PrintOptions): Promise<Uint8Array> {
  const { page: size, viewport = size, whilePrinting, ...show } = options;
  const pdf = await browser.withPage(async (page) => {
    await page.show(file, { viewport, ...show });
    const bytes = await page.pdf(size, show.timeouts, whilePrinting);
    const blocked = page.blockedRequests();
    if (blocked.length > 0) {
      throw new MujazError(
        'BUILD_FAILED',
        `the ${path.basename(file, '.html') === 'handout' ? 'handout' : 'deck'} tried to load files outside its folder: ${blocked.slice(0, 3).join(', ')}`,
      );
    }
    return bytes;
  }, file);
  performance.mark(`${path.basename(path.dirname(file))}/${path.basename(file)}: printed`);
  return pdf;
}
