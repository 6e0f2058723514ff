/**
 * The preview server's gatekeeping, as pure functions: which Host and Origin headers are ours, and which
 * request paths may reach the static handler at all. Paths are decoded first and checked afterwards, so
 * `/%2e%2e/` is refused exactly like `/../`.
 */

import { realpath } from 'node:fs/promises';
import path from 'node:path';

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

/**
 * Whether `pathname` (checked by safePathname) names a file inside `root` through no symbolic link: the
 * real path of what it names must be `root`'s real path joined with it, so a link anywhere on the way, to
 * /etc/passwd or to a folder outside, is refused (a deck mujaz writes holds no links). Missing files pass:
 * the static handler answers them 404.
 */
export async function withoutLinks(root: string, pathname: string): Promise<boolean> {
  const base = await realpath(root);
  const lexical = path.join(base, pathname);
  const real = await realpath(lexical).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : undefined));
  if (real === undefined) return false;
  if (real === null) {
    // Not there: still, no link may lead to where it would be (a link to a folder outside, then a name in it).
    const parent = await realpath(path.dirname(lexical)).catch(() => null);
    return parent === null || parent === path.dirname(lexical);
  }
  return real === lexical.replace(/\/$/, '') || (real === base && lexical === `${base}/`);
}
