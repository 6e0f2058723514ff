/**
 * What the PDF stage's passes (text-order.ts, ua/) read from Chromium's PDF the same way: a stream's bytes
 * (Chromium compresses with Flate, without parameters), and the ToUnicode map of a font a content stream names.
 */
import { inflateSync } from 'node:zlib';
import { PDFArray, type PDFContext, PDFDict, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
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
