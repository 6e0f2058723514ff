/**
 * Folders mujaz makes in the system's temporary folder (a browser profile, the preview's output root), and
 * what to say when it cannot: TMPDIR naming a read-only, missing or full folder is the user's to fix, not
 * a bug to report. Node built-ins only (src/browser/launch.ts loads before anything else).
 */
import { mkdtempSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MujazError } from './errors.js';

/** The temporary folder cannot hold what mujaz needs there (`what`): why, and what to do. */
export function temporaryFolderError(error: unknown, what: string, tmp = os.tmpdir()): MujazError {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT'
      ? 'it does not exist'
      : code === 'ENOTDIR'
        ? 'it is not a folder'
        : code === 'EROFS'
          ? 'it is on a read-only file system'
          : code === 'EACCES' || code === 'EPERM'
            ? 'it may not be written (permission denied)'
            : code === 'ENOSPC'
              ? 'the disk is full'
              : (error as Error).message;
  const from = process.env.TMPDIR ? ` (TMPDIR=${process.env.TMPDIR})` : '';
  return new MujazError('BUILD_FAILED', `cannot make ${what} in the temporary folder ${tmp}${from}: ${why}; nothing was written`, {
    cause: error,
    hint:
      code === 'ENOSPC'
        ? 'free some disk space, or set TMPDIR to a folder on another disk'
        : 'set TMPDIR to a writable folder (e.g. `mkdir -p ~/tmp && export TMPDIR=~/tmp`), or unset it',
  });
}

/** mkdtemp in the temporary folder, failing with temporaryFolderError. */
export function makeTempDirSync(prefix: string, what: string): string {
  const tmp = os.tmpdir();
  try {
    return mkdtempSync(path.join(tmp, prefix));
  } catch (error) {
    throw temporaryFolderError(error, what, tmp);
  }
}

export async function makeTempDir(prefix: string, what: string): Promise<string> {
  const tmp = os.tmpdir();
  try {
    return await mkdtemp(path.join(tmp, prefix));
  } catch (error) {
    throw temporaryFolderError(error, what, tmp);
  }
}
