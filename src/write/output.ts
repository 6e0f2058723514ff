/**
 * Writing a deck safely: build into a temporary folder beside the target, swap it in only when everything
 * succeeded, delete only folders mujaz made, keep every path inside the output root, and let one build of
 * a slug run at a time.
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { MujazError } from '../errors.js';
import { SLUG } from '../brief/schema.js';
import { ownerIsDead, thisProcess, type Owner } from '../owner.js';

const MARKER = '.mujaz';
const MARKER_TEXT = 'This folder was written by mujaz; mujaz replaces it on the next build.\n';

export interface Staging {
  /** The temporary folder to write into. */
  dir: string;
  /** The folder the deck will be in. */
  target: string;
  /** Swaps the temporary folder in (the previous deck goes only after the new one is in place). */
  commit(): Promise<void>;
  /** Removes the temporary folder and releases the lock. */
  dispose(): Promise<void>;
}

/** A failed write, said as its cause (a full disk, a read-only folder) with what to do. */
export function writeError(error: unknown, what: string): MujazError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOSPC'
      ? 'the disk is full'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EROFS'
          ? 'the file system is read-only'
          : (error as Error).message;
  return new MujazError('BUILD_FAILED', `could not write ${what}: ${reason}`, {
    cause: error,
    hint: code === 'ENOSPC' ? 'free some disk space and build again' : 'choose a writable folder with --out',
  });
}

/** Resolves output/<slug> and proves it is a direct child of the output root. */
export function targetFor(outRoot: string, slug: string): string {
  if (!SLUG.test(slug)) {
    throw new MujazError('INVALID_INPUT', `the slug "${slug}" is not valid: it must match ${SLUG.source}`, {
      hint: 'use lower-case latin letters, digits and hyphens, e.g. "issi-russia-roundtable"',
    });
  }
  const root = path.resolve(outRoot);
  const target = path.resolve(root, slug);
  if (path.dirname(target) !== root || path.basename(target) !== slug) {
    throw new MujazError('INVALID_INPUT', `the output path for "${slug}" leaves ${root}`);
  }
  return target;
}

/** Whether mujaz wrote this folder (it holds mujaz's marker): the only folders it replaces, or lists. */
export async function madeByMujaz(dir: string): Promise<boolean> {
  try {
    return (await readFile(path.join(dir, MARKER), 'utf8')) === MARKER_TEXT;
  } catch {
    return false;
  }
}

/** Marks a folder as mujaz's own (a deck's staging folder, the catalogue's assets). */
export async function markAsMujaz(dir: string): Promise<void> {
  await writeFile(path.join(dir, MARKER), MARKER_TEXT);
}

/** Refuses to replace anything mujaz did not write: a foreign folder, a file, a link. */
async function checkReplaceable(target: string): Promise<boolean> {
  const existing = await lstat(target).catch(() => undefined);
  if (!existing) return false;
  if (existing.isDirectory() && (await madeByMujaz(target))) return true;
  const what = existing.isSymbolicLink() ? 'is a link' : existing.isDirectory() ? 'exists and was not written by mujaz (it has no .mujaz marker)' : 'is a file';
  throw new MujazError('BUILD_FAILED', `${target} ${what}; it is left untouched`, {
    hint: 'move it away, or build into another folder with --out',
  });
}

/**
 * Temporary folders of this slug left by a build that was killed (ours: marked, and no build owns them
 * while we hold the lock). A build killed in the middle of the swap leaves the previous deck in a "-old"
 * folder and no deck in place: that deck is put back first, so nothing the user had is lost.
 */
async function cleanLeftovers(root: string, slug: string, target: string): Promise<void> {
  const pattern = new RegExp(`^\\.mujaz-tmp-${slug}-[0-9a-f]{8}(-old)?$`);
  const names = await readdir(root).catch(() => [] as string[]);
  const ours: string[] = [];
  for (const name of names) {
    const dir = path.join(root, name);
    if (
      pattern.test(name) &&
      (await lstat(dir).then(
        (s) => s.isDirectory(),
        () => false,
      )) &&
      (await madeByMujaz(dir))
    )
      ours.push(name);
  }
  const old = ours.find((n) => n.endsWith('-old'));
  if (
    old &&
    !(await lstat(target).then(
      () => true,
      () => false,
    ))
  ) {
    await rename(path.join(root, old), target).catch(() => undefined);
  }
  for (const name of ours) {
    if (
      name === old &&
      !(await lstat(path.join(root, name)).then(
        () => true,
        () => false,
      ))
    )
      continue;
    await rm(path.join(root, name), { recursive: true, force: true }).catch(() => undefined);
  }
}

/**
 * How a build waits for the lock of its slug. `stage` takes these from LOCK_TIMING; a test may shorten them
 * (and be told of each wait) so that it waits for what happens, not for the clock.
 */
export interface LockTiming {
  /** How long a build waits for another build of the same slug. */
  waitMs: number;
  /** How often it tries the lock again meanwhile. */
  retryMs: number;
  /**
   * The lock library's own staleness, for a lock whose owner cannot be asked (another host on a shared
   * folder): its owner touches it every `updateMs`, so one untouched for `staleMs` is dead. A lock whose
   * owner is on this host is judged at once by its owner (src/owner.ts), not by its age. (The library
   * takes no less than 2 s and 1 s.)
   */
  staleMs: number;
  updateMs: number;
  /** Told each time the lock is found held by a live build, before the build waits `retryMs`. */
  onWait?: () => void;
}

export const LOCK_TIMING: Readonly<LockTiming> = { waitMs: 60_000, retryMs: 250, staleMs: 60_000, updateMs: 5_000 };

/** A lock with no owner written yet is being taken; one older than this without an owner was left by a kill. */
const OWNERLESS_MS = 5_000;

/**
 * Where a lock's owner is written: beside the lock folder, not in it (the library checks that the folder's
 * modification time is its own, and a file made in it would change that).
 */
const ownerFile = (lockPath: string) => `${lockPath}.owner`;

/** The owner recorded for a lock, as its text and parsed; undefined where none is (yet). */
async function lockOwner(lockPath: string): Promise<{ text: string; owner: Owner | undefined } | undefined> {
  const text = await readFile(ownerFile(lockPath), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    return { text, owner: JSON.parse(text) as Owner };
  } catch {
    return { text, owner: undefined };
  }
}

/**
 * Removes the lock if the build that holds it is gone (killed: it could not release it): its process is
 * dead, or it died before it could write itself down. True if removed, so the lock can be taken at once.
 */
async function removeIfOwnerDead(lockPath: string): Promise<boolean> {
  const found = await lockOwner(lockPath);
  if (found?.owner === undefined) {
    // None written yet (or half written): dead only if it has stayed so for a while.
    const made = await stat(lockPath).catch(() => undefined);
    if (!made || Date.now() - made.mtimeMs < OWNERLESS_MS) return false;
  } else if (!ownerIsDead(found.owner)) return false;
  // Another build may have seen the same dead owner and taken the lock since: remove only the lock seen.
  if ((await lockOwner(lockPath))?.text !== found?.text) return false;
  await rm(lockPath, { recursive: true, force: true });
  await rm(ownerFile(lockPath), { force: true });
  return true;
}

/**
 * One build of a slug at a time: a second one waits for the first (up to a minute), then fails clearly;
 * a lock whose owner is dead is taken over at once. Only "held by another build" is worth waiting for;
 * any other error (read-only, not a folder) fails now.
 */
async function lockSlug(root: string, slug: string, target: string, signal: AbortSignal | undefined, timing: LockTiming) {
  const lockPath = path.join(root, `.${slug}.lock`);
  const state: { compromised?: Error } = {};
  const deadline = Date.now() + timing.waitMs;
  for (;;) {
    let release: (() => Promise<void>) | undefined;
    try {
      release = await lockfile.lock(target, {
        realpath: false,
        lockfilePath: lockPath,
        retries: 0,
        stale: timing.staleMs,
        update: timing.updateMs,
        // The default throws from a timer and would crash the process; fail the build instead.
        onCompromised: (error) => {
          state.compromised = error;
        },
      });
      await writeFile(ownerFile(lockPath), JSON.stringify(thisProcess()));
      const held = release;
      const unlock = async () => {
        await rm(ownerFile(lockPath), { force: true }).catch(() => undefined);
        await held().catch(() => undefined);
      };
      return { unlock, state };
    } catch (error) {
      if (release) {
        await release().catch(() => undefined);
        throw error;
      }
      if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
        if (await removeIfOwnerDead(lockPath)) continue;
        if (Date.now() <= deadline && !signal?.aborted) {
          timing.onWait?.();
          await new Promise((resolve) => setTimeout(resolve, timing.retryMs));
          continue;
        }
      }
      throw error;
    }
  }
}

/**
 * The lock of a folder-wide file of the output root (the catalogue, `index.html`): held by one build at a
 * time, with the same waiting and dead-owner rules as a deck's. `name` is not a slug (it has `_`), so it
 * never shares a deck's lock. Returns the function that releases it.
 */
export async function lockRoot(outRoot: string, name: string, signal?: AbortSignal, timing: Partial<LockTiming> = {}): Promise<() => Promise<void>> {
  const root = path.resolve(outRoot);
  try {
    const lock = await lockSlug(root, name, path.join(root, name), signal, { ...LOCK_TIMING, ...timing });
    return lock.unlock;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new MujazError('BUILD_FAILED', `another build is still writing ${name} in ${root}`, { hint: 'wait for it to finish, then build again' });
    }
    throw writeError(error, `the output folder ${root}`);
  }
}

/**
 * Writes a file whole or not at all: into a temporary file beside it, then renamed over it, so a reader
 * (a browser, another build) sees the old bytes or the new, never half. Unchanged bytes are not written.
 */
export async function writeAtomic(file: string, bytes: string | Uint8Array): Promise<void> {
  const next = typeof bytes === 'string' ? Buffer.from(bytes) : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const old = await readFile(file).catch(() => undefined);
  if (old?.equals(next)) return;
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temp, next);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw writeError(error, file);
  }
}

export async function stage(outRoot: string, slug: string, signal?: AbortSignal, timing: Partial<LockTiming> = {}): Promise<Staging> {
  const target = targetFor(outRoot, slug);
  const root = path.dirname(target);
  try {
    await mkdir(root, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') {
      throw new MujazError('BUILD_FAILED', `the output folder ${root} is a file, not a folder`, { hint: 'name a folder with --out' });
    }
    throw writeError(error, `the output folder ${root}`);
  }
  // Whether the target may be replaced is decided under the lock only: outside it, another build may be
  // in the middle of swapping its deck in, and the folder would seem to vanish or lack its marker.
  let lock: Awaited<ReturnType<typeof lockSlug>>;
  try {
    lock = await lockSlug(root, slug, target, signal, { ...LOCK_TIMING, ...timing });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOCKED') {
      throw new MujazError('BUILD_FAILED', `another build of ${slug} is still running`, { hint: 'wait for it to finish, then build again' });
    }
    throw writeError(error, `the output folder ${root}`);
  }
  const compromised = () => lock.state.compromised;
  let released = false;
  const unlock = async () => {
    if (released) return;
    released = true;
    await lock.unlock();
  };
  const dir = path.join(root, `.mujaz-tmp-${slug}-${randomBytes(4).toString('hex')}`);
  try {
    await cleanLeftovers(root, slug, target);
    await checkReplaceable(target);
    await mkdir(dir);
    await markAsMujaz(dir);
  } catch (error) {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    await unlock();
    throw error instanceof MujazError ? error : writeError(error, `the output folder ${root}`);
  }
  return {
    dir,
    target,
    async commit() {
      const lost = compromised();
      if (lost) {
        throw new MujazError('BUILD_FAILED', `lost the lock on ${target} (${lost.message}); the previous deck is left as it was`, {
          hint: 'build again',
        });
      }
      const old = `${dir}-old`;
      const hadOld = await checkReplaceable(target);
      try {
        if (hadOld) await rename(target, old);
        await rename(dir, target);
      } catch (error) {
        if (hadOld) await rename(old, target).catch(() => undefined);
        throw writeError(error, target);
      }
      // The new deck is in place: failing to delete the old one must not fail the build.
      if (hadOld) await rm(old, { recursive: true, force: true }).catch(() => undefined);
    },
    async dispose() {
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
      await unlock();
    },
  };
}

export async function writeText(dir: string, rel: string, text: string | Uint8Array): Promise<void> {
  try {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  } catch (error) {
    throw writeError(error, rel);
  }
}
