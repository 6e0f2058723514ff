/** The deck view model: everything the templates print, already decided. */
import type { Labels } from './labels.js';
import type { Digits } from './numbers.js';
import type { Rich } from './text.js';
import type { Slide } from './kinds/index.js';

export type { Slide, SlideKind } from './kinds/index.js';
export type { BriefPath, Fact, Item, PersonView, SlideBase } from './view.js';

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
