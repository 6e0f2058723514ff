/**
 * What the fit stage can refuse without measuring, so that every build refuses it alike (the PDF build,
 * which measures in Chromium, and the HTML-only build and the preview, which do not): a run of letters with
 * no place to break a line, wider than a slide's text can be. Estimated from its length, conservatively:
 * every letter counted at the narrowest a letter of the deck's font is drawn, in the smallest type a brief's
 * text is set in. So what this refuses cannot fit in any build; a shorter run that still does not fit as
 * set is refused by the PDF build's measure only.
 */
import type { LoadedBrief } from '../brief/load.js';
import { diagnosticForPath } from '../brief/locate.js';
import type { BriefPath, Deck } from '../deck/model.js';
import { SLIDE } from '../deck/model.js';
import { MujazError } from '../errors.js';

/** The width a slide's text may take: the slide less the frame's inline padding (templates/theme/mujaz.css, 64 px a side). */
export const TEXT_WIDTH = SLIDE.width - 2 * 64;
/** The smallest type a brief's text is set in (the footer's host, 18 px; the dense type is 22 px). */
export const SMALLEST_TYPE_PX = 18;
/**
 * The narrowest advance of a letter in the deck's font, in em: Amiri's tatweel (0.185; its narrowest
 * letter, a medial lam, is 0.209; Latin letters 0.23 and more), measured in Chromium.
 */
export const NARROWEST_LETTER_EM = 0.185;

/**
 * Runs with no line break opportunity: letters, combining marks, digits and the joiners. Any other
 * character (a space, a hyphen, a slash, punctuation) may offer a break, and so ends a run: counting
 * fewer runs as unbreakable than Chromium does keeps the estimate on the safe side.
 */
const RUN = /[\p{L}\p{M}\p{N}\u0640\u200C\u200D]+/gu;

/** The least width, in px, `run` takes when drawn: its letters at the narrowest, in the smallest type. */
export function leastWidth(run: string): number {
  let letters = 0;
  for (const ch of run) if (!/[\p{M}\u200C\u200D]/u.test(ch)) letters++;
  return letters * NARROWEST_LETTER_EM * SMALLEST_TYPE_PX;
}

/** The longest unbreakable run of `text`, with its least width. */
export function widestRun(text: string): { run: string; width: number } | undefined {
  let widest: { run: string; width: number } | undefined;
  for (const m of text.matchAll(RUN)) {
    const width = leastWidth(m[0]);
    if (!widest || width > widest.width) widest = { run: m[0], width };
  }
  return widest;
}

function textAt(brief: unknown, at: BriefPath): string {
  let v: unknown = brief;
  for (const k of at) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined;
  return typeof v === 'string' ? v : '';
}

/** Every text of the deck holding a run wider than any slide can show, as an error at its line. */
export function unbreakableRuns(loaded: LoadedBrief, deck: Deck): MujazError | undefined {
  const seen = new Set<string>();
  const diagnostics = [];
  for (const slide of deck.slides) {
    for (const at of slide.origins) {
      const key = JSON.stringify(at);
      if (seen.has(key)) continue;
      seen.add(key);
      const widest = widestRun(textAt(loaded.brief, at));
      if (!widest || widest.width <= TEXT_WIDTH) continue;
      const letters = Array.from(widest.run).length;
      const message =
        `this text holds a word of ${letters} letters with no space in it, too wide for any slide: at least ` +
        `${Math.round(widest.width)} px where a slide's text is ${TEXT_WIDTH} px wide (on the slide "${slide.titleText}")`;
      diagnostics.push(diagnosticForPath(loaded.source, loaded.doc, at, message, 'break it up with spaces, or shorten it'));
    }
  }
  if (diagnostics.length === 0) return undefined;
  return new MujazError(
    'INVALID_INPUT',
    `${loaded.file}: ${diagnostics.length === 1 ? 'a text does' : `${diagnostics.length} texts do`} not fit on its slide`,
    {
      diagnostics,
    },
  );
}
