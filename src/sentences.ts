/**
 * A language's sentence segmenter (Intl.Segmenter), made once: making one loads ICU's rules, which takes
 * milliseconds each time. The deck's shortened notes (src/deck/text.ts) and the drafter (src/draft/text.ts)
 * share them.
 */
const segmenters = new Map<string, Intl.Segmenter>();

export function sentenceSegmenter(lang: string): Intl.Segmenter {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
    segmenters.set(lang, segmenter);
  }
  return segmenter;
}
