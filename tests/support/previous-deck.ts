/**
 * "A previous good output" for a test that builds over a deck (and checks it was not damaged, or was
 * replaced by the same bytes): a copy of one of the suite's decks (tests/support/suite.ts) into an output
 * folder of the test's own, holding only the outputs of the build it stands for. `mujaz build` writes the
 * deck and its PDF, `--handout` the handout too, `--no-pdf` the deck alone: the same bytes as the suite's
 * batch wrote them (the golden test proves its PDFs are a single build's, byte for byte), without building
 * them again.
 */
import { cp, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import { suiteDeck } from './suite.js';

/** An output a build writes beside its deck's HTML. */
export type Output = 'pdf' | 'handout' | 'pptx' | 'png';

function outputOf(slug: string, name: string): Output | undefined {
  if (name === `${slug}.pdf`) return 'pdf';
  if (name === `${slug}-handout.pdf`) return 'handout';
  if (name === `${slug}.pptx`) return 'pptx';
  if (name.startsWith(`${slug}-`) && /^\d+\.png$/.test(name.slice(slug.length + 1))) return 'png';
  return undefined;
}

/**
 * Copies the suite's deck `slug` into `out` (`<out>/<slug>/`, as `mujaz build --out OUT` writes it), keeping
 * of its outputs only `outputs`; checks the copy has the deck and each of them. Returns the deck's folder.
 */
export async function previousDeck(out: string, slug: string, outputs: readonly Output[] = ['pdf']): Promise<string> {
  const deck = path.join(out, slug);
  await cp(suiteDeck(slug), deck, { recursive: true });
  const names = await readdir(deck);
  for (const name of names) {
    const output = outputOf(slug, name);
    if (output && !outputs.includes(output)) await rm(path.join(deck, name));
  }
  const left = await readdir(deck);
  expect(left, `the suite's deck ${slug}`).toEqual(expect.arrayContaining(['.mujaz', 'index.html', 'assets']));
  for (const output of outputs)
    expect(
      left.some((n) => outputOf(slug, n) === output),
      `the suite's ${slug} has its ${output}`,
    ).toBe(true);
  return deck;
}
