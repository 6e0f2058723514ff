/**
 * The notes handout, `<slug>-handout.pdf` (with the deck's PDF): each slide with its speaker notes and the
 * report paragraphs it cites, rendered into the deck's folder, printed, and finished while the next output
 * uses the browser. A slide's notes may flow onto a second page: each bookmark opens where its slide's
 * article starts.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { buildHandout, HANDOUT_PAGE, handoutAnchor } from '../deck/handout.js';
import { handoutMarkingCss, renderHandout } from '../render/handout.js';
import { HANDOUT_FILE, HANDOUT_MARKING } from '../render/pages.js';
import { writeText } from '../write/output.js';
import type { Output } from './output.js';
import { pdfMeta, preparePdf } from './pdf-meta.js';

export const handout: Output = {
  id: 'handout',
  wanted: (o) => o.pdf && o.handout,
  browser: true,
  prepare: preparePdf,
  async write({ deck, dir, csp, loaded, browser }, alongside) {
    if (!browser) return undefined;
    const { printPdf } = await import('../pdf/print.js');
    const marking = handoutMarkingCss(deck);
    if (marking !== null) await writeText(dir, HANDOUT_MARKING, marking);
    await writeText(dir, HANDOUT_FILE, await renderHandout({ deck, csp, pages: buildHandout(deck, loaded.report?.paragraphs ?? []) }));
    const printed = await printPdf(browser, path.join(dir, HANDOUT_FILE), { page: HANDOUT_PAGE, whilePrinting: alongside });
    await rm(path.join(dir, HANDOUT_FILE), { force: true });
    await rm(path.join(dir, HANDOUT_MARKING), { force: true });
    return async () => {
      const { finishPdf } = await import('../pdf/postprocess.js');
      await writeText(dir, `${deck.slug}-handout.pdf`, await finishPdf(printed, { ...pdfMeta(deck), anchors: deck.slides.map(handoutAnchor) }));
      return undefined;
    };
  },
};
