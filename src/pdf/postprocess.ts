/**
 * Chromium's PDF → the file mujaz ships: metadata from the brief, a fixed date and ID (same brief, same
 * bytes), the reading direction, the language, and bookmarks written from the slide titles (Chromium
 * reverses the words of Arabic bookmark titles and only sees un-hidden slides).
 */
import { createHash } from 'node:crypto';
import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFInvalidObject, PDFName, PDFNumber, PDFRef, PDFStream, PDFString } from 'pdf-lib';
import { ContentStreams } from './streams.js';
import { putTextInReadingOrder } from './text-order.js';
import { makeAccessible } from './ua/index.js';

export interface PdfMeta {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  lang: string;
  dir: 'rtl' | 'ltr';
  /** ISO date (YYYY-MM-DD). */
  created: string;
  /** The bookmarks, in order: by default bookmark i opens page i. */
  bookmarks: string[];
  /** Each bookmark's depth: 1 nests it under the bookmark at depth 0 before it (a session's slides); 0 when not given. */
  levels?: readonly number[];
  /**
   * For a document whose bookmarks are not one per page (the handout, where a slide's notes may flow onto a
   * second page): the id of the element each bookmark opens at. Chromium writes a named destination for an
   * element that a link in the page points at (`<a href="#id">`); the bookmark opens that page.
   */
  anchors?: string[];
}

/** Chromium's named destinations (catalog /Dests: name → [page /XYZ x y z]) → page index. */
function namedDestinationPages(pdf: PDFDocument): Map<string, number> {
  const out = new Map<string, number>();
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (!dests) return out;
  const pageIndex = new Map(pdf.getPages().map((p, i) => [p.ref.toString(), i]));
  for (const [key, value] of dests.entries()) {
    const dest = value instanceof PDFRef ? pdf.context.lookup(value) : value;
    const array = dest instanceof PDFDict ? dest.lookupMaybe(PDFName.of('D'), PDFArray) : dest;
    const page = array instanceof PDFArray ? array.get(0) : undefined;
    const index = page instanceof PDFRef ? pageIndex.get(page.toString()) : undefined;
    if (index !== undefined) out.set(key.decodeText(), index);
  }
  return out;
}

/** The page each bookmark opens: its anchor's page, else the page after the previous bookmark's. */
function bookmarkPages(pdf: PDFDocument, meta: PdfMeta): number[] {
  const last = pdf.getPageCount() - 1;
  if (!meta.anchors) return meta.bookmarks.slice(0, last + 1).map((_, i) => i);
  const named = namedDestinationPages(pdf);
  const pages: number[] = [];
  meta.bookmarks.forEach((_, i) => {
    const anchor = meta.anchors?.[i];
    const found = anchor === undefined ? undefined : named.get(anchor);
    pages.push(found ?? Math.min((pages[i - 1] ?? -1) + 1, last));
  });
  return pages;
}

/** Writes the outline: a bookmark at depth 1 goes under the bookmark at depth 0 before it, open. */
function addOutline(pdf: PDFDocument, titles: string[], targets: number[], levels: readonly number[] = []): void {
  const pages = pdf.getPages();
  const context = pdf.context;
  const outlineRef = context.nextRef();
  const shown = pages.length === 0 ? [] : titles.slice(0, targets.length);
  const itemRefs: PDFRef[] = shown.map(() => context.nextRef());
  // Each item's parent (an index, or -1 for the outline itself) and each parent's children, in order.
  const parents = shown.map((_, i) => {
    if ((levels[i] ?? 0) === 0) return -1;
    for (let j = i - 1; j >= 0; j--) if ((levels[j] ?? 0) === 0) return j;
    return -1;
  });
  const children = (parent: number) => itemRefs.flatMap((_, i) => (parents[i] === parent ? [i] : []));
  const link = (entries: Record<string, unknown>, kids: number[]) => {
    if (kids.length === 0) return;
    entries.First = itemRefs[kids[0]!];
    entries.Last = itemRefs[kids[kids.length - 1]!];
    entries.Count = PDFNumber.of(kids.length);
  };
  itemRefs.forEach((ref, i) => {
    const parent = parents[i]!;
    const siblings = children(parent);
    const at = siblings.indexOf(i);
    const entries: Record<string, unknown> = {
      Title: PDFHexString.fromText(titles[i] ?? ''),
      Parent: parent < 0 ? outlineRef : itemRefs[parent],
      Dest: context.obj([pages[targets[i]!]!.ref, PDFName.of('Fit')]),
    };
    if (at > 0) entries.Prev = itemRefs[siblings[at - 1]!];
    if (at < siblings.length - 1) entries.Next = itemRefs[siblings[at + 1]!];
    link(entries, children(i));
    context.assign(ref, context.obj(entries as never));
  });
  const outline: Record<string, unknown> = { Type: 'Outlines', Count: PDFNumber.of(itemRefs.length) };
  const top = children(-1);
  if (top.length > 0) {
    outline.First = itemRefs[top[0]!];
    outline.Last = itemRefs[top[top.length - 1]!];
  }
  context.assign(outlineRef, context.obj(outline as never));
  pdf.catalog.set(PDFName.of('Outlines'), outlineRef);
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** Chromium's ids of tagged elements (struct elements' /ID, the /IDTree, table cells' /Headers). */
const NODE_ID = /^node(\d+)$/;

/**
 * Chromium numbers the ids of tagged elements from a counter that lives as long as its renderer, so a page
 * that printed another deck before (a batch reuses its pages) writes higher numbers for the same deck. They
 * are renumbered from 1 in their order (the /IDTree stays sorted), so the bytes depend on the deck alone.
 */
function renumberNodeIds(pdf: PDFDocument): void {
  // One walk records where each id sits (its array or dictionary, and the index or key); then each place is
  // given its new id. PDFString keeps its text private, so a fresh string is set in place of each.
  const found: { id: string; set: (s: PDFString) => void }[] = [];
  const seen = new Set<PDFDict>();
  const visit = (value: unknown, set: (s: PDFString) => void): void => {
    if (value instanceof PDFString) {
      if (NODE_ID.test(value.asString())) found.push({ id: value.asString(), set });
    } else if (value instanceof PDFArray) {
      for (let i = 0; i < value.size(); i++) visit(value.get(i), (s) => value.set(i, s));
    } else if (value instanceof PDFDict && !seen.has(value)) {
      seen.add(value);
      for (const [key, v] of value.entries()) visit(v, (s) => value.set(key, s));
    }
  };
  for (const [, object] of pdf.context.enumerateIndirectObjects()) visit(object instanceof PDFStream ? object.dict : object, () => undefined);
  const ids = [...new Set(found.map((f) => f.id))].sort((a, b) => Number(NODE_ID.exec(a)![1]) - Number(NODE_ID.exec(b)![1]));
  const renamed = new Map(ids.map((id, i) => [id, `node${String(i + 1).padStart(8, '0')}`]));
  for (const { id, set } of found) set(PDFString.of(renamed.get(id)!));
}

/**
 * An element of Chromium's structure tree as Chromium writes it (`N 0 obj\n<</Type /StructElem … >>\nendobj`),
 * holding names, numbers, references and arrays only: no string, literal or hex (so no id, and nothing that
 * could read «endobj»), and no dictionary inside.
 */
const STRUCT_ELEMENT = /(?<=\n)(\d+) (\d+) obj\n(<<\/Type \/StructElem\n[^()<>]*>>)\nendobj\n/g;

/**
 * Chromium's PDF as pdf-lib reads it, but for the elements of its structure tree: hundreds of small objects,
 * one per tagged element, most of the document's syntax, that nothing here reads or changes (an element with
 * an id holds a string, and is read: renumberNodeIds). pdf-lib would parse each and write it anew; they are
 * cut out of the bytes it parses and put back, at their numbers, as the bytes Chromium wrote
 * (PDFInvalidObject: written as it is). pdf-lib reads a file's objects in order, not from its cross-reference
 * table, so the gaps cost nothing; the table is written anew on saving.
 */
async function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const kept: { ref: PDFRef; body: Uint8Array }[] = [];
  const parts: Uint8Array[] = [];
  let from = 0;
  for (const m of text.matchAll(STRUCT_ELEMENT)) {
    parts.push(bytes.subarray(from, m.index));
    kept.push({ ref: PDFRef.of(Number(m[1]), Number(m[2])), body: bytes.slice(m.index + m[0].indexOf('<<'), m.index + m[0].length - '\nendobj\n'.length) });
    from = m.index + m[0].length;
  }
  parts.push(bytes.subarray(from));
  // Parsed in one go: pdf-lib's default yields to the event loop every 100 objects.
  const pdf = await PDFDocument.load(kept.length > 0 ? Buffer.concat(parts) : bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  for (const { ref, body } of kept) pdf.context.assign(ref, PDFInvalidObject.of(body));
  return pdf;
}

const PRODUCER = 'mujaz (Chromium, pdf-lib)';

export async function finishPdf(bytes: Uint8Array, meta: PdfMeta): Promise<Uint8Array> {
  const pdf = await loadPdf(bytes);
  performance.mark('pdf: parsed');
  // The page's content streams, read once and compressed once for the two passes that rewrite them.
  const streams = new ContentStreams(pdf.context);
  putTextInReadingOrder(pdf, { rtl: meta.dir === 'rtl' }, streams);
  performance.mark('pdf: text in reading order');
  const date = new Date(`${meta.created}T00:00:00Z`);
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author.trim()) pdf.setAuthor(meta.author);
  pdf.setSubject(meta.subject);
  pdf.setKeywords(meta.keywords);
  pdf.setCreator('mujaz');
  pdf.setProducer(PRODUCER);
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);
  pdf.setLanguage(meta.lang);
  // Chromium's XMP packet (if any) carries its own dates and IDs: it is written anew (ua/xmp.ts).
  pdf.catalog.delete(PDFName.of('Metadata'));
  pdf.catalog.delete(PDFName.of('Outlines'));
  renumberNodeIds(pdf);
  const targets = bookmarkPages(pdf, meta);
  addOutline(pdf, meta.bookmarks, targets, meta.levels);
  const prefs = pdf.catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict) ?? pdf.context.obj({});
  prefs.set(PDFName.of('Direction'), PDFName.of(meta.dir === 'rtl' ? 'R2L' : 'L2R'));
  prefs.set(PDFName.of('DisplayDocTitle'), pdf.context.obj(true));
  pdf.catalog.set(PDFName.of('ViewerPreferences'), prefs);
  // A fixed document ID, derived from nothing that changes between builds.
  const id = PDFHexString.of(
    createHash('md5')
      .update(`${meta.title}\n${meta.created}\n${meta.bookmarks.join('\n')}`)
      .digest('hex'),
  );
  pdf.context.trailerInfo.ID = pdf.context.obj([id, id]);
  const { title, author, subject, keywords, lang, created } = meta;
  const xmp = { title, author, subject, keywords, lang, created, creator: 'mujaz', producer: PRODUCER, id: id.asString() };
  makeAccessible(pdf, xmp, { titles: meta.bookmarks, pages: targets, anchors: meta.anchors, fallback: title }, streams);
  streams.commit();
  performance.mark('pdf: accessible');
  return pdf.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity });
}
