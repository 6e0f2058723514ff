/**
 * Bytes → text, with the position of every character known: BOM stripped, CRLF made LF,
 * invalid UTF-8 reported at its line and column.
 */
import { MujazError } from '../errors.js';

export class SourceText {
  readonly lines: readonly string[];
  private readonly lineStarts: number[];

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    this.lines = text.split('\n');
    this.lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  /** 1-based line and column (in code points) of a UTF-16 offset. */
  position(offset: number): { line: number; col: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= o) lo = mid;
      else hi = mid - 1;
    }
    const start = this.lineStarts[lo] ?? 0;
    return { line: lo + 1, col: Array.from(this.text.slice(start, o)).length + 1 };
  }

  lineText(line: number): string {
    return this.lines[line - 1] ?? '';
  }
}

/** Byte offset of the first invalid UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

export function decodeSource(file: string, bytes: Uint8Array): SourceText {
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad)).replace(/^\uFEFF/, '');
    const src = new SourceText(file, before.replace(/\r\n?/g, '\n'));
    const { line, col } = src.position(src.text.length);
    const hex = Array.from(bytes.subarray(bad, bad + 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new MujazError('INVALID_INPUT', `${file} is not valid UTF-8`, {
      diagnostics: [
        {
          file,
          line,
          col,
          length: 1,
          severity: 'error',
          message: `invalid UTF-8 byte sequence (${hex}) at byte ${bad}`,
          hint: 'save the brief as UTF-8 (in VS Code: "Save with Encoding" → UTF-8)',
          sourceLine: src.lineText(line),
        },
      ],
    });
  }
  const text = new TextDecoder('utf-8', { ignoreBOM: false })
    .decode(bytes)
    .replace(/\r\n?/g, '\n');
  return new SourceText(file, text);
}
