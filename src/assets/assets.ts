/**
 * What the HTML needs beside it, copied into the deck's folder so it works offline from file:// or any
 * static server: reveal.js and its notes plugin, the deck's theme and runtime, and the bundled fonts.
 */
import { createHash } from 'node:crypto';
import { access, copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import vm from 'node:vm';
import { MujazError } from '../errors.js';
import { writeError } from '../write/output.js';
import { nodeModules, templatesDir } from '../paths.js';
import { fontFiles } from './fonts.js';
import type { Logo } from '../brief/references.js';

interface AssetCopy {
  from: string;
  to: string;
}

const reveal = (p: string) => path.join(nodeModules, 'reveal.js', 'dist', p);

function staticAssets(): AssetCopy[] {
  return [
    { from: reveal('reset.css'), to: 'assets/reveal/reset.css' },
    { from: reveal('reveal.css'), to: 'assets/reveal/reveal.css' },
    { from: reveal('reveal.js'), to: 'assets/reveal/reveal.js' },
    { from: reveal('plugin/notes.js'), to: 'assets/reveal/notes.js' },
    { from: path.join(templatesDir, 'theme', 'mujaz.css'), to: 'assets/theme/mujaz.css' },
    { from: path.join(templatesDir, 'theme', 'handout.css'), to: 'assets/theme/handout.css' },
    { from: path.join(templatesDir, 'runtime', 'deck.js'), to: 'assets/deck.js' },
    ...fontFiles().map((f) => ({ from: f.path, to: `assets/fonts/${f.file}` })),
  ];
}

/**
 * reveal's speaker view is written into an about:blank window, which inherits the deck's policy; its
 * inline script is allowed by hash, so the policy needs no 'unsafe-inline' for scripts.
 */
async function speakerViewHashes(): Promise<string[]> {
  const source = await readFile(reveal('plugin/notes.js'), 'utf8');
  // The speaker view is one string literal (a template literal in the UMD build) from "<!--" to "</html>".
  const start = source.indexOf('<!--\n\tNOTE: You need to build the notes plugin');
  const quote = source[start - 1];
  const end = source.indexOf(`</html>${quote}`, start);
  if (start < 1 || end < 0 || !quote || !'`"\''.includes(quote)) {
    // Without the hash the deck's policy would silently block the speaker view.
    throw new MujazError('BUILD_FAILED', "could not find the speaker view in reveal.js's notes plugin", {
      hint: 'mujaz supports reveal.js 6.0; run `npm run setup` to install the version in package-lock.json',
    });
  }
  const literal = source.slice(start - 1, end + 8);
  // The literal is plain data from a package we ship; evaluate it in an empty context to read the string.
  const html = String(vm.runInNewContext(literal, Object.create(null), { timeout: 10_000 }));
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    (m) =>
      `'sha256-${createHash('sha256')
        .update(m[1] ?? '', 'utf8')
        .digest('base64')}'`,
  );
}

let cspCache: Promise<string> | undefined;

/** Nothing outside the deck's own folder: no network, no inline script but reveal's speaker view. */
export function contentSecurityPolicy(): Promise<string> {
  cspCache ??= speakerViewHashes().then((hashes) =>
    [
      "default-src 'none'",
      `script-src 'self' ${hashes.join(' ')}`.trim(),
      // reveal sets layout through inline styles and injects the print page size as a <style>.
      "style-src 'self' 'unsafe-inline'",
      "font-src 'self'",
      "img-src 'self' data:",
      "frame-src 'self'",
      "connect-src 'self'",
      "media-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
    ].join('; '),
  );
  return cspCache;
}

/**
 * Names the state of the shared assets (which files, their sizes and modification times): the print page
 * carries it, so that a page showing decks of older assets (a theme edited under `build --watch`) is loaded
 * again rather than reused. A few stat calls, not a read of the files.
 */
export async function assetsVersion(): Promise<string> {
  const copies = staticAssets();
  const stats = await Promise.all(
    copies.map((c) =>
      stat(c.from).then(
        (s) => `${c.to} ${s.size} ${s.mtimeMs}`,
        () => `${c.to} missing`,
      ),
    ),
  );
  return createHash('sha256').update(stats.join('\n')).digest('hex').slice(0, 16);
}

const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );

/** Copies every asset into `dir` (the deck's temporary folder). */
export async function writeAssets(dir: string, logos: readonly Logo[] = []): Promise<string[]> {
  const written: string[] = [];
  const copies = staticAssets();
  await Promise.all([...new Set(copies.map((c) => path.dirname(path.join(dir, c.to))))].map((d) => mkdir(d, { recursive: true })));
  try {
    await Promise.all(copies.map((c) => copyFile(c.from, path.join(dir, c.to))));
  } catch (error) {
    // A file of reveal.js or of the theme missing is an incomplete install; anything else is the output's disk.
    const missing = (await Promise.all(copies.map((c) => exists(c.from)))).includes(false);
    if (missing) {
      throw new MujazError('BUILD_FAILED', `could not copy the deck's assets: ${(error as Error).message}`, {
        cause: error,
        hint: 'run `npm run setup` to install the packages the deck needs',
      });
    }
    throw writeError(error, "the deck's assets");
  }
  written.push(...copies.map((c) => c.to));
  for (const logo of logos) {
    const to = logo.asset;
    // The bytes the brief's loader read and checked, from one handle: never the file again by its path,
    // which may have become a link to something else since (src/brief/references.ts checkImages).
    await writeFile(path.join(dir, to), logo.bytes).catch((error: unknown) => {
      throw writeError(error, `the logo ${to}`);
    });
    written.push(to);
  }
  return written.sort();
}
