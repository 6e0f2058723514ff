/**
 * A briefing spends no slide on little (issue 25, ../../../shared/docs/briefing.md): on every deck the suite
 * builds (the bundled brief, every fixture, fitted in Chromium), the sources take one slide, with a map of
 * the slides before it to the paragraphs each cites.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { suiteDeck, suiteSlugs } from '../support/suite.js';

const sections = (html: string, kind: string) =>
  [...html.matchAll(new RegExp(`<section id="[^"]*" class="slide slide-${kind}[^"]*"[\\s\\S]*?</section>`, 'g'))].map((m) => m[0]);

describe('the sources', () => {
  it('put the report and a map of the slides to the paragraphs they cite on one slide, set smaller rather than continued', async () => {
    const slugs = await suiteSlugs();
    expect(slugs.length).toBeGreaterThanOrEqual(9);
    let single = 0;
    for (const slug of slugs) {
      const html = await readFile(path.join(suiteDeck(slug), 'index.html'), 'utf8');
      const slides = sections(html, 'sources');
      const entries = slides.map((s) => [...s.matchAll(/<li><span class="map-slide"[^>]*>([^<]+)<\/span> ([^<]+)<\/li>/g)].length);
      // The whole map is on the first slide; a further slide holds only notes on the report's gaps.
      const cites = /<span class="cite">/.test(html.slice(0, html.indexOf('slide-sources')));
      expect(entries[0]! > 0, slug).toBe(cites);
      expect(
        entries.slice(1).every((n) => n === 0),
        slug,
      ).toBe(true);
      expect(
        slides.slice(1).every((s) => /class="gap"/.test(s)),
        slug,
      ).toBe(true);
      // Every slide before the sources is in the map at most once, by its number.
      const numbers = [...slides[0]!.matchAll(/<span class="map-slide"[^>]*>([^<]+)<\/span>/g)].map((m) => m[1]!);
      expect(new Set(numbers).size, slug).toBe(numbers.length);
      if (slides.length === 1) single++;
    }
    // Only decks whose report gaps the analyst described at length go on (two of the nine today).
    expect(single, 'decks whose sources take one slide').toBeGreaterThanOrEqual(slugs.length - 2);
  });
});

describe('the technology cards', () => {
  it('share their rows evenly: four cards are two rows of two, seven are three, two and two', async () => {
    const { Brief } = await import('../../src/brief/schema.js');
    const { buildDeck } = await import('../../src/deck/build-deck.js');
    const { bundledObject } = await import('../support/variants.js');
    const b = await bundledObject();
    const card = (i: number) => ({ name: `التقنية ${i}`, sources: [20] });
    const grid = (n: number) => {
      b.technologies.concerns = Array.from({ length: n }, (_, i) => card(i + 1));
      const slides = buildDeck(Brief.parse(b)).slides.filter((s) => s.kind === 'technologies') as Extract<
        ReturnType<typeof buildDeck>['slides'][number],
        { kind: 'technologies' }
      >[];
      return { columns: slides[0]!.body.columns, cards: slides.map((s) => s.body.concerns.length) };
    };
    // Two rows of two: on one slide when they fit (the fit stage measures it), else two and two, never three and one.
    expect(grid(4).columns).toBe(2);
    expect([[4], [2, 2]]).toContainEqual(grid(4).cards);
    expect(grid(3)).toEqual({ columns: 3, cards: [3] });
    expect(grid(7).columns).toBe(3);
    expect(grid(7).cards.reduce((a, n) => a + n, 0)).toBe(7);
  });
});
