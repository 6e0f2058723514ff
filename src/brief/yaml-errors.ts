/**
 * yaml's parse errors → diagnostics that say what is wrong, where, and how to fix it.
 *
 * What an error is about is decided from its code (YAMLParseError.code) and the syntax tree at its
 * position, never from yaml's English wording: one code can stand for several problems (MISSING_CHAR is an
 * unclosed quote, an unclosed bracket or a key without ":"), and the tree tells which. yaml's own sentence
 * is shown only for the problems not recognised here.
 */
import { isCollection, isMap, isScalar, isSeq, visit, type Document, type Node, type YAMLParseError } from 'yaml';
import type { Diagnostic } from '../errors.js';
import type { BlockTok, CstFacts, FlowTok, Item, Tok } from './cst.js';
import { diagnosticAt, type SourceText } from './source-text.js';

export const YAML_HINTS: Record<string, string> = {
  TAB_AS_INDENT: 'indent with spaces, never tabs (most editors can convert tabs to spaces)',
  BAD_INDENT: 'line the key up with the keys of its mapping, using spaces',
  MISSING_CHAR: 'close the quote or bracket that was opened, or add the missing ":"',
  MULTILINE_IMPLICIT_KEY: 'a key must fit on one line; check the indentation and for a missing ":" or quote on the line above',
  BLOCK_AS_IMPLICIT_KEY: 'check the indentation and the ":" after the key',
  UNEXPECTED_TOKEN: 'check for a stray character, an unclosed quote, or a missing ":"',
  BAD_SCALAR_START: 'quote the value ("...") when it starts with a special character such as @, ` or %',
  BAD_DQ_ESCAPE: 'inside "double quotes" write a backslash as \\\\, or use single quotes instead',
  BLOCK_IN_FLOW: 'inside [ ] or { } write the items on one line, or use "- " items instead',
  IMPOSSIBLE: 'check the line for a stray character or a missing ":"',
};
export const DEFAULT_HINT = 'check the YAML syntax of this line: keys end with ":", list items start with "- ", text with special characters is quoted';

/** What one yaml error is about. */
export type YamlProblem =
  | { kind: 'unclosed-quote'; quote: Tok }
  | { kind: 'unclosed-flow'; flow: FlowTok }
  | { kind: 'multiline-key' }
  | { kind: 'sequence-as-key' }
  | { kind: 'compact-mapping' }
  | { kind: 'key-without-value' }
  | { kind: 'sequence-on-key-line' }
  | { kind: 'item-column' }
  | { kind: 'other' };

/** The syntax tree around the errors, and where yaml found each [ … ] or { … } to end. */
export interface ErrorContext {
  facts: CstFacts;
  /** The items of every block mapping. */
  mapItems: Item[];
  /** A flow collection's offset → where its value ends in the composed document (its range[1]). */
  flowEnds: Map<number, number>;
}

export function errorContext(facts: CstFacts, doc: Document.Parsed): ErrorContext {
  const flowEnds = new Map<number, number>();
  visit(doc, (_key, node) => {
    if (isCollection(node) && node.flow && node.range) flowEnds.set(node.range[0], node.range[1]);
  });
  return { facts, mapItems: facts.blocks.filter((b) => b.type === 'block-map').flatMap((b) => b.items), flowEnds };
}

const has = (tokens: readonly Tok[] | undefined, type: string) => tokens?.some((t) => t.type === type) ?? false;

/** yaml's own test for a closed quoted scalar: it ends with the quote that opened it. */
function unclosedQuote(t: Tok): boolean {
  const s = t.source ?? '';
  return s.length <= 1 || s[s.length - 1] !== s[0];
}

/** The collection's tokens after its items do not start with the bracket that closes it. */
function unclosedFlow(flow: FlowTok): boolean {
  return flow.end[0]?.source !== (flow.start.source === '{' ? '}' : ']');
}

/** Inside a "|" or ">" text (its header and its lines), not at its end. */
function inBlockScalar(facts: CstFacts, offset: number): boolean {
  return facts.blockScalars.some((b) => {
    const last = b.props[b.props.length - 1];
    const textStart = last ? last.offset + (last.source?.length ?? 0) : b.offset;
    return b.offset <= offset && offset < textStart + b.source.length;
  });
}

/** Decides what `error` is about from its code and the syntax tree at its position. */
export function classify(error: YAMLParseError, context: ErrorContext): YamlProblem {
  const at = error.pos[0];
  const { facts, mapItems, flowEnds } = context;
  switch (error.code) {
    case 'MULTILINE_IMPLICIT_KEY':
      return { kind: 'multiline-key' };
    case 'BLOCK_AS_IMPLICIT_KEY': {
      // Either "key: key: value" (a mapping as the value on its key's line) or a "- " list where a key belongs.
      const compact = mapItems.some((i) => i.value?.type === 'block-map' && i.value.offset === at && has(i.sep, 'map-value-ind') && !has(i.sep, 'newline'));
      return { kind: compact ? 'compact-mapping' : 'sequence-as-key' };
    }
    case 'UNEXPECTED_TOKEN':
      // The parser leaves an error token in a mapping's item where a "- " follows a key on its line.
      if (mapItems.some((i) => [i.key, i.value].some((t) => t?.type === 'error' && t.offset === at && t.source === '-')))
        return { kind: 'sequence-on-key-line' };
      return { kind: 'other' };
    case 'MISSING_CHAR':
    case 'BAD_INDENT': {
      if (error.code === 'MISSING_CHAR') {
        const quote = facts.quoted.find((t) => t.offset + (t.source?.length ?? 0) === at && unclosedQuote(t));
        if (quote) return { kind: 'unclosed-quote', quote };
      }
      // An unclosed [ or { is reported where its items end (MISSING_CHAR at the top, BAD_INDENT inside a
      // block collection); the caret goes under the innermost bracket still open there.
      if (facts.flows.some((f) => unclosedFlow(f) && flowEnds.get(f.offset) === at)) {
        const open = facts.flows.filter((f) => unclosedFlow(f) && f.offset <= at);
        return { kind: 'unclosed-flow', flow: open.reduce((a, b) => (b.offset > a.offset ? b : a)) };
      }
      if (error.code === 'MISSING_CHAR') {
        const noValue = mapItems.some((i) => i.key && i.key.offset === at && i.sep && !has(i.sep, 'map-value-ind') && !has(i.start, 'explicit-key-ind'));
        return { kind: noValue ? 'key-without-value' : 'other' };
      }
      // The other BAD_INDENT: the lines of a "|" or ">" text, or an item off its collection's column.
      return { kind: inBlockScalar(facts, at) ? 'other' : 'item-column' };
    }
    default:
      return { kind: 'other' };
  }
}

function keyLabel(key: Tok | null | undefined): string {
  if (!key?.source) return 'this item';
  const text = key.source.trim();
  return text.length > 40 ? `"${text.slice(0, 40)}…"` : `"${text}"`;
}

/**
 * Keys (or "- " items) of one block collection that do not start at its column. yaml reports each one
 * as BAD_INDENT at the start of its line; this says which column it is at and which it should be.
 */
function indentationProblems(src: SourceText, blocks: readonly BlockTok[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const block of blocks) {
    const isMapping = block.type === 'block-map';
    const bad: { offset: number; col: number; label: string; index: number }[] = [];
    block.items.forEach((item, index) => {
      let at: Tok | undefined;
      if (isMapping) {
        const key = item.key ?? undefined;
        if (key && key.type !== 'block-seq' && key.indent !== undefined && key.indent !== block.indent) at = key;
        const explicit = item.start?.find((t) => t.type === 'explicit-key-ind');
        if (!at && explicit && explicit.indent !== block.indent) at = explicit;
      } else {
        const dash = item.start?.find((t) => t.type === 'seq-item-ind');
        if (!dash && item.value?.type === 'block-seq') at = item.value;
      }
      if (at) bad.push({ offset: at.offset, col: src.position(at.offset).col, label: isMapping ? keyLabel(item.key) : 'this item', index });
    });
    if (bad.length === 0) continue;
    const firstKey = block.items[0]?.key;
    const firstOffset = firstKey?.offset ?? block.offset;
    const first = src.position(firstOffset);
    // The other columns the user may have meant: the collection the previous item opened (and the ones
    // nested in its last item), and this collection's own keys.
    const groups = new Map<number, typeof bad>();
    for (const b of bad) groups.set(b.col, [...(groups.get(b.col) ?? []), b]);
    for (const [col, group] of groups) {
      const head = group[0]!;
      const alternatives: string[] = [];
      const previous = block.items[head.index - 1];
      let inner: Tok | undefined = previous?.value;
      while (inner && (inner.type === 'block-map' || inner.type === 'block-seq')) {
        const m = inner as BlockTok;
        const k = m.type === 'block-map' ? m.items[0]?.key : undefined;
        const p = src.position(k?.offset ?? m.offset);
        if (p.col !== col) alternatives.unshift(`${m.type === 'block-map' ? keyLabel(k) : '"-"'} (line ${p.line}) at column ${p.col}`);
        inner = m.items[m.items.length - 1]?.value;
      }
      const sibling = previous && src.position(previous.key?.offset ?? firstOffset).col !== col ? previous.key : undefined;
      const own = sibling ? src.position(sibling.offset) : first;
      if (own.col !== col) alternatives.push(`${isMapping ? keyLabel(sibling ?? firstKey) : '"-"'} (line ${own.line}) at column ${own.col}`);
      const what = isMapping ? `the key ${head.label}` : 'this "- " item';
      const around =
        alternatives.length === 0 ? '' : `, which lines up with no ${isMapping ? 'key' : 'item'} around it: ${alternatives.slice(0, 2).join(' and ')}`;
      const lines = group.slice(1, 6).map((g) => src.position(g.offset).line);
      const more =
        group.length > 1
          ? `; ${group.length - 1} more below it do the same (line${group.length > 2 ? 's' : ''} ${lines.join(', ')}${group.length > 6 ? ', …' : ''})`
          : '';
      diagnostics.push(
        diagnosticAt(
          src,
          head.offset,
          head.offset + (isMapping ? (block.items[head.index]?.key?.source?.length ?? 1) : 1),
          `${what} starts at column ${col}${around}${more}`,
          isMapping
            ? 'the keys of one mapping must start at the same column: indent them with the same number of spaces'
            : 'the "- " items of one list must start at the same column: indent them with the same number of spaces',
        ),
      );
    }
  }
  return diagnostics;
}

/**
 * yaml's errors → diagnostics that say what is wrong and how to fix it. After the first structural error
 * the rest of the file is misread, so later structural errors are mostly echoes of it: only the first
 * problem line is reported (fix it and run again). Tabs, duplicate keys and the checks made on the syntax
 * tree (tags, directives, aliases) are independent of each other and are all reported.
 */
export function rewriteYamlErrors(src: SourceText, errors: readonly YAMLParseError[], facts: CstFacts, doc: Document.Parsed): Diagnostic[] {
  // A tab used for indentation throws every later line off: report the tabs alone, all of them.
  const tabs = errors.filter((e) => e.code === 'TAB_AS_INDENT');
  if (tabs.length > 0) {
    return tabs.map((e) => diagnosticAt(src, e.pos[0], e.pos[0] + 1, 'a tab is used to indent this line; YAML allows only spaces', YAML_HINTS.TAB_AS_INDENT));
  }
  const context = errorContext(facts, doc);
  const structural: Diagnostic[] = [...indentationProblems(src, facts.blocks)];
  const sameColumn = structural.length > 0;
  const multiline = new Set(errors.filter((e) => e.code === 'MULTILINE_IMPLICIT_KEY').map((e) => e.pos[0]));
  for (const error of errors) {
    if (error.code === 'DUPLICATE_KEY') continue; // reported by duplicateKeys, with the first occurrence
    const problem = classify(error, context);
    // yaml says "nested mapping" and "multi-line key" about one over-indented line: keep the clearer one.
    if (problem.kind === 'compact-mapping' && multiline.has(error.pos[0])) continue;
    if (problem.kind === 'item-column' && sameColumn) continue; // said better by indentationProblems
    structural.push(rewriteOne(src, error, problem));
  }
  structural.sort((a, b) => a.line - b.line || a.col - b.col);
  const first = structural[0];
  const out = first ? [first] : [];
  const limit = first ? src.offsetOf(first.line, first.col) : Infinity;
  out.push(...duplicateKeys(src, doc).filter((d) => src.offsetOf(d.line, d.col) < limit));
  return out;
}

/** One error as a diagnostic: ours for the problems recognised, yaml's own sentence for the rest. */
export function rewriteOne(src: SourceText, error: YAMLParseError, problem: YamlProblem): Diagnostic {
  const [start, end] = error.pos;
  switch (problem.kind) {
    case 'unclosed-quote': {
      const { quote } = problem;
      const q = quote.type === 'double-quoted-scalar' ? '"' : "'";
      return diagnosticAt(
        src,
        quote.offset,
        quote.offset + 1,
        `the quote ${q} opened here is never closed, so the rest of the file is read as part of this text`,
        q === '"'
          ? 'add the closing " at the end of the value (write a " inside the text as \\"), or remove the opening one'
          : "add the closing ' at the end of the value (write a ' inside the text as ''), or remove the opening one",
      );
    }
    case 'unclosed-flow': {
      const { flow } = problem;
      const open = flow.start.source === '{' ? '{' : '[';
      const close = open === '[' ? ']' : '}';
      return diagnosticAt(
        src,
        flow.offset,
        flow.offset + 1,
        `the ${open} opened here is never closed`,
        `add the closing ${close}; a ${open} … ${close} written over several lines must be indented more than its key`,
      );
    }
    case 'multiline-key': {
      // A "key: value" whose value runs on into the next line: either that line is indented too deep, or
      // this line lacks its ":".
      const next = src.text.indexOf('\n', start);
      if (next < 0 || next >= end) break;
      const at = firstNonSpace(src, next + 1);
      const lineStart = src.text.lastIndexOf('\n', start) + 1;
      const indent = firstNonSpace(src, lineStart) - lineStart;
      if (at - (next + 1) > indent) {
        const colon = src.text.indexOf(':', at);
        return diagnosticAt(
          src,
          at,
          colon > at ? colon : at + 1,
          'this line is indented deeper than the key above it, so YAML reads it as part of that value',
          'line the key up with the keys above it (the same number of spaces)',
        );
      }
      const here = firstNonSpace(src, lineStart);
      return diagnosticAt(
        src,
        here,
        next,
        'this line has no ":" after its key, so YAML joins it with the next line',
        'write "key: value" with a colon and a space after the key',
      );
    }
    case 'sequence-as-key':
      return diagnosticAt(
        src,
        firstNonSpace(src, start),
        firstNonSpace(src, start) + 1,
        'a "- " item stands where a "key:" was expected: it does not line up with the items of its list',
        'start every "- " item of one list at the same column, under its key and indented more than it',
      );
    case 'compact-mapping':
      return diagnosticAt(
        src,
        start,
        Math.max(end, start + 1),
        'this value contains ": ", which YAML reads as a second "key:" on the same line',
        'put the whole value in quotes ("...") if the ":" is part of the text, or move the nested mapping to the lines below, indented',
      );
    case 'key-without-value': {
      const at = firstNonSpace(src, start);
      return diagnosticAt(
        src,
        at,
        Math.max(end, at + 1),
        'this line has no ":"; each line of a mapping is "key: value"',
        'add ":" after the key, or, if the line continues the text above, indent it deeper than that key',
      );
    }
    case 'sequence-on-key-line':
      return diagnosticAt(
        src,
        start,
        start + 1,
        'a "- " list cannot start on the same line as its key',
        'put the "- " items on the lines below the key, indented more than it',
      );
    case 'item-column':
    case 'other':
      break;
  }
  const at = firstNonSpace(src, start);
  return diagnosticAt(src, at, Math.max(end, at + 1), sentence(error.message), YAML_HINTS[error.code] ?? DEFAULT_HINT);
}

/** yaml's sentence, for the problems not recognised here: without a code frame or full stop, lower-case. */
function sentence(message: string): string {
  const m = message.split(' at line ')[0]!.trim().replace(/\.$/, '');
  return m.charAt(0).toLowerCase() + m.slice(1);
}

/** yaml points some problems at the start of a line's indentation; the caret belongs under the text. */
function firstNonSpace(src: SourceText, offset: number): number {
  let o = offset;
  while (o < src.text.length && src.text[o] === ' ') o++;
  return src.text[o] === '\n' || o >= src.text.length ? offset : o;
}

/** Duplicate keys, each reported at the repeated key with the line where the key was first set. */
function duplicateKeys(src: SourceText, doc: Document.Parsed): Diagnostic[] {
  const out: Diagnostic[] = [];
  const walk = (node: unknown): void => {
    if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        if (isScalar(key) && key.range) {
          const name = String(key.value);
          const first = seen.get(name);
          if (first === undefined) seen.set(name, key.range[0]);
          else {
            out.push(
              diagnosticAt(
                src,
                key.range[0],
                key.range[1],
                `the key "${name}" appears twice in this mapping; it is first set on line ${src.position(first).line}`,
                'each key may appear once per mapping: keep one of the two and delete the other',
              ),
            );
          }
        }
        walk(pair.value);
      }
    } else if (isSeq(node)) node.items.forEach(walk);
  };
  walk(doc.contents);
  return out;
}
