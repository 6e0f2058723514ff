/** src/assets/fonts.ts: the font files the deck ships are exactly those committed in templates/fonts/. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontFiles, fontsDir } from '../../src/assets/fonts.js';
import { repoRoot } from '../support/build.js';

const committed = path.join(repoRoot, 'templates', 'fonts');

describe('fontFiles', () => {
  it('lives in the package templates/fonts folder', () => {
    expect(path.resolve(fontsDir)).toBe(committed);
  });

  it('lists every file of templates/fonts, sorted, with its absolute path', () => {
    const onDisk = readdirSync(committed, { withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name)
      .sort();
    const list = fontFiles();
    expect(list.map((f) => f.file)).toEqual(onDisk);
    for (const f of list) {
      expect(path.isAbsolute(f.path)).toBe(true);
      expect(f.path).toBe(path.join(committed, f.file));
      expect(existsSync(f.path)).toBe(true);
    }
  });

  it('has fonts.css, the licence and the woff2 subsets it declares, and no subset it does not', () => {
    const names = fontFiles().map((f) => f.file);
    expect(names).toContain('fonts.css');
    expect(names).toContain('OFL.txt');
    const css = readFileSync(path.join(committed, 'fonts.css'), 'utf8');
    const declared = [...css.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)].map((m) => m[1]!).sort();
    const subsets = names.filter((n) => n.endsWith('.woff2')).sort();
    expect(subsets.length).toBeGreaterThan(0);
    expect([...new Set(declared)]).toEqual(subsets);
    for (const s of subsets) expect(readFileSync(path.join(committed, s)).subarray(0, 4).toString('latin1'), s).toBe('wOF2');
  });
});
