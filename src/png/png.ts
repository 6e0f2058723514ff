/**
 * The PNG stage: the deck's print page (the slides the PDF prints, as the fit stage measured them) → one
 * picture per slide, at the deck's size times `scale`. Requests outside the deck's folder fail the export,
 * as they fail the PDF's.
 */
import type { Browser } from '../browser/browser.js';
import { MujazError } from '../errors.js';

export interface PngOptions {
  /** The slide, in CSS px. */
  size: { width: number; height: number };
  /** Pixels per CSS px: 2 gives 2560×1440 pictures of 1280×720 slides. */
  scale: number;
}

/** The largest scale: a 1280×720 slide at 4× is 5120×2880, already past what a slide pasted anywhere needs. */
export const MAX_SCALE = 4;

export function pngName(slug: string, index: number, count: number): string {
  return `${slug}-${String(index + 1).padStart(Math.max(2, String(count).length), '0')}.png`;
}

export async function slidePngs(browser: Browser, file: string, options: PngOptions): Promise<Uint8Array[]> {
  const { size, scale } = options;
  return browser.withPage(async (page) => {
    await page.show(file, { viewport: { width: size.width * scale, height: size.height * scale }, swappable: true });
    const pictures = await page.slidePictures(size, scale);
    const blocked = page.blockedRequests();
    if (blocked.length > 0) throw new MujazError('BUILD_FAILED', `the deck tried to load files outside its folder: ${blocked.slice(0, 3).join(', ')}`);
    return pictures;
  }, file);
}
