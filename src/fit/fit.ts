/**
 * The fit stage, between the deck and the HTML: measures the laid-out slides and cuts again where a list
 * overflows its slide (less on each slide of that group), until every slide fits. A slide that holds one
 * text too long for it is set smaller when the brief allows it, or fails the build naming that text at its
 * line. Without a browser to measure in, the deck builder's estimate stands (`estimated`).
 */
import type { LoadedBrief } from '../brief/load.js';
import { diagnosticForPath } from '../brief/validate.js';
import { buildDeck } from '../deck/build-deck.js';
import type { BriefPath, Deck, Slide } from '../deck/model.js';
import type { FitScale } from '../deck/split.js';
import { MujazError } from '../errors.js';

/** A slide whose content is taller (or wider) than its frame. */
export interface Overflow {
  id: string;
  group: string;
  /** Pixels the content is taller (or wider) than the slide frame. */
  by: number;
}

/** Lays the deck out and says which slides overflow. */
export type Measure = (deck: Deck) => Promise<Overflow[]>;

/** No measuring: the deck builder's estimate stands (HTML-only builds, the preview). */
export const estimated: Measure = async () => [];

/** Times a group is cut again after an overflow, before giving up. */
export const MAX_FIT_ROUNDS = 6;
/** What a group's budget is multiplied by at each new cut. */
const CUT = 0.8;

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

/** The deck of `loaded` with every slide fitting, as `measure` lays it out. `first`: the deck as first built. */
export async function fit(loaded: LoadedBrief, measure: Measure, first: Deck = buildDeck(loaded.brief), signal?: AbortSignal): Promise<Deck> {
  const scale: FitScale = {};
  const dense = new Set<string>();
  let deck = first;
  for (let round = 0; ; round++) {
    const overflows = await measure(deck);
    if (overflows.length === 0) return deck;
    performance.mark(`refit: ${overflows.map((o) => `${o.id} +${Math.round(o.by)}px`).join(', ')}`);
    if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new MujazError('INTERRUPTED', 'interrupted');
    // A group set smaller in an earlier round that still overflows has no smaller type left (several of
    // its slides may overflow in the round it is set smaller).
    const wasDense = new Set(dense);
    for (const o of overflows) {
      const slide = deck.slides.find((s) => s.id === o.id);
      if (!slide) continue;
      if (slide.items > 1 && round < MAX_FIT_ROUNDS) scale[o.group] = (scale[o.group] ?? 1) * CUT;
      else if (loaded.brief.shrink_to_fit && !wasDense.has(o.group)) dense.add(o.group);
      else throw tooLong(loaded, slide, o.by);
    }
    deck = buildDeck(loaded.brief, { fit: scale, dense });
  }
}
