/**
 * yaml's errors are recognised by their code and the syntax tree at their position, never by their English
 * wording: each case names the code yaml gives, what mujaz makes of it, and the first diagnostic printed.
 */
import { describe, expect, it } from 'vitest';
import { Composer, Parser, type YAMLParseError } from 'yaml';
import { inspectCst } from '../../src/brief/cst.js';
import { parseYaml, YAML_LIMITS } from '../../src/brief/parse.js';
import { SourceText } from '../../src/brief/source-text.js';
import { classify, DEFAULT_HINT, errorContext, YAML_HINTS, type YamlProblem } from '../../src/brief/yaml-errors.js';

interface Case {
  name: string;
  text: string;
  /** The yaml error (code) and what it is taken to be. */
  code: string;
  kind: YamlProblem['kind'];
  /** The first diagnostic: "LINE:COL: message", and its hint. */
  first: string;
  hint: string | RegExp;
}

const cases: Case[] = [
  {
    name: 'a " that is never closed',
    text: 'a: "x\nb: 1\n',
    code: 'MISSING_CHAR',
    kind: 'unclosed-quote',
    first: '1:4: the quote " opened here is never closed, so the rest of the file is read as part of this text',
    hint: /^add the closing " at the end of the value \(write a " inside the text as \\"\)/,
  },
  {
    name: "a ' that is never closed",
    text: "a: 'x\nb: 1\n",
    code: 'MISSING_CHAR',
    kind: 'unclosed-quote',
    first: "1:4: the quote ' opened here is never closed, so the rest of the file is read as part of this text",
    hint: /^add the closing ' at the end of the value \(write a ' inside the text as ''\)/,
  },
  {
    name: 'a [ never closed, at the top',
    text: '[a, b\n',
    code: 'MISSING_CHAR',
    kind: 'unclosed-flow',
    first: '1:1: the [ opened here is never closed',
    hint: 'add the closing ]; a [ … ] written over several lines must be indented more than its key',
  },
  {
    name: 'a { never closed, inside a mapping',
    text: 'a: {x: 1\nb: 2\n',
    code: 'BAD_INDENT',
    kind: 'unclosed-flow',
    first: '1:4: the { opened here is never closed',
    hint: 'add the closing }; a { … } written over several lines must be indented more than its key',
  },
  {
    name: 'an open [ holding a closed one: the open one is blamed',
    text: 'a: [x, [y, z]\nb: 1\n',
    code: 'BAD_INDENT',
    kind: 'unclosed-flow',
    first: '1:4: the [ opened here is never closed',
    hint: /^add the closing \]/,
  },
  {
    name: 'a [ closed by a }: the [ is blamed, not the { around it',
    text: 'a: {x: [1, 2}\n',
    code: 'BAD_INDENT',
    kind: 'unclosed-flow',
    first: '1:8: the [ opened here is never closed',
    hint: /^add the closing \]/,
  },
  {
    name: 'a key indented deeper than the one above',
    text: 'a:\n  b: x\n   c: y\n',
    code: 'MULTILINE_IMPLICIT_KEY',
    kind: 'multiline-key',
    first: '3:4: this line is indented deeper than the key above it, so YAML reads it as part of that value',
    hint: 'line the key up with the keys above it (the same number of spaces)',
  },
  {
    name: 'the same line, also reported as a mapping on its key line (kept out)',
    text: 'a:\n  b: x\n   c: y\n',
    code: 'BLOCK_AS_IMPLICIT_KEY',
    kind: 'compact-mapping',
    first: '3:4: this line is indented deeper than the key above it, so YAML reads it as part of that value',
    hint: 'line the key up with the keys above it (the same number of spaces)',
  },
  {
    name: 'a line without ":" that runs into the next key',
    text: 'note\nslug: x\n',
    code: 'MULTILINE_IMPLICIT_KEY',
    kind: 'multiline-key',
    first: '1:1: this line has no ":" after its key, so YAML joins it with the next line',
    hint: 'write "key: value" with a colon and a space after the key',
  },
  {
    name: 'a "- " item off its list, where a key belongs',
    text: 'a:\n  - 1\n - 2\n',
    code: 'BLOCK_AS_IMPLICIT_KEY',
    kind: 'sequence-as-key',
    first: '3:2: a "- " item stands where a "key:" was expected: it does not line up with the items of its list',
    hint: /^start every "- " item of one list at the same column/,
  },
  {
    name: 'a value with ": " in it',
    text: 'a: b: c\n',
    code: 'BLOCK_AS_IMPLICIT_KEY',
    kind: 'compact-mapping',
    first: '1:4: this value contains ": ", which YAML reads as a second "key:" on the same line',
    hint: /^put the whole value in quotes/,
  },
  {
    name: 'a key without ":"',
    text: 'a: 1\nb\n',
    code: 'MISSING_CHAR',
    kind: 'key-without-value',
    first: '2:1: this line has no ":"; each line of a mapping is "key: value"',
    hint: /^add ":" after the key/,
  },
  {
    name: 'a "- " list on its key line',
    text: 'a: - b\n',
    code: 'UNEXPECTED_TOKEN',
    kind: 'sequence-on-key-line',
    first: '1:4: a "- " list cannot start on the same line as its key',
    hint: 'put the "- " items on the lines below the key, indented more than it',
  },
  {
    name: 'a key off its mapping column',
    text: 'a:\n  b: 1\n c: 2\n',
    code: 'BAD_INDENT',
    kind: 'item-column',
    first: '3:2: the key "c" starts at column 2, which lines up with no key around it: "b" (line 2) at column 3 and "a" (line 1) at column 1',
    hint: /^the keys of one mapping must start at the same column/,
  },
  {
    name: 'a line of a "|" text indented less than its first (yaml says it)',
    text: 'a: |\n    x\n\t   y\n',
    code: 'BAD_INDENT',
    kind: 'other',
    first: '3:1: block scalar lines must not be less indented than their first line',
    hint: YAML_HINTS.BAD_INDENT!,
  },
  {
    name: 'a MISSING_CHAR that is no quote, bracket or ":" (yaml says it)',
    text: 'a:\n  - |\n     x\n    y\n',
    code: 'MISSING_CHAR',
    kind: 'other',
    first: '4:5: sequence item without - indicator',
    hint: YAML_HINTS.MISSING_CHAR!,
  },
  {
    name: 'a value starting with @',
    text: 'a: @x\n',
    code: 'BAD_SCALAR_START',
    kind: 'other',
    first: '1:4: plain value cannot start with reserved character @',
    hint: YAML_HINTS.BAD_SCALAR_START!,
  },
  {
    name: 'a stray ]',
    text: 'a: [1, 2]]\n',
    code: 'UNEXPECTED_TOKEN',
    kind: 'other',
    first: '1:10: unexpected flow-seq-end token in YAML stream: "]"',
    hint: YAML_HINTS.UNEXPECTED_TOKEN!,
  },
];

function composed(text: string): { errors: YAMLParseError[]; kinds: (error: YAMLParseError) => YamlProblem['kind'] } {
  const tokens = Array.from(new Parser().parse(text));
  const doc = Array.from(new Composer({ version: '1.2', schema: 'core', uniqueKeys: true, merge: false, prettyErrors: false }).compose(tokens))[0]!;
  const context = errorContext(inspectCst(tokens, YAML_LIMITS.depth), doc);
  return { errors: doc.errors, kinds: (error) => classify(error, context).kind };
}

describe('each yaml error code, with the tree at its position, says what is wrong', () => {
  it.each(cases)('$name: $code → $kind', (c) => {
    const { errors, kinds } = composed(c.text);
    expect(errors.map((e) => `${e.code} → ${kinds(e)}`)).toContain(`${c.code} → ${c.kind}`);
  });

  it.each(cases)('$name: printed as ours, at the place it is about', (c) => {
    const src = new SourceText('t.yaml', c.text);
    const [first] = parseYaml(src).diagnostics;
    expect(`${first!.line}:${first!.col}: ${first!.message}`).toBe(c.first);
    expect(first!.hint).toMatch(c.hint instanceof RegExp ? c.hint : new RegExp(`^${c.hint.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  });

  it.each(cases)("$name: the decision does not read yaml's wording", (c) => {
    const { errors, kinds } = composed(c.text);
    const before = errors.map(kinds);
    for (const e of errors) e.message = 'reworded in another language';
    expect(errors.map(kinds)).toEqual(before);
  });

  it("a code without a hint of its own gets the general one, with yaml's sentence", () => {
    const src = new SourceText('t.yaml', `${'k'.repeat(1030)}: 1\n`);
    expect(composed(src.text).errors.map((e) => e.code)).toEqual(['KEY_OVER_1024_CHARS']);
    expect(YAML_HINTS.KEY_OVER_1024_CHARS).toBeUndefined();
    const [d] = parseYaml(src).diagnostics;
    expect([d!.message, d!.hint]).toEqual(['the : indicator must be at most 1024 chars after the start of an implicit block mapping key', DEFAULT_HINT]);
  });
});
