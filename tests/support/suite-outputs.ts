/**
 * The suite's decks (tests/support/suite.ts) as narrower builds would have written them: the suite asks for
 * every output (--handout --pptx --png), a test may be about a deck built with fewer. A deck's folder holds
 * its HTML and assets and the deck PDF whatever the flags, and beside them one file or more per output asked
 * for; leaving out the others gives the folder a build with those flags writes (the golden test proves the
 * suite's PDFs are the bytes of single builds).
 */
import { cp, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { loadBrief } from '../../src/brief/load.js';
import { suiteBriefs, suiteDeck } from './suite.js';

/** The outputs beyond the deck and its PDF, each a flag of `mujaz build`. */
export type Output = 'handout' | 'pptx' | 'png';

/** Which output a file at the top of deck `slug`'s folder is, if it is one beyond the deck and its PDF. */
export function outputOf(slug: string, name: string): Output | undefined {
  if (name === `${slug}-handout.pdf`) return 'handout';
  if (name === `${slug}.pptx`) return 'pptx';
  if (name.startsWith(`${slug}-`) && /^\d+\.png$/.test(name.slice(slug.length + 1))) return 'png';
  return undefined;
}

/**
 * Whether a path inside deck `slug`'s folder (relative, '/' or the platform's separator) belongs to a build
 * that asked for `outputs` only.
 */
export function writtenWith(slug: string, relative: string, outputs: readonly Output[]): boolean {
  const top = relative.split(/[\\/]/);
  if (top.length > 1) return true;
  const output = outputOf(slug, top[0]!);
  return output === undefined || outputs.includes(output);
}

/**
 * Copies the suite's deck `slug` into `<outRoot>/<slug>/` as `mujaz build <brief> --out <outRoot>` with the
 * flags of `outputs` writes it (the deck, its PDF, and those outputs only). Returns the deck's folder.
 */
export async function copySuiteDeck(slug: string, outRoot: string, outputs: readonly Output[] = []): Promise<string> {
  const from = suiteDeck(slug);
  const to = path.join(outRoot, slug);
  await mkdir(outRoot, { recursive: true });
  await cp(from, to, { recursive: true, filter: (source) => source === from || writtenWith(slug, path.relative(from, source), outputs) });
  return to;
}

/** The names at the top of a suite deck's folder that a build asking for `outputs` writes. */
export async function suiteDeckNames(slug: string, outputs: readonly Output[] = []): Promise<string[]> {
  return (await readdir(suiteDeck(slug))).filter((n) => writtenWith(slug, n, outputs)).sort();
}

/** The slug of each brief (as mujaz reads it), each checked to be one of the suite's, so its deck is there. */
export async function suiteSlugsOf(briefs: readonly string[]): Promise<string[]> {
  const built = new Set(suiteBriefs().map((b) => path.resolve(b)));
  return Promise.all(
    briefs.map(async (file) => {
      if (!built.has(path.resolve(file))) throw new Error(`${file} is not one of the suite's briefs (tests/support/suite-briefs.ts)`);
      return (await loadBrief(file)).brief.slug;
    }),
  );
}
