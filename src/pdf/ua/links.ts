/**
 * Every link annotation with a description, /Contents (PDF/UA-1, 7.18.5; Matterhorn 28-012): Chromium
 * writes none. A link to the web is described by its address; a link inside the document by the title of
 * the bookmark that opens where it leads (the handout's slide numbers link to their own article).
 */
import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, type PDFObject, PDFRef, PDFString } from 'pdf-lib';

export interface LinkTargets {
  /** The bookmarks' titles, and for each the page it opens, and the element id it opens at (if any). */
  titles: readonly string[];
  pages: readonly number[];
  anchors?: readonly (string | undefined)[];
  /** What a link is described by when nothing better is known (the document's title). */
  fallback: string;
}

const text = (o: PDFObject | undefined): string | undefined =>
  o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : o instanceof PDFName ? o.decodeText() : undefined;

export function describeLinks(pdf: PDFDocument, targets: LinkTargets): void {
  const context = pdf.context;
  const pages = pdf.getPages();
  const pageIndex = new Map(pages.map((p, i) => [p.ref.toString(), i]));
  /** The title of the first bookmark that opens page i. */
  const titleOfPage = (i: number | undefined) => {
    const at = i === undefined ? -1 : targets.pages.indexOf(i);
    return at < 0 ? undefined : targets.titles[at];
  };
  const describeDest = (dest: PDFObject | undefined): string | undefined => {
    const named = text(dest);
    if (named !== undefined) {
      const at = targets.anchors?.indexOf(named) ?? -1;
      return at >= 0 ? targets.titles[at] : named;
    }
    const array = dest instanceof PDFRef ? context.lookup(dest) : dest;
    const page = array instanceof PDFArray ? array.get(0) : undefined;
    return page instanceof PDFRef ? titleOfPage(pageIndex.get(page.toString())) : undefined;
  };
  for (const page of pages) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (!annots) continue;
    for (let i = 0; i < annots.size(); i++) {
      const annot = annots.lookup(i);
      if (!(annot instanceof PDFDict) || annot.get(PDFName.of('Subtype')) !== PDFName.of('Link') || annot.has(PDFName.of('Contents'))) continue;
      const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
      const kind = action?.lookupMaybe(PDFName.of('S'), PDFName)?.decodeText();
      let description: string | undefined;
      if (kind === 'URI') description = text(action?.lookup(PDFName.of('URI')));
      else if (kind === 'GoTo') description = describeDest(action?.get(PDFName.of('D')));
      else if (!action) description = describeDest(annot.get(PDFName.of('Dest')));
      annot.set(PDFName.of('Contents'), PDFHexString.fromText(description || targets.fallback));
    }
  }
}
