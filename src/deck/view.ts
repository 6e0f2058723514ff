/** The pieces every slide kind's view is made of: texts in runs, cited items, people, and the slide itself. */
import type { Rich } from './text.js';

/** A path into the brief, as the schema and the validator name it. */
export type BriefPath = (string | number)[];

export interface Item {
  text: Rich;
  /** "الفقرة ٩" / "الفقرات ٩–١٢", or null when the item cites nothing. */
  cite: string | null;
}

export interface PersonView {
  title: Rich | null;
  /** The name, or the role for a group the report does not name ("senior officials"). */
  primary: Rich;
  /** The name in Latin letters, beside the Arabic one (an English deck shows it as the name). */
  latin: Rich | null;
  /** The role and the affiliation, when `primary` is the name. */
  secondary: Rich | null;
  cite: string | null;
  /** All they said, when that is one short point and it has no slide of its own (the speakers slide). */
  said?: Item | null;
}

/** People of one part in the event, under its heading ("Panellists"). */
export interface PeopleGroup {
  /** The part's heading, in number with the people; null for people without a part, or when it would repeat the slide's heading. */
  label: string | null;
  people: PersonView[];
}

export interface Fact {
  label: string;
  value: Rich;
  /** Takes a row of its own (the title slide's band): a long list, such as several hosts. */
  wide?: boolean;
}

/** What every slide has, whatever its kind. */
export interface SlideBase {
  /** Stable anchor: the same brief gives the same ids. */
  id: string;
  /** The list group this slide belongs to, for continuation and fitting. */
  group: string;
  title: Rich;
  /** The title as plain text: bookmarks, outline, tests. */
  titleText: string;
  /** "تابع ٢ من ٣" on continuation slides, else null. */
  continuation: string | null;
  /** The slide's bookmark in the PDFs: its title, and on a continuation "(تابع ٢ من ٣)". */
  bookmark: string;
  /** The bookmark's depth: 1 under the session the slide belongs to, else 0. */
  level: 0 | 1;
  /** "٣ من ١٢". */
  number: string;
  /** The speaker notes, a run list per paragraph: in the deck's digits, Latin runs isolated, as the slide's text. */
  notes: Rich[];
  /** Paragraphs of the report this slide cites (sorted, unique). */
  sources: number[];
  /** "الفقرات ٩–١٢" in the footer. */
  citeLine: string | null;
  /** Smaller type, when the brief asked to shrink text that would not fit. */
  smaller: boolean;
  /** A step larger type, on a slide that holds little (the deck's type scale: templates/theme/mujaz.css). */
  larger: boolean;
  /** The body type set closer (tighter lines and gaps), on a list a line or two too long for its one slide. */
  snug: boolean;
  /** The share of the body the deck builder expects the content to take (the fit stage measures it). */
  estimate: number;
  /** Where each text on the slide comes from in the brief (e.g. ["messages", 0, "points", 3]). */
  origins: BriefPath[];
  /** How many list items the slide holds (a slide with one item cannot be split further). */
  items: number;
}

/** A slide of kind `K`, whose partial (templates/partials/<K>.hbs) prints `body`. */
export interface SlideOf<K extends string, B> extends SlideBase {
  kind: K;
  body: B;
}
