/**
 * `mujaz init`: a scaffold with every section that passes `mujaz check` as written, the report's paragraphs
 * numbered for citing, no overwriting without --force; and schema/brief.schema.json never drifting from the schema.
 */
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { briefJsonSchema } from '../../src/brief/schema.js';
import { commentText, schemaPathFor } from '../../src/commands/init.js';
import { removeDir, repoRoot, runCli, tempDir } from '../support/build.js';

describe('schema/brief.schema.json', () => {
  it('is exactly what `mujaz schema` prints (regenerate: node bin/mujaz.js schema > schema/brief.schema.json)', () => {
    const onDisk = JSON.parse(readFileSync(path.join(repoRoot, 'schema', 'brief.schema.json'), 'utf8'));
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(briefJsonSchema())));
  });

  it('is where the bundled brief and new briefs in briefs/ point', () => {
    expect(schemaPathFor(path.join(repoRoot, 'briefs'))).toBe('../schema/brief.schema.json');
    expect(schemaPathFor(path.join(repoRoot, 'briefs', 'team', '2025'))).toBe('../../../schema/brief.schema.json');
    expect(readFileSync(path.join(repoRoot, 'briefs', 'issi-russia-roundtable.yaml'), 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../schema/brief.schema.json',
    );
  });
});

describe('mujaz init', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await tempDir('mujaz-init-');
  });

  afterAll(async () => {
    await removeDir(dir);
  });

  it('writes a brief with every section, comments and placeholders, that passes check and builds', async () => {
    const made = await runCli(['init', 'new-brief', '--dir', 'briefs'], { cwd: dir });
    expect(made.code, made.stderr).toBe(0);
    const file = path.join(dir, 'briefs', 'new-brief.yaml');
    expect(made.stdout.trim()).toBe(path.join('briefs', 'new-brief.yaml'));
    const text = await readFile(file, 'utf8');

    // The first line points the YAML language server at the repository's schema, from wherever the brief is.
    const first = text.split('\n')[0]!;
    const m = first.match(/^# yaml-language-server: \$schema=(.+)$/);
    expect(m).not.toBeNull();
    expect(path.resolve(path.dirname(file), m![1]!)).toBe(path.join(repoRoot, 'schema', 'brief.schema.json'));

    const data = parse(text) as Record<string, unknown>;
    const sections = Object.keys((briefJsonSchema().properties ?? {}) as Record<string, unknown>);
    // A field added to the schema must be added to templates/brief-scaffold.yaml.hbs too (set, or commented out).
    for (const key of sections) expect(key in data || new RegExp(`^# ${key}:`, 'm').test(text), `the scaffold lacks "${key}"`).toBe(true);
    expect(data.slug).toBe('new-brief');
    expect(data.created).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(data.title).toMatch(/^\[.+\]$/);
    expect((data.source as Record<string, unknown>).title).toMatch(/^\[.+\]$/);
    // Arabic comments throughout: one above nearly every field.
    const comments = text.split('\n').filter((l) => /^\s*# .*[\u0600-\u06FF]/.test(l)).length;
    expect(comments).toBeGreaterThan(40);

    const checked = await runCli(['check', 'briefs/new-brief.yaml'], { cwd: dir });
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout).toContain('briefs/new-brief.yaml: ok');
    const built = await runCli(['build', '--no-pdf', '-o', 'out', 'briefs/new-brief.yaml'], { cwd: dir });
    expect(built.code, built.stderr).toBe(0);
  });

  it('refuses to overwrite without --force, and replaces with it', async () => {
    const file = path.join(dir, 'briefs', 'keep-me.yaml');
    expect((await runCli(['init', 'keep-me', '--dir', 'briefs'], { cwd: dir })).code).toBe(0);
    await writeFile(file, '# my work\n');
    const again = await runCli(['init', 'keep-me', '--dir', 'briefs'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect(again.stderr).toContain('--force');
    expect(await readFile(file, 'utf8')).toBe('# my work\n');
    const forced = await runCli(['init', 'keep-me', '--dir', 'briefs', '--force'], { cwd: dir });
    expect(forced.code, forced.stderr).toBe(0);
    expect(await readFile(file, 'utf8')).toContain('slug: keep-me');
  });

  it('refuses a slug that cannot name an output folder', async () => {
    for (const slug of ['Bad', '../up', 'a_b', 'x'.repeat(65)]) {
      const r = await runCli(['init', slug, '--dir', 'briefs'], { cwd: dir });
      expect(r.code, slug).toBe(2);
      expect(r.stderr).toContain('is not valid');
    }
  });

  it('with --from, copies the report beside the brief and lists its paragraphs numbered for citing', async () => {
    const report = path.join(dir, 'report.txt');
    await writeFile(report, '\uFEFFالفقرة الأولى\r\n\r\n   الفقرة الثانية   \n\n\nالفقرة الثالثة \u202E مقلوبة\n');
    const r = await runCli(['init', 'from-report', '--dir', 'work/briefs', '--from', 'report.txt'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const file = path.join(dir, 'work', 'briefs', 'from-report.yaml');
    const text = await readFile(file, 'utf8');
    expect(text).toContain('# [1] الفقرة الأولى\n');
    expect(text).toContain('# [2] الفقرة الثانية\n');
    expect(text).toContain('# [3] الفقرة الثالثة <U+202E> مقلوبة\n');
    expect(text).not.toContain('# [4]');
    const data = parse(text) as { source: { file: string } };
    expect(data.source.file).toBe('sources/from-report.txt');
    expect(await readFile(path.join(dir, 'work', 'briefs', 'sources', 'from-report.txt'))).toEqual(await readFile(report));
    // The citations of the scaffold ([1]) are checked against the copied report, and hold.
    const checked = await runCli(['check', 'work/briefs/from-report.yaml'], { cwd: dir });
    expect(checked.code, checked.stderr).toBe(0);
  });

  it('keeps report text on its comment line', () => {
    expect(commentText('a\rb\u2028c\u0085d\te')).toBe('a b c d\te');
    expect(commentText('x\u2067y')).toBe('x<U+2067>y');
  });

  it('refuses a missing report without writing anything', async () => {
    const r = await runCli(['init', 'no-report', '--dir', 'briefs', '--from', 'missing.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read the report missing.txt');
    await expect(readFile(path.join(dir, 'briefs', 'no-report.yaml'))).rejects.toThrow();
  });
});
