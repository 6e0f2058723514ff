/**
 * YAML document → Brief. Every schema problem becomes a Diagnostic at the offending node: the value for a
 * wrong value, the key for an unknown key, the parent mapping for a missing key.
 */
import { closest, distance } from 'fastest-levenshtein';
import type { Document } from 'yaml';
import type { z } from 'zod';
import type { Diagnostic } from '../errors.js';
import { found, LINE_CONTROLS, locate, LOCATED } from './characters.js';
import { atCharacter, atNode, keyNode, nodeAt, ownerNode, type Path, pathInWords } from './locate.js';
import { Brief } from './schema.js';
import { allowedKeys, helpAt, type Schema } from './schema-at.js';
import type { SourceText } from './source-text.js';

function nearest(key: string, allowed: readonly string[]): string | undefined {
  if (allowed.length === 0) return undefined;
  const near = closest(key.toLowerCase(), allowed as string[]);
  return distance(key.toLowerCase(), near) <= Math.max(2, Math.floor(near.length / 3)) ? near : undefined;
}

function suggestion(key: string, allowed: string[], missing: ReadonlySet<string>): string {
  if (key === '<<') return 'YAML merge keys ("<<") are not supported: write the keys out in full';
  if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
    return `"${key}" is not a brief field: remove it. Allowed here: ${allowed.join(', ')}`;
  }
  const near = nearest(key, allowed);
  if (near !== undefined) return `did you mean "${near}"?${missing.has(near) ? ` ("${near}" is required here and missing)` : ''}`;
  return `remove it, or use one of the keys allowed here: ${allowed.join(', ')}`;
}

function valueAtPath(data: unknown, path: Path): { found: boolean; value: unknown } {
  let current: unknown = data;
  for (const part of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, part)) {
      return { found: false, value: undefined };
    }
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return { found: true, value: current };
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return value.length <= 30 ? `the text "${value}"` : 'text';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `a ${typeof value}`;
}

const EXPECTED: Record<string, { words: string; hint: string }> = {
  string: { words: 'text', hint: 'write the text after the ":" (in quotes if it starts with a special character)' },
  number: { words: 'a number', hint: 'write a number, e.g. 12' },
  int: { words: 'a whole number', hint: 'write a whole number, e.g. 12' },
  object: { words: 'a mapping (key: value lines)', hint: 'write "key: value" lines under it, indented' },
  array: { words: 'a list ("- " items)', hint: 'write each item on its own line under the key, starting with "- " (or as [a, b])' },
  boolean: { words: 'true or false', hint: 'write true or false' },
};

/** A regex check failed: say which rule, from the characters the value holds and the field's help. */
function formatProblem(src: SourceText, doc: Document.Parsed, where: string, path: Path, value: unknown, issue: z.core.$ZodIssue, root: Schema): Diagnostic {
  const node = nodeAt(doc, path).node;
  const help = helpAt(path, root);
  if (typeof value === 'string') {
    // Checks run on the trimmed text: leading and trailing white space is not part of the value.
    const bad = locate(value.trim(), help.oneLine ? [...LOCATED, LINE_CONTROLS] : LOCATED);
    if (bad) {
      const control = bad.rule.kind === 'control';
      return atCharacter(
        src,
        node,
        bad.ch,
        `${where}: contains ${found(bad.rule, bad.ch)}${control && help.controlWhy ? `; ${help.controlWhy}` : ''}`,
        (control ? help.controlHint : undefined) ?? bad.rule.hint,
      );
    }
  }
  if (issue.code === 'invalid_format' && issue.format === 'date') {
    // zod reports a string that is no date here, even for the "unknown"-or-date union of event.date.
    return atNode(src, node, `${where}: must be a date written as YYYY-MM-DD`, 'write the date as YYYY-MM-DD, e.g. 2024-03-15');
  }
  return atNode(src, node, `${where}: ${issue.message}`, help.hint ?? 'correct the value');
}

/** The hint a rule of the schema gives with its issue (`params: { hint }`). */
function hintOf(issue: z.core.$ZodIssue): string | undefined {
  const params = (issue as { params?: { hint?: unknown } }).params;
  return typeof params?.hint === 'string' ? params.hint : undefined;
}

function issueToDiagnostics(
  src: SourceText,
  doc: Document.Parsed,
  data: unknown,
  issue: z.core.$ZodIssue,
  missing: ReadonlySet<string>,
  root: Schema,
): Diagnostic[] {
  const where = pathInWords(issue.path);
  const { found, value } = valueAtPath(data, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) =>
        atNode(
          src,
          keyNode(doc, issue.path, key) ?? nodeAt(doc, issue.path).node,
          `${pathInWords([...issue.path, key])}: unknown key "${key}"`,
          suggestion(
            key,
            allowedKeys(issue.path, root),
            new Set([...missing].filter((m) => m.startsWith(`${pathKey(issue.path)}\u0000`)).map((m) => m.split('\u0000')[1]!)),
          ),
        ),
      );
    case 'invalid_type': {
      const expected = EXPECTED[issue.expected] ?? { words: issue.expected, hint: `write ${issue.expected}` };
      if (!found || value === undefined) {
        const parentPath = issue.path.slice(0, -1);
        const key = String(issue.path[issue.path.length - 1]);
        return [
          atNode(
            src,
            ownerNode(doc, parentPath),
            `${pathInWords(parentPath)}: the required key "${key}" is missing`,
            `add "${key}:" with ${expected.words} ${parentPath.length === 0 ? 'at the top level' : `under ${pathInWords(parentPath)}`}`,
          ),
        ];
      }
      return [
        atNode(
          src,
          nodeAt(doc, issue.path).node,
          `${where}: must be ${expected.words}, found ${describeValue(value)}`,
          value === null ? 'fill in the value after the ":", or delete the line if the key is optional' : expected.hint,
        ),
      ];
    }
    case 'invalid_value': {
      const options = issue.values.map((v) => JSON.stringify(v));
      const near = typeof value === 'string' ? nearest(value, issue.values.map(String)) : undefined;
      return [
        atNode(
          src,
          nodeAt(doc, issue.path).node,
          `${where}: must be ${options.length === 1 ? options[0] : `one of ${options.join(', ')}`}, found ${describeValue(value)}`,
          near !== undefined ? `did you mean "${near}"?` : `write one of: ${issue.values.map(String).join(', ')}`,
        ),
      ];
    }
    case 'invalid_union': {
      // An object where a union takes an object or a word ("unknown"): what is wrong is the object branch's
      // problems, each told as it would be without the word (a mistyped key, a link, with its did-you-mean).
      const objectBranch = issue.errors.filter((errors) => !errors.some((e) => e.path.length === 0 && ['invalid_type', 'invalid_value'].includes(e.code)));
      const word = issue.errors.some((errors) => errors.length === 1 && errors[0]!.path.length === 0 && errors[0]!.code === 'invalid_value');
      if (word && objectBranch.length === 1 && value !== null && typeof value === 'object' && !Array.isArray(value)) {
        return objectBranch[0]!.flatMap((e) =>
          issueToDiagnostics(src, doc, data, { ...e, path: [...issue.path, ...e.path] } as z.core.$ZodIssue, missing, root),
        );
      }
      // The branch the value is written in (its form matches: no wrong type, value or key at its root) says
      // what is wrong with it, with its hint; else the most specific message of any branch.
      const mismatch = (e: z.core.$ZodIssue) => e.path.length === 0 && ['invalid_type', 'invalid_value', 'unrecognized_keys'].includes(e.code);
      const branch = issue.errors.find((errors) => errors.length > 0 && !errors.some(mismatch));
      const chosen = branch?.find((e) => !e.message.startsWith('Invalid'));
      if (chosen) {
        const at = [...issue.path, ...chosen.path];
        return [
          atNode(src, nodeAt(doc, at).node, `${pathInWords(at)}: ${chosen.message}`, hintOf(chosen) ?? helpAt(issue.path, root).hint ?? 'correct the value'),
        ];
      }
      const messages = issue.errors.flat().map((e) => e.message);
      const message = messages.find((m) => !m.startsWith('Invalid')) ?? 'has the wrong form';
      return [atNode(src, nodeAt(doc, issue.path).node, `${where}: ${message}`, helpAt(issue.path, root).hint ?? 'correct the value')];
    }
    case 'invalid_format':
      return [formatProblem(src, doc, where, issue.path, value, issue, root)];
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'array' && Array.isArray(value)) {
        const extra = nodeAt(doc, [...issue.path, max]);
        return [
          atNode(
            src,
            extra.exact ? extra.node : nodeAt(doc, issue.path).node,
            `${where}: has ${value.length} items, more than the limit of ${max}`,
            `keep at most ${max} items here; the first one over the limit is marked`,
          ),
        ];
      }
      if (issue.origin === 'string' && typeof value === 'string') {
        const length = value.trim().length;
        return [
          atNode(
            src,
            nodeAt(doc, issue.path).node,
            `${where}: is ${length} characters long, more than the limit of ${max}`,
            'shorten it, or split it into several points',
          ),
        ];
      }
      return [atNode(src, nodeAt(doc, issue.path).node, `${where}: must be at most ${max}`, 'write a smaller number')];
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array') {
        return [atNode(src, nodeAt(doc, issue.path).node, `${where}: ${issue.message}`, 'add at least one item, or delete the key if it is optional')];
      }
      if (issue.origin === 'string') {
        return [atNode(src, nodeAt(doc, issue.path).node, `${where}: must not be empty`, 'write the text, or delete the line if the key is optional')];
      }
      return [
        atNode(
          src,
          nodeAt(doc, issue.path).node,
          `${where}: must be at least ${min}, found ${describeValue(value)}`,
          helpAt(issue.path, root).hint ?? `write a number of at least ${min}`,
        ),
      ];
    }
    case 'custom':
      // The schema's own rules (src/brief/schema.ts refine) carry their hint.
      return [atNode(src, nodeAt(doc, issue.path).node, `${where}: ${issue.message}`, hintOf(issue) ?? helpAt(issue.path, root).hint ?? 'correct the value')];
    default:
      return [atNode(src, nodeAt(doc, issue.path).node, `${where}: ${issue.message.replace(/^Too (big|small): /, '')}`, 'correct the value')];
  }
}

function pathKey(path: Path): string {
  return path.map(String).join('\u0001');
}

export interface Validated {
  brief: Brief | undefined;
  diagnostics: Diagnostic[];
}

export function validateBrief(src: SourceText, doc: Document.Parsed, data: unknown): Validated {
  const { value, diagnostics } = validateYaml(Brief, src, doc, data);
  return { brief: value, diagnostics };
}

/** YAML data → a value of `root`'s schema, or every problem at its node (a brief, a theme file). */
export function validateYaml<S extends z.ZodType>(
  root: S,
  src: SourceText,
  doc: Document.Parsed,
  data: unknown,
): { value: z.infer<S> | undefined; diagnostics: Diagnostic[] } {
  const result = root.safeParse(data);
  if (!result.success) {
    const issues = result.error.issues;
    // A missing key next to an unknown key that is a near miss for it is one problem (a typo): report it
    // once, at the typo, with "did you mean".
    const missing = new Set<string>();
    const typos = new Set<string>();
    for (const issue of issues) {
      if (issue.code === 'invalid_type' && !valueAtPath(data, issue.path).found) {
        missing.add(`${pathKey(issue.path.slice(0, -1))}\u0000${String(issue.path.at(-1))}`);
      }
    }
    for (const issue of issues) {
      if (issue.code !== 'unrecognized_keys') continue;
      for (const key of issue.keys) {
        const near = nearest(key, allowedKeys(issue.path, root));
        const id = `${pathKey(issue.path)}\u0000${near}`;
        if (near !== undefined && missing.has(id)) typos.add(id);
      }
    }
    // One message per value for failed formats: the first rule it breaks says the most (an invisible
    // character in a link is why it is not a link).
    const formats = new Set<string>();
    const diagnostics = issues
      .filter((issue) => {
        if (issue.code !== 'invalid_format') return true;
        const key = pathKey(issue.path);
        if (formats.has(key)) return false;
        formats.add(key);
        return true;
      })
      .filter((issue) => !(issue.code === 'invalid_type' && typos.has(`${pathKey(issue.path.slice(0, -1))}\u0000${String(issue.path.at(-1))}`)))
      .flatMap((issue) => issueToDiagnostics(src, doc, data, issue, missing, root));
    return { value: undefined, diagnostics: sortDiagnostics(diagnostics) };
  }
  return { value: result.data, diagnostics: [] };
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list
    .filter((d) => {
      const key = `${d.line}:${d.col}:${d.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.line - b.line || a.col - b.col);
}
