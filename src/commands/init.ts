import type { Reporter } from '../reporter.js';

export interface InitOptions {
  from?: string;
  dir: string;
  force?: boolean;
}

export async function initCommand(_slug: string, _options: InitOptions, _reporter: Reporter): Promise<void> {
  throw new Error('init: being written (issue 5)');
}
