/**
 * The registry of outputs, in the order a build writes them: the HTML deck, then what the browser prints or
 * photographs (the deck's PDF, the PNGs, the handout), and the PowerPoint. Adding an output is its module,
 * its entry here, and its flag (./flags.ts) with its field in OutputOptions (./output.ts).
 */
import { handout } from './handout.js';
import { html } from './html.js';
import type { Output, OutputOptions } from './output.js';
import { pdf } from './pdf.js';
import { png } from './png.js';
import { pptx } from './pptx.js';

export type { Made, Output, OutputJob, OutputOptions } from './output.js';

export const OUTPUTS: readonly Output[] = [html, pdf, png, handout, pptx];

/** The options a build was given, completed: only the PDF by default; a scale asks for the PNGs. */
export function outputOptions(given: Partial<OutputOptions> & { pdf: boolean }): OutputOptions {
  return {
    pdf: given.pdf,
    handout: Boolean(given.handout),
    pptx: Boolean(given.pptx),
    png: given.png ?? given.scale !== undefined,
    scale: given.scale ?? 1,
  };
}

/** The outputs these options ask for, in the registry's order. */
export function requested(options: OutputOptions): Output[] {
  return OUTPUTS.filter((o) => o.wanted(options));
}
