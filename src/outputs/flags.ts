/**
 * The outputs' flags on the command line, kept apart from the outputs' modules so that a command that
 * writes nothing (check, init) loads none of them: cli.ts adds each to `mujaz build`. Each sets the
 * OutputOptions field of its name (./output.ts).
 */
import { MAX_SCALE } from '../png/png.js';
import type { OutputOptions } from './output.js';

export interface OutputFlag {
  /** The OutputOptions field it sets. */
  field: keyof OutputOptions;
  /** As commander spells it: '--handout', '--no-pdf', '--scale <n>'. */
  flags: string;
  description: string;
  /** For a flag with a value: the value read; throws an Error saying what is allowed. */
  parse?: (value: string) => number;
}

function scale(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 1 || n > MAX_SCALE) throw new Error(`expected a number from 1 to ${MAX_SCALE} (2 for pictures twice the slide's size)`);
  return n;
}

export const OUTPUT_FLAGS: readonly OutputFlag[] = [
  { field: 'pdf', flags: '--no-pdf', description: 'write the HTML deck only' },
  { field: 'handout', flags: '--handout', description: 'also write <slug>-handout.pdf with speaker notes and cited paragraphs' },
  { field: 'pptx', flags: '--pptx', description: 'also write <slug>.pptx: editable PowerPoint slides, the speaker notes as notes' },
  { field: 'png', flags: '--png', description: 'also write one picture per slide, <slug>-01.png …' },
  { field: 'scale', flags: '--scale <n>', description: `pixels per slide pixel of the PNGs, 1 to ${MAX_SCALE} (implies --png)`, parse: scale },
];
