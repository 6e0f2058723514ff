/** The title slide's logos and the theme's, read from the deck's folder (src/assets copied them there) for the PPTX. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { imageInfo } from '../brief/images.js';
import type { Deck } from '../deck/model.js';
import { MujazError } from '../errors.js';
import type { LogoImage } from './page.js';

export async function readLogos(dir: string, deck: Deck): Promise<Map<string, LogoImage>> {
  const logos = new Map<string, LogoImage>();
  const named = [...deck.slides.flatMap((s) => (s.kind === 'title' ? s.body.logos : [])), ...deck.brand.logos];
  for (const { src } of named) {
    if (logos.has(src)) continue;
    const bytes = new Uint8Array(await readFile(path.join(dir, src)));
    // The brief's loader has checked what the logo is; a file changed since is refused, not guessed at.
    const info = imageInfo(bytes);
    if (!info) throw new MujazError('BUILD_FAILED', `the logo ${src} is no longer a PNG, JPEG or WebP image`);
    logos.set(src, { bytes, ext: info.kind, width: info.width, height: info.height });
  }
  return logos;
}
