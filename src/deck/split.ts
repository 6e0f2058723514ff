/**
 * How much fits on one slide, in lines of body text, and how a list is cut into slides.
 * The numbers are estimates for the theme's type sizes; the fit stage measures the result in Chromium and
 * lowers the FitScale of a group that overflowed (or raises it for one spread over more slides than it
 * needs), so the estimate only has to be close.
 */

/** Per list group (e.g. "messages-2"), a factor applied to the slide's budget. */
export type FitScale = Record<string, number>;

// In lines of body type (29px × 1.6 = 46px): the body area of a 1280×720 slide below the title is ~529px.
// Every kind of slide has the same body area; what differs is what its items weigh (src/deck/kinds/).
export const BODY_LINES = 11.4;

/** Cuts `items` greedily: each chunk holds what fits in its budget (the first's own), at least one item. */
function greedy<T>(items: readonly T[], weight: (item: T) => number, firstBudget: number, budget: number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    const w = weight(item);
    const limit = chunks.length === 0 ? firstBudget : budget;
    if (current.length > 0 && used + w > limit) {
      chunks.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += w;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * Cuts `items` into consecutive chunks whose weights fit `firstBudget` (first slide) and `budget` (the rest):
 * as few chunks as fit, and those share the items evenly: each slide as full as the others, in proportion
 * to its budget, rather than full slides and a remnant on the last. Every chunk holds at least one item, so
 * an item too big for any slide still gets a slide of its own (the fit stage then reports it).
 */
export function chunkByWeight<T>(items: readonly T[], weight: (item: T) => number, firstBudget: number, budget: number): T[][] {
  const fewest = greedy(items, weight, firstBudget, budget);
  if (fewest.length < 2) return fewest;
  // The lowest fill (a share of each slide's budget) at which the items still go on as few slides.
  let low = 0;
  let high = 1;
  for (let i = 0; i < 24; i++) {
    const fill = (low + high) / 2;
    if (greedy(items, weight, firstBudget * fill, budget * fill).length <= fewest.length) high = fill;
    else low = fill;
  }
  const forward = greedy(items, weight, firstBudget * high, budget * high);
  // Filled from the end at the same share, the emptiest slide may be fuller ([5,5] [5] [5,1], not [5,5] [5,5] [1]).
  const backward = greedyFromEnd(items, weight, firstBudget * high, budget * high);
  const least = (chunks: T[][]) => Math.min(...chunks.map((c, i) => c.reduce((n, x) => n + weight(x), 0) / (i === 0 ? firstBudget : budget)));
  const candidates = [forward, backward].filter((c) => c.length === fewest.length);
  if (candidates.length === 0) return fewest;
  return candidates.reduce((best, c) => (least(c) > least(best) ? c : best));
}

/** The greedy cut made from the last item back: the first slide (with its own budget) takes what is left. */
function greedyFromEnd<T>(items: readonly T[], weight: (item: T) => number, firstBudget: number, budget: number): T[][] {
  const chunks = greedy([...items].reverse(), weight, budget, budget)
    .reverse()
    .map((c) => c.reverse());
  // The first slide must fit its own (smaller) budget: otherwise this cut does not do.
  const first = chunks[0]!.reduce((n, x) => n + weight(x), 0);
  return first <= firstBudget || chunks[0]!.length === 1 ? chunks : [];
}
