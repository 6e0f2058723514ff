/**
 * The catalogue's view → `index.html` of the output folder, through the same templates and Handlebars
 * instance as the deck (templates/catalogue.hbs). The view is finished by src/catalogue/catalogue.ts.
 */
import { templates } from './render.js';

/** The catalogue's words (src/catalogue/labels.ts has them in each language). */
export interface CatalogueLabels {
  title: string;
  intro: string;
  search: string;
  searchHint: string;
  /** "{n} of {m}" for the briefs shown while searching; {n} and {m} are filled in by the page. */
  shown: string;
  all: string;
  none: string;
  empty: string;
  kind: string;
  date: string;
  host: string;
  language: string;
  slides: string;
  status: string;
  announced: string;
  deck: string;
  pdf: string;
  handout: string;
  pptx: string;
  links: string;
  matches: string;
  /** A matching slide's link: "{n}" its number, "{title}" its title (filled in by the page). */
  slide: string;
  people: string;
  peopleIntro: string;
  briefs: string;
  languages: Record<'ar' | 'en', string>;
  noPicture: string;
}

/** A link to one of a deck's files. */
export interface CatalogueLink {
  label: string;
  href: string;
}

/** One deck of the catalogue, in its own language and direction. */
export interface CatalogueEntry {
  /** Its place in the page's search data. */
  index: number;
  slug: string;
  lang: 'ar' | 'en';
  dir: 'rtl' | 'ltr';
  title: string;
  href: string;
  /** The title slide's picture, or null (the page shows a placeholder). */
  picture: string | null;
  facts: { label: string; value: string; lang: string; dir: string }[];
  links: CatalogueLink[];
}

/** One person of the people index, and the decks they appear in. */
export interface CataloguePerson {
  name: string;
  latin: string | null;
  lang: 'ar' | 'en';
  dir: 'rtl' | 'ltr';
  parts: string | null;
  /** Their role as the brief first gives it, in its language. */
  role: string | null;
  /** Their name's words in the search's form, for the page's filter. */
  terms: string;
  briefs: { title: string; href: string; lang: string; dir: string }[];
}

export interface CatalogueView {
  lang: 'ar' | 'en';
  dir: 'rtl' | 'ltr';
  csp: string;
  labels: CatalogueLabels;
  count: string;
  entries: CatalogueEntry[];
  people: CataloguePerson[];
  /** The search index and what the page shows of each match (JSON, escaped by the template as an attribute). */
  data: string;
}

export async function renderCatalogue(view: CatalogueView): Promise<string> {
  const { catalogue } = await templates();
  return catalogue(view);
}
