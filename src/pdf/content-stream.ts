/**
 * A small reader of PDF content streams (ISO 32000-1, 7.8.2): the operators in order, each with its operands
 * and the byte range it spans, so that a caller can cut operators out and leave every other byte as it was.
 * It knows the operand syntax (numbers, names, strings, arrays, dictionaries) and no operator's meaning.
 * Inline images (BI … ID … EI) carry raw bytes that no tokenizer can skip safely: a stream with one is
 * reported as such and left alone by the callers.
 */

/** An operand: a string is its bytes (a Uint8Array: most operands are glyph strings, one object each, not two). */
export type Operand = number | boolean | null | { name: string } | Uint8Array | Operand[] | { dict: Map<string, Operand> };

export interface Operation {
  op: string;
  operands: Operand[];
  /** Byte offset of the first operand (or of the operator when it has none). */
  start: number;
  /** Byte offset just after the operator. */
  end: number;
}

/** Byte classes: 1 white space, 2 delimiter, 0 regular (ISO 32000-1, 7.2.2). */
const CLASS = new Uint8Array(256);
for (const b of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASS[b] = 1;
for (const b of [0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]) CLASS[b] = 2;
/** A hex digit's value; -1 for white space (skipped) and anything else. */
const HEX = new Int8Array(256).fill(-1);
for (let k = 0; k < 10; k++) HEX[0x30 + k] = k;
for (let k = 0; k < 6; k++) {
  HEX[0x41 + k] = 10 + k;
  HEX[0x61 + k] = 10 + k;
}
/** A number token: digits, at most one point, an optional sign. */
function isNumber(w: string): boolean {
  let digits = 0;
  let points = 0;
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (c >= 0x30 && c <= 0x39) digits++;
    else if (c === 0x2e) points++;
    else if (!(k === 0 && (c === 0x2b || c === 0x2d))) return false;
  }
  return digits > 0 && points <= 1;
}

const ESCAPES: Record<number, number> = { 110: 0x0a, 114: 0x0d, 116: 0x09, 98: 0x08, 102: 0x0c, 40: 0x28, 41: 0x29, 92: 0x5c };

export class InlineImageError extends Error {}

/** The array or dictionary being read, and (for a dictionary) the key waiting for its value. */
interface Open {
  items: Operand[];
  dict: Map<string, Operand> | undefined;
  key: string | undefined;
}

/**
 * The operations of a content stream; throws InlineImageError at an inline image, Error on broken syntax.
 * One loop over the bytes, with the arrays and dictionaries being read on a stack: most of a stream is
 * glyph positions and glyph strings (`12.5 0 Td <0052> Tj`), and this runs once per page of every PDF.
 */
export function parseContentStream(data: Uint8Array): Operation[] {
  const n = data.length;
  const ops: Operation[] = [];
  const latin1 = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
  let operands: Operand[] = [];
  let start = -1;
  const open: Open[] = [];
  let i = 0;

  const literal = (): Uint8Array => {
    const out: number[] = [];
    let depth = 1;
    i++; // (
    while (i < n) {
      const b = data[i++]!;
      if (b === 0x5c) {
        const e = data[i++]!;
        if (e in ESCAPES) out.push(ESCAPES[e]!);
        else if (e >= 0x30 && e <= 0x37) {
          let v = e - 0x30;
          for (let k = 0; k < 2 && data[i]! >= 0x30 && data[i]! <= 0x37; k++) v = v * 8 + (data[i++]! - 0x30);
          out.push(v & 0xff);
        } else if (e === 0x0d) {
          if (data[i] === 0x0a) i++;
        } else if (e !== 0x0a) out.push(e);
      } else if (b === 0x28) {
        depth++;
        out.push(b);
      } else if (b === 0x29) {
        if (--depth === 0) return Uint8Array.from(out);
        out.push(b);
      } else out.push(b);
    }
    throw new Error('unterminated string in a content stream');
  };

  const hex = (): Uint8Array => {
    const from = ++i; // after <
    let count = 0;
    while (i < n && data[i] !== 0x3e) if (HEX[data[i++]!]! >= 0) count++;
    const to = i;
    i++; // >
    const out = new Uint8Array((count + 1) >> 1);
    let k = 0;
    for (let j = from; j < to; j++) {
      const v = HEX[data[j]!]!;
      if (v < 0) continue;
      if (k & 1) out[k >> 1]! += v;
      else out[k >> 1] = v * 16;
      k++;
    }
    return out;
  };

  /** Puts a value in the array or dictionary being read, or among the next operator's operands. */
  const put = (value: Operand): void => {
    if (open.length === 0) {
      operands.push(value);
      return;
    }
    const top = open[open.length - 1]!;
    if (top.dict === undefined) top.items.push(value);
    else if (top.key === undefined) {
      if (value === null || typeof value !== 'object' || !('name' in value)) throw new Error('broken dictionary in a content stream');
      top.key = value.name;
    } else {
      top.dict.set(top.key, value);
      top.key = undefined;
    }
  };

  while (i < n) {
    const b = data[i]!;
    const cls = CLASS[b]!;
    if (cls === 1) {
      i++;
      continue;
    }
    if (b === 0x25) {
      // %: a comment runs to the end of the line
      while (i < n && data[i] !== 0x0a && data[i] !== 0x0d) i++;
      continue;
    }
    if (start < 0 && open.length === 0) start = i;
    if (b === 0x2f) {
      const s = ++i;
      while (i < n && CLASS[data[i]!] === 0) i++;
      const w = latin1.slice(s, i);
      put({ name: w.includes('#') ? w.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))) : w });
      continue;
    }
    if (b === 0x28) {
      put(literal());
      continue;
    }
    if (b === 0x3c) {
      if (data[i + 1] === 0x3c) {
        i += 2;
        open.push({ items: [], dict: new Map(), key: undefined });
      } else put(hex());
      continue;
    }
    if (b === 0x3e && data[i + 1] === 0x3e) {
      const top = open[open.length - 1];
      if (top?.dict === undefined || top.key !== undefined) throw new Error('broken dictionary in a content stream');
      open.pop();
      i += 2;
      put({ dict: top.dict });
      continue;
    }
    if (b === 0x5b) {
      i++;
      open.push({ items: [], dict: undefined, key: undefined });
      continue;
    }
    if (b === 0x5d) {
      const top = open[open.length - 1];
      if (top === undefined || top.dict !== undefined) throw new Error('unexpected delimiter in a content stream');
      open.pop();
      i++;
      put(top.items);
      continue;
    }
    if (cls === 2) throw new Error('unexpected delimiter in a content stream');
    // A number, read from its bytes (most operands are: each glyph's position).
    if ((b >= 0x30 && b <= 0x39) || b === 0x2d || b === 0x2b || b === 0x2e) {
      let k = i;
      const negative = b === 0x2d;
      if (b === 0x2d || b === 0x2b) k++;
      let value = 0;
      let digits = 0;
      let c = data[k]!;
      while (k < n && c >= 0x30 && c <= 0x39) {
        value = value * 10 + (c - 0x30);
        digits++;
        c = data[++k]!;
      }
      if (k < n && c === 0x2e) {
        c = data[++k]!;
        let scale = 1;
        let fraction = 0;
        while (k < n && c >= 0x30 && c <= 0x39) {
          fraction = fraction * 10 + (c - 0x30);
          scale *= 10;
          digits++;
          c = data[++k]!;
        }
        value += fraction / scale;
      }
      // (Within a rounding of what Number() reads: the values only place things to compare them; what is
      // written back is always the stream's own bytes.)
      if (digits > 0 && (k >= n || CLASS[c] !== 0)) {
        i = k;
        put(negative ? -value : value);
        continue;
      }
    }
    const s = i;
    while (i < n && CLASS[data[i]!] === 0) i++;
    const w = latin1.slice(s, i);
    if (isNumber(w)) put(Number(w));
    else if (w === 'true' || w === 'false') put(w === 'true');
    else if (w === 'null') put(null);
    else if (open.length > 0) throw new Error(`operator ${w} inside ${open[open.length - 1]!.dict ? 'a dictionary' : 'an array'} in a content stream`);
    else {
      if (w === 'BI') throw new InlineImageError('inline image');
      ops.push({ op: w, operands, start, end: i });
      operands = [];
      start = -1;
    }
  }
  if (open.length > 0) throw new Error('an array or dictionary left open at the end of a content stream');
  if (operands.length) throw new Error('operands with no operator at the end of a content stream');
  return ops;
}

/** The bytes of a string operand, or undefined. */
export function bytesOf(o: Operand | undefined): Uint8Array | undefined {
  return o instanceof Uint8Array ? o : undefined;
}

export function nameOf(o: Operand | undefined): string | undefined {
  return o && typeof o === 'object' && 'name' in o ? o.name : undefined;
}

/** A PDF text string (ISO 32000-1, 7.9.2.2): UTF-16BE after a byte-order mark, else (here) Latin-1. */
export function textString(bytes: Uint8Array): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let s = '';
    for (let k = 2; k + 1 < bytes.length; k += 2) s += String.fromCharCode((bytes[k]! << 8) | bytes[k + 1]!);
    return s;
  }
  return String.fromCharCode(...bytes);
}
