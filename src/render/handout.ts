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
  /** The id of the slide's article; the PDF bookmark for the slide opens where it starts. */
  anchor: string;
  paragraphs: { label: string; text: Rich }[];
}

/** The id of a slide's article in the handout (slide ids are [a-z0-9-], so this never collides with one). */
export function handoutAnchor(slide: Pick<Slide, 'id'>): string {
  return `handout-${slide.id}`;
}

export async function renderHandout({ deck, csp, report }: HandoutInput): Promise<string> {
  const nf = numberFormat(deck.lang, deck.digits);
  const pages: HandoutPage[] = deck.slides.map((slide) => ({
    slide,
    anchor: handoutAnchor(slide),
    paragraphs: slide.sources.flatMap((n) => {
      const text = report[n - 1];
      return text === undefined ? [] : [{ label: `${deck.labels.paragraph} ${nf.format(n)}:`, text: toRuns(text, deck.dir) }];
    }),
  }));
  const { handout } = await templates();
  return handout({ deck, csp, pages, digits: nf.digits });
}
