/**
 * Every way of breaking a brief in docs/robustness.md ("Reading the brief", links and files of
 * "Rendering"), loaded in-process: the exact LINE:COL and message of every diagnostic, a hint on each, and
 * the source line and caret they are printed with.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBrief, loadBriefText } from '../../src/brief/load.js';
import { formatDiagnostic, MujazError, type Diagnostic } from '../../src/errors.js';
import { SHOWN_LINE } from '../../src/brief/source-text.js';
import { briefFolder, bundledBrief, bundledText, edit } from '../fixtures/briefs.js';
import { caseFolder, invalidCases, outsideDir } from '../fixtures/invalid-cases.js';
import { removeDir, tempDir } from '../support/build.js';

let root: string;
beforeAll(async () => {
  root = await tempDir('mujaz-invalid-');
});
afterAll(async () => {
  await removeDir(root);
  await removeDir(outsideDir);
});

async function failure(file: string): Promise<MujazError> {
  try {
    await loadBrief(file);
  } catch (error) {
    if (error instanceof MujazError) return error;
    throw error;
  }
  throw new Error(`${file} loaded without an error`);
}

function asText(made: string | Uint8Array): string {
  return typeof made === 'string' ? made : new TextDecoder().decode(made);
}

const summary = (d: Diagnostic) => `${d.line}:${d.col}: ${d.message}`;

describe('a broken brief is reported at its exact LINE:COL, every problem at once', () => {
  it.each(invalidCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const dir = path.join(root, caseFolder(c));
    const made = c.make(bundledText);
    const file = await briefFolder(dir, made);
    await c.setup?.(dir);
    const started = performance.now();
    const error = await failure(file);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.exitCode).toBe(1);
    const text = asText(made);
    expect(error.diagnostics.map(summary)).toEqual(c.expect(text, dir));
    if (c.hint) expect(error.diagnostics[0]!.hint).toMatch(c.hint);
    for (const d of error.diagnostics) {
      expect(d.file).toBe(file);
      expect(d.severity).toBe('error');
      expect(d.hint, `a hint for "${d.message}"`).toBeTruthy();
      expect(d.length).toBeGreaterThanOrEqual(1);
      // The line shown is the line of the file (bad bytes shown as U+FFFD), the caret under the column;
      // a huge line is cut after the caret, or left out when the caret is far into it.
      const line = text.replace(/^\uFEFF/, '').split('\n')[d.line - 1]!;
      const chars = [...line];
      if (chars.length <= SHOWN_LINE) expect(d.sourceLine).toBe(line);
      else if (d.sourceLine !== undefined) expect(d.sourceLine).toBe(`${chars.slice(0, SHOWN_LINE).join('')} …`);
      else expect(d.col).toBeGreaterThan(SHOWN_LINE - 60);
      const printed = formatDiagnostic(d).split('\n');
      expect(printed[0]).toBe(`${file}:${d.line}:${d.col}: error: ${d.message}`);
      if (d.sourceLine === undefined) {
        expect(printed[1]).toBe(`      = hint: ${d.hint}`);
        continue;
      }
      expect(printed[1]).toBe(`${String(d.line).padStart(5)} | ${d.sourceLine}`);
      const caret = printed[2]!.slice('      | '.length);
      expect([...caret].indexOf('^')).toBe(d.col - 1);
      expect(printed[3]).toBe(`      = hint: ${d.hint}`);
    }
  });
});

describe('the output format', () => {
  it('is file:line:col: error: message, the line, a caret under the value, and a hint', async () => {
    const file = await briefFolder(path.join(root, 'format'), edit(bundledText, /^dir: rtl$/m, 'dir: up'));
    const error = await failure(file);
    expect(error.diagnostics.map(formatDiagnostic).join('\n')).toBe(
      [
        `${file}:4:6: error: dir: must be one of "rtl", "ltr", found the text "up"`,
        '    4 | dir: up',
        '      |      ^^',
        '      = hint: write one of: rtl, ltr',
      ].join('\n'),
    );
  });

  it('keeps a tab in the caret line, so the caret stays under a tab-indented value', async () => {
    const file = await briefFolder(path.join(root, 'tab-caret'), edit(bundledText, /^dir: rtl$/m, 'dir:\tup'));
    const printed = formatDiagnostic((await failure(file)).diagnostics[0]!).split('\n');
    expect(printed[2]).toBe('      |     \t^^');
  });
});

describe('keys that could reach Object.prototype', () => {
  it('__proto__, constructor and prototype are schema errors and Object.prototype is untouched', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    let text = edit(bundledText, /^lang: ar\n/m, 'lang: ar\n__proto__:\n  polluted: yes\n  toString: hacked\n');
    text = edit(
      text,
      '    country: باكستان',
      '    country: باكستان\n    constructor:\n      prototype:\n        polluted: yes\n    prototype:\n      polluted: yes',
    );
    const file = await briefFolder(path.join(root, 'proto'), text);
    const error = await failure(file);
    expect(error.diagnostics.map((d) => d.message)).toEqual([
      '__proto__: unknown key "__proto__"',
      'event.host.constructor: unknown key "constructor"',
      'event.host.prototype: unknown key "prototype"',
    ]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.toString.call([])).toBe('[object Array]');
    expect(String({})).toBe('[object Object]');
  });
});

describe('what is accepted', () => {
  it('the bundled brief', async () => {
    const loaded = await loadBrief(bundledBrief);
    expect(loaded.brief.slug).toBe('issi-russia-roundtable');
  });

  it('a BOM and CRLF line endings read as the same brief, with the same positions', async () => {
    const plain = await loadBriefText(bundledBrief, Buffer.from(bundledText));
    const bom = await loadBriefText(bundledBrief, Buffer.from(`\uFEFF${bundledText}`));
    const crlf = await loadBriefText(bundledBrief, Buffer.from(`\uFEFF${bundledText.replace(/\n/g, '\r\n')}`));
    expect(bom.brief).toEqual(plain.brief);
    expect(crlf.brief).toEqual(plain.brief);
    // A problem in a CRLF file is at the same place as in an LF file.
    const broken = edit(bundledText, /^dir: rtl$/m, 'dir: up');
    const errors = await Promise.all(
      [broken, `\uFEFF${broken.replace(/\n/g, '\r\n')}`].map((t) =>
        loadBriefText(bundledBrief, Buffer.from(t)).then(
          () => [] as string[],
          (e: MujazError) => e.diagnostics.map(summary),
        ),
      ),
    );
    expect(errors[1]).toEqual(errors[0]);
    expect(errors[0]).toEqual(['4:6: dir: must be one of "rtl", "ltr", found the text "up"']);
  });

  it('a "!" inside text is not a tag, and a few aliases are fine', async () => {
    let text = edit(bundledText, /^subtitle: .*$/m, 'subtitle: "!!binary and !tag are just text here!"');
    text = edit(text, /^author: .*$/m, 'author: &city إسلام آباد');
    text = edit(text, '    city: إسلام آباد', '    city: *city');
    const loaded = await loadBriefText(path.join(path.dirname(bundledBrief), 'aliases.yaml'), Buffer.from(text));
    expect(loaded.brief.subtitle).toBe('!!binary and !tag are just text here!');
    expect(loaded.brief.author).toBe('إسلام آباد');
  });

  it('nesting up to the limit is accepted by the YAML reader (the schema judges the rest)', async () => {
    const text = edit(bundledText, /^subtitle: .*$/m, `subtitle: ${'['.repeat(23)}${']'.repeat(23)}`);
    const error = await loadBriefText(bundledBrief, Buffer.from(text)).catch((e: MujazError) => e);
    expect((error as MujazError).diagnostics.map((d) => d.message)).toEqual(['subtitle: must be text, found a list']);
  });

  it('an empty file is an error at 1:1', async () => {
    const error = await loadBriefText('empty.yaml', Buffer.from('# nothing here\n')).catch((e: MujazError) => e);
    expect((error as MujazError).diagnostics.map(summary)).toEqual(['1:1: the brief is empty']);
  });
});
