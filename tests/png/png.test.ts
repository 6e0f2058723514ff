/**
 * `mujaz build --png`: one picture per slide of the fitted deck, named in order, 1280×720 (twice that with
 * --scale 2), in a batch too (its second deck is photographed in a window behind the first's), and each a
 * picture of its slide: the same as the PDF's page, drawn by the same browser. The batch is the suite's
 * (tests/support/global-setup.ts: the bundled brief, the fixtures among them english.yaml, `--png --jobs 2`).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rasterise, rgba } from '../pdf/raster.js';
import { pdfinfo } from '../pdf/support.js';
import { bundledBrief, removeDir, repoRoot, runCli, tempDir } from '../support/build.js';
import { suiteBriefs, suiteDeck } from '../support/suite.js';

const minimal = path.join(repoRoot, 'tests', 'deck', 'briefs', 'minimal.yaml');
const english = path.join(repoRoot, 'tests', 'deck', 'briefs', 'english.yaml');
const dirs: string[] = [];
/** A folder of the test's own, for the builds that are refused. */
let out: string;

const pngsOf = async (dir: string) => (await readdir(dir)).filter((f) => f.endsWith('.png')).sort();
const read = async (file: string) => PNG.sync.read(await readFile(file));

beforeAll(async () => {
  out = await tempDir('mujaz-png-');
  dirs.push(out);
  // Both decks were built in the suite's one batch.
  expect(suiteBriefs()).toEqual(expect.arrayContaining([bundledBrief, english]));
}, 300_000);

afterAll(async () => {
  for (const d of dirs) await removeDir(d);
});

describe('--png', () => {
  it.each([
    ['issi-russia-roundtable', 13],
    ['english-brief', 7],
  ])('writes %s-01.png … one per page of the PDF, 1280×720', async (slug, slides) => {
    const dir = suiteDeck(slug);
    expect(Number((await pdfinfo(path.join(dir, `${slug}.pdf`))).Pages)).toBe(slides);
    const names = await pngsOf(dir);
    expect(names).toEqual(Array.from({ length: slides }, (_, i) => `${slug}-${String(i + 1).padStart(2, '0')}.png`));
    for (const name of names) {
      const png = await read(path.join(dir, name));
      expect([png.width, png.height], name).toEqual([1280, 720]);
    }
  });

  it.each([
    ['issi-russia-roundtable', 13],
    ['english-brief', 7],
  ])("pictures each slide of %s as the PDF's page shows it (both decks of a batch)", async (slug, slides) => {
    const dir = suiteDeck(slug);
    const rendered = await rasterise(path.join(dir, `${slug}.pdf`), { scaleTo: [1280, 720] });
    expect(rendered.length).toBe(slides);
    const names = await pngsOf(dir);
    for (const [i, name] of names.entries()) {
      const [shot, page] = [await read(path.join(dir, name)), { data: rgba(rendered[i]!) }];
      // Not blank: the slide's text and rules are there.
      let ink = 0;
      for (let k = 0; k < shot.data.length; k += 4) if (shot.data[k]! + shot.data[k + 1]! + shot.data[k + 2]! < 600) ink++;
      expect(ink / (shot.width * shot.height), `${name} has ink`).toBeGreaterThan(0.005);
      // And the same as the PDF's page, but for antialiasing (two rasterisers).
      const differ = pixelmatch(shot.data, page.data, undefined, 1280, 720, { threshold: 0.3 });
      expect(differ / (1280 * 720), name).toBeLessThan(0.03);
    }
  });

  it('--scale 2 writes 2560×1440 pictures, and implies --png', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const r = await runCli(['build', minimal, '--out', dir, '--no-pdf', '--scale', '2']);
    expect(r.code, r.stderr).toBe(0);
    const names = await pngsOf(path.join(dir, 'minimal-brief'));
    expect(names.length).toBe(3);
    for (const name of names) {
      const png = await read(path.join(dir, 'minimal-brief', name));
      expect([png.width, png.height], name).toEqual([2560, 1440]);
    }
  });

  it.each([['0'], ['5'], ['two']])('refuses --scale %s as a usage error', async (value) => {
    const r = await runCli(['build', minimal, '--out', out, '--scale', value]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--scale/);
  });
});
