/**
 * The deck's fonts: Amiri, prepared once by scripts/make-fonts.mjs and committed in templates/fonts/
 * (fonts.css declares each subset with its unicode-range). Only these files ever draw the deck.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { templatesDir } from '../paths.js';

export const fontsDir = path.join(templatesDir, 'fonts');

export function fontFiles(): { file: string; path: string }[] {
  return readdirSync(fontsDir)
    .filter((f) => /\.(woff2|css|txt)$/.test(f))
    .sort()
    .map((file) => ({ file, path: path.join(fontsDir, file) }));
}
