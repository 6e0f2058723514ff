/**
 * Theme files: validated like a brief, each problem at the theme file's line and column; colours too faint
 * to read refused; logos under the brief's logo rules, inside the theme's folder; the theme file inside the
 * brief's folder; the files a watcher follows include the theme and its logos.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { filesNamedBy, loadBrief } from '../../src/brief/load.js';
import { contrast } from '../../src/brief/theme.js';
import { MujazError, formatDiagnostic } from '../../src/errors.js';
import { ownVariants } from '../support/own-variants.js';
import { bundledObject } from '../support/variants.js';

const writeVariant = ownVariants();

const here = path.dirname(fileURLToPath(import.meta.url));
const houseLogo = path.join(here, '..', 'deck', 'briefs', 'themes', 'house-logo.png');

/** The bundled brief with `theme: themes/t.yaml`, that theme file holding `yaml`, and the house logo beside it. */
async function withTheme(yaml: string, named = 'themes/t.yaml') {
  const brief = await bundledObject();
  brief.theme = named;
  const { dir, file } = await writeVariant(brief, 'theme');
  await mkdir(path.join(dir, 'themes'), { recursive: true });
  await writeFile(path.join(dir, 'themes', 't.yaml'), yaml);
  await copyFile(houseLogo, path.join(dir, 'themes', 'logo.png'));
  return { dir, file };
}

async function problems(yaml: string, named?: string): Promise<string[]> {
  const { file } = await withTheme(yaml, named);
  return loadBrief(file).then(
    () => [],
    (e: unknown) => {
      if (!(e instanceof MujazError)) throw e;
      return e.diagnostics.map((d) => formatDiagnostic(d).replace(/^.*?themes[\\/]/, 'themes/'));
    },
  );
}

describe('a theme file', () => {
  it('loads: its colours over the default ones, its logos checked and kept as brand assets', async () => {
    const { file, dir } = await withTheme(
      ['colours:', '  primary: "#1f4e5f"', 'logos:', '  - { file: logo.png, alt: شعار }', 'footer: وحدة الإحاطات', 'marking: للاستخدام الداخلي', ''].join('\n'),
    );
    const loaded = await loadBrief(file);
    expect(loaded.theme.colours.primary).toBe('#1f4e5f');
    expect(loaded.theme.colours.accent).toBe('#8a5a00');
    expect(loaded.theme.theme.marking).toBe('للاستخدام الداخلي');
    expect(loaded.theme.logos).toEqual([
      {
        file: path.join(dir, 'themes', 'logo.png'),
        named: 'logo.png',
        asset: 'assets/brand-1.png',
        bytes: await readFile(path.join(dir, 'themes', 'logo.png')),
      },
    ]);
    // A watcher rebuilds when the theme or its logo changes.
    expect(filesNamedBy(loaded)).toEqual(expect.arrayContaining([path.join(dir, 'themes', 't.yaml'), path.join(dir, 'themes', 'logo.png')]));
  });

  it.each([
    ['a colour that is not one', 'colours:\n  accent: "#12345g"\n', /^themes\/t\.yaml:2:11: error: colours\.accent: must be a colour written as #rrggbb/],
    ['a misspelt key', 'colors:\n  primary: "#000000"\n', /^themes\/t\.yaml:1:1: error: colors: unknown key "colors"[\s\S]*hint: .*"colours"/],
    ['a font mujaz does not bundle', 'font: comic-sans\n', /^themes\/t\.yaml:1:7: error: font: .*amiri/],
    [
      'a marking too long for a corner',
      `marking: ${'س'.repeat(61)}\n`,
      /^themes\/t\.yaml:1:10: error: marking: is 61 characters long, more than the limit of 60/,
    ],
    ['a syntax error', 'colours: [\n', /^themes\/t\.yaml:\d+:\d+: error: /],
    [
      'secondary text too faint to read',
      'colours:\n  muted: "#bbbbbb"\n',
      /^themes\/t\.yaml:2:10: error: colours\.muted: #bbbbbb on #ffffff has a contrast of 1\.9\d:1, under the 4\.5:1/,
    ],
    [
      'an accent too faint for the small text it sets',
      'colours:\n  accent: "#c07a10"\n',
      /^themes\/t\.yaml:2:11: error: colours\.accent: #c07a10 on #ffffff has a contrast of 3\.\d\d:1, under the 4\.5:1/,
    ],
    ['a logo outside its folder', 'logos:\n  - { file: ../../x.png, alt: x }\n', /^themes\/t\.yaml:2:13: error: logos\[0\]\.file: must be a path inside/],
    [
      'a logo that is not there',
      'logos:\n  - { file: none.png, alt: x }\n',
      /^themes\/t\.yaml:2:13: error: logos\[0\]\.file: names a file that does not exist/,
    ],
    ['a logo without its alternative text', 'logos:\n  - { file: logo.png }\n', /^themes\/t\.yaml:2:5: error: logos\[0\]: the required key "alt" is missing/],
  ])('refuses %s, at its place in the theme file', async (_what, yaml, expected) => {
    const found = await problems(yaml);
    expect(found.length, found.join('\n')).toBeGreaterThan(0);
    expect(found[0]).toMatch(expected);
  });

  it('refuses an SVG or an HTML page named as a PNG logo, by its bytes', async () => {
    const { file, dir } = await withTheme('logos:\n  - { file: fake.png, alt: x }\n');
    await writeFile(path.join(dir, 'themes', 'fake.png'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const error = (await loadBrief(file).catch((e: unknown) => e)) as MujazError;
    expect(error).toBeInstanceOf(MujazError);
    expect(formatDiagnostic(error!.diagnostics[0]!)).toMatch(/t\.yaml:2:13: error: logos\[0\]\.file: .*is not a PNG, JPEG or WebP image/);
  });

  it.each([
    ['a theme file that is not there', 'themes/none.yaml', /theme: names a file that does not exist/],
    ['a theme file outside the brief\u2019s folder', '../t.yaml', /theme: must be a path inside the brief's folder/],
    ['a folder', 'themes', /theme: is not a file/],
  ])('refuses %s, at the brief’s `theme:`', async (_what, named, expected) => {
    const { file } = await withTheme('', named);
    const error = (await loadBrief(file).catch((e: unknown) => e)) as MujazError;
    expect(error).toBeInstanceOf(MujazError);
    const d = error!.diagnostics[0]!;
    expect(d.file).toBe(file);
    expect(d.sourceLine).toMatch(/^theme: /);
    expect(d.message).toMatch(expected);
  });

  it('measures contrast as WCAG 2 does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#fff', '#ffffff')).toBe(1);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
