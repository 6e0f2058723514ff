/**
 * PDF/UA-1 (ISO 14289-1) for the deck's PDF and the handout, on Chromium's tagged PDF: what Chromium leaves
 * out, written in (../../../../shared/docs/pdf-ua.md names what it writes and what it lacks):
 *  - page furniture as artifacts, and the structure tree without it (content.ts, structure.ts);
 *  - the language of the elements in the other script, a role map for the types PDF 1.7 does not define
 *    (structure.ts);
 *  - a description of every link (links.ts);
 *  - the XMP metadata that declares PDF/UA-1, with the title and language (xmp.ts); the catalog's /Lang,
 *    /MarkInfo /Marked and /ViewerPreferences /DisplayDocTitle.
 * What is checked here, and what is not (no veraPDF validation): README, "Accessible PDF".
 */
import { PDFDict, type PDFDocument, PDFName } from 'pdf-lib';
import { FURNITURE_LABEL } from '../../render/pages.js';
import type { ContentStreams } from '../streams.js';
import { markArtifacts } from './content.js';
import { describeLinks, type LinkTargets } from './links.js';
import { StructureTree } from './structure.js';
import { type XmpFields, xmpPacket } from './xmp.js';

/** Rewrites content streams in `streams`, which the caller commits. */
export function makeAccessible(pdf: PDFDocument, fields: XmpFields, targets: LinkTargets, content: ContentStreams): void {
  const tree = new StructureTree(pdf);
  if (tree.exists) {
    const streams = markArtifacts(
      pdf,
      {
        furniture: (key, mcid) => {
          const owner = tree.owner(key, mcid);
          return owner !== undefined && tree.inFurniture(owner, FURNITURE_LABEL);
        },
        figure: (key, mcid) => {
          const owner = tree.owner(key, mcid);
          return owner !== undefined && tree.isFigure(owner);
        },
      },
      content,
    );
    tree.removeArtifacts(streams);
    tree.removeFurniture();
    tree.setLanguages(streams, fields.lang);
    tree.mapRoles();
  }
  describeLinks(pdf, targets);
  const context = pdf.context;
  // UTF-8, uncompressed (readers that look for the packet's `<?xpacket` find it in the file).
  const metadata = context.stream(Buffer.from(xmpPacket(fields), 'utf8'), { Type: 'Metadata', Subtype: 'XML' });
  pdf.catalog.set(PDFName.of('Metadata'), context.register(metadata));
  const markInfo = pdf.catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict) ?? context.obj({});
  markInfo.set(PDFName.of('Marked'), context.obj(true));
  pdf.catalog.set(PDFName.of('MarkInfo'), markInfo);
  const prefs = pdf.catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict) ?? context.obj({});
  prefs.set(PDFName.of('DisplayDocTitle'), context.obj(true));
  pdf.catalog.set(PDFName.of('ViewerPreferences'), prefs);
}
