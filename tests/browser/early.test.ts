/**
 * bin/mujaz.js starts Chromium before loading mujaz when argv is a build that prints PDFs. The pre-scan is a
 * hint only: it must not start a browser for anything else, and a browser it started that the command does
 * not use must not outlive mujaz.
 */
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { earlyStartFor } from '../../src/browser/early.js';
import { stillRunning } from '../pdf/support.js';
import { removeDir, runCli, tempDir } from '../support/build.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map(removeDir));
});

describe('which command lines start Chromium early', () => {
  it.each([
    [['build', 'briefs'], { requested: undefined }],
    [['build', 'a.yaml', 'b.yaml', '-j', '3', '--handout'], { requested: undefined }],
    [['build', 'briefs', '--browser', '/opt/chrome'], { requested: '/opt/chrome' }],
    [['build', '--browser=/opt/chrome', 'briefs'], { requested: '/opt/chrome' }],
  ])('%j starts it', (argv, expected) => {
    expect(earlyStartFor(argv)).toEqual(expected);
  });

  it.each([
    [['build', 'briefs', '--no-pdf']],
    [['build', 'briefs', '--watch']],
    [['build', '-w', 'briefs']],
    [['build', '--help']],
    [['build', 'briefs', '--browser']],
    [['build', '--browser=', 'briefs']],
    [['build', '--', '--no-pdf']],
    [['check', 'briefs']],
    [['serve', 'briefs/x.yaml']],
    [['init', 'x']],
    [[]],
  ])('%j does not', (argv) => {
    expect(earlyStartFor(argv)).toBeUndefined();
  });
});

describe('a browser started early that the command does not use', () => {
  it.each([
    ['the brief is missing (a usage error)', ['build']],
    ['the brief does not exist', ['build', 'no-such-brief.yaml']],
  ])('is killed when %s, with its profile', async (_, args) => {
    const tmp = await tempDir('mujaz-early-');
    dirs.push(tmp);
    const sys = path.join(tmp, 'tmp');
    await mkdir(sys);
    const result = await runCli([...args, '--out', path.join(tmp, 'out')], { env: { TMPDIR: sys, CI: 'true', MUJAZ_TRACE: '1' } });
    expect(result.code, result.stderr).not.toBe(0);
    expect(result.stderr, 'the browser was started early').toMatch(/ms {2}chromium started early/);
    const left = await stillRunning(sys);
    expect(
      left.map((p) => `${p.pid} ${p.args.slice(0, 120)}`),
      'processes left running',
    ).toEqual([]);
    expect(
      (await readdir(sys)).filter((n) => n.startsWith('mujaz-chromium-')),
      'Chromium profile left behind',
    ).toEqual([]);
  });
});
