/** What both PDFs (the deck's and the handout) say of themselves: the deck's metadata, and a bookmark per slide. */
import type { Deck } from '../deck/model.js';
import type { PdfMeta } from '../pdf/postprocess.js';

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
