/**
 * Text → YAML document with positions. Only plain YAML 1.2 data is accepted: one document, no tags, no
 * directives, no merge keys (a "<<" key is an ordinary, unknown key), few aliases, shallow nesting.
 *
 * 1. The lexer (which does not recurse) bounds the nesting, so runaway "- - - …" or "[[[ …" is refused
 *    before yaml's recursive parser sees it.
 * 2. The concrete syntax tree is walked without recursion for the exact depth, tags, directives, aliases.
 * 3. The tree is composed into a Document; yaml's terse messages are rewritten to say what is wrong, where,
 *    and how to fix it. Tags, directives, aliases, tabs and duplicate keys are all reported; of the other
 *    syntax errors only the first, since the rest of the file is misread after it.
 */
import { Composer, CST, isMap, isScalar, isSeq, Lexer, Parser, type Document, type Node, type YAMLParseError } from 'yaml';
import type { Diagnostic } from '../errors.js';
import { diagnosticAt, type SourceText } from './source-text.js';

/** Aliases are few in a real brief; nesting is at most 6 levels. Both limits stop hostile input early. */
export const YAML_LIMITS = { aliases: 20, depth: 24 } as const;

export interface ParsedYaml {
  doc: Document.Parsed | undefined;
  data: unknown;
  diagnostics: Diagnostic[];
}

export { diagnosticAt, SHOWN_LINE } from './source-text.js';

/** yaml's own messages end with a code frame; keep the first sentence only (we draw our own caret). */
function yamlMessage(message: string): string {
  return message.split(' at line ')[0]!.trim();
}

const YAML_HINTS: Record<string, string> = {
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
const DEFAULT_HINT = 'check the YAML syntax of this line: keys end with ":", list items start with "- ", text with special characters is quoted';

type Tok = { type: string; offset: number; source?: string; indent?: number };
type Item = { start?: Tok[]; key?: Tok | null; sep?: Tok[]; value?: Tok };
type MapTok = Tok & { type: 'block-map' | 'block-seq'; indent: number; items: Item[] };

interface CstFacts {
  tooDeep: { offset: number } | undefined;
  tags: Tok[];
  directives: Tok[];
  aliases: Tok[];
  anchors: Tok[];
  quoted: Tok[];
  flows: (Tok & { items: Item[]; end?: Tok[] })[];
  blocks: MapTok[];
}

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

/**
 * yaml's parser recurses once per nesting level, so 10,000 nested "- " would overflow the stack before
 * any check could run on its tree. The lexer does not recurse: from its tokens this estimates the nesting
 * (block collections open at the indentation levels above + "- " and "key:" opened further along the line
 * + open brackets). When the estimate passes `guard`, the text is refused without parsing it, at the
 * first place the estimate passed `limit`. For "- - - …" and "[[[ …" the estimate is exact.
 */
function nestingGuard(text: string, limit: number, guard: number): number | undefined {
  const stack: number[] = [];
  let offset = 0;
  let flow = 0;
  let extra = 0;
  let first: number | undefined;
  let lineStart = true;
  let indent = 0;
  let firstOnLine = true;
  let afterIndicator = false;
  let afterScalarMarker = false;
  for (const token of new Lexer().lex(text)) {
    if (token === CST.DOCUMENT || token === CST.FLOW_END) continue; // markers, not source text
    if (token === CST.SCALAR) {
      afterScalarMarker = true;
      continue;
    }
    const type = afterScalarMarker ? 'scalar' : CST.tokenType(token);
    afterScalarMarker = false;
    const at = offset;
    offset += token.length;
    if (type === 'space' && !token.includes('\n')) {
      if (lineStart) indent = token.length;
      continue;
    }
    if (type === 'newline' || type === 'comment' || type === 'doc-start' || type === 'doc-end' || type === 'directive-line') {
      if (type === 'doc-start') stack.length = 0;
      if (type === 'newline') {
        lineStart = true;
        indent = 0;
      }
      continue;
    }
    if (lineStart && flow === 0) {
      while (stack.length > 0 && stack[stack.length - 1]! > indent) stack.pop();
      if (stack.length === 0 || stack[stack.length - 1]! < indent) stack.push(indent);
      extra = 0;
      firstOnLine = true;
      afterIndicator = false;
    }
    lineStart = token.endsWith('\n');
    if (lineStart) indent = 0;
    if (type === 'flow-seq-start' || type === 'flow-map-start') flow++;
    else if (type === 'flow-seq-end' || type === 'flow-map-end') flow = Math.max(0, flow - 1);
    else if (flow === 0 && (type === 'seq-item-ind' || type === 'explicit-key-ind')) {
      if (!firstOnLine) extra++; // a compact "- - x" opens one more list per "-"
      afterIndicator = true;
    } else if (flow === 0 && type === 'map-value-ind' && afterIndicator) {
      extra++; // "- key: value" opens a mapping inside the list item
      afterIndicator = false;
    }
    firstOnLine = false;
    const depth = stack.length + extra + flow;
    if (depth > limit && first === undefined) first = at;
    if (depth > guard) return first ?? at;
  }
  return undefined;
}

/** Walks the concrete syntax tree without recursion: it may be as deep as the input is long. */
function inspectCst(tokens: readonly CST.Token[]): CstFacts {
  const facts: CstFacts = { tooDeep: undefined, tags: [], directives: [], aliases: [], anchors: [], quoted: [], flows: [], blocks: [] };
  const stack: { value: unknown; depth: number }[] = tokens.map((t) => ({ value: t, depth: 0 })).reverse();
  while (stack.length > 0) {
    const { value, depth: parentDepth } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], depth: parentDepth });
      continue;
    }
    const token = value as Tok & Record<string, unknown>;
    let depth = parentDepth;
    if (typeof token.type === 'string') {
      if (COLLECTIONS.has(token.type)) {
        depth++;
        if (depth > YAML_LIMITS.depth) {
          facts.tooDeep = { offset: token.offset };
          return facts;
        }
        if (token.type === 'flow-collection') facts.flows.push(token as CstFacts['flows'][number]);
        else facts.blocks.push(token as MapTok);
      } else if (token.type === 'tag') facts.tags.push(token);
      else if (token.type === 'directive') facts.directives.push(token);
      else if (token.type === 'alias') facts.aliases.push(token);
      else if (token.type === 'anchor') facts.anchors.push(token);
      else if (token.type === 'double-quoted-scalar' || token.type === 'single-quoted-scalar') facts.quoted.push(token);
    }
    const children: unknown[] = [];
    for (const [k, v] of Object.entries(token)) if (k !== 'type' && v !== null && typeof v === 'object') children.push(v);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ value: children[i], depth });
  }
  return facts;
}

function keyLabel(key: Tok | null | undefined): string {
  if (!key?.source) return 'this item';
  const text = key.source.trim();
  return text.length > 40 ? `"${text.slice(0, 40)}…"` : `"${text}"`;
}

/**
 * Keys (or "- " items) of one block collection that do not start at its column. yaml reports each one
 * with the same sentence at the start of its line; this says which column it is at and which it should be.
 */
function indentationProblems(src: SourceText, blocks: readonly MapTok[]): Diagnostic[] {
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
        const m = inner as MapTok;
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
        alternatives.length === 0
          ? ''
          : `, which lines up with no ${isMapping ? 'key' : 'item'} around it: ${alternatives.slice(0, 2).join(' and ')}`;
      const lines = group.slice(1, 6).map((g) => src.position(g.offset).line);
      const more = group.length > 1 ? `; ${group.length - 1} more below it do the same (line${group.length > 2 ? 's' : ''} ${lines.join(', ')}${group.length > 6 ? ', …' : ''})` : '';
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

/** The token (of those given) that contains `offset`, innermost first. */
function containing<T extends Tok>(list: readonly T[], offset: number, end: (t: T) => number): T | undefined {
  let found: T | undefined;
  for (const t of list) if (t.offset <= offset && offset <= end(t) && (!found || t.offset >= found.offset)) found = t;
  return found;
}

/**
 * yaml's errors → diagnostics that say what is wrong and how to fix it. After the first structural error
 * the rest of the file is misread, so later structural errors are mostly echoes of it: only the first
 * problem line is reported (fix it and run again). Tabs, duplicate keys and the checks made on the syntax
 * tree (tags, directives, aliases) are independent of each other and are all reported.
 */
function rewriteYamlErrors(src: SourceText, errors: readonly YAMLParseError[], facts: CstFacts, doc: Document.Parsed): Diagnostic[] {
  // A tab used for indentation throws every later line off: report the tabs alone, all of them.
  const tabs = errors.filter((e) => e.code === 'TAB_AS_INDENT');
  if (tabs.length > 0) {
    return tabs.map((e) =>
      diagnosticAt(src, e.pos[0], e.pos[0] + 1, 'a tab is used to indent this line; YAML allows only spaces', YAML_HINTS.TAB_AS_INDENT),
    );
  }
  const structural: Diagnostic[] = [...indentationProblems(src, facts.blocks)];
  const sameColumn = structural.length > 0;
  const multiline = new Set(errors.filter((e) => e.code === 'MULTILINE_IMPLICIT_KEY').map((e) => e.pos[0]));
  for (const error of errors) {
    // yaml says "nested mapping" and "multi-line key" about one over-indented line: keep the clearer one.
    if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && multiline.has(error.pos[0]) && !/block sequence/.test(error.message)) continue;
    if (error.code === 'DUPLICATE_KEY') continue; // reported by duplicateKeys, with the first occurrence
    if (error.code === 'BAD_INDENT' && sameColumn && /must start at the same column/.test(error.message)) continue;
    structural.push(rewriteOne(src, error, facts));
  }
  structural.sort((a, b) => a.line - b.line || a.col - b.col);
  const first = structural[0];
  const out = first ? [first] : [];
  const limit = first ? src.offsetOf(first.line, first.col) : Infinity;
  out.push(...duplicateKeys(src, doc).filter((d) => src.offsetOf(d.line, d.col) < limit));
  return out;
}

function rewriteOne(src: SourceText, error: YAMLParseError, facts: CstFacts): Diagnostic {
  const [start, end] = error.pos;
  const message = yamlMessage(error.message);
  if (error.code === 'MISSING_CHAR' && /^Missing closing ["']quote/.test(message)) {
    const quote = containing(facts.quoted, start, (t) => t.offset + (t.source?.length ?? 0));
    const q = message.includes('"quote') ? '"' : "'";
    if (quote) {
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
  }
  if (/end with an? [\]}]/.test(message)) {
    const flow = containing(facts.flows, start, () => src.text.length) as (Tok & { start?: Tok }) | undefined;
    const open = flow?.start?.source;
    if (flow && (open === '[' || open === '{')) {
      const close = open === '[' ? ']' : '}';
      return diagnosticAt(
        src,
        flow.offset,
        flow.offset + 1,
        `the ${open} opened here is never closed`,
        `add the closing ${close}; a ${open} … ${close} written over several lines must be indented more than its key`,
      );
    }
  }
  if (error.code === 'MULTILINE_IMPLICIT_KEY') {
    // A "key: value" whose value runs on into the next line: either that line is indented too deep, or
    // this line lacks its ":".
    const next = src.text.indexOf('\n', start);
    if (next >= 0 && next < end) {
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
  }
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && /block sequence/.test(message)) {
    return diagnosticAt(
      src,
      firstNonSpace(src, start),
      firstNonSpace(src, start) + 1,
      'a "- " item stands where a "key:" was expected: it does not line up with the items of its list',
      'start every "- " item of one list at the same column, under its key and indented more than it',
    );
  }
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY') {
    return diagnosticAt(
      src,
      start,
      Math.max(end, start + 1),
      'this value contains ": ", which YAML reads as a second "key:" on the same line',
      'put the whole value in quotes ("...") if the ":" is part of the text, or move the nested mapping to the lines below, indented',
    );
  }
  if (error.code === 'MISSING_CHAR' && /followed by map values/.test(message)) {
    const at = firstNonSpace(src, start);
    return diagnosticAt(
      src,
      at,
      Math.max(end, at + 1),
      'this line has no ":"; each line of a mapping is "key: value"',
      'add ":" after the key, or, if the line continues the text above, indent it deeper than that key',
    );
  }
  if (/on same line with key/.test(message)) {
    return diagnosticAt(
      src,
      start,
      start + 1,
      'a "- " list cannot start on the same line as its key',
      'put the "- " items on the lines below the key, indented more than it',
    );
  }
  const at = firstNonSpace(src, start);
  return diagnosticAt(src, at, Math.max(end, at + 1), sentence(message), YAML_HINTS[error.code] ?? DEFAULT_HINT);
}

function sentence(message: string): string {
  const m = message.replace(/\.$/, '');
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

export function parseYaml(src: SourceText): ParsedYaml {
  const diagnostics: Diagnostic[] = [];
  // The estimate can be off by a level or two; 4× the limit leaves real briefs plenty of room.
  const runaway = nestingGuard(src.text, YAML_LIMITS.depth, YAML_LIMITS.depth * 4);
  const tokens = runaway === undefined ? Array.from(new Parser().parse(src.text)) : [];
  const facts = inspectCst(tokens);
  const tooDeep = runaway ?? facts.tooDeep?.offset;
  if (tooDeep !== undefined) {
    const o = tooDeep;
    diagnostics.push(
      diagnosticAt(
        src,
        o,
        o + 1,
        `the brief is nested deeper than the limit of ${YAML_LIMITS.depth} levels (lists and mappings inside each other)`,
        'a brief needs only a few levels: check for runaway "[" or "- - -" and flatten the structure',
      ),
    );
    return { doc: undefined, data: undefined, diagnostics };
  }
  for (const d of facts.directives) {
    diagnostics.push(
      diagnosticAt(
        src,
        d.offset,
        d.offset + (d.source?.length ?? 1),
        `YAML directives such as "${(d.source ?? '%').trim()}" are not accepted`,
        'delete the line that starts with "%"; briefs are plain YAML 1.2',
      ),
    );
  }
  for (const t of facts.tags) {
    const tag = t.source ?? '!';
    diagnostics.push(
      diagnosticAt(
        src,
        t.offset,
        t.offset + tag.length,
        `YAML tags such as "${tag}" are not accepted; a brief holds only plain text, numbers, lists and mappings`,
        'delete the tag and write the value as plain text (quote it if it must stay text)',
      ),
    );
  }
  if (facts.aliases.length > YAML_LIMITS.aliases) {
    const a = facts.aliases[YAML_LIMITS.aliases]!;
    diagnostics.push(
      diagnosticAt(
        src,
        a.offset,
        a.offset + (a.source?.length ?? 1),
        `the brief uses ${facts.aliases.length} aliases ("*name"), more than the limit of ${YAML_LIMITS.aliases}; the limit guards against "alias bombs" that expand into huge data`,
        'write the repeated values out instead of referring to them with aliases',
      ),
    );
  }

  for (const alias of facts.aliases) {
    const name = (alias.source ?? '').slice(1);
    if (!facts.anchors.some((a) => a.offset < alias.offset && a.source === `&${name}`)) {
      diagnostics.push(
        diagnosticAt(
          src,
          alias.offset,
          alias.offset + (alias.source?.length ?? 1),
          `the alias "*${name}" refers to no anchor "&${name}" above it`,
          `set "&${name}" on a value earlier in the brief, or write the value out here`,
        ),
      );
    }
  }

  const composer = new Composer({ version: '1.2', schema: 'core', uniqueKeys: true, merge: false, prettyErrors: false });
  const docs = Array.from(composer.compose(tokens));
  const doc = docs[0];
  if (doc === undefined || doc.contents === null) {
    if (diagnostics.length === 0) diagnostics.push(diagnosticAt(src, 0, 1, 'the brief is empty', 'start from `mujaz init SLUG`'));
    return { doc: undefined, data: undefined, diagnostics };
  }
  for (const extra of docs.slice(1)) {
    diagnostics.push(
      diagnosticAt(
        src,
        extra.range[0],
        extra.range[0] + 3,
        'a brief is a single YAML document, but a second one starts here',
        'remove the "---" line and everything after it, or move it into a brief of its own',
      ),
    );
  }
  diagnostics.push(...rewriteYamlErrors(src, doc.errors, facts, doc));
  if (diagnostics.length > 0) return { doc, data: undefined, diagnostics };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: YAML_LIMITS.aliases * 10 });
  } catch (error) {
    diagnostics.push(
      diagnosticAt(src, 0, 1, `the brief could not be read: ${(error as Error).message}`, 'write the values out instead of using anchors and aliases'),
    );
  }
  return { doc, data, diagnostics };
}
