/** Handout pages → the notes handout's HTML, through the same templates and Handlebars instance as the deck. */
import type { HandoutPage } from '../deck/handout.js';
import type { Deck } from '../deck/model.js';
import { templates } from './render.js';

export interface HandoutInput {
  deck: Deck;
  csp: string;
  pages: HandoutPage[];
}

export async function renderHandout({ deck, csp, pages }: HandoutInput): Promise<string> {
  const { handout } = await templates();
  return handout({ deck, csp, pages });
}
