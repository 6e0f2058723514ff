/**
 * The decks the whole suite shares (built once per run by tests/support/global-setup.ts, with every output:
 * deck, PDF, handout, PowerPoint, PNGs). Read them where they are; a test that changes or damages a deck
 * takes a copy first.
 */
import { cp, readdir } from 'node:fs/promises';
import path from 'node:path';
import { inject } from 'vitest';
import { tempDir } from './build.js';

/** The folder holding every suite deck, `<folder>/<slug>/`. */
export function suiteDecks(): string {
  return inject('suiteDecks');
}

/** The briefs the suite's decks were built from, in the order built. */
export function suiteBriefs(): string[] {
  return inject('suiteBriefs');
}

/** The folder of the suite's deck `slug` (read only: copy it to change it). */
export function suiteDeck(slug: string): string {
  return path.join(suiteDecks(), slug);
}

/** The slugs of the suite's decks, in name order (not the folder's catalogue, index.html and _mujaz/). */
export async function suiteSlugs(): Promise<string[]> {
  return (await readdir(suiteDecks(), { withFileTypes: true }))
    .filter((e) => e.isDirectory() && !e.name.startsWith('_'))
    .map((e) => e.name)
    .sort();
}

/**
 * A copy of the suite's decks `slugs` in a new output folder of the test's own (`<out>/<slug>/`), to change,
 * damage or build over. Returns the output folder.
 */
export async function copyOfDecks(...slugs: string[]): Promise<string> {
  const out = await tempDir('mujaz-copy-');
  await Promise.all(slugs.map((slug) => cp(suiteDeck(slug), path.join(out, slug), { recursive: true })));
  return out;
}
