/**
 * What a slide kind is: one module per kind in this folder says which part of the brief it reads, its
 * heading and labels, how its items weigh and split into slides, and its typed body; for the lint, the items
 * it wants cited, what their fields state and the names and places its part gives (the claim check's), and
 * where its speaker notes go. Its partial is templates/partials/<kind>.hbs. The registry (index.ts) lists the
 * kinds in deck order.
 */
import type { Brief, Person, Point } from '../../brief/schema.js';
import type { NumberFormat } from '../numbers.js';
import type { Programme } from '../programme.js';
import { plain as plainText, type Rich } from '../text.js';
import type { BriefPath, Item, PersonView } from '../view.js';

export type Lang = Brief['lang'];

/** The words a kind adds around the brief's text, in each language. */
export type KindLabels<L> = Readonly<Record<Lang, L>>;

/** How a kind's list becomes slides: one slide, or several when the list is too long for one. */
export interface SlidePlan<T, B> {
  /** The list group (an id base and the unit of fitting): "overview", "messages-2". */
  group: string;
  title: string;
  notes: string | undefined;
  sources: readonly number[];
  list: readonly T[];
  /** What one item takes of the slide's body, in lines of body type (src/deck/split.ts). */
  weight: (item: T) => number;
  /** Lines the first slide's own parts (a summary, an intro, a chair) take from its body. */
  reserved: number;
  /** Lines the parts shown on every slide of the group (a speaker, a table's head) take from each body. */
  repeated?: number;
  /** The view of one slide: `chunk` is its part of the list; `first` is true on the first slide. */
  body: (chunk: T[], first: boolean) => B;
  /** Where each list item's texts come from in the brief (a row of cards holds several). */
  origins?: (item: T, index: number) => BriefPath[];
  /** Where the fixed texts of the first slide come from. */
  fixed?: BriefPath[];
  /** Its depth in the PDFs' bookmarks: 1 under the slide before it at depth 0 (a session's messages). */
  level?: 0 | 1;
  /** Set a step smaller rather than continue on another slide, when that keeps it on one (the sources). */
  oneSlide?: boolean;
}

/** A slide planned so far (the sources slide lists those before it). */
export interface Planned {
  group: string;
  title: Rich;
  titleText: string;
  sources: readonly number[];
  /** 1 for the first slide of its group. */
  part: number;
}

/** What the deck builder gives a kind: the deck's text rules, and a place to add its slides. */
export interface DeckContext<L, B> {
  readonly brief: Brief;
  readonly labels: L;
  readonly nf: NumberFormat;
  rich(text: string): Rich;
  maybe(text: string | undefined): Rich | null;
  /** "الفقرات ٩–١٢" for a list of paragraphs, or null. */
  cite(sources: readonly number[] | undefined): string | null;
  item(point: Point): Item;
  person(person: Person): PersonView;
  /** Title, name and role as one text, to weigh a person's line. */
  personText(person: Person): string;
  /** How a heading names a person: the name (in an English deck its Latin form), else the role. */
  personName(person: Person): string;
  /** The person of that id, from people, delegations or participants. */
  personById(id: string): Person | undefined;
  /** A text and, isolated beside it, its Latin form (an institution's, a person's). */
  withLatin(text: string, latin: string | undefined): Rich;
  /** The brief's notes on its report's gaps, as items (the sources slide prints them, after its table). */
  gaps(): Item[];
  /** Whether the fit stage asked for this group's long texts by their first sentence (the whole in the notes). */
  shortened(group: string): boolean;
  /** The event's programme (../programme.ts), worked out once for the kinds that follow it. */
  programme(): Programme;
  /** The slides planned before this kind's. */
  planned(): readonly Planned[];
  add<T>(plan: SlidePlan<T, B>): void;
  /** Adds slides of another kind in this kind's place (a session's messages follow the session). */
  addAs<T, B2>(kind: Kind<string, B2, unknown>, plan: SlidePlan<T, B2>): void;
}

/**
 * What a field of a cited item states, for the claim check (src/lint/claims.ts; claim-fields.ts reads
 * it), which looks for it in the paragraphs the item cites:
 * - text: prose, whose facts are looked for one by one (numbers, Latin terms, the brief's names, places…);
 * - person, institution: a name, looked for whole (a person's family name alone, most of an institution's);
 * - organiser: an institution that organised the event, every word of its name in the paragraph;
 * - place: a place, or each of a list of places;
 * - date: a day, YYYY-MM-DD;
 * - weekday, day, month, year: a part of a date written as its parts (a day is looked for with its month);
 * - date-end: an end of a range, a day (YYYY-MM-DD) or its parts;
 * - hijri: a Hijri date as the report writes it (its day with its month, its year);
 * - person-id: the id of a person of the brief (a session's chair), looked for as that person's name;
 * - latinOf: the Latin form of the item's other field: beside an Arabic one a gloss, which a report in
 *   Arabic need not write; alone, it states what that field would.
 */
export type ClaimRole<K extends string = string> =
  | 'text'
  | 'person'
  | 'institution'
  | 'organiser'
  | 'place'
  | 'date'
  | 'weekday'
  | 'day'
  | 'month'
  | 'year'
  | 'date-end'
  | 'hijri'
  | 'person-id'
  | { readonly latinOf: K };

/** The roles of an item's fields, by key; a field not named states nothing to check (an id, a part, a rank). */
export type ClaimFields<T = Record<string, unknown>> = { readonly [F in keyof T & string]?: ClaimRole<keyof T & string> };

/** A person's fields: the name, and the role and affiliation as prose (an affiliation the brief names elsewhere is found in it). */
export const PERSON_CLAIMS = {
  name: 'person',
  latin: { latinOf: 'name' },
  role: 'text',
  affiliation: 'text',
  affiliation_latin: { latinOf: 'affiliation' },
} as const satisfies ClaimFields<Person>;
/** A point's text. */
export const POINT_CLAIMS = { text: 'text' } as const satisfies ClaimFields<Point>;

/** An item that should cite the report, for the lint. */
export interface Citable {
  path: BriefPath;
  sources: unknown;
  /** What its fields state, for the claim check. */
  claims: ClaimFields;
  /** How to cite it, when it cites nothing (a fact written in a form that cannot cite says which form can). */
  hint?: string;
}

/** Names a kind's part of the brief gives, which the claim check knows in any cited text. */
export interface KnownNames {
  /** Institutions and their Latin names: a text that names one must cite a paragraph that does. */
  institutions?: readonly (string | undefined)[];
  /** The brief's own places (the host's city, a delegation's side): paraphrase names them freely, so they are not looked for. */
  places?: readonly (string | undefined)[];
}

/** Where a slide group's speaker notes are written in the brief, for the lint. */
export interface NotesPlace {
  path: BriefPath;
  notes: unknown;
  /** How the lint names the slide: "the discussion slide". */
  name: string;
}

export interface Kind<K extends string, B, L> {
  readonly kind: K;
  /** The part of the brief it reads: a top-level key of the brief. */
  readonly reads: readonly (keyof Brief)[];
  readonly labels: KindLabels<L>;
  /** Its part of the scaffold `mujaz init` writes: templates/scaffold/<lang>/<name>.yaml.hbs, in each language. */
  readonly scaffold?: string;
  /** Plans the kind's slides for this brief (none when the brief lacks its part). */
  slides(ctx: DeckContext<L & CommonLabels, B>): void;
  /** The items it shows that should cite the report, and what their fields state. */
  citable?(brief: Brief): Citable[];
  /** The institutions and places its part of the brief names, for the claim check. */
  names?(brief: Brief): KnownNames;
  /** Where the speaker notes of its slides are written. */
  notes?(brief: Brief): NotesPlace[];
}

/** Labels every kind may use, besides its own (src/deck/labels.ts). */
export interface CommonLabels {
  paragraph: string;
  paragraphs: string;
  reportGap: string;
  listSeparator: string;
}

/** A kind module, typed by the body its partial prints: `defineKind<TitleBody>()({ kind: 'title', … })`. */
export function defineKind<B>() {
  return <const K extends string, L>(kind: Kind<K, B, L>): Kind<K, B, L> => kind;
}

/** Rough lines a text takes in the body type: the fitting stage corrects any misjudgement. */
export function lines(text: string, perLine = 88): number {
  return Math.max(1, Math.ceil(Array.from(text).length / perLine));
}

/**
 * Weights several kinds share, in lines of body type: a chip (a theme, a group of attendees) is narrow and
 * chips flow several to a row; a point is followed by a little space; a person's line; the space under an intro.
 */
export const CHIP = { chars: 40, line: 0.35 } as const;
export const POINT_SPACE = 0.27;
export const PERSON = { chars: 80, space: 0.5 } as const;
export const INTRO_SPACE = 0.5;

/** Characters per line of a note on the report's gaps (the note spans the body at a smaller size). */
const GAP_CHARS = 105;
/** Lines of body type a line of a gap note takes, and the space around a note. */
const GAP_LINE = 0.8;
const GAP_SPACE = 0.8;

/** Lines the notes on the report's gaps take (printed on the overview and on the sources slide). */
export function gapLines(gaps: readonly { text: Rich }[]): number {
  return gaps.reduce((n, g) => n + lines(plainText(g.text), GAP_CHARS) * GAP_LINE + GAP_SPACE, 0);
}

/** Every list of paragraphs, as one list (duplicates are removed when the slide is made). */
export function allSources(...lists: (readonly number[] | undefined)[]): number[] {
  return lists.flatMap((l) => l ?? []);
}
