/**
 * The brief's schema at a path, walked by zod's public API: the schema node, the keys it allows (for "did
 * you mean") and the help schema.ts gives the field.
 */
import { z } from 'zod';
import type { Path } from './locate.js';
import { Brief, fieldHelp, type FieldHelp } from './schema.js';

export type Schema = z.core.$ZodType;

/**
 * A union's options that are objects: a union of one object and words (`host: { … }` or `host: unknown`) is
 * walked as its object; one of several objects (a date's forms) is not walked into.
 */
function objectOptions(union: z.ZodUnion): Schema[] {
  return (union.options as Schema[]).filter((o) => unwrap(o) instanceof z.ZodObject);
}

/** The schema behind optional, nullable, default, … wrappers, a pipe's input and a union's one object, outermost first. */
function layers(schema: Schema): Schema[] {
  const out = [schema];
  for (let s = schema; ; ) {
    if (
      s instanceof z.ZodOptional ||
      s instanceof z.ZodNullable ||
      s instanceof z.ZodDefault ||
      s instanceof z.ZodPrefault ||
      s instanceof z.ZodNonOptional ||
      s instanceof z.ZodReadonly ||
      s instanceof z.ZodCatch
    ) {
      s = s.unwrap();
    } else if (s instanceof z.ZodPipe) s = s.in;
    else if (s instanceof z.ZodUnion && objectOptions(s).length === 1) s = objectOptions(s)[0]!;
    else return out;
    out.push(s);
  }
}

function unwrap(schema: Schema): Schema {
  return layers(schema).at(-1)!;
}

/** The schema node at `path` (as it is written in its parent, wrappers included), if the schema has one. */
export function schemaAt(path: Path, root: Schema = Brief): Schema | undefined {
  let s: Schema = root;
  for (const part of path) {
    const inner = unwrap(s);
    if (typeof part === 'number' && inner instanceof z.ZodArray) s = inner.element;
    else if (typeof part === 'string' && inner instanceof z.ZodObject && Object.hasOwn(inner.shape, part)) s = inner.shape[part]!;
    else return undefined;
  }
  return s;
}

/** The keys the schema allows at `path`, for "did you mean". */
export function allowedKeys(path: Path, root: Schema = Brief): string[] {
  const s = schemaAt(path, root);
  const inner = s && unwrap(s);
  return inner instanceof z.ZodObject ? Object.keys(inner.shape) : [];
}

/** The help schema.ts gives the field at `path`: its own, over that of the schema it wraps. */
export function helpAt(path: Path, root: Schema = Brief): FieldHelp {
  const s = schemaAt(path, root);
  const help: FieldHelp = {};
  for (const layer of s ? layers(s).reverse() : []) Object.assign(help, fieldHelp.get(layer));
  return help;
}
