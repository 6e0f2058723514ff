// Code passed to page.evaluate runs in the deck, where reveal.js is the global `Reveal`.
import type RevealType from 'reveal.js';

declare global {
  const Reveal: typeof RevealType;
}
