/**
 * Each character rule is written once (src/brief/characters.ts): the schema refuses a value holding one of
 * its characters, and the validator puts the caret under that character and names it.
 */
import { describe, expect, it } from 'vitest';
import { BIDI, codePoint, CONTROL, found, HIDDEN, INVISIBLE, LINE_CONTROLS, SURROGATE, type CharacterRule } from '../../src/brief/characters.js';
import { parseYaml } from '../../src/brief/parse.js';
import { briefJsonSchema } from '../../src/brief/schema.js';
import { SourceText } from '../../src/brief/source-text.js';
import { validateBrief } from '../../src/brief/validate.js';
import { bundledText, edit, pos } from '../fixtures/briefs.js';

const RULES = { BIDI, HIDDEN, SURROGATE, CONTROL, LINE_CONTROLS, INVISIBLE } as const;

function members(rule: CharacterRule): string[] {
  return rule.ranges.flatMap(([first, last]) =>
    Array.from({ length: last - first + 1 }, (_, i) =>
      first + i >= 0xd800 && first + i <= 0xdfff ? String.fromCharCode(first + i) : String.fromCodePoint(first + i),
    ),
  );
}

/** The first diagnostic of a brief, as "LINE:COL: message", and its hint. */
function first(text: string): { at: string; hint: string | undefined } {
  const src = new SourceText('b.yaml', text);
  const parsed = parseYaml(src);
  expect(parsed.diagnostics).toEqual([]);
  const [d] = validateBrief(src, parsed.doc!, parsed.data).diagnostics;
  return { at: `${d!.line}:${d!.col}: ${d!.message}`, hint: d!.hint };
}

/** A YAML double-quoted escape for the character, so that any of them can be written in the brief. */
function escaped(ch: string): string {
  return `\\u${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`;
}

const NAME = 'name: ريابكوف';
const TITLE = /^title: (.*)$/m;
const HOST_COUNTRY = '    country: باكستان';

describe('the rules', () => {
  it.each(Object.entries(RULES))('%s: finds each of its characters, and refuses a text holding one', (_name, rule) => {
    for (const ch of members(rule)) {
      expect(rule.find.exec(`ab${ch}c`)?.[0]).toBe(ch);
      expect(rule.absent.test(`ab${ch}c`)).toBe(false);
    }
    expect(rule.find.test('ضبط التسلح, arms control 2024')).toBe(false);
    expect(rule.absent.test('ضبط التسلح, arms control 2024')).toBe(true);
  });

  it('the invisible rule of links and files is the others together', () => {
    const others = [BIDI, HIDDEN, SURROGATE, CONTROL, LINE_CONTROLS];
    for (let code = 0; code <= 0x10ffff; code++) {
      const ch = code >= 0xd800 && code <= 0xdfff ? String.fromCharCode(code) : String.fromCodePoint(code);
      if (INVISIBLE.find.test(ch) !== others.some((r) => r.find.test(ch))) expect.fail(codePoint(ch));
    }
  });

  it("the hidden rule is Unicode's default-ignorable and format characters, but the bidi controls (their own rule)", () => {
    const unicode = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/u;
    const differ: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const ch = String.fromCodePoint(code);
      if (HIDDEN.find.test(ch) !== (unicode.test(ch) && !BIDI.find.test(ch))) differ.push(codePoint(ch));
    }
    expect(differ).toEqual([]);
  });

  it('names every invisible character it reports', () => {
    for (const ch of members(BIDI)) expect(BIDI.names[ch], codePoint(ch)).toMatch(/^[A-Z][A-Z -]+$/);
    for (const [ch, name] of [
      ['\u{E0041}', 'TAG "A"'],
      ['\u{E007F}', 'CANCEL TAG'],
      ['\uFE0F', 'VARIATION SELECTOR-16'],
      ['\u{E0100}', 'VARIATION SELECTOR-17'],
      ['\u00AD', 'SOFT HYPHEN'],
      ['\u2063', 'INVISIBLE SEPARATOR'],
    ])
      expect(found(HIDDEN, ch!)).toBe(
        `an invisible character, ${codePoint(ch!)} ${name}; invisible characters can make text read differently from how it is stored`,
      );
  });

  it('spells the ranges in the schema messages', () => {
    expect(BIDI.message).toBe('contains a bidi control character (U+202A–U+202E or U+2066–U+2069); remove it');
    expect(HIDDEN.message).toBe('contains an invisible character; remove it');
    expect(CONTROL.message).toBe('contains a control character; remove it');
    expect(INVISIBLE.message).toBe('contains an invisible or control character; remove it');
  });

  it('are the patterns of the JSON Schema, as editors check them', () => {
    const json = briefJsonSchema() as { properties: Record<string, { pattern?: string; allOf?: { pattern: string }[] }> };
    const patterns = (field: { pattern?: string; allOf?: { pattern: string }[] }) => [field.pattern, ...(field.allOf ?? []).map((p) => p.pattern)];
    expect(patterns(json.properties.title!)).toEqual(expect.arrayContaining([BIDI.absent.source, CONTROL.absent.source]));
    expect(patterns(json.properties.author!)).toEqual(
      expect.arrayContaining([BIDI.absent.source, CONTROL.absent.source, SURROGATE.absent.source, HIDDEN.absent.source]),
    );
    expect(JSON.stringify(json)).toContain(JSON.stringify(INVISIBLE.absent.source));
  });
});

describe('the schema enforces them, the validator points at the character', () => {
  it.each(members(BIDI).map((ch) => [codePoint(ch), ch]))('%s (bidi) in a text: at the character, named', (_cp, ch) => {
    const text = edit(bundledText, TITLE, `title: مائدة${ch} مستديرة`);
    expect(first(text)).toEqual({
      at: `${pos(text, `مائدة${ch}`, 5)}: title: contains a bidi control character, ${codePoint(ch)} ${BIDI.names[ch]}; invisible characters can make text read differently from how it is stored`,
      hint: BIDI.hint,
    });
  });

  // fault: hidden-characters (tests/robustness/faults.ts)
  // The zero-width characters, and a sample of the others: one of each range.
  const hidden = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', ...HIDDEN.ranges.map(([first]) => String.fromCodePoint(first)), '\u{E0041}', '\u{E01EF}'];
  it.each([...new Set(hidden)].map((ch) => [codePoint(ch), ch]))('%s (invisible) in a name: at the character; in a text it is allowed', (_cp, ch) => {
    const text = edit(bundledText, NAME, `name: ريا${ch}بكوف`);
    expect(first(text).at).toBe(`${pos(text, `ريا${ch}`, 3)}: delegations[0].members[0].name: contains ${found(HIDDEN, ch)}`);
    const title = edit(bundledText, TITLE, `title: مائدة${ch} مستديرة`);
    const src = new SourceText('b.yaml', title);
    const parsed = parseYaml(src);
    expect(validateBrief(src, parsed.doc!, parsed.data).diagnostics).toEqual([]);
  });

  it.each(members(CONTROL).map((ch) => [codePoint(ch), ch]))('%s (control) in a text: found even when written as an escape', (_cp, ch) => {
    const text = edit(bundledText, TITLE, `title: "مائدة${escaped(ch)} مستديرة"`);
    expect(first(text)).toEqual({ at: `${pos(text, 'title: ', 7)}: title: contains the control character ${codePoint(ch)}`, hint: CONTROL.hint });
  });

  it('a tab or line break is text in a title, a control character in an id, a link or a path', () => {
    const title = edit(bundledText, TITLE, 'title: "مائدة\\tمستديرة"');
    const src = new SourceText('b.yaml', title);
    const parsed = parseYaml(src);
    expect(validateBrief(src, parsed.doc!, parsed.data).diagnostics).toEqual([]);

    const id = edit(bundledText, /^ {2}- id: russia$/m, '  - id: "rus\tsia"');
    expect(first(id)).toEqual({ at: `${pos(id, '\t')}: delegations[0].id: contains the control character U+0009 (a tab)`, hint: LINE_CONTROLS.hint });
    const slug = edit(bundledText, /^slug: .*$/m, 'slug: "issi\\nrussia"');
    expect(first(slug).at).toMatch(/^2:\d+: slug: contains the control character U\+000A \(a line break\)$/);

    const url = edit(bundledText, HOST_COUNTRY, `${HOST_COUNTRY}\n    url: "https://exam\\rple.org/"`);
    expect(first(url)).toEqual({
      at: `${pos(url, '"https')}: event.host.url: contains the control character U+000D (a line break); browsers ignore such characters, so they can hide a link's scheme`,
      hint: INVISIBLE.hint,
    });

    const file = edit(bundledText, '  file: sources/', '  file: "sources/\t');
    const quoted = edit(file, 'issi-russia-roundtable.ar.txt', 'issi-russia-roundtable.ar.txt"');
    expect(first(quoted)).toEqual({ at: `${pos(quoted, '\t')}: source.file: contains the control character U+0009 (a tab)`, hint: INVISIBLE.hint });
  });

  // fault: lone-surrogates (tests/robustness/faults.ts)
  it('a lone surrogate (a YAML escape "\\uD800") in any text: refused at its line, as what it is', () => {
    for (const [field, halfEscape] of [
      ['title', '\\uD800'],
      ['title', '\\uDFFF'],
    ] as const) {
      const text = edit(bundledText, TITLE, `${field}: "مائدة${halfEscape} مستديرة"`);
      expect(first(text)).toEqual({
        at: `${pos(text, 'title: ', 7)}: title: contains a lone surrogate, U+${halfEscape.slice(2)} (half of a character, which no text can hold)`,
        hint: SURROGATE.hint,
      });
    }
    const name = edit(bundledText, NAME, 'name: "ريا\\uDBFFبكوف"');
    expect(first(name).at).toMatch(/: delegations\[0\]\.members\[0\]\.name: contains a lone surrogate, U\+DBFF/);
    // A whole character written as its two halves is a character, not a lone one.
    const pair = edit(bundledText, TITLE, 'title: "مائدة \\uD83C\\uDF0D مستديرة"');
    const src = new SourceText('b.yaml', pair);
    const parsed = parseYaml(src);
    expect(validateBrief(src, parsed.doc!, parsed.data).diagnostics).toEqual([]);
  });

  it.each(['\u200E', '\u200F', '\u2061'].map((ch) => [codePoint(ch), ch]))('%s in a link: refused at the character, named', (_cp, ch) => {
    const url = edit(bundledText, HOST_COUNTRY, `${HOST_COUNTRY}\n    url: https://exam${ch}ple.org/`);
    expect(first(url)).toEqual({ at: `${pos(url, `exam${ch}`, 4)}: event.host.url: contains ${found(HIDDEN, ch)}`, hint: HIDDEN.hint });
  });
});
