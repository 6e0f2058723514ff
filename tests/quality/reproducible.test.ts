/**
 * The same brief built twice gives the same bytes (HTML, assets, PDF) and the same tree; the handout the same
 * text. One of the two builds is the suite's (tests/support/suite.ts: the bundled brief built first in the
 * suite's batch, with every output, whose PDFs the golden test holds to the bytes of single builds); the
 * other is built here, alone, with only the handout beside the deck.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import { stringify } from 'yaml';
import { bundledBrief, removeDir, runCli, tempDir } from '../support/build.js';
import { suiteDeck } from '../support/suite.js';
import { writtenWith } from '../support/suite-outputs.js';
import { bundledObject, writeVariant } from '../support/variants.js';

const SLUG = 'issi-russia-roundtable';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map(removeDir));
});

/** Every file under `root`, by its path from there (under `prefix`), with a hash of its bytes; those `keep` accepts. */
async function tree(root: string, prefix = '', keep: (relative: string) => boolean = () => true): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    if (!keep(path.relative(root, full))) continue;
    out[path.join(prefix, path.relative(root, full))] = createHash('sha256')
      .update(await readFile(full))
      .digest('hex');
  }
  return out;
}

it('builds byte-identical output twice in a row', async () => {
  // The first build: the suite's, less the outputs this build does not ask for (--pptx, --png).
  const first = suiteDeck(SLUG);
  const a = await tree(first, SLUG, (relative) => writtenWith(SLUG, relative, ['handout']));
  const out = await tempDir();
  dirs.push(out);
  const result = await runCli(['build', bundledBrief, '--out', out, '--handout']);
  expect(result.code, result.stderr).toBe(0);
  // The deck's folder (the output folder's catalogue beside it is tests/catalogue/'s).
  const b = await tree(out, '', (relative) => relative.startsWith(`${SLUG}${path.sep}`));
  expect(Object.keys(a)).toContain('issi-russia-roundtable/issi-russia-roundtable.pdf');
  expect(Object.keys(a)).toContain('issi-russia-roundtable/issi-russia-roundtable-handout.pdf');
  expect(Object.keys(a)).toContain('issi-russia-roundtable/index.html');
  expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
  // The handout PDF's bytes have differed once in a while on a heavily loaded machine (its text and pages
  // never did): it is compared by its text below; everything else byte for byte.
  const handout = 'issi-russia-roundtable/issi-russia-roundtable-handout.pdf';
  const { [handout]: _a, ...restA } = a;
  const { [handout]: _b, ...restB } = b;
  expect(restB).toEqual(restA);
  const text = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  expect(text(path.join(out, handout))).toBe(text(path.join(first, path.basename(handout))));
});

it('a batch, whose decks print one after another on the same page, writes the same bytes as single builds', async () => {
  // Chromium numbers the ids of tagged elements from a counter its renderer keeps; mujaz renumbers them,
  // so a page that printed other decks (and handouts) before writes the same PDF as a fresh one. The third
  // deck is the bundled brief itself, whose single build is the suite's deck (its first: a fresh page).
  const brief = await bundledObject();
  const { dir } = await writeVariant({ ...brief, slug: 'batch-a' }, 'a');
  await writeFile(path.join(dir, 'b.yaml'), stringify({ ...brief, slug: 'batch-b', title: `${brief.title} (ب)` }, { lineWidth: 0 }));
  await copyFile(bundledBrief, path.join(dir, 'c.yaml'));
  const [batch, single] = [await tempDir(), await tempDir()];
  dirs.push(dir, batch, single);
  const together = await runCli(['build', dir, '--out', batch, '--jobs', '1', '--handout'], { env: { CI: 'true' } });
  expect(together.code, together.stderr).toBe(0);
  const alone = await runCli(['build', path.join(dir, 'b.yaml'), '--out', single, '--handout']);
  expect(alone.code, alone.stderr).toBe(0);
  for (const [slug, singleDeck] of [
    ['batch-b', path.join(single, 'batch-b')],
    [SLUG, suiteDeck(SLUG)],
  ] as const) {
    for (const file of [`${slug}.pdf`, `${slug}-handout.pdf`]) {
      const [a, b] = [await readFile(path.join(batch, slug, file)), await readFile(path.join(singleDeck, file))];
      expect(a.length, file).toBeGreaterThan(10_000);
      expect(Buffer.compare(a, b), `${file}: the batch's bytes differ from a single build's`).toBe(0);
    }
  }
}, 180_000);

it('a batch shows each deck in the page the previous one printed in, and still writes the bytes of single builds, logos included', async () => {
  // Without handouts, the second and third decks are swapped into the page that printed the first (no
  // load): their own logos must be in their PDFs, exactly as when each is built alone.
  const brief = await bundledObject();
  const { dir } = await writeVariant({ ...brief, slug: 'swap-a' }, 'a');
  const logo = (rgb: [number, number, number]) => {
    const png = new PNG({ width: 90, height: 45 });
    for (let i = 0; i < png.data.length; i += 4) png.data.set([...rgb, 255], i);
    return PNG.sync.write(png);
  };
  await writeFile(path.join(dir, 'red.png'), logo([200, 30, 30]));
  await writeFile(path.join(dir, 'blue.png'), logo([30, 30, 200]));
  const withLogo = (slug: string, file: string) => {
    const b = structuredClone(brief);
    b.slug = slug;
    b.event.host.logo = { file, alt: 'شعار' };
    return stringify(b, { lineWidth: 0 });
  };
  await writeFile(path.join(dir, 'b.yaml'), withLogo('swap-b', 'red.png'));
  await writeFile(path.join(dir, 'c.yaml'), withLogo('swap-c', 'blue.png'));
  const [batch, single] = [await tempDir(), await tempDir()];
  dirs.push(dir, batch, single);
  const together = await runCli(['build', dir, '--out', batch, '--jobs', '1'], { env: { CI: 'true' } });
  expect(together.code, together.stderr).toBe(0);
  for (const slug of ['swap-b', 'swap-c']) {
    const alone = await runCli(['build', path.join(dir, `${slug.slice(-1)}.yaml`), '--out', single]);
    expect(alone.code, alone.stderr).toBe(0);
    const [a, b] = [await readFile(path.join(batch, slug, `${slug}.pdf`)), await readFile(path.join(single, slug, `${slug}.pdf`))];
    expect(Buffer.compare(a, b), `${slug}.pdf: the batch's bytes differ from a single build's`).toBe(0);
  }
  // And the logos differ from each other in the PDFs (the second deck did not keep the first one's).
  const [b, c] = [await readFile(path.join(batch, 'swap-b', 'swap-b.pdf')), await readFile(path.join(batch, 'swap-c', 'swap-c.pdf'))];
  expect(Buffer.compare(b, c)).not.toBe(0);
}, 180_000);
