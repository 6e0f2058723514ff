/** One picture per slide, `<slug>-01.png` …: the print page the fit stage measured, photographed slide by slide. */
import { pngName, slidePngs } from '../png/png.js';
import { SLIDE } from '../deck/model.js';
import { writeText } from '../write/output.js';
import type { Output } from './output.js';

export const png: Output = {
  id: 'png',
  wanted: (o) => o.png,
  browser: true,
  async write({ deck, dir, browser, printPage, options }) {
    if (!browser || !printPage) return undefined;
    const pictures = await slidePngs(browser, await printPage(deck), { size: SLIDE, scale: options.scale });
    const pngs = pictures.map((_, i) => pngName(deck.slug, i, pictures.length));
    await Promise.all(pictures.map((bytes, i) => writeText(dir, pngs[i]!, bytes)));
    performance.mark(`${deck.slug}: png written`);
    return { pngs };
  },
};
