/** The PowerPoint, `<slug>.pptx`: the fitted deck slide for slide, its logos as the deck's folder holds them. */
import { writeText } from '../write/output.js';
import type { Output } from './output.js';

export const pptx: Output = {
  id: 'pptx',
  wanted: (o) => o.pptx,
  browser: false,
  async write({ deck, dir }) {
    const [{ writePptx }, { readLogos }] = await Promise.all([import('../pptx/pptx.js'), import('../pptx/logos.js')]);
    const file = `${deck.slug}.pptx`;
    await writeText(dir, file, writePptx(deck, { logos: await readLogos(dir, deck) }));
    performance.mark(`${deck.slug}: pptx written`);
    return { pptx: file };
  },
};
