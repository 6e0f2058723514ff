/**
 * The fit stage's rules, given what a layout says overflows: a list is cut again until every slide fits, a
 * single text that cannot fit fails at its line (or is set smaller when the brief allows it). The layout in
 * Chromium is tested in measured.test.ts; here the measure is a rule of the test's own, so each case is exact.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadBriefText } from '../../src/brief/load.js';
import { buildDeck } from '../../src/deck/build-deck.js';
import type { Deck } from '../../src/deck/model.js';
import { MujazError } from '../../src/errors.js';
import { estimated, fit, MAX_FIT_ROUNDS, type Measure } from '../../src/fit/fit.js';
import { bundledBrief } from '../support/build.js';

const load = async (edit: (text: string) => string = (t) => t) => loadBriefText(bundledBrief, Buffer.from(edit(await readFile(bundledBrief, 'utf8'))));

/** A layout where a slide of `group` overflows when it holds more than `most` items. */
function atMost(group: string, most: number): Measure & { calls: number } {
  const measure = async (deck: Deck) => {
    measure.calls++;
    const overflows = deck.slides.filter((s) => s.group === group && s.items > most).map((s) => ({ id: s.id, group: s.group, by: 40 * (s.items - most) }));
    return { overflows, fill: [] };
  };
  measure.calls = 0;
  return measure;
}

describe('fit', () => {
  it('keeps the cuts of the first deck when nothing overflows; the estimate sets its sparse slides a step larger', async () => {
    const loaded = await load();
    const first = buildDeck(loaded.brief);
    const fitted = await fit(loaded, estimated, first);
    expect(fitted.slides.map((s) => [s.id, s.items])).toEqual(first.slides.map((s) => [s.id, s.items]));
    const groups = (d: typeof first, g: string) => d.slides.filter((s) => s.group === g).length;
    const light = fitted.slides.filter((s) => s.larger).map((s) => s.id);
    const sparse = first.slides.filter((s) => s.kind !== 'title' && groups(first, s.group) === 1 && s.estimate <= 0.62).map((s) => s.id);
    expect(light.length).toBeGreaterThan(0);
    expect(light).toEqual(sparse);
    // Nothing to set larger: the first deck stands as it is.
    const full = { ...first, slides: first.slides.map((s) => ({ ...s, estimate: 1 })) };
    expect(await fit(loaded, estimated, full)).toBe(full);
  });

  it('sets a sparse slide a step larger only when it still fits so', async () => {
    const loaded = await load();
    const first = buildDeck(loaded.brief);
    // Every slide is a quarter full; set larger, the conclusions overflow.
    const measure: Measure = async (deck) => ({
      overflows: deck.slides.filter((s) => s.larger && s.group === 'conclusions').map((s) => ({ id: s.id, group: s.group, by: 30 })),
      fill: deck.slides.map((s) => ({ id: s.id, group: s.group, used: 100, room: 400 })),
    });
    const fitted = await fit(loaded, measure, first);
    // (Groups spread over more slides than a quarter of each needs go on fewer first.)
    const single = (g: string) => fitted.slides.filter((s) => s.group === g).length === 1;
    expect(fitted.slides.find((s) => s.group === 'conclusions')!.larger).toBe(false);
    expect(fitted.slides.filter((s) => s.larger).map((s) => s.group)).toEqual(
      fitted.slides.filter((s) => s.kind !== 'title' && s.group !== 'conclusions' && single(s.group)).map((s) => s.group),
    );
    expect(fitted.slides.filter((s) => !single(s.group)).every((s) => !s.larger)).toBe(true);
  });

  it('cuts an overflowing list again, onto more slides, until each slide fits; other groups stay', async () => {
    const loaded = await load();
    const first = buildDeck(loaded.brief);
    // A speaker's points: each weighs at least a line, so a few cuts bring a slide down to half of them.
    const fullest = first.slides.find((s) => s.kind === 'messages' && s.items >= 4)!;
    const group = fullest.group;
    const most = Math.floor(fullest.items / 2);
    const before = first.slides.filter((s) => s.group === group);
    const measure = atMost(group, most);
    const deck = await fit(loaded, measure, first);
    const after = deck.slides.filter((s) => s.group === group);
    expect(after.every((s) => s.items <= most)).toBe(true);
    expect(after.length).toBeGreaterThan(before.length);
    expect(after.reduce((n, s) => n + s.items, 0)).toBe(before.reduce((n, s) => n + s.items, 0));
    expect(deck.slides.filter((s) => s.group !== group).map((s) => s.id)).toEqual(first.slides.filter((s) => s.group !== group).map((s) => s.id));
    expect(measure.calls).toBeGreaterThan(1);
    expect(measure.calls).toBeLessThanOrEqual(MAX_FIT_ROUNDS + 2);
    // Continuations say so, and their bookmarks too.
    expect(after.slice(1).every((s) => s.continuation !== null && s.bookmark.includes(s.continuation))).toBe(true);
  });

  it('fails naming the line of the longest text on a slide that holds one item and still overflows', async () => {
    const loaded = await load();
    const first = buildDeck(loaded.brief);
    const slide = first.slides.find((s) => s.group.startsWith('messages-'))!;
    const error = await fit(loaded, atMost(slide.group, 0), first).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MujazError);
    const d = (error as MujazError).diagnostics[0]!;
    expect(d.message).toMatch(/this text is too long to fit on the slide/);
    // The caret is on a point's text of that messages group, in the brief's own lines.
    expect(d.sourceLine).toMatch(/text:/);
    expect(loaded.source.text.split('\n')[d.line - 1]).toBe(d.sourceLine);
  });

  it('sets such a slide in smaller type instead when the brief sets shrink_to_fit', async () => {
    const loaded = await load((t) => `${t.trimEnd()}\nshrink_to_fit: true\n`);
    const first = buildDeck(loaded.brief);
    const group = first.slides.find((s) => s.group.startsWith('messages-'))!.group;
    // Overflows until dense, then fits.
    const measure: Measure = async (deck) => ({
      overflows: deck.slides.filter((s) => s.group === group && !s.smaller).map((s) => ({ id: s.id, group, by: 30 })),
      fill: [],
    });
    const deck = await fit(loaded, measure, first);
    expect(deck.slides.filter((s) => s.group === group).every((s) => s.smaller)).toBe(true);
    expect(deck.slides.filter((s) => s.group !== group).some((s) => s.smaller)).toBe(false);
  });
});

describe('fit gives a list fewer slides when its content needs fewer', () => {
  /** A layout where each item of `group` takes `px` of a 500 px body, and a slide overflows past it. */
  const pixels = (group: string, px: number): Measure & { calls: number } => {
    const measure = async (deck: Deck) => {
      measure.calls++;
      const slides = deck.slides.filter((s) => s.group === group);
      return {
        overflows: slides.filter((s) => s.items * px > 500).map((s) => ({ id: s.id, group, by: s.items * px - 500 })),
        fill: slides.map((s) => ({ id: s.id, group, used: s.items * px, room: 500 })),
      };
    };
    measure.calls = 0;
    return measure;
  };

  /** The bundled brief with its conclusions three times over: a list the estimate spreads over two slides. */
  const longer = async () => {
    const loaded = await load();
    const points = loaded.brief.conclusions!.points;
    loaded.brief.conclusions!.points = [...points, ...points, ...points];
    return loaded;
  };

  it('puts a list the estimate spread over two slides on one, when it fits there', async () => {
    const loaded = await longer();
    const first = buildDeck(loaded.brief);
    const group = 'conclusions';
    const before = first.slides.filter((s) => s.group === group);
    expect(before.length).toBe(2);
    const items = before.reduce((n, s) => n + s.items, 0);
    const deck = await fit(loaded, pixels(group, 400 / items), first);
    expect(deck.slides.filter((s) => s.group === group).map((s) => s.items)).toEqual([items]);
  });

  it('keeps the slides it had when the list does not fit on fewer', async () => {
    const loaded = await longer();
    const first = buildDeck(loaded.brief);
    const group = 'conclusions';
    const items = first.slides.filter((s) => s.group === group).reduce((n, s) => n + s.items, 0);
    // Measured far from full, yet over the slide as soon as it holds all of them.
    const measure: Measure = async (deck) => {
      const slides = deck.slides.filter((s) => s.group === group);
      return {
        overflows: slides.filter((s) => s.items === items).map((s) => ({ id: s.id, group, by: 10 })),
        fill: slides.map((s) => ({ id: s.id, group, used: 100, room: 500 })),
      };
    };
    expect(await fit(loaded, measure, first)).toBe(first);
  });
});
