/**
 * The output of the bundled brief and the fixture briefs, as last accepted (tests/golden/, written by
 * scripts/golden.mjs, run again only when a change of output is meant: issue 12 reshaped the code with the
 * PDFs and the handout byte-identical, then issue 13 changed headings and the gap notes' place). The PDFs are
 * compared byte for byte when printed by the Chromium that printed the golden ones (another Chromium writes
 * other bytes for the same page, so then each page is compared as an image, to the pixel, and by its text);
 * the HTML byte for byte but for empty lines.
 *
 * Empty lines: the slide template picked a kind's partial with nine `{{#if is.kind}}` lines until issue 12,
 * eight of which printed an empty line in every slide; the partial is now looked up by the kind. Empty lines
 * between block elements change neither the page nor the PDF.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { chromiumVersion, GOLDEN_BRIEFS } from './briefs.mjs';
import { removeDir, repoRoot, tempDir } from '../support/build.js';
import { suiteBriefs, suiteDeck } from '../support/suite.js';
import { must, run } from '../pdf/support.js';

const golden = path.join(repoRoot, 'tests', 'golden');
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map(removeDir));
});

async function pages(pdf: string, dir: string, prefix: string): Promise<Buffer[]> {
  await must('pdftoppm', ['-r', '48', '-png', pdf, path.join(dir, prefix)]);
  const { stdout } = await run('sh', ['-c', `ls ${path.join(dir, prefix)}-*.png | sort`]);
  return Promise.all(
    stdout
      .trim()
      .split('\n')
      .map((f) => readFile(f)),
  );
}

async function samePdf(built: string, kept: string, sameChromium: boolean, scratch: string): Promise<void> {
  const [a, b] = await Promise.all([readFile(built), readFile(kept)]);
  if (sameChromium) {
    expect(a.equals(b), `${path.basename(built)} differs from tests/golden (same Chromium)`).toBe(true);
    return;
  }
  const text = (f: string) => must('pdftotext', ['-enc', 'UTF-8', f, '-']);
  expect(await text(built)).toBe(await text(kept));
  const [x, y] = await Promise.all([pages(built, scratch, 'built'), pages(kept, scratch, 'kept')]);
  expect(x.length).toBe(y.length);
  x.forEach((png, i) => expect(PNG.sync.read(png).data.equals(PNG.sync.read(y[i]!).data), `page ${i + 1}`).toBe(true));
}

describe('output unchanged against tests/golden', async () => {
  const kept = (await readFile(path.join(golden, 'chromium.txt'), 'utf8')).trim();
  const sameChromium = (await chromiumVersion()) === kept;

  // The suite's decks (built once per run with every output: a deck's PDF does not depend on which other
  // outputs were asked for, tests/quality/reproducible.test.ts checks it).
  it.each(GOLDEN_BRIEFS)('$slug', async ({ brief, slug, handout }) => {
    expect(suiteBriefs()).toContain(path.join(repoRoot, brief));
    const out = await tempDir();
    dirs.push(out);
    const deck = suiteDeck(slug);
    const html = await readFile(path.join(deck, 'index.html'), 'utf8');
    const withoutEmptyLines = (text: string) => text.replace(/\n{2,}/g, '\n');
    expect(withoutEmptyLines(html)).toBe(withoutEmptyLines(await readFile(path.join(golden, slug, 'index.html'), 'utf8')));
    const files = [`${slug}.pdf`, ...(handout ? [`${slug}-handout.pdf`] : [])];
    for (const f of files) await samePdf(path.join(deck, f), path.join(golden, slug, f), sameChromium, out);
  });
});
