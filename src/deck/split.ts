/**
 * How much fits on one slide, in lines of body text, and how a list is cut into slides.
 * The numbers are estimates for the theme's type sizes; the browser measures the result and lowers the
 * FitScale of any group that overflowed, so the estimate only has to be close.
 */

/** Per list group (e.g. "messages-2"), a factor applied to the slide's budget. */
export type FitScale = Record<string, number>;

// In lines of body type (29px × 1.6 = 46px): the body area of a 1280×720 slide below the title is ~529px.
// Every kind of slide has the same body area; what differs is what its items weigh (src/deck/build-deck.ts).
export const BODY_LINES = 11.4;

/**
 * Cuts `items` into consecutive chunks whose weights fit `firstBudget` (first slide) and `budget` (the rest).
 * Every chunk holds at least one item, so an item too big for any slide still gets a slide of its own
 * (the fitting step then reports it).
 */
export function chunkByWeight<T>(items: readonly T[], weight: (item: T) => number, firstBudget: number, budget: number): T[][] {
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
  return balance(chunks, weight);
}

/** Evens out the last two chunks so a continuation slide does not hold a single stray item. */
function balance<T>(chunks: T[][], weight: (item: T) => number): T[][] {
  if (chunks.length < 2) return chunks;
  const last = chunks[chunks.length - 1]!;
  const prev = chunks[chunks.length - 2]!;
  const sum = (c: T[]) => c.reduce((n, x) => n + weight(x), 0);
  while (prev.length > 1 && sum(last) + weight(prev[prev.length - 1]!) <= sum(prev) - weight(prev[prev.length - 1]!)) {
    last.unshift(prev.pop()!);
  }
  return chunks;
}
