/**
 * The same broken briefs as tests/brief/invalid.test.ts, through the real CLI: `check` and `build` exit 1
 * within seconds, print every problem as `brief.yaml:LINE:COL: error: message` with no stack trace, and a
 * failed `build` leaves the deck already in the output folder byte for byte as it was. Usage errors exit 2.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { briefFolder, bundledSlug, bundledText, hashFolder } from '../fixtures/briefs.js';
import { caseFolder, invalidCases, outsideDir } from '../fixtures/invalid-cases.js';
import { removeDir, runBinary, runCli, runInProcess, tempDir, type CliResult } from '../support/build.js';
import { previousDeck } from '../support/previous-deck.js';

let root: string;
let out: string;
let deckHash: string;

beforeAll(async () => {
  root = await tempDir('mujaz-cli-reject-');
  out = path.join(root, 'output');
  // The deck already in the output folder: the suite's, copied, as `build --no-pdf` leaves it (no PDF).
  await previousDeck(out, bundledSlug, []);
  deckHash = await hashFolder(out);
});

afterAll(async () => {
  await removeDir(root);
  await removeDir(outsideDir);
});

/** No "    at fn (file:line:col)" lines and no internal-error banner: the user sees messages, not a crash. */
function expectNoStackTrace(result: CliResult): void {
  const all = `${result.stdout}\n${result.stderr}`;
  expect(all).not.toMatch(/^\s+at .+/m);
  expect(all).not.toMatch(/unexpected error|TypeError|RangeError|ReferenceError/);
}

async function timed(args: string[], cwd: string): Promise<CliResult & { ms: number }> {
  const started = performance.now();
  const result = await runCli(args, { cwd, timeoutMs: 60_000 });
  return { ...result, ms: performance.now() - started };
}

interface Prepared {
  name: string;
  /** The brief, relative to `root` (the CLI's working folder). */
  file: string;
  /** Every line the CLI must print for it. */
  lines: string[];
}

/** Writes every case into its own folder under root and says what the CLI must print for it. */
async function prepare(cases: typeof invalidCases, under: string): Promise<Prepared[]> {
  return Promise.all(
    cases.map(async (c) => {
      const folder = `${under}/${caseFolder(c)}`;
      const dir = path.join(root, folder);
      const made = c.make(bundledText);
      await briefFolder(dir, made);
      await c.setup?.(dir);
      const text = typeof made === 'string' ? made : new TextDecoder().decode(made);
      const lines = c.expect(text, dir).map((line) => {
        const [, at, message] = /^(\d+:\d+): (.*)$/s.exec(line)!;
        return `${folder}/brief.yaml:${at}: error: ${message}`;
      });
      return { name: c.name, file: `${folder}/brief.yaml`, lines };
    }),
  );
}

// One of each kind of problem, each through its own `check` and `build` (a CLI start costs a second or two
// on a busy machine, so the whole table goes through one `check` and one `build` below).
const ONE_OF_EACH = [
  'unclosed quote',
  'tabs for indentation',
  'several problems, all reported in one run',
  'a speaker id that does not exist',
  'host.url mixed case link',
  '!!binary tag',
  'merge key <<',
  '__proto__ key',
  'U+202E RIGHT-TO-LEFT OVERRIDE in a name',
  'alias bomb (billion laughs)',
  '10,000-deep nesting (block)',
  'a file over 512 KiB',
  'a 1 MB string',
  '10,000 list items',
  'invalid UTF-8',
  'logo symlink escaping the brief folder',
  'missing logo file',
];

describe('a broken brief through the CLI', () => {
  it('covers a case of every kind', () => {
    for (const name of ONE_OF_EACH) expect(invalidCases.map((c) => c.name)).toContain(name);
  });

  it.each(ONE_OF_EACH)('%s: check and build exit 1 within 10 s, print file:line:col, keep the deck', async (name) => {
    const [prepared] = await prepare(
      invalidCases.filter((c) => c.name === name),
      'one',
    );
    const { file, lines } = prepared!;

    const check = await timed(['check', file], root);
    expect(check.code, check.stderr).toBe(1);
    expect(check.ms).toBeLessThan(10_000);
    for (const line of lines) expect(check.stderr).toContain(line);
    expect(check.stderr).toMatch(/^ {6}= hint: /m);
    expectNoStackTrace(check);

    const build = await timed(['build', file, '--no-pdf', '-o', out], root);
    expect(build.code, build.stderr).toBe(1);
    expect(build.ms).toBeLessThan(10_000);
    for (const line of lines) expect(build.stderr).toContain(line);
    expectNoStackTrace(build);
    expect(await hashFolder(out)).toBe(deckHash);
  });

  it('every case of the table: one `check` prints every diagnostic of every brief', async () => {
    const prepared = await prepare(invalidCases, 'check-all');
    const check = await timed(['check', ...prepared.map((p) => p.file)], root);
    expect(check.code, check.stderr).toBe(1);
    expect(check.ms).toBeLessThan(30_000);
    for (const p of prepared) for (const line of p.lines) expect(check.stderr, p.name).toContain(line);
    expect(check.stderr).toContain(`mujaz: ${prepared.length} of ${prepared.length} briefs invalid`);
    expectNoStackTrace(check);
  });

  it('every case of the table: one `build` fails them all and leaves the deck as it was', async () => {
    const prepared = await prepare(invalidCases, 'build-all');
    const build = await timed(['build', ...prepared.map((p) => p.file), '--no-pdf', '-o', out], root);
    expect(build.code, build.stderr).toBe(1);
    expect(build.ms).toBeLessThan(30_000);
    for (const p of prepared) for (const line of p.lines) expect(build.stderr, p.name).toContain(line);
    expect(build.stderr).toContain(`${prepared.length} of ${prepared.length} briefs failed`);
    expectNoStackTrace(build);
    expect(await hashFolder(out)).toBe(deckHash);
  });
});

describe('usage errors exit 2', () => {
  // Refused while the command line is read, before anything runs: in this process, but for one build that
  // goes through the executable (which starts Chromium early for it, and must still exit 2).
  it.each([
    ['an unknown command', ['bogus'], runInProcess],
    ['an unknown flag', ['check', '--bogus', 'brief.yaml'], runInProcess],
    ['an unknown build flag', ['build', '--no-such-flag', 'brief.yaml'], runBinary],
    ['a missing brief argument', ['check'], runInProcess],
    ['a bad --jobs value', ['build', '--jobs', '0', 'brief.yaml'], runInProcess],
    ['a glob that matches nothing', ['check', 'no-such-folder/*.yaml'], runInProcess],
  ])('%s', async (_name, args, run) => {
    const result = await run(args, { cwd: root });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr.trim()).not.toBe('');
    expectNoStackTrace(result);
  });
});
