/**
 * Text → YAML document with positions. Only plain YAML 1.2 data is accepted: one document, no tags,
 * no directives, few aliases, shallow nesting. Every problem is collected, not just the first.
 */
import { Alias, Document, isCollection, isNode, isScalar, parseAllDocuments, visit, type Node } from 'yaml';
import type { Diagnostic } from '../errors.js';
import type { SourceText } from './source-text.js';

export const YAML_LIMITS = { aliases: 20, depth: 24 } as const;

export interface ParsedYaml {
  doc: Document.Parsed | undefined;
  data: unknown;
  diagnostics: Diagnostic[];
}

export function diagnosticAt(
  src: SourceText,
  offset: number,
  end: number,
  message: string,
  hint?: string,
  severity: Diagnostic['severity'] = 'error',
): Diagnostic {
  const { line, col } = src.position(offset);
  const lineText = src.lineText(line);
  // Underline the value, but never past the end of its first line.
  const rest = Array.from(lineText).length - (col - 1);
  const length = Math.max(1, Math.min(Array.from(src.text.slice(offset, end)).length, rest));
  const d: Diagnostic = { file: src.file, line, col, length, severity, message, sourceLine: lineText };
  if (hint !== undefined) d.hint = hint;
  return d;
}

/** yaml's own messages end with a code frame; keep the first sentence only (we draw our own caret). */
function yamlMessage(message: string): string {
  return message.split(' at line ')[0]!.trim();
}

const YAML_HINTS: Record<string, string> = {
  DUPLICATE_KEY: 'each key may appear once per mapping; remove or rename one of them',
  TAB_AS_INDENT: 'indent with spaces, never tabs',
  BAD_INDENT: 'line the key up with its siblings, using spaces',
  MISSING_CHAR: 'close the quote or bracket that was opened',
  MULTILINE_IMPLICIT_KEY: 'a key must fit on one line; check for a missing ":" or quote on the line above',
  BLOCK_AS_IMPLICIT_KEY: 'check the indentation and the ":" after the key',
  UNEXPECTED_TOKEN: 'check for a stray character, an unclosed quote, or a missing ":"',
};

export function parseYaml(src: SourceText): ParsedYaml {
  const diagnostics: Diagnostic[] = [];
  const docs = parseAllDocuments(src.text, {
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
    prettyErrors: false,
    merge: false,
  });
  if (!Array.isArray(docs)) {
    diagnostics.push(diagnosticAt(src, 0, 1, 'the brief is empty', 'start from `mujaz init SLUG`'));
    return { doc: undefined, data: undefined, diagnostics };
  }
  const doc = docs[0];
  if (doc === undefined || doc.contents === null) {
    diagnostics.push(diagnosticAt(src, 0, 1, 'the brief is empty', 'start from `mujaz init SLUG`'));
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
  for (const error of doc.errors) {
    const [start, end] = error.pos;
    diagnostics.push(diagnosticAt(src, start, end, yamlMessage(error.message), YAML_HINTS[error.code]));
  }
  if (doc.directives.yaml.explicit || Object.keys(doc.directives.tags).some((h) => h !== '!!' && h !== '!')) {
    diagnostics.push(
      diagnosticAt(
        src,
        0,
        1,
        'YAML directives (%YAML, %TAG) are not accepted',
        'remove the line starting with "%"; briefs are plain YAML 1.2',
      ),
    );
  }
  checkNodes(src, doc, diagnostics);
  if (diagnostics.length > 0) return { doc, data: undefined, diagnostics };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: YAML_LIMITS.aliases * 10 });
  } catch (error) {
    diagnostics.push(
      diagnosticAt(src, 0, 1, `the brief could not be read: ${(error as Error).message}`, 'remove anchors and aliases'),
    );
  }
  return { doc, data, diagnostics };
}

/** Tags, aliases beyond the limit, and nesting beyond the limit are refused, each at its position. */
function checkNodes(src: SourceText, doc: Document.Parsed, diagnostics: Diagnostic[]): void {
  let aliases = 0;
  visit(doc, (_key, node, path) => {
    if (path.length > YAML_LIMITS.depth * 2 + 2 && isNode(node)) {
      const [s, e] = node.range ?? [0, 1];
      diagnostics.push(
        diagnosticAt(src, s, e, `nesting is deeper than the limit of ${YAML_LIMITS.depth} levels`, 'a brief needs only a few levels; flatten it'),
      );
      return visit.BREAK;
    }
    if (node instanceof Alias) {
      aliases++;
      if (aliases > YAML_LIMITS.aliases) {
        const [s, e] = node.range ?? [0, 1];
        diagnostics.push(
          diagnosticAt(src, s, e, `more than ${YAML_LIMITS.aliases} aliases (*name); the limit guards against alias bombs`, 'write the values out instead of repeating aliases'),
        );
        return visit.BREAK;
      }
    }
    if ((isScalar(node) || isCollection(node)) && node.tag !== undefined && hasExplicitTag(src, node)) {
      const [s, e] = node.range ?? [0, 1];
      const tagStart = src.text.lastIndexOf('!', s);
      diagnostics.push(
        diagnosticAt(
          src,
          tagStart >= 0 ? tagStart : s,
          e,
          `YAML tags such as ${node.tag.replace('tag:yaml.org,2002:', '!!')} are not accepted`,
          'remove the tag; write the value as plain text (quote it if it must stay a string)',
        ),
      );
      return undefined;
    }
    return undefined;
  });
}

/** The core schema sets `tag` only for explicit tags, but a quoted "!" in text is not a tag: look at the source. */
function hasExplicitTag(src: SourceText, node: Node): boolean {
  const start = node.range?.[0];
  if (start === undefined) return false;
  // The tag sits just before the node's range, separated by spaces.
  const before = src.text.slice(Math.max(0, start - 200), start);
  return /!\S*\s*$/.test(before) || src.text[start] === '!';
}
