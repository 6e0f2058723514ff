/**
 * The notes handout, `<slug>-handout.pdf` (with the deck's PDF): each slide with its speaker notes and the
 * report paragraphs it cites, rendered into the deck's folder, printed, and finished while the next output
 * uses the browser. A slide's notes may flow onto a second page: each bookmark opens where its slide's
 * article starts. A paragraph is quoted up to QUOTED_CHARS characters and cut there with a note (the whole of
 * it stays in the report): a report pasted as one huge paragraph still gives a handout of a few pages, printed
 * in seconds, rather than hundreds of pages or a print that times out.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { buildHandout, HANDOUT_PAGE, handoutAnchor } from '../deck/handout.js';
import { handoutMarkingCss, renderHandout } from '../render/handout.js';
import { HANDOUT_FILE, HANDOUT_MARKING } from '../render/pages.js';
import { writeText } from '../write/output.js';
import type { Output } from './output.js';
import { pdfMeta, preparePdf } from './pdf-meta.js';

/** The most of one paragraph the handout quotes: far more than any paragraph of the bundled reports (under 1,000). */
export const QUOTED_CHARS = 2000;

/** Where a quote is cut, in the deck's language. */
const CUT_NOTE: Record<'ar' | 'en', string> = {
  ar: '… [اقتُطعت الفقرة هنا، ونصها كاملًا في التقرير]',
  en: '… [the paragraph is cut here; the whole of it is in the report]',
};

/** A paragraph as the handout quotes it: whole, or cut at a space before QUOTED_CHARS characters, with a note. */
export function quoted(paragraph: string, lang: 'ar' | 'en'): string {
  if (paragraph.length <= QUOTED_CHARS) return paragraph;
  const chars = Array.from(paragraph.slice(0, QUOTED_CHARS + 1));
  if (chars.length <= QUOTED_CHARS) return paragraph;
  const head = chars.slice(0, QUOTED_CHARS).join('');
  const space = head.lastIndexOf(' ');
  return `${(space > QUOTED_CHARS / 2 ? head.slice(0, space) : head).trimEnd()} ${CUT_NOTE[lang]}`;
}

export const handout: Output = {
  id: 'handout',
  wanted: (o) => o.pdf && o.handout,
  browser: true,
  prepare: preparePdf,
  async write({ deck, dir, csp, loaded, browser }, alongside) {
    if (!browser) return undefined;
    const { printPdf } = await import('../pdf/print.js');
    const marking = handoutMarkingCss(deck);
    if (marking !== null) await writeText(dir, HANDOUT_MARKING, marking);
    await writeText(
      dir,
      HANDOUT_FILE,
      await renderHandout({
        deck,
        csp,
        pages: buildHandout(
          deck,
          (loaded.report?.paragraphs ?? []).map((p) => quoted(p, deck.lang)),
        ),
      }),
    );
    const printed = await printPdf(browser, path.join(dir, HANDOUT_FILE), { page: HANDOUT_PAGE, whilePrinting: alongside });
    await rm(path.join(dir, HANDOUT_FILE), { force: true });
    await rm(path.join(dir, HANDOUT_MARKING), { force: true });
    return async () => {
      const { finishPdf } = await import('../pdf/postprocess.js');
      await writeText(dir, `${deck.slug}-handout.pdf`, await finishPdf(printed, { ...pdfMeta(deck), anchors: deck.slides.map(handoutAnchor) }));
      return undefined;
    };
  },
};
