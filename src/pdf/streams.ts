/**
 * What the PDF stage's passes (text-order.ts, ua/) read from Chromium's PDF the same way: a stream's bytes
 * (Chromium compresses with Flate, without parameters), the ToUnicode map of a font a content stream names,
 * and the content streams themselves, each decoded and parsed once by whichever pass reads it first and
 * compressed once when the passes are done (ContentStreams).
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { PDFArray, type PDFContext, PDFDict, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { type Operation, parseContentStream } from './content-stream.js';
import { readToUnicode } from './to-unicode.js';

/** A stream's bytes, or undefined for a filter other than Flate without parameters (left as it is). */
export function decodeStream(stream: PDFRawStream): Uint8Array | undefined {
  const filter = stream.dict.get(PDFName.of('Filter'));
  if (filter === undefined) return stream.contents;
  const name = filter instanceof PDFArray && filter.size() === 1 ? filter.get(0) : filter;
  if (name === PDFName.of('FlateDecode') && !stream.dict.has(PDFName.of('DecodeParms'))) return inflateSync(stream.contents);
  return undefined;
}

/** The font a content stream's resources name, and its ToUnicode stream's reference, if it has one. */
export function fontCmap(context: PDFContext, resources: PDFDict | undefined, name: string): { font: unknown; cmapRef: PDFRef } | undefined {
  const font = resources?.lookupMaybe(PDFName.of('Font'), PDFDict)?.get(PDFName.of(name));
  const dict = font instanceof PDFRef ? context.lookupMaybe(font, PDFDict) : undefined;
  const cmapRef = dict?.get(PDFName.of('ToUnicode'));
  return cmapRef instanceof PDFRef ? { font, cmapRef } : undefined;
}

/** The map of a ToUnicode stream: code → text; undefined when it cannot be read. */
export function readCmap(context: PDFContext, cmapRef: PDFRef): Map<number, string> | undefined {
  const stream = context.lookup(cmapRef);
  const bytes = stream instanceof PDFRawStream ? decodeStream(stream) : undefined;
  try {
    return bytes ? readToUnicode(Buffer.from(bytes).toString('latin1')) : undefined;
  } catch {
    return undefined;
  }
}

/** A content stream as the passes read it: its dictionary, its bytes and their operations. */
export interface Content {
  dict: PDFDict;
  data: Uint8Array;
  ops: Operation[];
}

interface Held {
  dict: PDFDict;
  data: Uint8Array;
  /** Its operations: undefined, not parsed yet; null, not readable (an inline image, broken syntax). */
  ops: Operation[] | null | undefined;
  changed: boolean;
}

/**
 * One PDF's content streams and ToUnicode maps for the passes that read and rewrite them one after another:
 * a stream is inflated and parsed once, a pass's rewrite is handed to the next as bytes and operations (not
 * compressed, inflated and parsed again), and what changed is compressed once, by commit().
 */
export class ContentStreams {
  private readonly held = new Map<PDFRef, Held | null>();
  private readonly cmaps = new Map<PDFRef, Map<number, string> | undefined>();

  constructor(readonly context: PDFContext) {}

  /** Whether the reference is to a stream at all. */
  isStream(ref: PDFRef): boolean {
    return this.held.get(ref) != null || this.context.lookup(ref) instanceof PDFRawStream;
  }

  /**
   * A content stream's bytes and operations; undefined when this stage does not read it (a filter other
   * than Flate, an inline image, syntax the reader does not follow): it stays as Chromium wrote it.
   */
  content(ref: PDFRef): Content | undefined {
    let held = this.held.get(ref);
    if (held === undefined) {
      const stream = this.context.lookup(ref);
      const data = stream instanceof PDFRawStream ? decodeStream(stream) : undefined;
      held = stream instanceof PDFRawStream && data ? { dict: stream.dict, data, ops: undefined, changed: false } : null;
      this.held.set(ref, held);
    }
    if (!held) return undefined;
    if (held.ops === undefined) {
      try {
        held.ops = parseContentStream(held.data);
      } catch {
        held.ops = null;
      }
    }
    return held.ops ? (held as Content) : undefined;
  }

  /** A stream's new bytes, with their operations when the writer knows them (else parsed when next read). */
  rewrite(ref: PDFRef, data: Uint8Array, ops?: Operation[]): void {
    const held = this.held.get(ref);
    if (!held) throw new Error(`rewriting ${ref.toString()}, a stream not read`);
    held.data = data;
    held.ops = ops;
    held.changed = true;
  }

  /** A ToUnicode map, read once: the passes share it, and a pass that changes it writes its stream. */
  cmap(ref: PDFRef): Map<number, string> | undefined {
    if (!this.cmaps.has(ref)) this.cmaps.set(ref, readCmap(this.context, ref));
    return this.cmaps.get(ref);
  }

  /** Writes every rewritten stream into the document, compressed. */
  commit(): void {
    for (const [ref, held] of this.held) {
      if (!held?.changed) continue;
      held.dict.set(PDFName.of('Filter'), PDFName.of('FlateDecode'));
      this.context.assign(ref, PDFRawStream.of(held.dict, deflateSync(held.data)));
      held.changed = false;
    }
  }
}
