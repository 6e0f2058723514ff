/** Many briefs in one build: one browser, a summary table, and one failing brief does not stop the rest. */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { afterAll, expect, it } from 'vitest';
import { removeDir, runCli, tempDir } from '../support/build.js';
import { bundledObject, writeVariant } from '../support/variants.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map(removeDir));
});

it('builds a folder of briefs, reports each, and names the failure in the summary and the exit code', async () => {
  const brief = await bundledObject();
  const { dir } = await writeVariant({ ...brief, slug: 'deck-one' }, 'one');
  await writeFile(path.join(dir, 'two.yaml'), stringify({ ...brief, slug: 'deck-two' }));
  await writeFile(path.join(dir, 'three.yaml'), stringify({ ...brief, slug: 'deck-three', title: undefined }));
  const out = await tempDir();
  dirs.push(dir, out);
  const result = await runCli(['build', dir, '--out', out, '--jobs', '2'], { env: { CI: 'true' } });
  expect(result.code).toBe(1);
  for (const slug of ['deck-one', 'deck-two']) {
    expect(existsSync(path.join(out, slug, 'index.html'))).toBe(true);
    expect(existsSync(path.join(out, slug, `${slug}.pdf`))).toBe(true);
  }
  expect(existsSync(path.join(out, 'deck-three'))).toBe(false);
  expect(result.stderr).toMatch(/three\.yaml:\d+:\d+: error: .*required key "title" is missing/);
  // The summary table: a row per deck with slides and pages, and the failure named.
  expect(result.stderr).toMatch(/deck\s+slides\s+pages\s+time\s+status/);
  expect(result.stderr).toMatch(/deck-one\s+\d+\s+\d+\s+[\d.]+ s\s+ok/);
  expect(result.stderr).toMatch(/three\.yaml\s+-\s+-\s+[\d.]+ s\s+FAILED/);
  expect(result.stderr).toMatch(/1 of 3 briefs failed: .*three\.yaml/);
  // Plain progress lines in CI, one per deck as it finishes.
  expect(result.stderr.match(/^✓ /gm)?.length).toBe(2);
  expect(result.stderr).not.toMatch(/\n\s+at /);
});

it('prints each deck in the page that measured it: every print page of a batch is shown once', async () => {
  const brief = await bundledObject();
  const { dir } = await writeVariant({ ...brief, slug: 'page-a' }, 'a');
  for (const name of ['b', 'c', 'd']) await writeFile(path.join(dir, `${name}.yaml`), stringify({ ...brief, slug: `page-${name}` }));
  const out = await tempDir();
  dirs.push(dir, out);
  // MUJAZ_TRACE marks each load of a print page («<deck folder>/print.html: goto»): a deck printed in the other
  // page of the batch (which shows the other deck) was shown a second time there.
  const result = await runCli(['build', dir, '--out', out, '--jobs', '2'], { env: { CI: 'true', MUJAZ_TRACE: '1' } });
  expect(result.code).toBe(0);
  const shown = [...result.stderr.matchAll(/\.mujaz-tmp-(page-[a-d])-\w+\/print\.html: goto/g)].map((m) => m[1]);
  expect(shown.sort()).toEqual(['page-a', 'page-b', 'page-c', 'page-d']);
});

it('refuses two briefs of one batch that would write the same folder, naming the slug line', async () => {
  const brief = await bundledObject();
  // The first brief is the slower to read (a long comment), so it would lose a race: the slug still goes to
  // the first brief in the order given, and the second is the one refused, every time.
  const { dir } = await writeVariant(`${'# padding\n'.repeat(30_000)}${stringify({ ...brief, slug: 'same-slug' })}`, 'first');
  await writeFile(path.join(dir, 'second.yaml'), stringify({ ...brief, slug: 'same-slug' }));
  const out = await tempDir();
  dirs.push(dir, out);
  const result = await runCli(['build', dir, '--out', out, '--no-pdf'], { env: { CI: 'true' } });
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/second\.yaml:1:\d+: error: slug: the slug "same-slug" is also the slug of .*first\.yaml/);
  expect(existsSync(path.join(out, 'same-slug', 'index.html'))).toBe(true);
});

it('exits 2 with the usage when no command is given', async () => {
  const result = await runCli([]);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/Usage: mujaz/);
});
