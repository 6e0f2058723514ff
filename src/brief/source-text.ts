/**
 * Bytes → text, with the position of every character known: BOM stripped, CRLF made LF,
 * invalid UTF-8 reported at its line and column.
 */
import { MujazError, type Diagnostic } from '../errors.js';

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

  /** The UTF-16 offset of a 1-based line and column (in code points); the inverse of `position`. */
  offsetOf(line: number, col: number): number {
    const start = this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length) - 1)] ?? 0;
    let offset = start;
    for (let c = 1; c < col && offset < this.text.length && this.text.charCodeAt(offset) !== 10; c++) {
      const code = this.text.charCodeAt(offset);
      offset += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    }
    return offset;
  }

  lineText(line: number): string {
    return this.lines[line - 1] ?? '';
  }
}

/** A source line is shown up to this many characters; a longer one is cut after the caret (or not shown). */
export const SHOWN_LINE = 300;

export function diagnosticAt(
  src: SourceText,
  offset: number,
  end: number,
  message: string,
  hint?: string,
  severity: Diagnostic['severity'] = 'error',
): Diagnostic {
  const { line, col } = src.position(offset);
  const chars = Array.from(src.lineText(line));
  // Underline the value, but never past the end of its first line.
  const rest = chars.length - (col - 1);
  let length = Math.max(1, Math.min(Array.from(src.text.slice(offset, Math.min(end, offset + 4 * SHOWN_LINE))).length, rest));
  const d: Diagnostic = { file: src.file, line, col, length, severity, message };
  // A huge line (a runaway value) would flood the terminal: show its start, or nothing when the caret is far in.
  if (chars.length <= SHOWN_LINE) d.sourceLine = chars.join('');
  else if (col <= SHOWN_LINE - 60) {
    d.sourceLine = `${chars.slice(0, SHOWN_LINE).join('')} …`;
    length = Math.max(1, Math.min(length, SHOWN_LINE - (col - 1)));
  }
  d.length = length;
  if (hint !== undefined) d.hint = hint;
  return d;
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

/** Binary formats a report is often mistaken for, by their first bytes: what the message calls them. */
const SIGNATURES: readonly { bytes: readonly number[]; what: string; hint?: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x52, 0x49, 0x46, 0x46], what: 'a RIFF file (a WebP image, a WAV sound)' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document', hint: "copy the document's text into a UTF-8 text file" },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (a Word, OpenDocument or Excel file is one)', hint: 'save the document as plain text (UTF-8)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an old Office document (.doc, .xls)', hint: 'save the document as plain text (UTF-8)' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'a program (ELF)' },
];

/** What binary format these bytes begin, if a known one. */
function binaryKind(bytes: Uint8Array): { what: string; hint?: string } | undefined {
  return SIGNATURES.find((s) => s.bytes.every((b, i) => bytes[i] === b));
}

/** How far into a file the UTF-16 and binary checks look. */
const SAMPLE = 4096;

/**
 * UTF-16 text: with a byte-order mark, or without one when its zero bytes fall as UTF-16 puts them. Its
 * ASCII characters (spaces, line breaks, Latin letters) leave a zero byte beside each, all on one side (odd
 * offsets little-endian, even big-endian), and there are many of them; UTF-8 text has none, and one stray
 * NUL in UTF-8 text is no UTF-16 (it is named at its line). Its Arabic letters (a byte 0x06 beside each)
 * pass as valid UTF-8 control characters, so it must be told apart before decoding.
 */
function utf16(bytes: Uint8Array): 'little-endian' | 'big-endian' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'little-endian';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'big-endian';
  if (bytes.length % 2 !== 0) return undefined;
  const n = Math.min(bytes.length, SAMPLE);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) i % 2 === 0 ? even++ : odd++;
  const zeros = even + odd;
  // Consistent: (nearly) all on one side, and enough of them to be the text's spaces and line breaks.
  if (zeros < Math.max(2, n / 32) || Math.min(even, odd) > zeros / 50) return undefined;
  return odd > even ? 'little-endian' : 'big-endian';
}

/** A problem with the file as a whole (no line to point at): what it is, and what to do. */
function wholeFile(file: string, message: string, hint: string): MujazError {
  return new MujazError('INVALID_INPUT', `${file}: ${message}`, {
    diagnostics: [{ file, line: 0, col: 0, length: 1, severity: 'error', message, hint }],
  });
}

/** Bytes → text with BOM dropped and line endings made LF (invalid UTF-8 shown as U+FFFD). */
function looseText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8')
    .decode(bytes)
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n');
}

/**
 * Bytes → text, decoded by what the bytes are: a known binary format (a PNG, a PDF, a Word file) is named
 * as such; UTF-16 is told apart by its byte-order mark or its pattern of zero bytes; bytes that are no
 * UTF-8, and a NUL byte in UTF-8 text (anywhere in it), are refused at their line and column.
 */
export function decodeSource(file: string, bytes: Uint8Array): SourceText {
  const binary = binaryKind(bytes);
  if (binary) throw wholeFile(file, `the file is ${binary.what}, not text`, binary.hint ?? 'give a UTF-8 text file');
  const sixteen = utf16(bytes);
  if (sixteen) throw wholeFile(file, `the file is UTF-16 (${sixteen}) text, not UTF-8`, 'save it as UTF-8 (in VS Code: "Save with Encoding" → UTF-8)');
  const n = Math.min(bytes.length, SAMPLE);
  let zeros = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros++;
  if (zeros > Math.max(16, n / 8)) throw wholeFile(file, 'the file holds binary data, not text (many zero bytes)', 'give a UTF-8 text file');
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    // Position the caret on the bad byte, and show its line with the bad bytes as U+FFFD.
    const before = looseText(bytes.subarray(0, bad));
    const src = new SourceText(file, looseText(bytes));
    const hex = bytes[bad]!.toString(16).padStart(2, '0');
    throw new MujazError('INVALID_INPUT', `${file} is not valid UTF-8`, {
      diagnostics: [
        diagnosticAt(
          src,
          before.length,
          before.length + 1,
          `the file is not valid UTF-8: byte ${bad} (0x${hex}) cannot start or continue a character here`,
          'save the brief as UTF-8 (in VS Code: "Save with Encoding" → UTF-8), then check this character',
        ),
      ],
    });
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const before = looseText(bytes.subarray(0, nul));
    const src = new SourceText(file, looseText(bytes));
    const message = 'the file holds a NUL byte (U+0000), which text has no use for';
    throw new MujazError('INVALID_INPUT', `${file}: ${message}`, {
      diagnostics: [diagnosticAt(src, before.length, before.length + 1, message, 'delete the NUL byte (a text editor shows it as NUL or \\0)')],
    });
  }
  // A byte order mark is dropped and CRLF (or a lone CR) becomes LF, so such a file builds the same deck.
  const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes).replace(/\r\n?/g, '\n');
  return new SourceText(file, text);
}
