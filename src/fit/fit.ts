/**
 * The fit stage, between the deck and the HTML: measures the laid-out slides and cuts again where a list
 * overflows its slide (less on each slide of that group), until every slide fits. A slide that holds one
 * text too long for it is set smaller when the brief allows it, or fails the build naming that text at its
 * line. Without a browser to measure in, the deck builder's estimate stands (`estimated`); a text that can
 * fit on no slide (a word too long for any line, ./runs.ts) is refused by every build before any measure.
 */
import type { LoadedBrief } from '../brief/load.js';
import { diagnosticForPath } from '../brief/locate.js';
import { buildDeck, type DeckOptions } from '../deck/build-deck.js';
import type { BriefPath, Deck, Slide } from '../deck/model.js';
import type { FitScale } from '../deck/split.js';
import { type Diagnostic, MujazError } from '../errors.js';
import { unbreakableRuns } from './runs.js';

/** A slide whose content is taller (or wider) than its frame. */
export interface Overflow {
  id: string;
  group: string;
  /** Pixels the content is taller (or wider) than the slide frame. */
  by: number;
  /** Pixels the footer's text runs out of the footer (above or below), when it does. */
  footer?: number;
}

/** How much of a slide's body its content takes. */
export interface Fill {
  id: string;
  group: string;
  /** Pixels of the body the content takes, and the body's height. */
  used: number;
  room: number;
}

/** A laid-out deck: the slides that overflow, and how full each slide's body is. */
export interface Layout {
  overflows: Overflow[];
  fill: Fill[];
  /** The deck builder's own estimate, not a measurement: it cannot tell a group to go on fewer slides. */
  estimated?: boolean;
}

/**
 * Lays the deck out and measures it. A measure in a browser may also try groups a step larger in the page
 * it just laid out (`larger`: the groups that still fit so, the others set back; undefined when that page is
 * gone), and then take the deck they make as the one it shows (`adopt`).
 */
export type Measure = ((deck: Deck) => Promise<Layout>) & {
  larger?: (deck: Deck, groups: ReadonlySet<string>) => Promise<Set<string> | undefined>;
  adopt?: (deck: Deck) => Promise<void>;
};

/**
 * No measuring: the deck builder's estimate stands (HTML-only builds, the preview), and the slides are as
 * full as it expects.
 */
export const estimated: Measure = async (deck) => ({
  estimated: true,
  overflows: [],
  fill: deck.slides.map((s) => ({ id: s.id, group: s.group, used: s.estimate * ESTIMATE_ROOM, room: ESTIMATE_ROOM })),
});
const ESTIMATE_ROOM = 1000;

/** Times a group is cut again after an overflow (once a round), before giving up. */
export const MAX_FIT_ROUNDS = 6;
/** What a group's budget is multiplied by at each new cut. */
const CUT = 0.8;
/** Rounds in which groups continued on more slides than they need are given fewer (each costs a layout). */
const GROW_ROUNDS = 2;
/**
 * A group is given fewer slides only when its content would fill them to at most this share, a little over one (a part repeated
 * on each slide, a table's head, is counted on each: the measurement of the fewer slides decides).
 */
const GROW_FILL = 1.03;
/**
 * A group of one slide whose content takes at most this share of the body is set a step larger (the type
 * scale's next step is about 1.17 times the body type, so it then takes at most about 0.85).
 */
const LARGER_FILL = 0.62;
/** Kinds with a compact layout of their own (smaller display type), taken when the full one does not fit. */
const COMPACTS: ReadonlySet<Slide['kind']> = new Set(['title']);
/** Kinds set a step smaller before they continue on another slide: the overview and the sources stay on one slide. */
const SMALLER_FIRST: ReadonlySet<Slide['kind']> = new Set(['overview', 'sources']);
/** Kinds whose long notes are then shown by their first sentence, before they continue: the sources' notes on the report. */
const SHORTENED_NEXT: ReadonlySet<Slide['kind']> = new Set(['sources']);
/**
 * A list on one slide that overflows by at most this share of its body is set closer (the body type, tighter
 * lines: `snug`) rather than continued on a second slide for a line or two; if it still overflows so, it is
 * continued.
 */
const SLIGHT = 0.1;
/** Kinds laid out on their own terms, never set larger. */
const NEVER_LARGER: ReadonlySet<Slide['kind']> = new Set(['title']);

/** The groups of one slide that hold little, to be set a step larger. */
function sparse(deck: Deck, fill: readonly Fill[]): Set<string> {
  const slides = new Map<string, number>();
  for (const s of deck.slides) slides.set(s.group, (slides.get(s.group) ?? 0) + 1);
  const out = new Set<string>();
  for (const f of fill) {
    const slide = deck.slides.find((s) => s.id === f.id);
    if (!slide || slide.smaller || NEVER_LARGER.has(slide.kind) || slides.get(f.group) !== 1) continue;
    if (f.room > 0 && f.used <= f.room * LARGER_FILL) out.add(f.group);
  }
  return out;
}

/**
 * The groups the estimate spread over more slides than their measured content needs: each with the factor
 * its budget is raised by, so that it goes on one slide fewer.
 */
function roomy(deck: Deck, fill: readonly Fill[], done: ReadonlySet<string>): Map<string, number> {
  const out = new Map<string, number>();
  const groups = new Map<string, Fill[]>();
  for (const f of fill) groups.set(f.group, [...(groups.get(f.group) ?? []), f]);
  for (const [group, slides] of groups) {
    if (slides.length < 2 || done.has(group)) continue;
    if (deck.slides.find((s) => s.group === group)?.smaller) continue;
    const used = slides.reduce((n, f) => n + f.used, 0);
    const room = Math.min(...slides.map((f) => f.room));
    performance.mark(`fill ${group}: ${slides.map((f) => `${Math.round(f.used)}/${Math.round(f.room)}`).join(' + ')} px`);
    // Onto one slide, a line or two over may still do: it is then set closer (SLIGHT).
    const share = slides.length === 2 ? 1 + SLIGHT : GROW_FILL;
    if (used <= (slides.length - 1) * room * share) out.set(group, slides.length / (slides.length - 1));
  }
  return out;
}

/** The text of the brief at `path`, or "" (for picking the longest text on a slide). */
function textAt(brief: unknown, at: BriefPath): string {
  let v: unknown = brief;
  for (const k of at) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined;
  return typeof v === 'string' ? v : '';
}

/** A slide that still overflows when it cannot be split: name the longest text on it, at its line. */
function tooLong(loaded: LoadedBrief, slide: Slide, by: number): MujazError {
  const longest = [...slide.origins].sort((a, b) => textAt(loaded.brief, b).length - textAt(loaded.brief, a).length)[0] ?? [];
  const message = `this text is too long to fit on the slide "${slide.titleText}" (${Math.round(by)} px too tall)`;
  const hint = 'shorten it or split it into several points, or set `shrink_to_fit: true` to allow smaller type';
  const diagnostic = diagnosticForPath(loaded.source, loaded.doc, longest, message, hint);
  return new MujazError('INVALID_INPUT', `${loaded.file}: a text does not fit on its slide`, { diagnostics: [diagnostic] });
}

/**
 * The footer's text (the theme's footer, else the brief's author, else the host) does not fit in the
 * footer: name that text, at its line (in the theme file for a theme's footer). Cutting lists or setting the
 * body smaller cannot help: the footer is the same on every slide.
 */
function footerTooLong(loaded: LoadedBrief, slide: Slide | undefined, by: number): MujazError {
  const { theme } = loaded;
  const message = `this text is too long for the footer of every slide: it runs ${Math.round(by)} px out of the footer${slide ? ` (on the slide "${slide.titleText}")` : ''}`;
  let diagnostic: Diagnostic;
  if (theme.theme.footer !== undefined && theme.source && theme.doc) {
    diagnostic = diagnosticForPath(theme.source, theme.doc, ['footer'], message, "shorten the theme's footer: every slide shows it, on one line");
  } else if (loaded.brief.author !== undefined) {
    diagnostic = diagnosticForPath(loaded.source, loaded.doc, ['author'], message, 'shorten the author: the footer of every slide shows it, on one line');
  } else {
    diagnostic = diagnosticForPath(
      loaded.source,
      loaded.doc,
      ['event', 'host', 'institution'],
      message,
      "the footer shows the host when the brief has no author: set a shorter `author:` (the host's name stays on the title slide)",
    );
  }
  return new MujazError('INVALID_INPUT', `${loaded.file}: the footer's text does not fit`, { diagnostics: [diagnostic] });
}

/**
 * The fitted deck with its sparse slides set a step larger: measured again, and a slide that then
 * overflows keeps the body type.
 */
async function setLarger(loaded: LoadedBrief, measure: Measure, deck: Deck, fill: readonly Fill[], options: DeckOptions, signal?: AbortSignal): Promise<Deck> {
  const larger = sparse(deck, fill);
  performance.mark(`fill: ${fill.map((f) => `${f.id} ${Math.round(f.used)}/${Math.round(f.room)}`).join(', ')}`);
  if (larger.size > 0 && measure.larger && measure.adopt) {
    const fitting = await measure.larger(deck, larger);
    if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new MujazError('INTERRUPTED', 'interrupted');
    if (fitting !== undefined) {
      performance.mark(`a step larger, in place: ${[...fitting].join(', ')}`);
      if (fitting.size === 0) return deck;
      const next = buildDeck(loaded.brief, { ...options, theme: loaded.theme, larger: fitting });
      await measure.adopt(next);
      return next;
    }
  }
  for (let round = 0; larger.size > 0 && round < 2; round++) {
    performance.mark(`a step larger: ${[...larger].join(', ')}`);
    const next = buildDeck(loaded.brief, { ...options, theme: loaded.theme, larger });
    const { overflows } = await measure(next);
    if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new MujazError('INTERRUPTED', 'interrupted');
    if (overflows.length === 0) return next;
    for (const o of overflows) larger.delete(o.group);
  }
  return deck;
}

/** The deck of `loaded` with every slide fitting, as `measure` lays it out. `first`: the deck as first built. */
export async function fit(
  loaded: LoadedBrief,
  measure: Measure,
  first: Deck = buildDeck(loaded.brief, { theme: loaded.theme }),
  signal?: AbortSignal,
): Promise<Deck> {
  const scale: FitScale = {};
  const smaller = new Set<string>();
  // Groups whose long texts are cut to their first sentence, the whole kept in the speaker notes (the sources' notes on the report).
  const shortened = new Set<string>();
  let deck = first;
  /** The last deck that fitted (and how full its slides are), and the groups given fewer slides since (with their budget before). */
  let fitting: Deck | undefined;
  let fittingFill: readonly Fill[] = [];
  let grown = new Map<string, number>();
  /** Groups not to be given fewer slides again (they overflowed on fewer, or cannot go on fewer). */
  const done = new Set<string>();
  let grows = 0;
  /** How many times each group has been cut. */
  const cuts = new Map<string, number>();
  /** Groups set closer for a slight overflow (SLIGHT), and those that have been. */
  const snug = new Set<string>();
  const triedSnug = new Set<string>();
  /** What the fit has decided so far, for the deck builder. */
  const decided: DeckOptions = { fit: scale, smaller, shortened, snug };
  const rebuild = () => buildDeck(loaded.brief, { ...decided, theme: loaded.theme });
  const settle = (done: Deck, fill: readonly Fill[]) => setLarger(loaded, measure, done, fill, decided, signal);
  // What cannot fit on any slide is refused alike by every build, measured or not (./runs.ts).
  const unbreakable = unbreakableRuns(loaded, first);
  if (unbreakable) throw unbreakable;
  /** A list alone on its slide, a line or two over (SLIGHT), not yet set closer: it may be. */
  const closer = (o: Overflow, fill: readonly Fill[]): boolean => {
    const slide = deck.slides.find((s) => s.id === o.id);
    const room = fill.find((f) => f.id === o.id)?.room ?? 0;
    return (
      slide !== undefined &&
      slide.items > 1 &&
      !COMPACTS.has(slide.kind) &&
      !triedSnug.has(o.group) &&
      !smaller.has(o.group) &&
      deck.slides.filter((s) => s.group === o.group).length === 1 &&
      o.by <= SLIGHT * room
    );
  };
  for (;;) {
    const { overflows, fill, estimated: guessed } = await measure(deck);
    if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new MujazError('INTERRUPTED', 'interrupted');
    if (overflows.length === 0) {
      // It fits. A list continues on another slide only when it must: a group whose slides are far from full
      // goes on one slide fewer, if that fits too.
      fitting = deck;
      fittingFill = fill;
      grown = grows < GROW_ROUNDS && !guessed ? roomy(deck, fill, done) : new Map();
      if (grown.size === 0) return settle(deck, fill);
      grows++;
      for (const [group, factor] of grown) {
        const before = scale[group] ?? 1;
        scale[group] = before * factor;
        grown.set(group, before);
      }
      performance.mark(`fewer slides: ${[...grown.keys()].join(', ')}`);
      const next = rebuild();
      // The estimate may still give a group as many slides: then it is as it is.
      for (const group of grown.keys()) {
        if (next.slides.filter((s) => s.group === group).length >= deck.slides.filter((s) => s.group === group).length) done.add(group);
      }
      deck = next;
      continue;
    }
    performance.mark(`refit: ${overflows.map((o) => `${o.id} +${Math.round(o.by)}px`).join(', ')}`);
    const footer = overflows.find((o) => o.footer !== undefined);
    if (footer)
      throw footerTooLong(
        loaded,
        deck.slides.find((s) => s.id === footer.id),
        footer.footer ?? footer.by,
      );
    if (fitting && overflows.every((o) => grown.has(o.group))) {
      // Only groups just given fewer slides overflow. Now on one slide and a line or two over, they are set
      // closer (once); else they keep the slides they had.
      if (overflows.every((o) => closer(o, fill))) {
        for (const o of overflows) {
          snug.add(o.group);
          triedSnug.add(o.group);
        }
        deck = rebuild();
        continue;
      }
      const failed = new Set(overflows.map((o) => o.group));
      for (const group of failed) {
        scale[group] = grown.get(group)!;
        snug.delete(group);
        done.add(group);
      }
      // If every group given fewer slides failed, the deck as it was is the one that fitted.
      if ([...grown.keys()].every((g) => failed.has(g))) return settle(fitting, fittingFill);
      grown = new Map();
      deck = rebuild();
      continue;
    }
    // A group set smaller in an earlier round that still overflows has no smaller type left (several of
    // its slides may overflow in the round it is set smaller).
    const wasSmaller = new Set(smaller);
    // Each group is cut once a round, by its slide that overflows most.
    const worst = new Map<string, Overflow>();
    for (const o of overflows) if (o.by > (worst.get(o.group)?.by ?? -1)) worst.set(o.group, o);
    for (const o of worst.values()) {
      const slide = deck.slides.find((s) => s.id === o.id);
      if (!slide)
        throw new MujazError('BUILD_FAILED', `the layout names a slide the deck does not have (${o.id})`, {
          hint: 'build again; set MUJAZ_DEBUG=1 for details',
        });
      const cut = cuts.get(o.group) ?? 0;
      const slight = closer(o, fill);
      // Set closer for a slight overflow and still over: continued.
      snug.delete(o.group);
      if (SMALLER_FIRST.has(slide.kind) && !wasSmaller.has(o.group) && !smaller.has(o.group)) smaller.add(o.group);
      else if (slight) {
        snug.add(o.group);
        triedSnug.add(o.group);
      } else if (SHORTENED_NEXT.has(slide.kind) && !shortened.has(o.group)) shortened.add(o.group);
      else if (slide.items > 1 && cut < MAX_FIT_ROUNDS) {
        scale[o.group] = (scale[o.group] ?? 1) * CUT;
        cuts.set(o.group, cut + 1);
      } else if ((loaded.brief.shrink_to_fit || COMPACTS.has(slide.kind)) && !wasSmaller.has(o.group)) smaller.add(o.group);
      else throw tooLong(loaded, slide, o.by);
    }
    deck = rebuild();
  }
}
