/** The deck view model: everything the templates print, already decided. */
import type { Labels } from './labels.js';
import type { Digits } from './numbers.js';
import type { Rich } from './text.js';
import type { Slide } from './kinds/index.js';

export type { Slide, SlideKind } from './kinds/index.js';
export type { BriefPath, Fact, Item, PersonView, SlideBase } from './view.js';

/**
 * The slide, in CSS px: the fit stage, the print page and the PDF's pages take it from here (the deck's
 * `size`); the two static files that cannot, reveal's configuration in templates/runtime/deck.js and the
 * handout's thumbnails in templates/theme/handout.css, are held to it by tests/render/size.test.ts.
 */
export const SLIDE = { width: 1280, height: 720 } as const;

export interface Deck {
  lang: 'ar' | 'en';
  dir: 'rtl' | 'ltr';
  digits: Digits;
  slug: string;
  title: string;
  description: string;
  author: string;
  keywords: string[];
  /** ISO date stamped into the PDF, fixed so that builds are reproducible. */
  created: string;
  footer: Rich;
  /** The slide's size (SLIDE). */
  size: { width: number; height: number };
  labels: Labels;
  slides: Slide[];
}
