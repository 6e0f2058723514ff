/** `mujaz serve BRIEF`: the core's live preview of one brief. */
import type { Core } from '../core/core.js';

export interface ServeCommandOptions {
  port: number;
  open?: boolean;
}

export async function serveCommand(core: Core, brief: string, options: ServeCommandOptions): Promise<void> {
  await core.serve(brief, { port: options.port, ...(options.open ? { open: true } : {}) });
}
