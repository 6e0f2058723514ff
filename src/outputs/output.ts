/**
 * What an output is: one module per file a build can write (the HTML deck, the PDF, the PNGs, the handout,
 * the PowerPoint), listed once in the registry (./index.ts). A module says when it is asked for,
 * whether it needs the browser, and writes its files into the deck's staging folder (its flag is in
 * ./flags.ts); the pipeline
 * (src/core/pipeline.ts) runs the ones asked for, in the registry's order.
 */
import type { Browser } from '../browser/browser.js';
import type { LoadedBrief } from '../brief/load.js';
import type { Deck } from '../deck/model.js';
import type { PrintPage } from '../fit/measure.js';

/** Which outputs a build writes, and how: the one options type of every mode, command and the library. */
export interface OutputOptions {
  /** `<slug>.pdf` (on unless --no-pdf). */
  pdf: boolean;
  /** `<slug>-handout.pdf`: each slide with its notes and the paragraphs it cites (with the PDF). */
  handout: boolean;
  /** `<slug>.pptx`: editable PowerPoint slides. */
  pptx: boolean;
  /** `<slug>-01.png` …: one picture per slide. */
  png: boolean;
  /** Pixels per CSS px of the PNGs (1 to MAX_SCALE). */
  scale: number;
}

/** What the outputs are given: the fitted deck and where to write it. */
export interface OutputJob {
  loaded: LoadedBrief;
  /** The fitted deck. */
  deck: Deck;
  /** The staging folder, with the assets already in it. */
  dir: string;
  csp: string;
  options: OutputOptions;
  /** The deck's HTML (index.html), rendered once. */
  html: () => Promise<string>;
  /** The browser, for the outputs that need one (absent when the build has none). */
  browser?: Browser;
  /** The deck's print page, as the fit stage measured it (the page still shows it). */
  printPage?: PrintPage;
}

/** What a module wrote, for the build's result. */
export interface Made {
  /** Pages of the deck's PDF. */
  pages?: number;
  pptx?: string;
  pngs?: string[];
}

/** Work left for after a module's browser work: run while the next output uses the browser. */
export type Finish = () => Promise<Made | undefined>;

export interface Output {
  id: 'html' | 'pdf' | 'png' | 'handout' | 'pptx';
  /** Whether these options ask for it. */
  wanted(options: OutputOptions): boolean;
  /** Prints or photographs in the browser. */
  browser: boolean;
  /** Loads what it needs while Chromium starts (not while it loads the deck, whose requests this thread answers). */
  prepare?(): Promise<unknown>;
  /**
   * Writes the output. A browser output runs `alongside` (once) while Chromium prints, when it can, and may
   * leave its own finishing to run while the next output uses the browser.
   */
  write(job: OutputJob, alongside: () => Promise<void>): Promise<Made | Finish | undefined>;
}
