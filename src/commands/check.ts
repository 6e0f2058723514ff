/** `mujaz check BRIEF…`: the briefs named validated and linted by the core, nothing written. */
import type { Core } from '../core/core.js';
import { expandBriefArgs } from './inputs.js';

export interface CheckOptions {
  strict?: boolean;
}

export async function checkCommand(core: Core, args: string[], options: CheckOptions): Promise<void> {
  await core.check(await expandBriefArgs(args), Boolean(options.strict));
}
