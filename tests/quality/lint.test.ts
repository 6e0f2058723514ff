/** `mujaz check` warns about editorial problems; `--strict` makes them errors. */
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unisolatedLatin } from '../../src/render/isolation.js';
import { bundledBrief, removeDir, runCli } from '../support/build.js';
import { bundledObject, writeVariant, type BriefObject } from '../support/variants.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map(removeDir));
});

async function lineOf(file: string, needle: string): Promise<number> {
  return (await readFile(file, 'utf8')).split('\n').findIndex((l) => l.includes(needle)) + 1;
}

// `offset`: a section-level warning points at the section's mapping, the line after its key.
const cases: { name: string; mutate: (b: BriefObject) => string; message: RegExp; offset?: number }[] = [
  {
    name: 'an item with no source paragraph',
    mutate: (b) => {
      delete b.conclusions.points[2].sources;
      return b.conclusions.points[2].text.slice(0, 25);
    },
    message: /conclusions\.points\[2\]: cites no paragraph of the report/,
  },
  {
    name: 'Latin punctuation after an Arabic word',
    mutate: (b) => {
      b.conclusions.points[0].text = b.conclusions.points[0].text.replace(' ', ', ');
      return b.conclusions.points[0].text.slice(0, 25);
    },
    message: /Latin "," after an Arabic word[\s\S]*use the Arabic "،"/,
  },
  {
    name: 'straight quotes in Arabic text',
    mutate: (b) => {
      b.messages[1].points[2].text = b.messages[1].points[2].text.replace(/[«»]/g, '"');
      return b.messages[1].points[2].text.slice(0, 25);
    },
    message: /straight quotes in Arabic text/,
  },
  {
    name: 'mixed digit systems',
    mutate: (b) => {
      b.conclusions.points[0].text += ' عام 2024';
      b.conclusions.points[1].text += ' عام ٢٠٢٤';
      b.conclusions.points[2].text += ' عام ٢٠٢٥';
      return 'عام 2024';
    },
    message: /mixes digit systems/,
  },
  {
    name: 'a slide with no speaker notes',
    mutate: (b) => {
      delete b.discussion.notes;
      return 'discussion:';
    },
    message: /discussion: no speaker notes for the discussion slide/,
    offset: 1,
  },
];

describe('lint in mujaz check', () => {
  it('finds nothing to warn about in the bundled brief, even under --strict', async () => {
    const result = await runCli(['check', '--strict', bundledBrief]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it.each(cases)('warns about $name at its line, and fails under --strict', async ({ mutate, message, offset = 0 }) => {
    const brief = await bundledObject();
    const needle = mutate(brief);
    const { dir, file } = await writeVariant(brief, 'lint');
    dirs.push(dir);
    const line = (await lineOf(file, needle)) + offset;
    expect(line).toBeGreaterThan(0);

    const loose = await runCli(['check', file]);
    expect(loose.code).toBe(0);
    expect(loose.stderr).toMatch(message);
    expect(loose.stderr).toContain(`${path.basename(file)}:${line}:`);
    expect(loose.stderr).toMatch(/: warning: /);

    const strict = await runCli(['check', '--strict', file]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(message);
    expect(strict.stderr).toMatch(/: error: /);
  });
});

describe('unisolated Latin runs in the rendered deck', () => {
  it('finds Latin text outside <bdi> and ignores isolated runs, notes and markup', () => {
    const html =
      '<html><head><title>x</title></head><body><p>نص <bdi lang="en">AI</bdi> و ISSI</p><aside class="notes">Notes here</aside><span dir="ltr">OK run</span><p class="x">عربي &amp; عربي</p></body></html>';
    expect(unisolatedLatin(html)).toEqual(['نص   و ISSI']);
  });
});

describe('a brief copied without its report', () => {
  it('still builds, warning at source.file that the citations are not checked; --strict refuses it', async () => {
    const { dir, file } = await writeVariant(await bundledObject(), 'alone');
    dirs.push(dir);
    await rm(path.join(dir, 'sources'), { recursive: true });
    const line = await lineOf(file, '  file: sources/');
    const out = path.join(dir, 'out');
    const built = await runCli(['build', file, '--no-pdf', '--out', out], { env: { CI: 'true' } });
    expect(built.code).toBe(0);
    expect(built.stderr).toContain(`alone.yaml:${line}:9: warning: source.file: names a file that does not exist`);
    expect(built.stderr).toMatch(/the citations are not checked/);
    expect(existsSync(path.join(out, 'issi-russia-roundtable', 'index.html'))).toBe(true);
    const strict = await runCli(['check', '--strict', file]);
    expect(strict.code).toBe(1);
  });
});
