/**
 * The deck's print page (the slides as the PDF prints them, templates/print.hbs), written into the deck's
 * folder for the fit stage to measure and the PDF and PNG outputs to print: the deck written last is not
 * rendered or written again.
 */
import path from 'node:path';
import type { Deck } from '../deck/model.js';
import type { PrintPage } from '../fit/measure.js';
import { PRINT_PAGE, PRINT_VIEWPORT } from '../render/pages.js';
import { renderPrint } from '../render/render.js';
import { writeText } from '../write/output.js';

export interface PrintPageOptions {
  /** The deck's folder, with its assets. */
  dir: string;
  csp: string;
  /** The assets' state (src/assets/assets.ts assetsVersion). */
  assets: string;
}

export function printPageWriter({ dir, csp, assets }: PrintPageOptions): PrintPage {
  const file = path.join(dir, PRINT_PAGE);
  let written: Deck | undefined;
  let html: string | undefined;
  const write = async (deck: Deck) => {
    if (deck !== written) {
      html = await renderPrint({ deck, csp, assets });
      await writeText(dir, PRINT_PAGE, html);
      written = deck;
    }
    return file;
  };
  return Object.assign(write, { html: () => html, viewport: PRINT_VIEWPORT });
}
