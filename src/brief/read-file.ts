/**
 * The one way mujaz reads a file a user names (a brief, its report, its theme, a report for `init --from`,
 * a logo): opened once, never blocking on the open (a FIFO opened for reading with O_NONBLOCK returns at
 * once), checked on that handle (fstat: a regular file, its size) and read from that same handle up to a
 * limit and one byte more, so a FIFO, /dev/zero, a folder or a 1.5 GB file is refused at once with what it
 * is, memory stays bounded, and what is read is what was checked (no check by path and read by path).
 */
import { constants, type Stats } from 'node:fs';
import { type FileHandle, open, readlink } from 'node:fs/promises';
import path from 'node:path';

export interface ReadOptions {
  /** Refuse a symbolic link as the last part of the path (O_NOFOLLOW): for files checked to be inside a folder. */
  noFollow?: boolean;
  /** Ctrl-C or SIGTERM: the read stops between chunks and throws the signal's reason. */
  signal?: AbortSignal | undefined;
  /**
   * A folder (its real path) the file opened must be inside, whatever happened to the path since it was
   * checked (a folder on the way swapped for a link): the handle's own path is asked (Linux: /proc/self/fd).
   */
  within?: string;
}

/** The path the kernel has for an open file (Linux), or undefined where it cannot tell. */
export async function handlePath(handle: FileHandle): Promise<string | undefined> {
  return readlink(`/proc/self/fd/${handle.fd}`).catch(() => undefined);
}

/** Whether `file` is inside the folder `dir` (both real, absolute paths). */
export function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

export type ReadResult =
  | { ok: true; bytes: Uint8Array; size: number; handleStats: Stats }
  | {
      ok: false;
      /** What is wrong, after the file's name: "is a named pipe (FIFO), not a file". */
      problem: string;
      /** Why: the file is not there, it is not a regular file, it is over the limit, it cannot be read. */
      reason: 'missing' | 'not-a-file' | 'too-large' | 'unreadable' | 'link';
      /** Its size, when it is a regular file. */
      size?: number;
      /** The bytes read (at most limit + 1), when it is too large: where the limit falls. */
      head?: Uint8Array;
    };

/** What a file that is not a regular file is, as a message names it. */
export function fileKind(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  if (info.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/** A size as people read it: "1.5 GiB", "700 KiB", "12 bytes". */
export function sizeInWords(bytes: number): string {
  const one = (n: number) => n.toFixed(1).replace(/\.0$/, '');
  if (bytes >= 1024 ** 3) return `${one(bytes / 1024 ** 3)} GiB`;
  if (bytes >= 1024 ** 2) return `${one(bytes / 1024 ** 2)} MiB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}

const CHUNK = 256 * 1024;

/**
 * Reads at most `limit` bytes of an open file from its start (a shorter file gives what it has), in chunks,
 * stopping when `signal` aborts: memory grows with what is there, never past the limit.
 */
export async function readUpTo(handle: FileHandle, limit: number, signal?: AbortSignal): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let length = 0;
  while (length < limit) {
    signal?.throwIfAborted();
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK, limit - length));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, length);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    length += bytesRead;
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length);
}

/**
 * A regular file's bytes, at most `limit` (a file over it gives `too-large` with its first limit + 1 bytes,
 * read from the same handle), or why it cannot be read.
 */
export async function readRegularFile(file: string, limit: number, options: ReadOptions = {}): Promise<ReadResult> {
  options.signal?.throwIfAborted();
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK | (options.noFollow ? constants.O_NOFOLLOW : 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, reason: 'missing', problem: 'does not exist' };
    if (code === 'ENOTDIR') return { ok: false, reason: 'missing', problem: 'does not exist (a part of its path is a file, not a folder)' };
    if (code === 'ELOOP' || code === 'EMLINK') return { ok: false, reason: 'link', problem: 'is a symbolic link' };
    if (code === 'EACCES' || code === 'EPERM') return { ok: false, reason: 'unreadable', problem: 'cannot be read: permission denied' };
    if (code === 'ENXIO' || code === 'ENODEV') return { ok: false, reason: 'not-a-file', problem: 'is a device or socket, not a file' };
    return { ok: false, reason: 'unreadable', problem: `cannot be read (${code ?? (error as Error).message})` };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { ok: false, reason: 'not-a-file', problem: `is ${fileKind(info)}, not a file` };
    if (options.within !== undefined) {
      const real = await handlePath(handle);
      if (real !== undefined && !isInside(options.within, real))
        return { ok: false, reason: 'link', problem: `leads outside its folder (to ${real}): a link was put on its way` };
    }
    // Never more than the limit and one byte (to know it is over), whatever size it claims: memory stays bounded.
    const bytes = await readUpTo(handle, limit + 1, options.signal);
    if (bytes.length > limit) {
      const size = Math.max(info.size, bytes.length);
      return { ok: false, reason: 'too-large', problem: `is ${sizeInWords(size)}, more than the limit of ${sizeInWords(limit)}`, size, head: bytes };
    }
    return { ok: true, bytes, size: info.size, handleStats: info };
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    return { ok: false, reason: 'unreadable', problem: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  } finally {
    await handle.close();
  }
}
