/**
 * "Writing output" of docs/robustness.md: a deck is swapped in only when its build succeeded; only folders
 * mujaz marked are replaced or deleted; the output path stays inside the output root; two builds of one
 * brief at once both end with a complete deck.
 */
import { lstat, mkdir, readdir, readFile, rename, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MujazError } from '../../src/errors.js';
import { stage, targetFor, writeText } from '../../src/write/output.js';
import { briefFolder, bundledBrief, bundledSlug, bundledText, edit, exists, hashFolder } from '../fixtures/briefs.js';
import { poll } from '../serve/helpers.js';
import { removeDir, runBinary, runCli, tempDir } from '../support/build.js';
import { previousDeck } from '../support/previous-deck.js';

let root: string;
beforeAll(async () => {
  root = await tempDir('mujaz-output-');
});
afterAll(async () => {
  await removeDir(root);
});

/** Files (relative paths) under `dir`, sorted. */
async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else out.push(path.relative(dir, p));
    }
  };
  await walk(dir);
  return out.sort();
}

async function build(out: string, brief = bundledBrief) {
  return runCli(['build', brief, '--no-pdf', '-o', out]);
}

/** A deck a build left in `out` before (the suite's, copied as `build --no-pdf` writes it). */
async function builtBefore(out: string): Promise<void> {
  await previousDeck(out, bundledSlug, []);
}

describe('targetFor: the output path comes from a validated slug and stays inside the output root', () => {
  it.each(['../x', 'a/b', '..', '.', '', 'A', 'a b', 'a\\b', '/etc', 'a\0b', 'x'.repeat(65), 'é', 'a/../..', '%2e%2e'])('refuses %j', (slug) => {
    expect(() => targetFor(root, slug)).toThrow(MujazError);
    try {
      targetFor(root, slug);
    } catch (error) {
      expect((error as MujazError).code).toBe('INVALID_INPUT');
      expect((error as MujazError).message).toContain('is not valid');
    }
  });

  it.each(['a', 'issi-russia-roundtable', '0', '-', 'x'.repeat(64)])('accepts %j as a direct child of the root', (slug) => {
    const target = targetFor(path.join(root, 'out'), slug);
    expect(path.dirname(target)).toBe(path.join(root, 'out'));
    expect(path.basename(target)).toBe(slug);
  });

  it('a slug the schema refuses never reaches the disk', async () => {
    const out = path.join(root, 'bad-slug-out');
    const file = await briefFolder(path.join(root, 'bad-slug'), edit(bundledText, /^slug: .*$/m, 'slug: ../../escape'));
    const result = await build(out, file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('slug: must match ^[a-z0-9-]{1,64}$');
    expect(await exists(out)).toBe(false);
    expect(await exists(path.join(root, 'escape'))).toBe(false);
  });
});

describe('a failed build leaves the previous deck byte for byte', () => {
  it('through the CLI: an invalid brief', async () => {
    const out = path.join(root, 'failed-cli');
    await builtBefore(out);
    const before = await hashFolder(out);
    const file = await briefFolder(path.join(root, 'failed-cli-brief'), edit(bundledText, 'sources: [23]', 'sources: [230]'));
    const result = await build(out, file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('paragraph 230 does not exist');
    expect(await hashFolder(out)).toBe(before);
  });

  it('in-process: a build that fails after staging (half written) changes nothing and leaves no temporary folder', async () => {
    const out = path.join(root, 'failed-staged');
    await builtBefore(out);
    const before = await hashFolder(out);
    const staging = await stage(out, bundledSlug);
    try {
      await writeText(staging.dir, 'index.html', '<p>half a deck</p>');
      await writeText(staging.dir, 'assets/partial.css', 'body{}');
      // ... and the build fails here, before commit().
    } finally {
      await staging.dispose();
    }
    expect(await hashFolder(out)).toBe(before);
    expect((await readdir(out)).sort()).toEqual([bundledSlug]);
  });

  it('a successful rebuild replaces the whole folder: files of the previous deck do not linger', async () => {
    const out = path.join(root, 'rebuild');
    await builtBefore(out);
    await writeFile(path.join(out, bundledSlug, 'stale.txt'), 'from an older build');
    expect((await build(out)).code).toBe(0);
    expect(await exists(path.join(out, bundledSlug, 'stale.txt'))).toBe(false);
    expect(await exists(path.join(out, bundledSlug, 'index.html'))).toBe(true);
  });
});

describe('only folders with the .mujaz marker are replaced', () => {
  it('a foreign folder output/<slug>/ is refused clearly and left untouched', async () => {
    const out = path.join(root, 'foreign');
    const target = path.join(out, bundledSlug);
    await mkdir(path.join(target, 'notes'), { recursive: true });
    await writeFile(path.join(target, 'index.html'), '<p>my own page</p>');
    await writeFile(path.join(target, 'notes', 'todo.txt'), 'keep me');
    const before = await hashFolder(out);
    const result = await build(out);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${target} exists and was not written by mujaz (it has no .mujaz marker); it is left untouched`);
    expect(result.stderr).toContain('hint: move it away, or build into another folder with --out');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(await hashFolder(out)).toBe(before);
  });

  it('a marker with other content is not mujaz’s marker', async () => {
    const out = path.join(root, 'fake-marker');
    const target = path.join(out, bundledSlug);
    await mkdir(target, { recursive: true });
    await writeFile(path.join(target, '.mujaz'), '');
    await writeFile(path.join(target, 'data.txt'), 'precious');
    const before = await hashFolder(out);
    expect((await build(out)).code).toBe(1);
    expect(await hashFolder(out)).toBe(before);
  });

  it('a file, or a link, at output/<slug> is refused and left untouched', async () => {
    const fileOut = path.join(root, 'file-target');
    await mkdir(fileOut, { recursive: true });
    await writeFile(path.join(fileOut, bundledSlug), 'a file');
    const asFile = await build(fileOut);
    expect(asFile.code).toBe(1);
    expect(asFile.stderr).toContain('is a file; it is left untouched');
    expect(await readFile(path.join(fileOut, bundledSlug), 'utf8')).toBe('a file');

    // A link to a real mujaz deck elsewhere: still not replaced through the link.
    const elsewhere = path.join(root, 'elsewhere');
    await builtBefore(elsewhere);
    const elsewhereHash = await hashFolder(elsewhere);
    const linkOut = path.join(root, 'link-target');
    await mkdir(linkOut, { recursive: true });
    await symlink(path.join(elsewhere, bundledSlug), path.join(linkOut, bundledSlug));
    const asLink = await build(linkOut);
    expect(asLink.code).toBe(1);
    expect(asLink.stderr).toContain('is a link; it is left untouched');
    expect((await lstat(path.join(linkOut, bundledSlug))).isSymbolicLink()).toBe(true);
    expect(await hashFolder(elsewhere)).toBe(elsewhereHash);
  });

  it('temporary folders a killed build left are removed if they are mujaz’s, and only those', async () => {
    const out = path.join(root, 'leftovers');
    const marked = path.join(out, `.mujaz-tmp-${bundledSlug}-deadbeef`);
    const markedOld = path.join(out, `.mujaz-tmp-${bundledSlug}-0badf00d-old`);
    const unmarked = path.join(out, `.mujaz-tmp-${bundledSlug}-cafebabe`);
    const otherSlug = path.join(out, `.mujaz-tmp-${bundledSlug}-x-12345678`);
    for (const dir of [marked, markedOld, unmarked, otherSlug]) await mkdir(dir, { recursive: true });
    const marker = 'This folder was written by mujaz; mujaz replaces it on the next build.\n';
    await writeFile(path.join(marked, '.mujaz'), marker);
    await writeFile(path.join(markedOld, '.mujaz'), marker);
    await writeFile(path.join(otherSlug, '.mujaz'), marker);
    await writeFile(path.join(unmarked, 'mine.txt'), 'not mujaz’s');
    expect((await build(out)).code).toBe(0);
    expect(await exists(marked)).toBe(false);
    expect(await exists(markedOld)).toBe(false);
    expect(await readFile(path.join(unmarked, 'mine.txt'), 'utf8')).toBe('not mujaz’s');
    expect(await exists(otherSlug)).toBe(true);
  });
});

describe('a build killed in the middle of the swap', () => {
  it('left the previous deck in a "-old" folder and none in place: the next build puts it back first', async () => {
    const out = path.join(root, 'killed-swap');
    await builtBefore(out);
    const before = await hashFolder(path.join(out, bundledSlug));
    // What a kill between the two renames of commit() leaves behind.
    await rename(path.join(out, bundledSlug), path.join(out, `.mujaz-tmp-${bundledSlug}-12345678-old`));
    // The next build gets as far as the output stage and then fails (disposed without commit).
    const staging = await stage(out, bundledSlug);
    await staging.dispose();
    expect(await hashFolder(path.join(out, bundledSlug))).toBe(before);
    expect(await readdir(out)).toEqual([bundledSlug]);
  });
});

describe('two builds of the same brief at once', () => {
  it('both exit 0 and leave one complete deck, no temporary folders and no lock', async () => {
    const solo = path.join(root, 'solo');
    expect((await build(solo)).code).toBe(0);
    const expected = await listFiles(path.join(solo, bundledSlug));
    const expectedHash = await hashFolder(path.join(solo, bundledSlug));

    // Two processes of the real executable (runCli would run them in this process, one after the other).
    const out = path.join(root, 'concurrent');
    const twice = () => runBinary(['build', bundledBrief, '--no-pdf', '-o', out]);
    const [a, b] = await Promise.all([twice(), twice()]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    // The deck, and the folder's catalogue (tests/catalogue/ checks what it holds).
    expect((await readdir(out)).sort()).toEqual(['_mujaz', bundledSlug, 'index.html'].sort());
    expect(await listFiles(path.join(out, bundledSlug))).toEqual(expected);
    expect(await hashFolder(path.join(out, bundledSlug))).toBe(expectedHash);
    expect(expected).toContain('index.html');
    expect(expected.some((f) => f.startsWith('assets/'))).toBe(true);
  });

  it('in-process: the second stage() waits for the first to finish', async () => {
    const out = path.join(root, 'lock');
    const first = await stage(out, 'locked');
    let secondStarted = false;
    // It tries the lock every 10 ms (not 250), and says each time it finds it held.
    let waits = 0;
    const second = stage(out, 'locked', undefined, { retryMs: 10, onWait: () => waits++ }).then((s) => {
      secondStarted = true;
      return s;
    });
    await poll(() => waits >= 3, 'the second stage() to find the lock held three times', 20_000, 5);
    expect(secondStarted).toBe(false);
    await writeText(first.dir, 'index.html', 'first');
    await first.commit();
    await first.dispose();
    const s2 = await second;
    try {
      await writeText(s2.dir, 'index.html', 'second');
      await s2.commit();
    } finally {
      await s2.dispose();
    }
    expect(await readFile(path.join(out, 'locked', 'index.html'), 'utf8')).toBe('second');
    expect((await readdir(out)).filter((n) => n !== 'locked')).toEqual([]);
  });
});
