/** Deck → the notes handout's pages: each slide, its speaker notes, and the report paragraphs it cites. */
import type { Deck, Slide } from './model.js';
import { notesOnce } from './notes.js';
import { numberFormat } from './numbers.js';
import { toRuns, type Rich } from './text.js';

/** A4 portrait at 96 dpi, the handout's page. */
export const HANDOUT_PAGE = { width: 794, height: 1123 } as const;

export interface HandoutPage {
  slide: Slide;
  /** The id of the slide's article; the PDF bookmark for the slide opens where it starts. */
  anchor: string;
  /** Its speaker notes, unless an earlier page has them (./notes.ts). */
  notes: Rich[];
  paragraphs: { label: string; text: Rich }[];
}

/** The id of a slide's article in the handout (slide ids are [a-z0-9-], so this never collides with one). */
export function handoutAnchor(slide: Pick<Slide, 'id'>): string {
  return `handout-${slide.id}`;
}

/** `report`: the report's paragraphs (paragraph N is report[N - 1]); empty when the brief names no report file. */
export function buildHandout(deck: Deck, report: readonly string[]): HandoutPage[] {
  const nf = numberFormat(deck.lang, deck.digits);
  const notes = notesOnce(deck.slides);
  return deck.slides.map((slide, i) => ({
    slide,
    anchor: handoutAnchor(slide),
    notes: notes[i]!,
    paragraphs: slide.sources.flatMap((n) => {
      const text = report[n - 1];
      // The report as it wrote it: its Latin runs isolated, its digits its own.
      return text === undefined ? [] : [{ label: `${deck.labels.paragraph} ${nf.format(n)}:`, text: toRuns(text, deck.dir) }];
    }),
  }));
}
