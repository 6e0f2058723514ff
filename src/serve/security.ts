/**
 * The preview server's gatekeeping, as pure functions: which Host and Origin headers are ours, and which
 * request paths may reach the static handler at all. Paths are decoded first and checked afterwards, so
 * `/%2e%2e/` is refused exactly like `/../`.
 */

import { constants } from 'node:fs';
import { type FileHandle, open, realpath } from 'node:fs/promises';
import path from 'node:path';
import { handlePath, isInside } from '../brief/read-file.js';

/** The only address the preview server listens on. */
export const LISTEN_HOST = '127.0.0.1';

/** Host names a browser on this machine uses for the server (a DNS-rebinding page sends its own name). */
const LOCAL_NAMES = ['127.0.0.1', 'localhost'] as const;

/** `Host` header values that address this server: `127.0.0.1:PORT` or `localhost:PORT`. */
export function hostAllowed(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const h = host.trim().toLowerCase();
  return LOCAL_NAMES.some((name) => h === `${name}:${port}` || (port === 80 && h === name));
}

/** The origins a page served by this server has. */
export function ownOrigins(port: number): string[] {
  return LOCAL_NAMES.map((name) => (port === 80 ? `http://${name}` : `http://${name}:${port}`));
}

/** A WebSocket upgrade is accepted only from a page this server served (browsers always send Origin). */
export function originAllowed(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return false;
  return ownOrigins(port).includes(origin.trim().toLowerCase());
}

/**
 * The decoded pathname of a request target, or null when it must not be served: not an origin-form path,
 * badly encoded, containing NUL, a backslash, an empty/`.`/`..` segment or a dotfile segment (after
 * decoding, so `%2e%2e`, `%2f` and `%5c` cannot smuggle any of these past the check).
 */
export function safePathname(rawUrl: string | undefined): string | null {
  if (rawUrl === undefined || !rawUrl.startsWith('/') || rawUrl.startsWith('//')) return null;
  const end = rawUrl.search(/[?#]/);
  const raw = end === -1 ? rawUrl : rawUrl.slice(0, end);
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (/[\0\\]/.test(decoded)) return null;
  // A second round of decoding must change nothing: `%252e%252e` is refused rather than guessed at.
  if (/%[0-9a-f]{2}/i.test(decoded)) return null;
  const segments = decoded.split('/').slice(1);
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    const last = i === segments.length - 1;
    if (s === '' && !last) return null; // `//` inside the path
    if (s.startsWith('.')) return null; // `.`, `..` and dotfiles (`.mujaz`, `.git`)
  }
  return decoded;
}

/** A file the preview may send: open (read from this handle only), a regular file, and its size. */
export interface ServedFile {
  handle: FileHandle;
  size: number;
}

/**
 * Opens the file `pathname` (checked by safePathname) names in `root` (a real path the server resolved
 * itself) as the preview may serve it, or null: opened once without following a link at its end
 * (O_NOFOLLOW) and without blocking (O_NONBLOCK: a FIFO returns at once), then checked on that handle: a
 * regular file (not a FIFO, a device or a folder) whose path, as the kernel has it for the handle, is
 * `root` joined with `pathname`, so a link anywhere on the way (to /etc/passwd, a deck folder replaced by a
 * link to a folder outside) is refused, with no time between the check and the read for a swap (a deck
 * mujaz writes holds no links). The caller reads from the handle and closes it.
 */
export async function openServed(root: string, pathname: string): Promise<ServedFile | null> {
  const target = path.join(root, pathname);
  if (!isInside(root, target)) return null;
  let handle: FileHandle;
  try {
    handle = await open(target, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return null; // missing, a link (ELOOP), a part of the path not a folder, unreadable
  }
  try {
    const info = await handle.stat();
    // Where the kernel cannot say (no /proc), the path's real path stands in.
    const real = (await handlePath(handle)) ?? (await realpath(target).catch(() => undefined));
    if (info.isFile() && real === target) return { handle, size: info.size };
  } catch {
    // fall through: not served
  }
  await handle.close();
  return null;
}
