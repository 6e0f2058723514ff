/**
 * Search across decks, one code for both sides. A build writes each slide's words in the search's form into
 * its deck's record (`termsOf`, ./record.ts); the catalogue (./catalogue.ts) indexes those terms as they are,
 * and the page's script (./page.ts, bundled with MiniSearch by scripts/bundle.mjs) puts the reader's words
 * into the same form with the same code. Words are compared in the claim check's one form
 * (src/lint/normalise.ts: hamza and alef forms, ى/ي, ة/ه, diacritics, tatweel, digit systems, Latin accents
 * and case) with their clitics off (و ف ب ل ك and ال), so «بالإسكندرية» is found by «الاسكندريه» and
 * "Lázaro" by "lazaro".
 */
import MiniSearch, { type Options, type Query, type SearchOptions } from 'minisearch';
import { bare, tokenize } from '../lint/normalise.js';

/** One searchable text, as its terms (termsOf): a slide of a deck, or a deck's names. */
export interface SearchDoc {
  id: number;
  terms: string;
}

/** The words of a text in their one form. */
export function words(text: string): string[] {
  return tokenize(text).map((t) => t.form);
}

/** A word without its clitics: what the index holds and what a query word is looked up by. */
export function searchTerm(form: string): string {
  return bare(form);
}

/** A text's terms, space-separated: what a record keeps of each slide for the index. */
export function termsOf(text: string): string {
  return words(text).map(searchTerm).join(' ');
}

/** The index holds terms made at build time (split, taken as they are); a query is put into that form here. */
export const SEARCH_OPTIONS: Options<SearchDoc> = {
  fields: ['terms'],
  storeFields: [],
  tokenize: (terms) => terms.split(' '),
  processTerm: (term) => (term === '' ? null : term),
  searchOptions: { tokenize: words, processTerm: searchTerm },
};

export function newIndex(docs: readonly SearchDoc[]): MiniSearch<SearchDoc> {
  const index = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
  index.addAll(docs);
  return index;
}

export function loadIndex(json: string): MiniSearch<SearchDoc> {
  return MiniSearch.loadJSON<SearchDoc>(json, SEARCH_OPTIONS);
}

/** Whether the query asks for anything: two letters or more (one letter narrows nothing worth the work). */
export function isQuery(query: string): boolean {
  return words(query).join('').length >= 2;
}

/**
 * The forms a word being typed may be the start of: itself, and itself without an article or clitics it
 * starts with even when too little is typed yet for them to count as clitics («الب» is the start of
 * «البرت», whose term is «برت»; «بوت» of «بوتين», whose term is «وتين»).
 */
function typingForms(form: string): string[] {
  const out = new Set([form]);
  for (const lead of ['وال', 'فال', 'بال', 'كال', 'لل', 'ال', 'و', 'ف', 'ب', 'ل', 'ك'])
    if (form.startsWith(lead) && form.length > lead.length) out.add(form.slice(lead.length));
  return [...out];
}

/** The article and the clitics before it, typed alone. */
const CLITICS = new Set(['ال', 'وال', 'فال', 'بال', 'كال', 'لل', 'و', 'ف', 'ب', 'ل', 'ك']);

const EXACT: SearchOptions = { combineWith: 'AND', prefix: false, fuzzy: false };

/**
 * The texts that hold every word of the query: as whole words when any text does, else with the last word
 * taken as the start of one, so the list narrows as one types and a name typed in full finds only that name
 * ("Lazaro", not "Lazarov").
 */
export function searchIds(index: MiniSearch<SearchDoc>, query: string): number[] {
  const typed = words(query);
  // An article or a clitic alone, last, is the start of a word not typed yet («ضبط ال»): it narrows nothing.
  const forms = typed.length > 1 && CLITICS.has(typed[typed.length - 1]!) ? typed.slice(0, -1) : typed;
  if (forms.length === 0) return [];
  let found = index.search(forms.join(' '), EXACT);
  if (found.length === 0) {
    const typing: Query = {
      combineWith: 'AND',
      queries: [...forms.slice(0, -1), { combineWith: 'OR', prefix: true, queries: typingForms(forms[forms.length - 1]!) }],
    };
    found = index.search(typing, EXACT);
  }
  return found.map((r) => r.id as number).sort((a, b) => a - b);
}

/** A name's words as the people index filters them, space-separated (built with the page). */
export function nameTerms(texts: readonly (string | null)[]): string {
  return [...new Set(texts.flatMap((t) => (t ? words(t).map(searchTerm) : [])))].join(' ');
}

/** Whether a name's terms (nameTerms) hold every word of the query, the last as the start of one. */
export function nameMatches(terms: string, query: string): boolean {
  const have = terms.split(' ');
  const want = words(query);
  if (want.length === 0) return true;
  return want.every((w, i) => {
    const term = searchTerm(w);
    if (have.includes(term)) return true;
    return i === want.length - 1 && typingForms(w).some((f) => have.some((h) => h.startsWith(searchTerm(f))));
  });
}
