/**
 * src/assets/assets.ts: the files copied beside the deck (exactly those, byte for byte), the deck's Content
 * Security Policy (nothing from the network), and assetsVersion (names the state of those files).
 */
import { cp, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { assetsVersion, contentSecurityPolicy, writeAssets } from '../../src/assets/assets.js';
import { loadBrief } from '../../src/brief/load.js';
import { buildDeck } from '../../src/deck/build-deck.js';
import { buildHandout } from '../../src/deck/handout.js';
import { logoAsset } from '../../src/brief/images.js';
import { renderHandout } from '../../src/render/handout.js';
import { renderDeck } from '../../src/render/render.js';
import { bundledBrief, removeDir, repoRoot, tempDir } from '../support/build.js';

const templates = path.join(repoRoot, 'templates');
const revealDist = path.join(repoRoot, 'node_modules', 'reveal.js', 'dist');

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map(removeDir));
});

async function scratch(): Promise<string> {
  const dir = await tempDir('mujaz-assets-');
  dirs.push(dir);
  return dir;
}

/** Every regular file under `dir`, as sorted paths relative to it with "/" separators. */
async function filesUnder(dir: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(dir, rel), { withFileTypes: true })) {
    const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await filesUnder(dir, child)));
    else out.push(child);
  }
  return out.sort();
}

/** Where each copied file must come from: reveal.js's dist, the theme, the runtime and every font file. */
async function expectedSources(): Promise<Record<string, string>> {
  const fonts = (await readdir(path.join(templates, 'fonts'))).sort();
  return {
    'assets/reveal/reset.css': path.join(revealDist, 'reset.css'),
    'assets/reveal/reveal.css': path.join(revealDist, 'reveal.css'),
    'assets/reveal/reveal.js': path.join(revealDist, 'reveal.js'),
    'assets/reveal/notes.js': path.join(revealDist, 'plugin', 'notes.js'),
    'assets/theme/mujaz.css': path.join(templates, 'theme', 'mujaz.css'),
    'assets/theme/handout.css': path.join(templates, 'theme', 'handout.css'),
    'assets/deck.js': path.join(templates, 'runtime', 'deck.js'),
    ...Object.fromEntries(fonts.map((f) => [`assets/fonts/${f}`, path.join(templates, 'fonts', f)])),
  };
}

describe('writeAssets', () => {
  it('copies exactly the files the deck needs, byte for byte, and returns their sorted list', async () => {
    const dir = await scratch();
    const written = await writeAssets(dir);
    const expected = await expectedSources();

    expect(written).toEqual(Object.keys(expected).sort());
    expect(await filesUnder(dir)).toEqual(written);
    expect(written.filter((f) => f.endsWith('.woff2')).length).toBeGreaterThan(0);
    expect(written).toContain('assets/fonts/fonts.css');
    for (const [to, from] of Object.entries(expected)) {
      expect((await readFile(path.join(dir, to))).equals(await readFile(from)), to).toBe(true);
    }
  });

  it('provides every asset the rendered deck, handout and fonts.css refer to', async () => {
    const dir = await scratch();
    const written = new Set(await writeAssets(dir));
    const loaded = await loadBrief(bundledBrief);
    const deck = buildDeck(loaded.brief);
    const html = [await renderDeck({ deck, csp: '' }), await renderHandout({ deck, csp: '', pages: buildHandout(deck, loaded.report?.paragraphs ?? []) })].join(
      '\n',
    );
    const referenced = [...html.matchAll(/\b(?:href|src)="(assets\/[^"#?]+)"/g)].map((m) => m[1]!);
    const fontsCss = await readFile(path.join(dir, 'assets/fonts/fonts.css'), 'utf8');
    const fontUrls = [...fontsCss.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)].map((m) => `assets/fonts/${m[1]!}`);

    expect(referenced).toContain('assets/reveal/reveal.js');
    expect(referenced).toContain('assets/theme/handout.css');
    expect(fontUrls.length).toBeGreaterThan(0);
    for (const ref of [...referenced, ...fontUrls]) expect(written.has(ref), ref).toBe(true);
    // No font subset is copied that fonts.css never loads.
    for (const f of written) if (f.endsWith('.woff2')) expect(fontUrls, f).toContain(f);
  });

  it.each([
    ['Logo.PNG', 'assets/logo.png'],
    ['crest.svg', 'assets/logo.svg'],
  ])('writes the logo %s as %s: the bytes read and checked, not the file again by its path', async (name, asset) => {
    const dir = await scratch();
    const source = await scratch();
    const logo = path.join(source, name);
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x10]);
    // Since it was read, the file became something else: what the deck gets is what was checked.
    await writeFile(logo, 'SECRET OUTSIDE THE DECK');

    const written = await writeAssets(dir, [{ file: logo, named: name, asset: logoAsset(name), bytes }]);
    expect(written).toEqual([...Object.keys(await expectedSources()), asset].sort());
    expect(await filesUnder(dir)).toEqual(written);
    expect((await readFile(path.join(dir, asset))).equals(bytes)).toBe(true);
  });
});

describe('contentSecurityPolicy', () => {
  async function directives(): Promise<Map<string, string[]>> {
    const csp = await contentSecurityPolicy();
    const map = new Map<string, string[]>();
    for (const part of csp
      .split(';')
      .map((p) => p.trim())
      .filter(Boolean)) {
      const [name, ...sources] = part.split(/\s+/);
      expect(map.has(name!), `${name} appears once`).toBe(false);
      map.set(name!, sources);
    }
    return map;
  }

  it('denies everything by default and allows only the deck folder for each kind of resource', async () => {
    const d = await directives();
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('form-action')).toEqual(["'none'"]);
    for (const name of ['font-src', 'frame-src', 'connect-src', 'media-src']) expect(d.get(name), name).toEqual(["'self'"]);
    expect(d.get('img-src')).toEqual(["'self'", 'data:']);
    expect(d.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("allows scripts from the deck folder and reveal's speaker view by hash only", async () => {
    const script = (await directives()).get('script-src')!;
    expect(script[0]).toBe("'self'");
    const hashes = script.slice(1);
    expect(hashes.length).toBeGreaterThan(0);
    for (const h of hashes) {
      expect(h).toMatch(/^'sha256-[A-Za-z0-9+/]{43}='$/);
      expect(Buffer.from(h.slice(8, -1), 'base64')).toHaveLength(32);
    }
    expect(script).not.toContain("'unsafe-inline'");
    expect(script).not.toContain("'unsafe-eval'");
  });

  it('names no scheme, host or wildcard that could reach the network, in any directive', async () => {
    const d = await directives();
    const allowed = /^(?:'none'|'self'|'unsafe-inline'|'sha256-[A-Za-z0-9+/=]+'|data:)$/;
    expect(d.size).toBeGreaterThanOrEqual(11);
    for (const [name, sources] of d) {
      expect(sources.length, name).toBeGreaterThan(0);
      for (const s of sources) expect(s, `${name} ${s}`).toMatch(allowed);
    }
    // Without default-src 'none' a directive left out would allow anything; with it, only listed ones apply.
    expect(await contentSecurityPolicy()).not.toMatch(/https?:|wss?:|\*|blob:|filesystem:/);
  });
});

describe('assetsVersion', () => {
  it('is a stable short hex name while the assets do not change', async () => {
    const a = await assetsVersion();
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(await assetsVersion()).toBe(a);
  });

  it('changes when an asset file changes (content, modification time, a font added) and not otherwise', async () => {
    // The package's templates, copied: the module is loaded again with its templates folder pointed there.
    const copy = path.join(await scratch(), 'templates');
    await cp(templates, copy, { recursive: true, preserveTimestamps: true });
    vi.resetModules();
    vi.doMock('../../src/paths.js', async (importOriginal) => ({
      ...(await importOriginal<typeof import('../../src/paths.js')>()),
      templatesDir: copy,
    }));
    try {
      const assets = await import('../../src/assets/assets.js');
      const theme = path.join(copy, 'theme', 'mujaz.css');
      const original = await readFile(theme);
      // A whole second, so that putting it back restores the exact modification time.
      const mtime = new Date(1_700_000_000_000);
      await utimes(theme, mtime, mtime);

      const before = await assets.assetsVersion();
      expect(await assets.assetsVersion()).toBe(before);

      await writeFile(theme, Buffer.concat([original, Buffer.from('\n.edited { color: red; }\n')]));
      const edited = await assets.assetsVersion();
      expect(edited).not.toBe(before);
      // The copy follows the edit: the version names what writeAssets would copy.
      const out = await scratch();
      await assets.writeAssets(out);
      expect(await readFile(path.join(out, 'assets/theme/mujaz.css'), 'utf8')).toContain('.edited');

      await writeFile(theme, original);
      await utimes(theme, mtime, new Date(mtime.getTime() + 5_000));
      const touched = await assets.assetsVersion();
      expect(touched).not.toBe(before);
      expect(touched).not.toBe(edited);

      await utimes(theme, mtime, mtime);
      expect(await assets.assetsVersion()).toBe(before);

      await writeFile(path.join(copy, 'fonts', 'extra-subset.woff2'), 'wOF2');
      expect(await assets.assetsVersion()).not.toBe(before);
    } finally {
      vi.doUnmock('../../src/paths.js');
      vi.resetModules();
    }
  });
});
