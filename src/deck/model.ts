/** The deck view model: everything the templates print, already decided. */
import type { Labels } from './labels.js';
import type { Digits } from './numbers.js';
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
  /** The role, when `primary` is the name. */
  secondary: Rich | null;
  cite: string | null;
}

export interface Fact {
  label: string;
  value: Rich;
}

export interface TopicView extends Item {
  regions: Rich[];
  regionsLabel: string;
}

export interface ConcernView {
  name: Rich;
  latin: Rich | null;
  text: Rich | null;
  cite: string | null;
  /** 1-based position, formatted in the deck's digits. */
  marker: string;
}

export interface SourceEntry {
  slide: Rich;
  paragraphs: string;
}

export type SlideKind =
  | 'title'
  | 'overview'
  | 'delegation'
  | 'participants'
  | 'messages'
  | 'discussion'
  | 'technologies'
  | 'conclusions'
  | 'sources';

export interface SlideBody {
  kicker?: Rich;
  /** The host's logo, copied beside the deck as assets/logo.<ext>. */
  logo?: { src: string; alt: string } | null;
  subtitle?: Rich | null;
  summary?: Rich | null;
  facts?: Fact[];
  themes?: Item[];
  gaps?: Item[];
  side?: Rich | null;
  members?: PersonView[];
  moderator?: PersonView | null;
  joined?: PersonView[];
  attendees?: Item[];
  speaker?: PersonView;
  occasion?: Rich | null;
  points?: Item[];
  intro?: Rich | null;
  topics?: TopicView[];
  concerns?: ConcernView[];
  report?: Rich;
  url?: string | null;
  entries?: SourceEntry[];
}

export interface Slide {
  /** Stable anchor: the same brief gives the same ids. */
  id: string;
  kind: SlideKind;
  /** One flag per kind, so the deck template can pick the partial without logic of its own. */
  is: Partial<Record<SlideKind, true>>;
  /** The list group this slide belongs to, for continuation and fitting. */
  group: string;
  title: Rich;
  /** The title as plain text: bookmarks, outline, tests. */
  titleText: string;
  /** "تابع ٢ من ٣" on continuation slides, else null. */
  continuation: string | null;
  /** "٣ من ١٢". */
  number: string;
  notes: string[];
  /** Paragraphs of the report this slide cites (sorted, unique). */
  sources: number[];
  /** "الفقرات ٩–١٢" in the footer. */
  citeLine: string | null;
  /** Smaller type, when the brief asked to shrink text that would not fit. */
  dense: boolean;
  /** Where each text on the slide comes from in the brief (e.g. ["messages", 0, "points", 3]). */
  origins: BriefPath[];
  /** How many list items the slide holds (a slide with one item cannot be split further). */
  items: number;
  body: SlideBody;
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
  labels: Labels;
  slides: Slide[];
}
