import type { Reporter } from '../reporter.js';

export interface ServeOptions {
  port: number;
  open?: boolean;
}

export async function serveCommand(_brief: string, _options: ServeOptions, _reporter: Reporter, _signal: AbortSignal): Promise<void> {
  throw new Error('serve: being written (issue 5)');
}
