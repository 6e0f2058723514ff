/** What a build is asked for: the one options type of the command line, the core's modes and the library. */
import type { OutputOptions } from '../outputs/index.js';

export interface BuildOptions extends Partial<OutputOptions> {
  /** The output root: each deck is written to `<outRoot>/<slug>/`. */
  outRoot: string;
  /** The deck's PDF (the other outputs are off unless asked for: src/outputs/). */
  pdf: boolean;
  /** Warnings fail the build. */
  strict?: boolean;
  /** Decks built at once (a batch). */
  jobs?: number;
  /** The Chrome/Chromium to start (the --browser option). */
  executable?: string;
}
