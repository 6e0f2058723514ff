/**
 * Chromium's PDF → the handout: metadata from the brief, a fixed date (same brief, same bytes), the
 * reading direction, the language, and bookmarks rewritten from the slide titles (Chromium reverses the
 * words of Arabic bookmark titles and only sees un-hidden slides).
 */
import { createHash } from 'node:crypto';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFRef } from 'pdf-lib';

export interface PdfMeta {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  lang: string;
  dir: 'rtl' | 'ltr';
  /** ISO date (YYYY-MM-DD). */
  created: string;
  /** One bookmark per page, in page order. */
  bookmarks: string[];
}

function addOutline(pdf: PDFDocument, titles: string[]): void {
  const pages = pdf.getPages();
  const context = pdf.context;
  const outlineRef = context.nextRef();
  const itemRefs: PDFRef[] = titles.slice(0, pages.length).map(() => context.nextRef());
  itemRefs.forEach((ref, i) => {
    const entries: Record<string, unknown> = {
      Title: PDFHexString.fromText(titles[i] ?? ''),
      Parent: outlineRef,
      Dest: context.obj([pages[i]!.ref, PDFName.of('Fit')]),
    };
    if (i > 0) entries.Prev = itemRefs[i - 1];
    if (i < itemRefs.length - 1) entries.Next = itemRefs[i + 1];
    context.assign(ref, context.obj(entries as never));
  });
  const outline: Record<string, unknown> = { Type: 'Outlines', Count: PDFNumber.of(itemRefs.length) };
  if (itemRefs.length > 0) {
    outline.First = itemRefs[0];
    outline.Last = itemRefs[itemRefs.length - 1];
  }
  context.assign(outlineRef, context.obj(outline as never));
  pdf.catalog.set(PDFName.of('Outlines'), outlineRef);
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

export async function finishPdf(bytes: Uint8Array, meta: PdfMeta): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const date = new Date(`${meta.created}T00:00:00Z`);
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  pdf.setAuthor(meta.author);
  pdf.setSubject(meta.subject);
  pdf.setKeywords(meta.keywords);
  pdf.setCreator('mujaz');
  pdf.setProducer('mujaz (Chromium, pdf-lib)');
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);
  pdf.setLanguage(meta.lang);
  pdf.catalog.delete(PDFName.of('Outlines'));
  addOutline(pdf, meta.bookmarks);
  const prefs = pdf.catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict) ?? pdf.context.obj({});
  prefs.set(PDFName.of('Direction'), PDFName.of(meta.dir === 'rtl' ? 'R2L' : 'L2R'));
  prefs.set(PDFName.of('DisplayDocTitle'), pdf.context.obj(true));
  pdf.catalog.set(PDFName.of('ViewerPreferences'), prefs);
  // A fixed document ID, derived from nothing that changes between builds.
  const id = PDFHexString.of(createHash('md5').update(`${meta.title}\n${meta.created}\n${meta.bookmarks.join('\n')}`).digest('hex'));
  pdf.context.trailerInfo.ID = pdf.context.obj([id, id]);
  return pdf.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
}

