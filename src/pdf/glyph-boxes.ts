/**
 * The ink box of each glyph of an embedded TrueType font (its glyf header: xMin, yMin, xMax, yMax; ISO/IEC
 * 14496-22, 5.3.3), in em, and its advance from the PDF font's /W: what a glyph can touch on the page.
 */
import { inflateSync } from 'node:zlib';
import { PDFArray, type PDFContext, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFRef } from 'pdf-lib';

export interface Glyph {
  advance: number;
  /** x0, y0, x1, y1 in em, y up; undefined for a glyph that draws nothing. */
  ink: [number, number, number, number] | undefined;
}

export interface GlyphsOf {
  (code: number): Glyph;
  /** A glyph of the font that draws nothing (no outline), none of `taken`, to stand for an invisible character. */
  blank(taken: (code: number) => boolean): number | undefined;
  /** Gives a glyph a width in the PDF font (/W), in thousandths of an em. */
  setWidth(code: number, width: number): void;
}

/** The glyphs of a Type0 font with an Identity CID-to-GID map and an embedded TrueType program, if it is one. */
export function readGlyphs(context: PDFContext, font: PDFDict | undefined): GlyphsOf | undefined {
  const descendant = font?.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)?.lookup(0);
  if (!(descendant instanceof PDFDict)) return undefined;
  const map = descendant.get(PDFName.of('CIDToGIDMap'));
  if (map !== undefined && map !== PDFName.of('Identity')) return undefined;
  const file = descendant.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict)?.get(PDFName.of('FontFile2'));
  const stream = file instanceof PDFRef ? context.lookup(file) : undefined;
  if (!(stream instanceof PDFRawStream)) return undefined;
  const filter = stream.dict.get(PDFName.of('Filter'));
  let ink: ReturnType<typeof inkBoxes>;
  try {
    const bytes = filter === undefined ? stream.contents : filter === PDFName.of('FlateDecode') ? inflateSync(stream.contents) : undefined;
    ink = bytes ? inkBoxes(Buffer.from(bytes)) : undefined;
  } catch {
    ink = undefined;
  }
  if (!ink) return undefined;
  const dw = descendant.lookupMaybe(PDFName.of('DW'), PDFNumber)?.asNumber() ?? 1000;
  const widths = new Map<number, number>();
  const w = descendant.lookupMaybe(PDFName.of('W'), PDFArray);
  const items = w?.asArray().map((item) => (item instanceof PDFRef ? context.lookup(item) : item)) ?? [];
  for (let k = 0; k < items.length; ) {
    const first = items[k];
    const next = items[k + 1];
    if (!(first instanceof PDFNumber)) return undefined;
    if (next instanceof PDFArray) {
      next.asArray().forEach((v, n) => {
        if (v instanceof PDFNumber) widths.set(first.asNumber() + n, v.asNumber());
      });
      k += 2;
    } else {
      const value = items[k + 2];
      if (!(next instanceof PDFNumber) || !(value instanceof PDFNumber)) return undefined;
      for (let c = first.asNumber(); c <= next.asNumber(); c++) widths.set(c, value.asNumber());
      k += 3;
    }
  }
  const box = ink;
  const known = new Map<number, Glyph>();
  const of = ((code: number) => {
    let glyph = known.get(code);
    if (!glyph) {
      glyph = { advance: (widths.get(code) ?? dw) / 1000, ink: box(code) };
      known.set(code, glyph);
    }
    return glyph;
  }) as GlyphsOf;
  of.blank = (taken) => {
    for (let gid = box.count - 1; gid > 0; gid--) if (!taken(gid) && box(gid) === undefined) return gid;
    return undefined;
  };
  of.setWidth = (code, width) => {
    widths.set(code, width);
    known.delete(code);
    const array = w ?? context.obj([]);
    array.push(PDFNumber.of(code));
    array.push(context.obj([width]));
    if (!w) descendant.set(PDFName.of('W'), array);
  };
  return of;
}

/** gid → its glyf bounding box in em, from the sfnt's head, loca and glyf tables. */
function inkBoxes(sfnt: Buffer): (((gid: number) => Glyph['ink']) & { count: number }) | undefined {
  const tables = new Map<string, { offset: number; length: number }>();
  const count = sfnt.readUInt16BE(4);
  for (let k = 0; k < count; k++) {
    const at = 12 + 16 * k;
    tables.set(sfnt.toString('latin1', at, at + 4), { offset: sfnt.readUInt32BE(at + 8), length: sfnt.readUInt32BE(at + 12) });
  }
  const head = tables.get('head');
  const loca = tables.get('loca');
  const glyf = tables.get('glyf');
  if (!head || !loca || !glyf) return undefined;
  const upem = sfnt.readUInt16BE(head.offset + 18);
  const long = sfnt.readInt16BE(head.offset + 50) === 1;
  const glyphs = long ? loca.length / 4 - 1 : loca.length / 2 - 1;
  const offset = (gid: number) => (long ? sfnt.readUInt32BE(loca.offset + 4 * gid) : 2 * sfnt.readUInt16BE(loca.offset + 2 * gid));
  const of = (gid: number): Glyph['ink'] => {
    if (gid >= glyphs) return [-1, -1, 2, 2]; // unknown: assume it may touch anything nearby
    const start = offset(gid);
    if (offset(gid + 1) === start) return undefined; // no outline (a space)
    const at = glyf.offset + start;
    return [sfnt.readInt16BE(at + 2) / upem, sfnt.readInt16BE(at + 4) / upem, sfnt.readInt16BE(at + 6) / upem, sfnt.readInt16BE(at + 8) / upem];
  };
  return Object.assign(of, { count: glyphs });
}
