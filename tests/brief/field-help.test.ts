/**
 * Each field's hint sits beside the field in schema.ts (a registry of its own, out of the JSON Schema), and
 * schema-at.ts finds it on the schema node at an issue's path, walking the schema by zod's public API.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseYaml } from '../../src/brief/parse.js';
import { briefJsonSchema } from '../../src/brief/schema.js';
import { SourceText } from '../../src/brief/source-text.js';
import { allowedKeys, helpAt, schemaAt } from '../../src/brief/schema-at.js';
import { validateBrief } from '../../src/brief/validate.js';
import { bundledText, edit } from '../fixtures/briefs.js';

type Path = (string | number)[];

/** Every path of the schema, a list's items as index 0, by zod's public API only. */
function allPaths(): Path[] {
  const out: Path[] = [];
  const stack: Path[] = [[]];
  while (stack.length > 0) {
    const path = stack.pop()!;
    out.push(path);
    let s = schemaAt(path);
    for (;;) {
      if (s instanceof z.ZodOptional || s instanceof z.ZodDefault) s = s.unwrap();
      // An object or a word ("host: unknown"): walked as its object.
      else if (s instanceof z.ZodUnion && s.options.filter((o) => o instanceof z.ZodObject).length === 1) s = s.options.find((o) => o instanceof z.ZodObject);
      else break;
    }
    if (s instanceof z.ZodArray) stack.push([...path, 0]);
    else if (s instanceof z.ZodObject) for (const key of Object.keys(s.shape)) stack.push([...path, key]);
  }
  return out;
}

const ID = 'use lower-case latin letters, digits and hyphens, e.g. "sohail-mahmood"';
const FILE = 'name the file relative to the brief\'s folder, e.g. "images/logo.png"; it must be inside that folder';
const URL = 'write the full address, starting with https:// (or mailto: for an e-mail address)';
const PARAGRAPH = 'paragraphs are numbered from 1 (paragraph N is the N-th non-empty line of the report)';

/** The hint each field gets, by what the field is (its name, or the list it is an item of). */
function expectedHint(path: Path): string | undefined {
  const name = path.at(-1);
  const list = path.at(-2);
  if (name === 'slug') return 'use lower-case latin letters, digits and hyphens, e.g. "issi-russia-roundtable"';
  // Every field holding an id (its own, or the session or chair it names) says how ids are written.
  if (name === 'id' || name === 'session' || name === 'chair') return ID;
  if (name === 'speaker') return 'use the id of a person in people, delegations or participants, e.g. "sohail-mahmood"';
  if (name === 'url') return URL;
  if (name === 'file' || path.join('.') === 'theme') return FILE;
  if (path.join('.') === 'event.date')
    return 'write the parts the report gives, e.g. { day: 15, month: 3, year: 2024, sources: [1] } or { weekday: friday, day: 15, month: 3, sources: [1] }, a range as { from: 2008-10-12, to: 2008-10-14, sources: [2] }, or "unknown" when the report gives no date';
  if (name === 0 && (list === 'sources' || list === 'paragraphs')) return PARAGRAPH;
  return undefined;
}

describe('hints beside the fields', () => {
  const paths = allPaths();

  it('the schema is walked to every field (lists, optional and default values included)', () => {
    const names = paths.map((p) => p.join('.'));
    expect(names).toEqual(
      expect.arrayContaining(['lang', 'participants.moderator.id', 'delegations.0.members.0.sources.0', 'source.gaps.0.paragraphs.0', 'event.host.logo.file']),
    );
    expect(paths.length).toBeGreaterThan(100);
  });

  it('every field has exactly its hint, found on its schema node', () => {
    const found = paths.map((p) => [p.join('.'), helpAt(p).hint]);
    expect(found).toEqual(paths.map((p) => [p.join('.'), expectedHint(p)]));
    // Each kind of hint is in use somewhere, so none is left behind.
    const used = new Set(found.map(([, h]) => h));
    for (const h of [ID, FILE, URL, PARAGRAPH]) expect(used).toContain(h);
  });

  it('a field given by another one (.describe()) keeps what it does not say itself', () => {
    expect(helpAt(['messages', 0, 'speaker'])).toEqual({ hint: expectedHint(['speaker']), oneLine: true });
    expect(helpAt(['delegations', 0, 'id'])).toEqual({ hint: ID, oneLine: true });
    expect(helpAt(['event', 'host', 'url'])).toMatchObject({ oneLine: true, controlWhy: "browsers ignore such characters, so they can hide a link's scheme" });
    expect(helpAt(['event', 'host', 'logo', 'file']).controlWhy).toBeUndefined();
    expect(helpAt(['title'])).toEqual({});
    expect(helpAt(['no', 'such', 'field'])).toEqual({});
  });

  it('stays out of the JSON Schema', () => {
    const json = JSON.stringify(briefJsonSchema());
    for (const key of ['hint', 'oneLine', 'controlHint', 'controlWhy']) expect(json).not.toContain(`"${key}"`);
  });
});

describe('allowed keys, for "did you mean"', () => {
  it.each([
    [[], 'slug'],
    [['participants'], 'moderator'],
    [['participants', 'moderator'], 'role'],
    [['delegations', 3, 'members', 0], 'title'],
    [['event', 'host', 'logo'], 'alt'],
  ] as [Path, string][])('at %j includes %s (behind optional wrappers and lists)', (path, key) => {
    expect(allowedKeys(path)).toContain(key);
  });

  it('is empty where there is no mapping', () => {
    expect(allowedKeys(['lang'])).toEqual([]);
    expect(allowedKeys(['keywords'])).toEqual([]);
    expect(allowedKeys(['nope'])).toEqual([]);
  });
});

describe('the hints printed', () => {
  function firstProblem(text: string): { where: string; hint: string | undefined } {
    const src = new SourceText('b.yaml', text);
    const parsed = parseYaml(src);
    expect(parsed.diagnostics).toEqual([]);
    const [d] = validateBrief(src, parsed.doc!, parsed.data).diagnostics;
    return { where: d!.message.split(':')[0]!, hint: d!.hint };
  }

  it.each([
    ['slug', /^slug: .*$/m, 'slug: Not_A_Slug', expectedHint(['slug'])],
    ['delegations[0].id', /^ {2}- id: russia$/m, '  - id: Russia', ID],
    ['messages[2].speaker', '  - speaker: ryabkov\n    occasion: الكلمة\n', '  - speaker: Ryabkov\n    occasion: الكلمة\n', expectedHint(['speaker'])],
    ['source.file', /^ {2}file: .*$/m, '  file: /etc/passwd', FILE],
    ['event.date', /^ {2}date: unknown$/m, '  date: 12', expectedHint(['event', 'date'])],
    ['event.sources[0]', /^ {2}sources: \[1, 2, 4\]$/m, '  sources: [0, 2, 4]', PARAGRAPH],
    ['source.gaps[0].paragraphs[0]', /paragraphs: \[3\]/, 'paragraphs: [0]', PARAGRAPH],
  ] as [string, string | RegExp, string, string][])('%s', (where, find, replace, hint) => {
    expect(firstProblem(edit(bundledText, find, replace))).toEqual({ where, hint });
  });
});
