/** `mujaz build BRIEF…`: the briefs named (files, folders, globs) built by the core, once or on every save. */
import type { Core } from '../core/core.js';
import { expandBriefArgs } from './inputs.js';

export interface BuildCommandOptions {
  out: string;
  pdf: boolean;
  handout?: boolean;
  pptx?: boolean;
  png?: boolean;
  /** Pixels per CSS px of the PNGs; implies png. */
  scale?: number;
  browser?: string;
  jobs: number;
  watch?: boolean;
  strict?: boolean;
}

export async function buildCommand(core: Core, args: string[], options: BuildCommandOptions): Promise<void> {
  const files = await expandBriefArgs(args);
  const build = {
    outRoot: options.out,
    pdf: options.pdf,
    handout: Boolean(options.handout),
    pptx: Boolean(options.pptx),
    png: Boolean(options.png) || options.scale !== undefined,
    scale: options.scale ?? 1,
    strict: Boolean(options.strict),
    jobs: options.jobs,
    ...(options.browser ? { executable: options.browser } : {}),
  };
  if (options.watch) await core.watch(files, build);
  else await core.buildAndReport(files, build);
}
