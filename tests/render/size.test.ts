/** The slide's size is decided once (SLIDE): the static files that cannot read it are held to it here. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { loadBrief } from '../../src/brief/load.js';
import { buildDeck } from '../../src/deck/build-deck.js';
import { SLIDE } from '../../src/deck/model.js';
import { renderPrint } from '../../src/render/render.js';
import { bundledBrief, repoRoot } from '../support/build.js';

it("reveal's configuration, the handout's thumbnails and the print page are the size of SLIDE", async () => {
  const deckJs = await readFile(path.join(repoRoot, 'templates', 'runtime', 'deck.js'), 'utf8');
  expect(Number(/\bwidth:\s*(\d+)/.exec(deckJs)?.[1])).toBe(SLIDE.width);
  expect(Number(/\bheight:\s*(\d+)/.exec(deckJs)?.[1])).toBe(SLIDE.height);
  const css = await readFile(path.join(repoRoot, 'templates', 'theme', 'handout.css'), 'utf8');
  const thumb = /\.reveal\.thumb \{([^}]*)\}/.exec(css)?.[1] ?? '';
  expect(thumb).toContain(`width: ${SLIDE.width}px;`);
  expect(thumb).toContain(`height: ${SLIDE.height}px;`);
  const deck = buildDeck((await loadBrief(bundledBrief)).brief);
  expect(deck.size).toEqual(SLIDE);
  const html = await renderPrint({ deck, csp: '', assets: '' });
  expect(html).toContain(`@page { size: ${SLIDE.width}px ${SLIDE.height}px; margin: 0; }`);
  expect(html).not.toMatch(/\{\{/);
});
