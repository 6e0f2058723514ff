/** The deck view model: everything the templates print, already decided. */
import type { Labels } from './labels.js';
import type { Digits } from './numbers.js';
import type { Rich } from './text.js';
import type { Slide } from './kinds/index.js';

export type { Slide, SlideKind } from './kinds/index.js';
export type { BriefPath, Fact, Item, PersonView, SlideBase } from './view.js';

/** The slide, in CSS px: the deck's reveal.js configuration (templates/runtime/deck.js) and the print page use it. */
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
  labels: Labels;
  slides: Slide[];
}
