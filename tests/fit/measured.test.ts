/**
 * Nothing overflows: long lists continue on further slides (measured in Chromium), and a text too long for
 * any slide fails naming its line, or is set smaller when the brief allows it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliResult, removeDir, runCli, tempDir } from '../support/build.js';
import { bundledObject, lengthenLists, writeVariant, type BriefObject } from '../support/variants.js';

const cleanup: string[] = [];
afterAll(async () => {
  await Promise.all(cleanup.map(removeDir));
});

async function build(files: string[], env: NodeJS.ProcessEnv = {}) {
  const out = await tempDir();
  cleanup.push(out, ...files.map((f) => path.dirname(f)));
  const result = await runCli(['build', ...files, '--out', out], { env });
  return { out, result };
}

/** A text of about `length` characters, of the words of `seed` repeated. */
function arabicText(seed: string, length: number): string {
  const words = seed.split(' ');
  let text = '';
  for (let i = 0; text.length < length; i++) text += `${words[i % words.length]} `;
  return text.trim();
}

/** Runs `make` once, the first time it is asked for (a build two tests read). */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

/**
 * The bundled brief with every list four times longer, built once (with MUJAZ_TRACE, which only adds the
 * stages' marks to what it prints) for the two tests of long lists.
 */
const fourTimes = once(async () => {
  const brief = lengthenLists(await bundledObject(), 4);
  const { file } = await writeVariant(brief, 'four-times');
  return { brief, ...(await build([file], { MUJAZ_TRACE: '1' })) };
});

/**
 * The two briefs with a text too long for one slide, given to one build (one process, which fails both):
 * each test reads its own brief's part of what it printed, from its first diagnostic to its ✗ line.
 */
const tooLong = once(async () => {
  const twelve = await bundledObject();
  twelve.conclusions.points[1].text = twelve.conclusions.points[1].text.repeat(12);
  const { dir, file: twelveFile } = await writeVariant(twelve, 'twelve');
  const long = await bundledObject();
  long.event.summary = arabicText(long.event.summary, 1150);
  long.event.format = arabicText(long.event.format, 1000);
  const longFile = path.join(dir, 'too-long.yaml');
  await writeFile(longFile, stringify(long, { lineWidth: 0 }));
  const { result } = await build([twelveFile, longFile]);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  const part = (file: string): CliResult => {
    const from = result.stderr.indexOf(`${file}:`);
    const to = result.stderr.indexOf('\n', result.stderr.indexOf(`✗ ${file}:`));
    expect(from, `${file} in:\n${result.stderr}`).toBeGreaterThanOrEqual(0);
    expect(to).toBeGreaterThan(from);
    return { ...result, stderr: result.stderr.slice(from, to) };
  };
  const brief = (b: BriefObject, file: string) => ({ brief: b, file, result: part(file) });
  return { twelve: brief(twelve, twelveFile), long: brief(long, longFile) };
});

function pdfPages(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
}

describe('long lists', () => {
  it('builds the bundled brief with every list four times longer: continuation slides, one PDF page each', async () => {
    const { out, result } = await fourTimes();
    expect(result.stderr).not.toMatch(/✗/);
    expect(result.code).toBe(0);
    const deckDir = path.join(out, 'issi-russia-roundtable');
    const html = await readFile(path.join(deckDir, 'index.html'), 'utf8');
    const slides = html.match(/<section id="[^"]+" class="slide /g)!.length;
    expect(slides).toBeGreaterThan(30);
    expect(html).toMatch(/class="continuation">تابع [٠-٩]+ من [٠-٩]+</);
    expect(pdfPages(path.join(deckDir, 'issi-russia-roundtable.pdf'))).toBe(slides);
  });

  it('cuts the concern cards by whole rows of three, so that twelve of them need no re-cut in the browser', async () => {
    // The cards sit in a grid: a slide holds whole rows, and the estimate counts rows, not cards, so the
    // measured export finds nothing to cut again (MUJAZ_TRACE lists every re-cut as "refit: …").
    const { brief, out, result } = await fourTimes();
    expect(brief.technologies.concerns.length).toBe(12);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/ms {2}browser closed/);
    expect(result.stderr).not.toMatch(/refit: /);
    const html = await readFile(path.join(out, 'issi-russia-roundtable', 'index.html'), 'utf8');
    const cards = [...html.matchAll(/<section id="technologies[^"]*"[\s\S]*?<\/section>/g)].map((m) => m[0].match(/<li class="card">/g)!.length);
    expect(cards.reduce((a, b) => a + b, 0)).toBe(12);
    expect(
      cards.slice(0, -1).every((n) => n % 3 === 0),
      `cards per slide: ${cards.join(', ')}`,
    ).toBe(true);
  }, 180_000);
});

describe('a text too long for one slide', () => {
  it('rejects a text twelve times longer, naming its line', async () => {
    const { brief, file, result } = (await tooLong()).twelve;
    expect(result.code).toBe(1);
    const yaml = await readFile(file, 'utf8');
    const line = yaml.split('\n').findIndex((l) => l.includes(brief.conclusions.points[1].text.slice(0, 30))) + 1;
    expect(result.stderr).toContain(`twelve.yaml:${line}:`);
    expect(result.stderr).toMatch(/conclusions\.points\[1\]\.text/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("fails texts within the schema's limits that no slide can hold, naming the longest one's line", async () => {
    const { brief, file, result } = (await tooLong()).long;
    expect(result.code).toBe(1);
    const yaml = await readFile(file, 'utf8');
    const line = yaml.split('\n').findIndex((l) => l.includes(brief.event.summary.slice(0, 40))) + 1;
    expect(line).toBeGreaterThan(0);
    expect(result.stderr).toContain(`too-long.yaml:${line}:`);
    expect(result.stderr).toMatch(/event\.summary: this text is too long to fit/);
    expect(result.stderr).toMatch(/shrink_to_fit/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('sets such texts in smaller type when the brief asks to shrink, still one page per slide', async () => {
    const brief = await bundledObject();
    brief.event.summary = arabicText(brief.event.summary, 650);
    brief.event.format = arabicText(brief.event.format, 650);
    brief.shrink_to_fit = true;
    const { file } = await writeVariant(brief, 'shrink');
    const { out, result } = await build([file]);
    expect(result.stderr).not.toMatch(/✗/);
    expect(result.code).toBe(0);
    const deckDir = path.join(out, 'issi-russia-roundtable');
    const html = await readFile(path.join(deckDir, 'index.html'), 'utf8');
    expect(html).toMatch(/class="slide slide-overview dense"/);
    const slides = html.match(/<section id="[^"]+" class="slide /g)!.length;
    expect(pdfPages(path.join(deckDir, 'issi-russia-roundtable.pdf'))).toBe(slides);
  });
});
