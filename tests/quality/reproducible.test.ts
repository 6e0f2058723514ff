/** The same brief built twice gives the same bytes: HTML, assets, PDF, handout, and the same tree. */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { bundledBrief, removeDir, runCli, tempDir } from '../support/build.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map(removeDir));
});

async function tree(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(root, full)] = createHash('sha256').update(await readFile(full)).digest('hex');
  }
  return out;
}

it('builds byte-identical output twice in a row', async () => {
  const trees = [];
  for (let i = 0; i < 2; i++) {
    const out = await tempDir();
    dirs.push(out);
    const result = await runCli(['build', bundledBrief, '--out', out, '--handout']);
    expect(result.code, result.stderr).toBe(0);
    trees.push(await tree(out));
  }
  const [a, b] = trees as [Record<string, string>, Record<string, string>];
  expect(Object.keys(a)).toContain('issi-russia-roundtable/issi-russia-roundtable.pdf');
  expect(Object.keys(a)).toContain('issi-russia-roundtable/issi-russia-roundtable-handout.pdf');
  expect(Object.keys(a)).toContain('issi-russia-roundtable/index.html');
  expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
  expect(b).toEqual(a);
});
