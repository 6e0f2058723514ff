import type { Reporter } from '../reporter.js';
import type { BuildCommandOptions } from './build.js';

export async function watchBuild(_files: string[], _options: BuildCommandOptions, _reporter: Reporter, _signal: AbortSignal): Promise<void> {
  throw new Error('build --watch: being written (issue 5)');
}
