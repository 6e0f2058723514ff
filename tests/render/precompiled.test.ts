/**
 * `npm run build` precompiles the templates into dist/templates.js (a run then loads only Handlebars'
 * runtime). The precompiled templates must render exactly what the sources render, and a template edited
 * after the build must be compiled from its source, never rendered from a stale copy.
 */
import { describe, expect, it } from 'vitest';
import { loadBrief } from '../../src/brief/load.js';
import { buildDeck } from '../../src/deck/build-deck.js';
import { compileTemplates, precompiled, templateSources, type PrecompiledTemplates } from '../../src/render/render.js';
import { bundledBrief } from '../support/build.js';

async function deckOfBundledBrief() {
  const loaded = await loadBrief(bundledBrief);
  return buildDeck(loaded.brief);
}

describe('precompiled templates', () => {
  it('the build wrote one for every template, each matching its source (npm test builds first)', async () => {
    const ahead = await precompiled();
    expect(ahead).toBeDefined();
    const sources = await templateSources();
    expect(sources.map((t) => t.name)).toEqual(expect.arrayContaining(['deck.hbs', 'print.hbs', 'handout.hbs', 'partials/slide.hbs']));
    expect(Object.keys(ahead!).sort()).toEqual(sources.map((t) => t.name).sort());
    for (const t of sources) expect(ahead![t.name]!.sha256, t.name).toBe(t.sha256);
    expect((await compileTemplates(ahead)).precompiled).toBe(true);
  });

  it('render the deck, its print page and the handout exactly as the sources do', async () => {
    const deck = await deckOfBundledBrief();
    const fast = await compileTemplates(await precompiled());
    const slow = await compileTemplates(undefined);
    expect(fast.precompiled).toBe(true);
    expect(slow.precompiled).toBe(false);
    const context = { deck, csp: "default-src 'none'", keywordList: deck.keywords.join('، '), pages: [], assets: '0123456789abcdef' };
    for (const page of ['deck', 'print', 'handout'] as const) {
      const html = fast[page](context);
      expect(html.length, page).toBeGreaterThan(500);
      expect(html, page).toBe(slow[page](context));
    }
  });

  it('a template changed since the build is compiled from its source, for every template', async () => {
    const ahead = (await precompiled())!;
    const stale: PrecompiledTemplates = { ...ahead, 'partials/slide.hbs': { ...ahead['partials/slide.hbs']!, sha256: 'edited since' } };
    expect((await compileTemplates(stale)).precompiled).toBe(false);
    const { 'print.hbs': _missing, ...withoutOne } = ahead;
    expect((await compileTemplates(withoutOne)).precompiled).toBe(false);
  });
});
