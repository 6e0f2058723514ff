/**
 * `mujaz init`: a scaffold with every section, in Arabic or English, whose placeholders `mujaz check` and the
 * build refuse (each named at its line) and which passes `check --strict` and builds once they are filled in;
 * the report's paragraphs numbered for citing, no overwriting without --force; and schema/brief.schema.json
 * never drifting from the schema.
 */
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { briefJsonSchema, themeJsonSchema } from '../../src/brief/schema.js';
import { commentText, SCAFFOLD_FRAME, SCAFFOLD_LANGS, schemaPathFor } from '../../src/commands/init.js';
import { scaffoldSections } from '../../src/deck/kinds/index.js';
import { removeDir, repoRoot, runCli, tempDir } from '../support/build.js';

describe('schema/brief.schema.json', () => {
  it('is exactly what `mujaz schema` prints (regenerate: node bin/mujaz.js schema > schema/brief.schema.json)', () => {
    const onDisk = JSON.parse(readFileSync(path.join(repoRoot, 'schema', 'brief.schema.json'), 'utf8'));
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(briefJsonSchema())));
  });

  it('has a sibling for theme files, exactly what `mujaz schema --theme` prints', () => {
    const onDisk = JSON.parse(readFileSync(path.join(repoRoot, 'schema', 'theme.schema.json'), 'utf8'));
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(themeJsonSchema())));
    expect(Object.keys(onDisk.properties)).toEqual(['name', 'colours', 'font', 'logos', 'footer', 'marking']);
  });

  it('is where the bundled brief and new briefs in briefs/ point', () => {
    expect(schemaPathFor(path.join(repoRoot, 'briefs'))).toBe('../schema/brief.schema.json');
    expect(schemaPathFor(path.join(repoRoot, 'briefs', 'team', '2025'))).toBe('../../../schema/brief.schema.json');
    expect(readFileSync(path.join(repoRoot, 'briefs', 'issi-russia-roundtable.yaml'), 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../schema/brief.schema.json',
    );
  });
});

/** A placeholder of the scaffold as written in the YAML: a quoted value in square brackets. */
const QUOTED_PLACEHOLDER = /"\[[^\]"]+\]"/;

/** The placeholders a scaffold's text sets (not those in comments): the line and column of each value. */
function placeholdersOf(text: string): { line: number; col: number; value: string }[] {
  return text.split('\n').flatMap((l, i) => {
    const m = QUOTED_PLACEHOLDER.exec(l);
    if (!m || l.trimStart().startsWith('#')) return [];
    return [{ line: i + 1, col: Array.from(l.slice(0, m.index)).length + 1, value: m[0].slice(1, -1) }];
  });
}

/** The scaffold as a writer leaves it: every bracketed value replaced by plain text, the comments as they are. */
function fillIn(text: string): string {
  return text
    .split('\n')
    .map((l) => (l.trimStart().startsWith('#') ? l : l.replace(/"\[([^\]"]+)\]"/g, '"$1"')))
    .join('\n');
}

/**
 * The scaffold with each field it leaves commented out set (and filled in), for a writer whose report gives
 * everything: the fields that name files (report, logo) stay commented out, a day is written as one.
 */
function uncommentAll(text: string): string {
  return fillIn(
    text
      .split('\n')
      .map((l) => {
        // Images are not there; a draft mark is set only by a draft, which --strict refuses.
        if (/^\s*#\s+(?:- )?(?:file|logo|alt|draft):/.test(l)) return l;
        const field = /^(\s*)# (\s*(?:- )?[a-z_]+:.*)$/.exec(l);
        if (field) return field[1]! + field[2]!;
        const comment = /^(\s*)#(\s+)(# .*)$/.exec(l);
        return comment ? comment[1]! + comment[2]! + comment[3]! : l;
      })
      .join('\n')
      .replaceAll('YYYY-MM-DD', '2024-03-15'),
  );
}

const ARABIC_LETTERS = /[\u0600-\u06FF]/;
const ARABIC_INDIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/;

describe('templates/scaffold', () => {
  it('has the same files in each language: the words of the frame and one per scaffold section', async () => {
    const root = path.join(repoRoot, 'templates', 'scaffold');
    expect((await readdir(root)).sort()).toEqual([...SCAFFOLD_LANGS].sort());
    const expected = [...SCAFFOLD_FRAME, ...scaffoldSections()].map((n) => `${n}.yaml.hbs`).sort();
    for (const lang of SCAFFOLD_LANGS) expect((await readdir(path.join(root, lang))).sort(), lang).toEqual(expected);
  });

  it('writes each placeholder in one form, a whole quoted value in square brackets', async () => {
    const root = path.join(repoRoot, 'templates', 'scaffold');
    for (const lang of SCAFFOLD_LANGS) {
      for (const file of await readdir(path.join(root, lang))) {
        const lines = (await readFile(path.join(root, lang, file), 'utf8')).split('\n');
        for (const l of lines.filter((x) => x.includes('['))) {
          // A bracket outside a comment is a placeholder (or a list of paragraphs: sources: [1]).
          if (!l.trimStart().startsWith('#')) expect(l, `${lang}/${file}`).toMatch(/: "\[[^\]"]+\]"$|^\s*- "\[[^\]"]+\]"$|sources: \[1\]$/);
        }
      }
    }
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

  it('writes an Arabic brief by default: every section, Arabic comments, placeholders', async () => {
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
    // A field added to the schema must be added to the scaffold too (set, or commented out).
    for (const key of sections) expect(key in data || new RegExp(`^# ${key}:`, 'm').test(text), `the scaffold lacks "${key}"`).toBe(true);
    expect(data).toMatchObject({ slug: 'new-brief', lang: 'ar', dir: 'rtl', digits: 'arab' });
    expect(data.created).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(data.title).toMatch(/^\[.+\]$/);
    expect((data.source as Record<string, unknown>).title).toMatch(/^\[.+\]$/);
    expect(Object.keys(data)).toEqual(expect.arrayContaining(['people', 'sessions']));
    // Arabic comments throughout: one above nearly every field.
    const comments = text.split('\n').filter((l) => /^\s*# .*[\u0600-\u06FF]/.test(l)).length;
    expect(comments).toBeGreaterThan(60);
    expect(text).toMatch(/[^\n]\n$/); // one line break at the end
  });

  it('writes an English brief with --lang en: English comments and placeholders, Latin digits', async () => {
    const made = await runCli(['init', 'english-brief', '--dir', 'briefs', '--lang', 'en'], { cwd: dir });
    expect(made.code, made.stderr).toBe(0);
    const text = await readFile(path.join(dir, 'briefs', 'english-brief.yaml'), 'utf8');
    const data = parse(text) as Record<string, unknown>;
    expect(data).toMatchObject({ slug: 'english-brief', lang: 'en', dir: 'ltr' });
    expect(data.digits ?? 'latn').toBe('latn');
    expect(text).not.toMatch(ARABIC_INDIC_DIGITS);
    expect(text).not.toMatch(ARABIC_LETTERS);
    expect(data.title).toMatch(/^\[[A-Za-z ]+\]$/);
    const comments = text.split('\n').filter((l) => /^\s*# [A-Z(]/.test(l)).length;
    expect(comments).toBeGreaterThan(60);
    // The same fields as the Arabic scaffold, set or commented out, line for line.
    const arabic = await readFile(path.join(dir, 'briefs', 'new-brief.yaml'), 'utf8');
    const fields = (t: string) => t.split('\n').flatMap((l) => /^\s*(?:#\s*)*(?:- )?([a-z_]+):/.exec(l)?.[1] ?? []);
    expect(fields(text)).toEqual(fields(arabic));
  });

  it('refuses a language it has no scaffold for', async () => {
    const r = await runCli(['init', 'french', '--dir', 'briefs', '--lang', 'fr'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ar, en/);
    await expect(readFile(path.join(dir, 'briefs', 'french.yaml'))).rejects.toThrow();
  });

  it.each(SCAFFOLD_LANGS)('the untouched %s scaffold fails check and build, naming the line of each placeholder', async (lang) => {
    const slug = `untouched-${lang}`;
    expect((await runCli(['init', slug, '--dir', 'briefs', '--lang', lang], { cwd: dir })).code).toBe(0);
    const rel = `briefs/${slug}.yaml`;
    const text = await readFile(path.join(dir, rel), 'utf8');
    const placeholders = placeholdersOf(text);
    expect(placeholders.length).toBeGreaterThan(30);

    const checked = await runCli(['check', rel], { cwd: dir });
    expect(checked.code, checked.stderr).toBe(1);
    const errors = checked.stderr.split('\n').filter((l) => l.includes(': error: '));
    expect(errors).toEqual(
      placeholders.map((p) => expect.stringMatching(new RegExp(`^${rel}:${p.line}:${p.col}: error: .*is a placeholder left from the scaffold$`))),
    );
    for (const p of placeholders) expect(checked.stderr).toContain(`"${p.value}" is a placeholder`);
    expect(checked.stderr).toContain('replace the placeholder with what the report says, or delete the line if the report says nothing');
    expect(checked.stdout).not.toContain(': ok');

    const built = await runCli(['build', '--no-pdf', '-o', 'out', rel], { cwd: dir });
    expect(built.code, built.stderr).toBe(1);
    expect(built.stderr).toContain(`${rel}:${placeholders[0]!.line}:${placeholders[0]!.col}: error: `);
  });

  it.each(SCAFFOLD_LANGS)('the %s scaffold with its placeholders filled in passes check --strict and builds', async (lang) => {
    const slug = `filled-${lang}`;
    expect((await runCli(['init', slug, '--dir', 'briefs', '--lang', lang], { cwd: dir })).code).toBe(0);
    const rel = `briefs/${slug}.yaml`;
    const filled = fillIn(await readFile(path.join(dir, rel), 'utf8'));
    expect(placeholdersOf(filled)).toEqual([]);
    await writeFile(path.join(dir, rel), filled);
    const checked = await runCli(['check', '--strict', rel], { cwd: dir });
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout).toContain(`${rel}: ok`);
    expect(checked.stderr).toBe('');
    const built = await runCli(['build', '--no-pdf', '-o', 'out', rel], { cwd: dir });
    expect(built.code, built.stderr).toBe(0);
  });

  it.each(SCAFFOLD_LANGS)('the %s scaffold with every commented-out field set and filled in passes check --strict', async (lang) => {
    const slug = `everything-${lang}`;
    expect((await runCli(['init', slug, '--dir', 'briefs', '--lang', lang], { cwd: dir })).code).toBe(0);
    const rel = `briefs/${slug}.yaml`;
    const scaffold = await readFile(path.join(dir, rel), 'utf8');
    const all = uncommentAll(scaffold);
    const data = parse(all) as { event: Record<string, unknown>; people: Record<string, unknown>[]; messages: Record<string, unknown>[] };
    // The new fields of issue 13 are among those the scaffold offers.
    expect(Object.keys(data.event)).toEqual(expect.arrayContaining(['status', 'hijri', 'date_format', 'organisers', 'venue', 'heading']));
    expect((data.event.host as Record<string, unknown>).latin).toBeDefined();
    expect(Object.keys(data.people[0]!)).toEqual(expect.arrayContaining(['latin', 'affiliation', 'part', 'session']));
    expect(data.messages[0]!.session).toBe('session-1');
    expect(scaffold).toMatch(/^\s*# .*date: \{ from: 2024-03-15, to: 2024-03-17, sources: \[1\] \}/m);
    expect(scaffold).toMatch(/^\s*# .*\{ weekday: friday, day: 15, month: 3, sources: \[1\] \}/m);
    await writeFile(path.join(dir, rel), all);
    // The theme file it names is the organisation's own.
    expect(data).toMatchObject({ theme: 'themes/house.yaml' });
    await mkdir(path.join(dir, 'briefs', 'themes'), { recursive: true });
    await writeFile(path.join(dir, 'briefs', 'themes', 'house.yaml'), 'marking: Draft\n');
    const checked = await runCli(['check', '--strict', rel], { cwd: dir });
    expect(checked.code, checked.stderr).toBe(0);
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
    // A draft (src/draft/), marked as one: with its placeholders filled in it checks, with a warning that
    // it is a draft, which --strict makes an error.
    expect(text).toContain('\ndraft: true\n');
    await writeFile(file, fillIn(text));
    const checked = await runCli(['check', 'work/briefs/from-report.yaml'], { cwd: dir });
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stderr).not.toMatch(/does not exist/);
    expect(checked.stderr).toMatch(/the brief is a draft/);
    const strict = await runCli(['check', '--strict', 'work/briefs/from-report.yaml'], { cwd: dir });
    expect(strict.code).not.toBe(0);
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
