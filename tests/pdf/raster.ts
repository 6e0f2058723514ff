/**
 * PDF pages as pixels, drawn by poppler's pdftoppm: read straight from its PPM output (no PNG encoded and
 * decoded again: the same pixels, in a fraction of the time). And, for PDFs committed in tests/ that never
 * change, a cache of each page's hash, so a page that comes out the same as the committed one is known to,
 * without drawing the committed file again.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { repoRoot } from '../support/build.js';

/** One page: its size and its pixels, three bytes (RGB) a pixel, row after row. */
export interface Picture {
  width: number;
  height: number;
  rgb: Buffer;
}

/** How pdftoppm sizes the pages: a resolution (72 dpi: one pixel per point), or a size in pixels. */
export type Size = { dpi: number } | { scaleTo: [number, number] };

const sizeArgs = (size: Size): string[] =>
  'dpi' in size ? ['-r', String(size.dpi)] : ['-scale-to-x', String(size.scaleTo[0]), '-scale-to-y', String(size.scaleTo[1])];

/** The pages of a stream of binary PPMs (P6, maxval 255), as pdftoppm writes them one after another. */
export function parsePpm(bytes: Buffer): Picture[] {
  const pages: Picture[] = [];
  let at = 0;
  while (at < bytes.length) {
    const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(at, at + 64).toString('latin1'));
    if (!header) throw new Error(`not a binary PPM at byte ${at}`);
    if (header[3] !== '255') throw new Error(`a PPM with maxval ${header[3]}`);
    const [width, height] = [Number(header[1]), Number(header[2])];
    const start = at + header[0].length;
    const end = start + width * height * 3;
    if (end > bytes.length) throw new Error(`a PPM cut short at byte ${bytes.length}`);
    pages.push({ width, height, rgb: bytes.subarray(start, end) });
    at = end;
  }
  return pages;
}

/** The pages of `file` (all, or `first` to `last`) drawn by pdftoppm. */
export function rasterise(file: string, size: Size, pages?: { first: number; last: number }): Promise<Picture[]> {
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  return new Promise((resolve, reject) => {
    // No output root: pdftoppm writes every page to stdout, one PPM after another.
    execFile('pdftoppm', [...sizeArgs(size), ...range, file], { encoding: 'buffer', maxBuffer: 2 ** 31 - 1, timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`pdftoppm ${file} failed: ${error.message} ${stderr.toString()}`));
      try {
        resolve(parsePpm(stdout));
      } catch (e) {
        reject(e);
      }
    });
  });
}

/** The page's pixels as RGBA, opaque: what pngjs gives for the same page written as PNG by pdftoppm. */
export function rgba(page: Picture): Buffer {
  const out = Buffer.alloc(page.width * page.height * 4, 255);
  for (let i = 0, j = 0; j < page.rgb.length; i += 4, j += 3) {
    out[i] = page.rgb[j]!;
    out[i + 1] = page.rgb[j + 1]!;
    out[i + 2] = page.rgb[j + 2]!;
  }
  return out;
}

/**
 * How many pixels differ between two pages of the same size, as pixelmatch counts them (`threshold`,
 * `includeAA`): pixelmatch itself, on RGBA, unless the pixels are the same bytes (it answers 0 for those).
 */
export function pixelsDiffering(a: Picture, b: Picture, options: { threshold: number; includeAA?: boolean }): number {
  if (a.rgb.equals(b.rgb)) return 0;
  return pixelmatch(rgba(a), rgba(b), undefined, a.width, a.height, options);
}

// ---------------------------------------------------------------- committed PDFs

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let popplerVersion: Promise<string> | undefined;

/** pdftoppm's version line (it draws the pictures: another version may draw other pixels). */
function pdftoppmVersion(): Promise<string> {
  popplerVersion ??= new Promise((resolve, reject) =>
    execFile('pdftoppm', ['-v'], { encoding: 'utf8' }, (error, stdout, stderr) => {
      const line = `${stdout}${stderr}`.split('\n').find((l) => /version/i.test(l));
      if (line) resolve(line.trim());
      else reject(error ?? new Error('pdftoppm -v said no version'));
    }),
  );
  return popplerVersion;
}

const CACHE = path.join(repoRoot, 'node_modules', '.cache', 'mujaz-tests', 'pages');

/** A page of a committed PDF: its size and the hash of its pixels, and how to draw it when they are needed. */
export interface CommittedPage {
  width: number;
  height: number;
  sha256: string;
  picture(): Promise<Picture>;
}

/**
 * The pages of a PDF that does not change (committed in tests/), each with the hash of its pixels. The hashes
 * are kept between runs in node_modules/.cache/mujaz-tests/, keyed by the file's bytes, pdftoppm's version and
 * the size asked for; the file is drawn only when they are not there yet, and a page's pixels only when asked.
 */
export async function committedPages(file: string, size: Size): Promise<CommittedPage[]> {
  const bytes = await readFile(file);
  const key = sha256(Buffer.from(JSON.stringify([sha256(bytes), await pdftoppmVersion(), sizeArgs(size)])));
  const cached = path.join(CACHE, `${key}.json`);
  let pages: { width: number; height: number; sha256: string }[] | undefined;
  try {
    const read: unknown = JSON.parse(await readFile(cached, 'utf8'));
    if (Array.isArray(read) && read.every((p) => typeof p?.sha256 === 'string' && Number.isInteger(p.width) && Number.isInteger(p.height))) pages = read;
  } catch {
    pages = undefined; // not cached yet (or unreadable): drawn below
  }
  let drawn: Picture[] | undefined;
  if (!pages) {
    drawn = await rasterise(file, size);
    pages = drawn.map((p) => ({ width: p.width, height: p.height, sha256: sha256(p.rgb) }));
    await mkdir(CACHE, { recursive: true });
    const staged = `${cached}.${process.pid}.tmp`;
    await writeFile(staged, JSON.stringify(pages));
    await rename(staged, cached);
  }
  return pages.map((p, i) => ({
    ...p,
    picture: async () => drawn?.[i] ?? (await rasterise(file, size, { first: i + 1, last: i + 1 }))[0]!,
  }));
}

/** Whether a page drawn now has exactly the pixels of a committed page (then no pixel differs). */
export function samePixels(page: Picture, committed: CommittedPage): boolean {
  return page.width === committed.width && page.height === committed.height && sha256(page.rgb) === committed.sha256;
}
