/**
 * `mujaz build --watch`: the real CLI with real Chromium. A good save rebuilds the HTML and the PDF; a bad
 * save prints file:line:col and leaves the previous output alone; Ctrl-C ends it with 130.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, tempDir } from '../support/build.js';
import { alive, childrenOf, copyBundledBrief, poll, startCli, type Running } from '../serve/helpers.js';

describe('mujaz build --watch', () => {
  let dir: string;
  let brief: string;
  let original: string;
  let out: string;
  let watcher: Running;
  const deck = () => path.join(out, 'issi-russia-roundtable');

  beforeAll(async () => {
    dir = await tempDir('mujaz-watch-');
    brief = await copyBundledBrief(dir);
    original = await readFile(brief, 'utf8');
    out = path.join(dir, 'out');
    watcher = startCli(['build', '--watch', '-o', out, brief]);
    await watcher.waitFor(/mujaz: watching 1 brief/, 90_000, 'stderr');
  });

  afterAll(async () => {
    watcher?.kill();
    if (dir) await removeDir(dir);
  });

  it('builds once, then rebuilds the HTML and the PDF on a good save', { timeout: 120_000 }, async () => {
    expect(watcher.stderr()).toMatch(/✓ .*issi-russia-roundtable\.yaml → .*PDF/);
    const before = await stat(path.join(deck(), 'issi-russia-roundtable.pdf'));
    const mark = watcher.stderr().length;
    const title = 'عنوان بعد الحفظ';
    await writeFile(brief, original.replace(/^title: .*$/m, `title: ${title}`));
    await poll(() => /✓ .*issi-russia-roundtable\.yaml → .*PDF/.test(watcher.stderr().slice(mark)), 'a rebuild after the save', 90_000, 50);
    expect(await readFile(path.join(deck(), 'index.html'), 'utf8')).toContain(title);
    const after = await stat(path.join(deck(), 'issi-russia-roundtable.pdf'));
    expect(after.mtimeMs).toBeGreaterThan(before.mtimeMs);
  });

  it('prints the problems of a bad save and keeps the previous output', { timeout: 60_000 }, async () => {
    const html = await readFile(path.join(deck(), 'index.html'), 'utf8');
    const pdf = await readFile(path.join(deck(), 'issi-russia-roundtable.pdf'));
    const mark = watcher.stderr().length;
    await writeFile(brief, original.replace(/^dir: rtl$/m, '  dir: rtl'));
    const seen = await poll(
      () =>
        watcher
          .stderr()
          .slice(mark)
          .match(/✗ .*\(the previous output is kept\)/),
      'the report of the bad save',
      30_000,
      50,
    );
    const printed = watcher.stderr().slice(mark, mark + seen!.index!);
    expect(printed).toMatch(new RegExp(`${brief.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: error: `));
    expect(await readFile(path.join(deck(), 'index.html'), 'utf8')).toBe(html);
    expect((await readFile(path.join(deck(), 'issi-russia-roundtable.pdf'))).equals(pdf)).toBe(true);
  });

  it('ends on Ctrl-C with exit code 130 and leaves no browser behind', { timeout: 30_000 }, async () => {
    const pid = watcher.child.pid!;
    const children = childrenOf(pid);
    watcher.child.kill('SIGINT');
    const result = await Promise.race([watcher.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000))]);
    expect(result).toEqual({ code: 130, signal: null });
    for (const c of children) await poll(() => !alive(c), `child ${c} to end`, 5_000);
  });
});
