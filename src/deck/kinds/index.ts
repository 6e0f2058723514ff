/**
 * The registry of slide kinds, in deck order: the deck builder walks it, the lint asks it what should cite
 * the report, what their fields state and which institutions and places the brief names (for the claim
 * check), where speaker notes go, `mujaz init` writes its scaffold sections, the labels merge its
 * words. Adding a kind: a module here, its partial (templates/partials/<kind>.hbs), its part of the schema
 * (src/brief/schema.ts), and its place in this list.
 */
import type { Brief } from '../../brief/schema.js';
import type { SlideOf } from '../view.js';
import type { Citable, Kind, KnownNames, Lang, NotesPlace } from './kind.js';
import { conclusions } from './conclusions.js';
import { delegation } from './delegation.js';
import { discussion } from './discussion.js';
import { messages } from './messages.js';
import { overview } from './overview.js';
import { participants } from './participants.js';
import { programmeKind } from './programme.js';
import { sources } from './sources.js';
import { session } from './session.js';
import { speakers } from './speakers.js';
import { technologies } from './technologies.js';
import { title } from './title.js';

export const KINDS = [
  title,
  overview,
  programmeKind,
  delegation,
  speakers,
  participants,
  session,
  messages,
  discussion,
  technologies,
  conclusions,
  sources,
] as const;

type AnyKind = (typeof KINDS)[number];
type BodyOf<M> = M extends Kind<string, infer B, unknown> ? B : never;
type LabelsOf<M> = M extends Kind<string, unknown, infer L> ? L : never;
type Intersect<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

export type SlideKind = AnyKind['kind'];
/** A slide of the deck: one type per kind, told apart by `kind`. */
export type Slide = { [M in AnyKind as M['kind']]: SlideOf<M['kind'], BodyOf<M>> }[SlideKind];
/** The words of every kind. */
export type KindsLabels = Intersect<LabelsOf<AnyKind>>;

export function kindsLabels(lang: Lang): KindsLabels {
  return Object.assign({}, ...KINDS.map((k) => k.labels[lang])) as KindsLabels;
}

/** Every item of the brief that should cite the report, with its path. */
export function citableItems(brief: Brief): Citable[] {
  return KINDS.flatMap((k) => ('citable' in k && k.citable ? k.citable(brief) : []));
}

/** The institutions and the brief's own places every kind's part of the brief names, in registry order, for the claim check. */
export function kindsNames(brief: Brief): { institutions: string[]; places: string[] } {
  const named: KnownNames[] = KINDS.map((k) => ('names' in k && k.names ? k.names(brief) : {}));
  const given = (list: readonly (string | undefined)[] | undefined) => (list ?? []).filter((t): t is string => t !== undefined);
  return { institutions: named.flatMap((n) => given(n.institutions)), places: named.flatMap((n) => given(n.places)) };
}

/** Where each slide group's speaker notes are written in the brief. */
export function notesPlaces(brief: Brief): NotesPlace[] {
  return KINDS.flatMap((k) => ('notes' in k && k.notes ? k.notes(brief) : []));
}

/** The scaffold sections `mujaz init` writes, in deck order (templates/scaffold/<lang>/<name>.yaml.hbs, in each language). */
export function scaffoldSections(): string[] {
  return KINDS.flatMap((k) => ('scaffold' in k && k.scaffold ? [k.scaffold] : []));
}
