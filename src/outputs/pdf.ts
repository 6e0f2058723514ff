/**
 * The deck's PDF, `<slug>.pdf`: the print page the fit stage measured, printed as the page shows it (not
 * loaded again), then finished (src/pdf/postprocess.ts) while the next output uses the browser.
 */
import { SLIDE } from '../deck/model.js';
import { PRINT_VIEWPORT } from '../render/pages.js';
import { writeText } from '../write/output.js';
import type { Output } from './output.js';
import { pdfMeta, preparePdf } from './pdf-meta.js';

export const pdf: Output = {
  id: 'pdf',
  wanted: (o) => o.pdf,
  browser: true,
  prepare: preparePdf,
  async write({ deck, dir, browser, printPage }, alongside) {
    if (!browser || !printPage) return undefined;
    const { printPdf } = await import('../pdf/print.js');
    const printed = await printPdf(browser, await printPage(deck), { page: SLIDE, viewport: PRINT_VIEWPORT, swappable: true, whilePrinting: alongside });
    return async () => {
      const { finishPdf } = await import('../pdf/postprocess.js');
      await writeText(dir, `${deck.slug}.pdf`, await finishPdf(printed, pdfMeta(deck)));
      performance.mark(`${deck.slug}: pdf written`);
      return { pages: deck.slides.length };
    };
  },
};
