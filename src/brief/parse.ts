/**
 * Text → YAML document with positions. Only plain YAML 1.2 data is accepted: one document, no tags, no
 * directives, no merge keys (a "<<" key is an ordinary, unknown key), few aliases, shallow nesting.
 *
 * 1. The lexer (which does not recurse) bounds the nesting, so runaway "- - - …" or "[[[ …" is refused
 *    before yaml's recursive parser sees it.
 * 2. The concrete syntax tree is walked without recursion for the exact depth, tags, directives, aliases
 *    (cst.ts).
 * 3. The tree is composed into a Document; yaml's errors are rewritten to say what is wrong, where, and how
 *    to fix it (yaml-errors.ts). Tags, directives, aliases, tabs and duplicate keys are all reported; of the
 *    other syntax errors only the first, since the rest of the file is misread after it.
 */
import { Composer, CST, Lexer, Parser, type Document } from 'yaml';
import type { Diagnostic } from '../errors.js';
import { inspectCst } from './cst.js';
import { diagnosticAt, type SourceText } from './source-text.js';
import { rewriteYamlErrors } from './yaml-errors.js';

/** Aliases are few in a real brief; nesting is at most 6 levels. Both limits stop hostile input early. */
export const YAML_LIMITS = { aliases: 20, depth: 24 } as const;

export interface ParsedYaml {
  doc: Document.Parsed | undefined;
  data: unknown;
  diagnostics: Diagnostic[];
}

export { diagnosticAt, SHOWN_LINE } from './source-text.js';

/**
 * yaml's parser recurses once per nesting level, so 10,000 nested "- " would overflow the stack before
 * any check could run on its tree. The lexer does not recurse: from its tokens this estimates the nesting
 * (block collections open at the indentation levels above + "- " and "key:" opened further along the line
 * + open brackets). When the estimate passes `guard`, the text is refused without parsing it, at the
 * first place the estimate passed `limit`. For "- - - …" and "[[[ …" the estimate is exact.
 */
function nestingGuard(lexemes: readonly string[], limit: number, guard: number): number | undefined {
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
  for (const token of lexemes) {
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

function parseLexemes(lexemes: readonly string[]): CST.Token[] {
  const parser = new Parser();
  const tokens: CST.Token[] = [];
  for (const lexeme of lexemes) tokens.push(...parser.next(lexeme));
  tokens.push(...parser.end());
  return tokens;
}

export function parseYaml(src: SourceText): ParsedYaml {
  const diagnostics: Diagnostic[] = [];
  // The estimate can be off by a level or two; 4× the limit leaves real briefs plenty of room.
  // Lexed once: the guard reads the lexemes, then yaml's parser is given them (what Parser.parse does itself).
  const lexemes = Array.from(new Lexer().lex(src.text));
  const runaway = nestingGuard(lexemes, YAML_LIMITS.depth, YAML_LIMITS.depth * 4);
  const tokens = runaway === undefined ? parseLexemes(lexemes) : [];
  const facts = inspectCst(tokens, YAML_LIMITS.depth);
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
