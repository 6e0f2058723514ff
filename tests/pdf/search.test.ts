/**
 * Searchable Arabic: of the Arabic words the slides show, at least 98 % (by occurrence) come back intact
 * from the PDF through poppler's pdftotext and through pdf.js. The figures are printed on every run. The
 * bundled brief's deck and PDF are the suite's (tests/support/suite.ts).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { suiteDeck } from '../support/suite.js';
import { arabicTokens, arabicWords, pdfjsText, pdftotext, recall, slidesOf, SLUG, type Recall } from './support.js';

const MIN_RECALL = 0.98;

let pdf: string;
let reference: string[];
let slideText: string;

beforeAll(async () => {
  const deck = suiteDeck(SLUG);
  pdf = path.join(deck, `${SLUG}.pdf`);
  const slides = slidesOf(await readFile(path.join(deck, 'index.html'), 'utf8'));
  slideText = slides.map((s) => s.text).join('\n');
  reference = arabicWords(slideText);
});

function report(reader: string, r: Recall): void {
  const missed = [...new Set(r.missed)].slice(0, 12).join(' ');
  console.log(`${reader}: ${(r.recall * 100).toFixed(1)} % (${r.matched}/${r.total} Arabic word occurrences)${missed ? `; missed: ${missed}` : ''}`);
}

describe('the Arabic of the deck survives text extraction', () => {
  it('the slides have enough Arabic to measure', () => {
    expect(reference.length).toBeGreaterThan(300);
  });

  it(`pdftotext gives back at least ${MIN_RECALL * 100} % of the words`, async () => {
    const text = await pdftotext(pdf);
    const r = recall(reference, arabicWords(text));
    report('pdftotext -enc UTF-8', r);
    // For information: the same runs with punctuation and digits left attached (pdftotext sets them apart).
    report('pdftotext, runs with punctuation and digits attached (not asserted)', recall(arabicTokens(slideText), arabicTokens(text)));
    expect(r.recall).toBeGreaterThanOrEqual(MIN_RECALL);
  });

  it(`pdf.js getTextContent gives back at least ${MIN_RECALL * 100} % of the words`, async () => {
    const text = await pdfjsText(pdf);
    const r = recall(reference, arabicWords(text.spaced));
    report("pdf.js, items' str joined with ' ' ('\\n' after hasEOL)", r);
    // For information: joined with nothing, table cells and labels run into each other.
    report("pdf.js, items joined with '' (not asserted)", recall(reference, arabicWords(text.tight)));
    expect(r.recall).toBeGreaterThanOrEqual(MIN_RECALL);
  });
});
