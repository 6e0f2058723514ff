/**
 * What the checks and the error messages need from yaml's concrete syntax tree (CST), gathered in one walk
 * that does not recurse: the tree may be as deep as the input is long.
 */
import type { CST } from 'yaml';

export type Tok = { type: string; offset: number; source?: string; indent?: number };
export type Item = { start?: Tok[]; key?: Tok | null; sep?: Tok[]; value?: Tok };
/** A block mapping or list: its items and the column its keys or "- " start at. */
export type BlockTok = Tok & { type: 'block-map' | 'block-seq'; indent: number; items: Item[] };
/** A [ … ] or { … }: the bracket that opened it and the tokens after its items (the closing bracket first). */
export type FlowTok = Tok & { type: 'flow-collection'; start: Tok; items: Item[]; end: Tok[] };
/** A "|" or ">" text: its header and the text below it. */
export type BlockScalarTok = Tok & { type: 'block-scalar'; props: Tok[]; source: string };

export interface CstFacts {
  tooDeep: { offset: number } | undefined;
  tags: Tok[];
  directives: Tok[];
  aliases: Tok[];
  anchors: Tok[];
  quoted: Tok[];
  flows: FlowTok[];
  blocks: BlockTok[];
  blockScalars: BlockScalarTok[];
}

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

/** Collects the facts; stops at the first collection nested deeper than `depthLimit`. */
export function inspectCst(tokens: readonly CST.Token[], depthLimit: number): CstFacts {
  const facts: CstFacts = { tooDeep: undefined, tags: [], directives: [], aliases: [], anchors: [], quoted: [], flows: [], blocks: [], blockScalars: [] };
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
        if (depth > depthLimit) {
          facts.tooDeep = { offset: token.offset };
          return facts;
        }
        if (token.type === 'flow-collection') facts.flows.push(token as unknown as FlowTok);
        else facts.blocks.push(token as BlockTok);
      } else if (token.type === 'tag') facts.tags.push(token);
      else if (token.type === 'directive') facts.directives.push(token);
      else if (token.type === 'alias') facts.aliases.push(token);
      else if (token.type === 'anchor') facts.anchors.push(token);
      else if (token.type === 'double-quoted-scalar' || token.type === 'single-quoted-scalar') facts.quoted.push(token);
      else if (token.type === 'block-scalar') facts.blockScalars.push(token as BlockScalarTok);
    }
    const children: unknown[] = [];
    for (const [k, v] of Object.entries(token)) if (k !== 'type' && v !== null && typeof v === 'object') children.push(v);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ value: children[i], depth });
  }
  return facts;
}
