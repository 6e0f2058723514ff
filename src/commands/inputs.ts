import { stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { MujazError } from '../errors.js';

/** Files, folders (their *.yaml/*.yml) and globs → a sorted, de-duplicated list of brief files. */
export async function expandBriefArgs(args: string[]): Promise<string[]> {
  if (args.length === 0) throw new MujazError('USAGE', 'name at least one brief (a .yaml file, a folder, or a glob)');
  const files: string[] = [];
  for (const arg of args) {
    if (isDynamicPattern(arg)) {
      const found = await glob(arg, { onlyFiles: true, expandDirectories: false });
      if (found.length === 0) throw new MujazError('USAGE', `no file matches ${arg}`);
      files.push(...found.sort());
      continue;
    }
    const info = await stat(arg).catch(() => undefined);
    if (info?.isDirectory()) {
      const found = await glob('*.{yaml,yml}', { cwd: arg, onlyFiles: true });
      if (found.length === 0) throw new MujazError('USAGE', `no .yaml brief in the folder ${arg}`);
      files.push(...found.sort().map((f) => `${arg.replace(/\/+$/, '')}/${f}`));
    } else {
      files.push(arg); // a missing file is reported by the loader, with the others
    }
  }
  // A file named twice (briefs/x.yaml and ./briefs/x.yaml) is one brief.
  const seen = new Set<string>();
  return files.filter((f) => {
    const key = path.resolve(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
