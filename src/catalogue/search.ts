/**
 * Search across decks, one code for both sides: the catalogue's index is built with it when the catalogue is
 * written (./catalogue.ts), and the page's script (./page.ts, bundled with MiniSearch by scripts/bundle.mjs)
 * asks it the reader's words. Words are compared in the claim check's one form (src/lint/normalise.ts: hamza
 * and alef forms, ى/ي, ة/ه, diacritics, tatweel, digit systems, Latin accents and case) with their clitics
 * off (و ف ب ل ك and ال), so «بالإسكندرية» is found by «الاسكندريه» and "Lázaro" by "lazaro".
 */
import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import { bare, tokenize } from '../lint/normalise.js';

/** One searchable text: a slide of a deck, or a deck's names (people, institutions, places, its title and host). */
export interface SearchDoc {
  id: number;
  text: string;
}

/** The words of a text in their one form. */
export function words(text: string): string[] {
  return tokenize(text).map((t) => t.form);
}

/** A word without its clitics: what the index holds and what a query word is looked up by. */
export function searchTerm(form: string): string {
  return bare(form);
}

export const SEARCH_OPTIONS: Options<SearchDoc> = {
  fields: ['text'],
  storeFields: [],
  tokenize: words,
  processTerm: searchTerm,
};

export function newIndex(docs: readonly SearchDoc[]): MiniSearch<SearchDoc> {
  const index = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
  index.addAll(docs);
  return index;
}

export function loadIndex(json: string): MiniSearch<SearchDoc> {
  return MiniSearch.loadJSON<SearchDoc>(json, SEARCH_OPTIONS);
}

/** Every word of the query in one text. */
const WHOLE: SearchOptions = { combineWith: 'AND', prefix: false, fuzzy: false };
/** The same, the last word as the start of one (the reader is still typing it). */
const TYPING: SearchOptions = { combineWith: 'AND', fuzzy: false, prefix: (_term, i, terms) => i === terms.length - 1 };

/**
 * The texts that hold every word of the query: as whole words when any text does, else with the last word
 * taken as the start of one, so the list narrows as one types and a name typed in full finds only that name
 * ("Lazaro", not "Lazarov").
 */
export function searchIds(index: MiniSearch<SearchDoc>, query: string): number[] {
  if (words(query).length === 0) return [];
  const whole = index.search(query, WHOLE);
  const found = whole.length > 0 ? whole : index.search(query, TYPING);
  return found.map((r) => r.id as number).sort((a, b) => a - b);
}

/** A name's words as the people index filters them, space-separated (built with the page). */
export function nameTerms(texts: readonly (string | null)[]): string {
  return [...new Set(texts.flatMap((t) => (t ? words(t).map(searchTerm) : [])))].join(' ');
}

/** Whether a name's terms (nameTerms) hold every word of the query, the last as the start of one. */
export function nameMatches(terms: string, query: string): boolean {
  const have = terms.split(' ');
  const want = words(query).map(searchTerm);
  if (want.length === 0) return true;
  return want.every((w, i) => have.some((h) => h === w || (i === want.length - 1 && h.startsWith(w))));
}
