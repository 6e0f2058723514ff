/** How a list is cut into slides: as few as fit, sharing the items evenly, never a lone remnant. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkByWeight } from '../../src/deck/split.js';

const one = (n: number) => n;
const sum = (c: number[]) => c.reduce((a, b) => a + b, 0);

describe('chunkByWeight', () => {
  it.each([
    {
      items: [1, 1, 1, 1, 1],
      first: 4,
      rest: 4,
      want: [
        [1, 1, 1],
        [1, 1],
      ],
    },
    {
      items: [1, 1, 1, 1, 1, 1, 1, 1, 1],
      first: 8,
      rest: 8,
      want: [
        [1, 1, 1, 1, 1],
        [1, 1, 1, 1],
      ],
    },
    {
      items: [1, 1, 1, 1, 1, 1, 1],
      first: 2,
      rest: 6,
      want: [
        [1, 1],
        [1, 1, 1, 1, 1],
      ],
    },
    { items: [3, 3, 3], first: 10, rest: 10, want: [[3, 3, 3]] },
    { items: [12, 1], first: 10, rest: 10, want: [[12], [1]] },
  ])('cuts $items with budgets $first then $rest into $want', ({ items, first, rest, want }) => {
    expect(chunkByWeight(items, one, first, rest)).toEqual(want);
  });

  it('uses as few slides as the greedy cut, keeps the order, and fills the slides evenly', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 5, max: 15 }), (items, budget) => {
        const chunks = chunkByWeight(items, one, budget, budget);
        expect(chunks.flat()).toEqual(items);
        expect(chunks.every((c) => c.length > 0 && (sum(c) <= budget || c.length === 1))).toBe(true);
        // As few slides as the greedy cut, which is the fewest for a list kept in order.
        const greedy: number[][] = [];
        for (const w of items) {
          const last = greedy[greedy.length - 1];
          if (last && sum(last) + w <= budget) last.push(w);
          else greedy.push([w]);
        }
        expect(chunks.length).toBe(greedy.length);
        // No slide holds under a third of the fullest, unless items are too coarse to share out.
        if (chunks.length > 1 && Math.max(...items) * 3 <= budget) {
          const fills = chunks.map(sum);
          expect(Math.min(...fills) * 3).toBeGreaterThanOrEqual(Math.max(...fills) - Math.max(...items));
        }
      }),
    );
  });
});
