/** Deck → the notes handout's HTML: each slide, its speaker notes, and the report paragraphs it cites. */
import type { Deck, Slide } from '../deck/model.js';
import { numberFormat } from '../deck/numbers.js';
import { toRuns, type Rich } from '../deck/text.js';
import { templates } from './render.js';

export interface HandoutInput {
  deck: Deck;
  csp: string;
  /** The report's paragraphs (paragraph N is report[N - 1]); empty when the brief names no report file. */
  report: string[];
}

interface HandoutPage {
  slide: Slide;
  paragraphs: { label: string; text: Rich }[];
}

export async function renderHandout({ deck, csp, report }: HandoutInput): Promise<string> {
  const nf = numberFormat(deck.lang, deck.digits);
  const pages: HandoutPage[] = deck.slides.map((slide) => ({
    slide,
    paragraphs: slide.sources.flatMap((n) => {
      const text = report[n - 1];
      return text === undefined ? [] : [{ label: `${deck.labels.paragraph} ${nf.format(n)}:`, text: toRuns(text, deck.dir) }];
    }),
  }));
  const { handout } = await templates();
  return handout({ deck, csp, pages });
}
