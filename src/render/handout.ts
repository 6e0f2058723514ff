/** Handout pages → the notes handout's HTML, through the same templates and Handlebars instance as the deck. */
import type { HandoutPage } from '../deck/handout.js';
import type { Deck } from '../deck/model.js';
import { FURNITURE_LABEL } from './pages.js';
import { templates } from './render.js';

export interface HandoutInput {
  deck: Deck;
  csp: string;
  pages: HandoutPage[];
}

/** The handout's marking, in the page margins: a style sheet beside the handout (src/render/pages.ts). */
export function handoutMarkingCss(deck: Deck): string | null {
  if (deck.brand.markingText === null) return null;
  return `@page { @top-center { content: ${cssString(deck.brand.markingText)}; } }\n`;
}

/** A text as a CSS string, safe in any style sheet: every character but letters, digits and spaces escaped. */
function cssString(text: string): string {
  return `"${Array.from(text, (ch) => (/[\p{L}\p{N} ]/u.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `)).join('')}"`;
}

export async function renderHandout({ deck, csp, pages }: HandoutInput): Promise<string> {
  const { handout } = await templates();
  return handout({ deck, csp, pages, furniture: FURNITURE_LABEL });
}
