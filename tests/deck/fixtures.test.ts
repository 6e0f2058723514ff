/**
 * Every brief of the repository (the bundled one and the fixtures) passes `check --strict`, and its deck
 * has no two bookmarks alike; those distilled from real accounts keep their report beside them and name
 * its address.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBrief } from '../../src/brief/load.js';
import { buildDeck } from '../../src/deck/build-deck.js';
import { lintBrief } from '../../src/lint/lint.js';
import { unisolatedLatin } from '../../src/render/isolation.js';
import { renderDeck } from '../../src/render/render.js';
import { bundledBrief, repoRoot } from '../support/build.js';

const fixtures = path.join(repoRoot, 'tests', 'deck', 'briefs');
const files = [
  bundledBrief,
  ...readdirSync(fixtures)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => path.join(fixtures, f)),
];
/** Fixtures written by hand for tests (no report behind them). */
const SYNTHETIC = new Set(['minimal.yaml', 'gulf-workshop.yaml', 'english.yaml']);

describe.each(files.map((f) => ({ name: path.relative(repoRoot, f), file: f })))('$name', ({ file }) => {
  it("is valid with no warning, and its deck's bookmarks all differ", async () => {
    const loaded = await loadBrief(file);
    const deck = buildDeck(loaded.brief);
    const warnings = [...loaded.warnings, ...lintBrief(loaded, unisolatedLatin(await renderDeck({ deck, csp: '' })))];
    // The synthetic fixtures leave out speaker notes on purpose; the others have no warning at all.
    if (!SYNTHETIC.has(path.basename(file))) expect(warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([]);
    const bookmarks = deck.slides.map((s) => s.bookmark);
    expect(new Set(bookmarks).size).toBe(bookmarks.length);
  });
});

/** Distilled from real published accounts: all but the synthetic ones (the bundled brief's report came without an address). */
const real = files.filter((f) => f !== bundledBrief && !SYNTHETIC.has(path.basename(f)));

describe.each(real.map((f) => ({ name: path.relative(repoRoot, f), file: f })))('$name, from a real account', ({ file }) => {
  it('keeps its report beside it and names where it was published', async () => {
    const { brief, report } = await loadBrief(file);
    expect(brief.source.url).toMatch(/^https:\/\//);
    expect(report && existsSync(report.file)).toBe(true);
    expect(report!.paragraphs.length).toBeGreaterThan(0);
  });
});

it('has at least three fixtures from real accounts, one of them English', async () => {
  expect(real.length).toBeGreaterThanOrEqual(3);
  const langs = await Promise.all(real.map(async (f) => (await loadBrief(f)).brief.lang));
  expect(langs).toContain('en');
});
