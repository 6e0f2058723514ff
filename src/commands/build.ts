/** `mujaz build BRIEF…`: the briefs named (files, folders, globs) built by the core, once or on every save. */
import type { Core } from '../core/core.js';
import type { OutputOptions } from '../outputs/index.js';
import { expandBriefArgs } from './inputs.js';

/** The flags as commander gives them: the outputs' own (src/outputs/), and the build's. */
export interface BuildCommandOptions extends Partial<OutputOptions> {
  out: string;
  pdf: boolean;
  browser?: string;
  jobs: number;
  watch?: boolean;
  strict?: boolean;
}

export async function buildCommand(core: Core, args: string[], options: BuildCommandOptions): Promise<void> {
  const files = await expandBriefArgs(args);
  const { out, browser, watch, jobs, strict, ...outputs } = options;
  const build = { ...outputs, outRoot: out, strict: Boolean(strict), jobs, ...(browser ? { executable: browser } : {}) };
  if (watch) await core.watch(files, build);
  else await core.buildAndReport(files, build);
}
