/** The deck view model: everything the templates print, already decided. */
import type { Colours } from '../brief/theme.js';
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

/** The organisation's look, from the brief's theme file (src/brief/theme.ts), or the default theme. */
export interface Brand {
  /** Shown on every slide and every page of the PDFs («للاستخدام الداخلي», "Draft"), or null. */
  marking: Rich | null;
  /** The theme's logos in the deck's folder: on the title slide; the first also in every footer. */
  logos: { src: string; alt: string }[];
  footerLogo: { src: string; alt: string } | null;
  /** The marking as plain text in the deck's digits (the handout's page margins print it), or null. */
  markingText: string | null;
  /** Which bundled font sets the deck. */
  font: string;
  /** Every colour of the theme (templates/theme/brand.css.hbs writes them for the theme's CSS). */
  colours: Colours;
}

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
  brand: Brand;
  /** The slide's size (SLIDE). */
  size: { width: number; height: number };
  labels: Labels;
  slides: Slide[];
}
