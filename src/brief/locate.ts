/**
 * Where a path of the brief is written: the YAML node at a path (or the key, or the mapping that owns it)
 * and a Diagnostic with the caret on it, for the schema's problems and the checks made after it.
 */
import { isMap, isPair, isScalar, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../errors.js';
import { diagnosticAt } from './parse.js';
import type { SourceText } from './source-text.js';

/** A path into the brief, as zod reports it. */
export type Path = readonly PropertyKey[];

/** A path as messages write it: event.date, speakers[2].name; the empty path is "the brief". */
export function pathInWords(path: Path): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? 'the brief' : out;
}

/** The deepest YAML node that exists along `path`, and whether it is the node itself. */
export function nodeAt(doc: Document.Parsed, path: Path): { node: Node | null; exact: boolean; depth: number } {
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

/** The key `key` of the mapping at `path`, if both are written. */
export function keyNode(doc: Document.Parsed, path: Path, key: string): Node | null {
  const parent = nodeAt(doc, path);
  if (!parent.exact || !isMap(parent.node)) return null;
  for (const item of parent.node.items) {
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === key) return item.key;
  }
  return null;
}

/** A Diagnostic over the whole node (the start of the file when there is none). */
export function atNode(src: SourceText, node: Node | null, message: string, hint?: string): Diagnostic {
  const [start, , end] = node?.range ?? [0, 1, 1];
  return diagnosticAt(src, start, end, message, hint);
}

/** The key of the pair that holds the collection at `path` ("event" for event.*), or the collection itself. */
export function ownerNode(doc: Document.Parsed, path: Path): Node | null {
  const last = path[path.length - 1];
  if (typeof last === 'string') {
    const key = keyNode(doc, path.slice(0, -1), last);
    if (key) return key;
  }
  const node = nodeAt(doc, path).node;
  if (path.length === 0 && isMap(node)) {
    const first = node.items[0];
    if (isPair(first) && isScalar(first.key)) return first.key;
  }
  return node;
}

/** Puts the caret on the character itself when it is written literally in the source. */
export function atCharacter(src: SourceText, node: Node | null, ch: string, message: string, hint: string): Diagnostic {
  const [start, , end] = node?.range ?? [0, 1, 1];
  const i = src.text.slice(start, end).indexOf(ch);
  return i >= 0 ? diagnosticAt(src, start + i, start + i + ch.length, message, hint) : diagnosticAt(src, start, end, message, hint);
}

/** Locates a path for checks made after the schema (cross-references, cited paragraphs, files). */
export function diagnosticForPath(
  src: SourceText,
  doc: Document.Parsed,
  path: Path,
  message: string,
  hint?: string,
  severity: Diagnostic['severity'] = 'error',
): Diagnostic {
  const d = atNode(src, nodeAt(doc, path).node, `${pathInWords(path)}: ${message}`, hint);
  d.severity = severity;
  return d;
}
