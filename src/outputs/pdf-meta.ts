/** What both PDFs (the deck's and the handout) share: the modules that print and finish them, and their metadata. */
import type { Deck } from '../deck/model.js';
import type { PdfMeta } from '../pdf/postprocess.js';

/** Loads the PDF stage (printing, finishing) while Chromium starts. */
export const preparePdf = () => Promise.all([import('../pdf/print.js'), import('../pdf/postprocess.js')]);

/** What both PDFs say of themselves: the deck's metadata, and a bookmark per slide. */
export function pdfMeta(deck: Deck): PdfMeta {
  return {
    title: deck.title,
    author: deck.author,
    subject: deck.description,
    keywords: deck.keywords,
    lang: deck.lang,
    dir: deck.dir,
    created: deck.created,
    bookmarks: deck.slides.map((s) => s.bookmark),
    levels: deck.slides.map((s) => s.level),
  };
}
