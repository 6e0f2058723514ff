/** The registry of slide kinds: each kind has its partial and scaffold section, and builds every fixture brief. */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBrief } from '../../src/brief/load.js';
import { buildDeck } from '../../src/deck/build-deck.js';
import { citableItems, KINDS, notesPlaces, scaffoldSections } from '../../src/deck/kinds/index.js';
import { labelsFor } from '../../src/deck/labels.js';
import { bundledBrief, repoRoot } from '../support/build.js';

const partials = path.join(repoRoot, 'templates', 'partials');
const fixtures = path.join(repoRoot, 'tests', 'deck', 'briefs');

describe('the registry of slide kinds', () => {
  it('names each kind once, with a partial of its name', () => {
    const names = KINDS.map((k) => k.kind);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(existsSync(path.join(partials, `${name}.hbs`)), `templates/partials/${name}.hbs`).toBe(true);
  });

  it('gives each scaffold section a template, and the scaffold names no other', async () => {
    // One folder per language (templates/scaffold/<lang>/); in each, a file per section, and the frame's words (_*).
    const root = path.join(repoRoot, 'templates', 'scaffold');
    const langs = await readdir(root);
    expect(langs.sort()).toEqual(['ar', 'en']);
    for (const lang of langs) {
      const files = (await readdir(path.join(root, lang)))
        .filter((f) => !f.startsWith('_'))
        .map((f) => f.replace(/\.yaml\.hbs$/, ''))
        .sort();
      expect([...scaffoldSections()].sort(), lang).toEqual(files);
    }
  });

  it('gives every kind its words in both languages, and the labels of both languages the same keys', () => {
    for (const k of KINDS) expect(Object.keys(k.labels.ar).sort()).toEqual(Object.keys(k.labels.en).sort());
    expect(Object.keys(labelsFor('ar')).sort()).toEqual(Object.keys(labelsFor('en')).sort());
  });

  it.each(['bundled', 'english.yaml', 'gulf-workshop.yaml', 'minimal.yaml'])('builds %s with slides of registered kinds, in registry order', async (name) => {
    const loaded = await loadBrief(name === 'bundled' ? bundledBrief : path.join(fixtures, name));
    const deck = buildDeck(loaded.brief);
    const order = KINDS.map((k) => k.kind as string);
    const kinds = deck.slides.map((s) => order.indexOf(s.kind));
    expect(kinds.every((i) => i >= 0)).toBe(true);
    expect([...kinds].sort((a, b) => a - b)).toEqual(kinds);
    expect(deck.slides[0]!.kind).toBe('title');
    expect(deck.slides.at(-1)!.kind).toBe('sources');
  });

  it('lists for the lint every item the bundled brief cites, and a place for the notes of every slide group', async () => {
    const { brief } = await loadBrief(bundledBrief);
    const citable = citableItems(brief);
    const members = (brief.delegations ?? []).reduce((n, d) => n + d.members.length, 0);
    const points = (brief.messages ?? []).reduce((n, m) => n + m.points.length, 0);
    expect(citable.filter((c) => c.path[0] === 'delegations')).toHaveLength(members);
    expect(citable.filter((c) => c.path[0] === 'messages')).toHaveLength(points);
    expect(citable.every((c) => Array.isArray(c.sources))).toBe(true);
    const places = notesPlaces(brief).map((p) => p.path.join('.'));
    expect(places).toContain('event');
    expect(places).toContain(''); // sources_notes, at the top level
    expect(places.filter((p) => p.startsWith('messages.'))).toHaveLength(brief.messages?.length ?? 0);
  });

  it.each(['bundled', 'aapso-arab-committees-conference.yaml', 'gulf-workshop.yaml', 'oic-unog-islamophobia-day-geneva.yaml'])(
    'tells the claim check what every text of a cited item of %s states, but for fields that state no claim',
    async (name) => {
      const { brief } = await loadBrief(name === 'bundled' ? bundledBrief : path.join(fixtures, name));
      // Ids, parts, a person's rank, an organiser's relation and address: nothing a report must say in its words.
      const unclaimed = new Set(['id', 'part', 'session', 'title', 'relation', 'url', 'notes']);
      for (const item of citableItems(brief)) {
        let value: unknown = brief;
        for (const k of item.path) value = (value as Record<string | number, unknown>)[k];
        const texts = Object.entries(value as object)
          .filter(([, v]) => typeof v === 'string' || Array.isArray(v))
          .map(([k]) => k);
        const left = texts.filter((k) => k !== 'sources' && item.claims[k] === undefined && !unclaimed.has(k));
        expect(left, item.path.join('.')).toEqual([]);
        for (const role of Object.values(item.claims)) if (typeof role === 'object') expect(item.claims[role.latinOf], item.path.join('.')).toBeDefined();
      }
    },
  );
});
