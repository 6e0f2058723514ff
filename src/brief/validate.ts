/**
 * YAML document → Brief. Every schema problem becomes a Diagnostic at the offending node: the value for a
 * wrong value, the key for an unknown key, the parent mapping for a missing key.
 */
import { closest, distance } from 'fastest-levenshtein';
import { isMap, isPair, isScalar, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import type { Diagnostic } from '../errors.js';
import { diagnosticAt } from './parse.js';
import { Brief } from './schema.js';
import type { SourceText } from './source-text.js';

type Path = readonly PropertyKey[];

export function pathInWords(path: Path): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? 'the brief' : out;
}

/** The deepest YAML node that exists along `path`, and whether it is the node itself. */
function nodeAt(doc: Document.Parsed, path: Path): { node: Node | null; exact: boolean; depth: number } {
  let current: unknown = doc.contents;
  let depth = 0;
  for (const part of path) {
    const next = (current as { get?: (k: unknown, keepScalar: boolean) => unknown } | null)?.get?.(part, true);
    if (next === undefined || next === null) break;
    current = next;
    depth++;
  }
  return { node: (current as Node) ?? null, exact: depth === path.length, depth };
}

function keyNode(doc: Document.Parsed, path: Path, key: string): Node | null {
  const parent = nodeAt(doc, path);
  if (!parent.exact || !isMap(parent.node)) return null;
  for (const item of parent.node.items) {
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === key) return item.key;
  }
  return null;
}

function at(src: SourceText, node: Node | null, message: string, hint?: string): Diagnostic {
  const [start, , end] = node?.range ?? [0, 1, 1];
  return diagnosticAt(src, start, end, message, hint);
}

/** Unwraps optional/default/pipe wrappers so the object shape behind a path can be read. */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let s = schema;
  for (let i = 0; i < 10; i++) {
    const def = s._zod.def as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType };
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable') && def.innerType) s = def.innerType;
    else if (def.type === 'pipe' && def.in) s = def.in;
    else break;
  }
  return s;
}

/** The keys the schema allows at `path`, for "did you mean". */
export function allowedKeys(path: Path): string[] {
  let s: z.core.$ZodType = Brief;
  for (const part of path) {
    const def = unwrap(s)._zod.def as { type: string; shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType };
    if (typeof part === 'number' && def.type === 'array' && def.element) s = def.element;
    else if (typeof part === 'string' && def.type === 'object' && def.shape?.[part]) s = def.shape[part];
    else return [];
  }
  const def = unwrap(s)._zod.def as { type: string; shape?: Record<string, unknown> };
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

function suggestion(key: string, allowed: string[]): string {
  if (key === '<<') return 'merge keys ("<<") are not supported; write the keys out';
  if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
    return `"${key}" is not a brief field; remove it. Allowed here: ${allowed.join(', ')}`;
  }
  if (allowed.length > 0) {
    const near = closest(key.toLowerCase(), allowed);
    if (distance(key.toLowerCase(), near) <= Math.max(2, Math.floor(near.length / 3))) return `did you mean "${near}"?`;
  }
  return `allowed here: ${allowed.join(', ')}`;
}

function valueAtPath(data: unknown, path: Path): { found: boolean; value: unknown } {
  let current: unknown = data;
  for (const part of path) {
    if (current === null || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, part)) {
      return { found: false, value: undefined };
    }
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return { found: true, value: current };
}

function describeValue(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return 'text';
  return `a ${typeof value}`;
}

const EXPECTED_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  object: 'a mapping (key: value lines)',
  array: 'a list ("- " items)',
  boolean: 'true or false',
};

function issueToDiagnostics(src: SourceText, doc: Document.Parsed, data: unknown, issue: z.core.$ZodIssue): Diagnostic[] {
  const where = pathInWords(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) =>
        at(src, keyNode(doc, issue.path, key) ?? nodeAt(doc, issue.path).node, `${pathInWords([...issue.path, key])}: unknown key "${key}"`, suggestion(key, allowedKeys(issue.path))),
      );
    case 'invalid_type': {
      const { found, value } = valueAtPath(data, issue.path);
      const expected = EXPECTED_WORDS[issue.expected] ?? issue.expected;
      if (!found || value === undefined) {
        const parent = nodeAt(doc, issue.path.slice(0, -1));
        const key = String(issue.path[issue.path.length - 1]);
        return [at(src, parent.node, `${where}: required key "${key}" is missing`, `add "${key}:" with ${expected} to ${pathInWords(issue.path.slice(0, -1))}`)];
      }
      return [at(src, nodeAt(doc, issue.path).node, `${where}: must be ${expected}, found ${describeValue(value)}`)];
    }
    case 'invalid_value':
      return [
        at(src, nodeAt(doc, issue.path).node, `${where}: must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`),
      ];
    case 'invalid_union': {
      // Report the most specific branch message (our schemas give each branch a clear one).
      const messages = issue.errors.flat().map((e) => e.message);
      const message = messages.find((m) => !m.startsWith('Invalid')) ?? 'has the wrong form';
      return [at(src, nodeAt(doc, issue.path).node, `${where}: ${message}`)];
    }
    default:
      return [at(src, nodeAt(doc, issue.path).node, `${where}: ${issue.message.replace(/^Too (big|small): /, '')}`)];
  }
}

export interface Validated {
  brief: Brief | undefined;
  diagnostics: Diagnostic[];
}

export function validateBrief(src: SourceText, doc: Document.Parsed, data: unknown): Validated {
  const result = Brief.safeParse(data);
  if (!result.success) {
    const diagnostics = result.error.issues.flatMap((issue) => issueToDiagnostics(src, doc, data, issue));
    return { brief: undefined, diagnostics: sortDiagnostics(diagnostics) };
  }
  return { brief: result.data, diagnostics: [] };
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

/** Locates a path for checks made after the schema (cross-references, cited paragraphs, files). */
export function diagnosticForPath(src: SourceText, doc: Document.Parsed, path: Path, message: string, hint?: string, severity: Diagnostic['severity'] = 'error'): Diagnostic {
  const d = at(src, nodeAt(doc, path).node, `${pathInWords(path)}: ${message}`, hint);
  d.severity = severity;
  return d;
}
