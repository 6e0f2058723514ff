/**
 * src/write/output.ts: a deck is built in a temporary folder beside its target and swapped in only on
 * commit; only folders mujaz wrote (the .mujaz marker) are replaced; one build of a slug runs at a time;
 * a disposed or failed build leaves nothing behind and the previous deck exactly as it was.
 */
import { spawnSync } from 'node:child_process';
import { lstat, mkdir, readdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MujazError } from '../../src/errors.js';
import { processStart } from '../../src/owner.js';
import { stage, targetFor, writeText, type LockTiming, type Staging } from '../../src/write/output.js';
import { poll } from '../serve/helpers.js';
import { removeDir, tempDir } from '../support/build.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map(removeDir));
});

async function outRoot(): Promise<string> {
  const dir = await tempDir('mujaz-write-');
  dirs.push(dir);
  return dir;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A waiting build's lock timing, shortened (it tries again every 10 ms instead of 250), and how many times it
 * has found the lock held: a test waits for the build to have waited, not for the clock.
 */
function watchedWaits(): Partial<LockTiming> & { waits: number; waited(times: number, what: string): Promise<void> } {
  const timing = {
    waits: 0,
    retryMs: 10,
    onWait: () => {
      timing.waits++;
    },
    async waited(times: number, what: string) {
      const from = timing.waits;
      await poll(() => timing.waits >= from + times, what, 20_000, 5);
    },
  };
  return timing;
}
const exists = (p: string) =>
  lstat(p).then(
    () => true,
    () => false,
  );

/** Every file, folder and link under `dir`: relative path → contents (base64), "dir", or "link → where". */
async function snapshot(dir: string, rel = '', out: Record<string, string> = {}): Promise<Record<string, string>> {
  for (const entry of await readdir(path.join(dir, rel), { withFileTypes: true })) {
    const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isSymbolicLink()) out[child] = `link → ${await readlink(path.join(dir, child))}`;
    else if (entry.isDirectory()) {
      out[child] = 'dir';
      await snapshot(dir, child, out);
    } else out[child] = (await readFile(path.join(dir, child))).toString('base64');
  }
  return out;
}

/** A full build of `slug`: stage, write `files`, commit, dispose. */
async function build(root: string, slug: string, files: Record<string, string | Uint8Array>): Promise<string> {
  const s = await stage(root, slug);
  try {
    for (const [rel, text] of Object.entries(files)) await writeText(s.dir, rel, text);
    await s.commit();
    return s.target;
  } finally {
    await s.dispose();
  }
}

/** A folder that looks like one mujaz wrote: it has the marker an earlier build left. */
async function markerText(): Promise<string> {
  const root = await outRoot();
  const target = await build(root, 'marker', {});
  return readFile(path.join(target, '.mujaz'), 'utf8');
}

async function rejection(p: Promise<unknown>): Promise<MujazError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MujazError);
  return error as MujazError;
}

describe('targetFor', () => {
  it('is the slug folder directly inside the output root', async () => {
    const root = await outRoot();
    expect(targetFor(root, 'issi-russia-roundtable')).toBe(path.join(root, 'issi-russia-roundtable'));
    expect(targetFor(`${root}/./sub/..`, 'a-1')).toBe(path.join(root, 'a-1'));
  });

  it.each(['', '..', '../escape', 'a/b', 'Upper', 'with space', 'x'.repeat(65), '/abs'])('refuses the slug %j', async (slug) => {
    const root = await outRoot();
    const error = await rejection(Promise.resolve().then(() => targetFor(root, slug)));
    expect(error.code).toBe('INVALID_INPUT');
    expect(await readdir(root)).toEqual([]);
  });
});

describe('stage and commit', () => {
  it('builds in a marked temporary folder beside the target, and swaps it in on commit', async () => {
    const root = await outRoot();
    const s = await stage(root, 'deck');
    try {
      expect(s.target).toBe(path.join(root, 'deck'));
      expect(path.dirname(s.dir)).toBe(root);
      expect(s.dir).not.toBe(s.target);
      expect(await readdir(s.dir)).toEqual(['.mujaz']);
      await writeText(s.dir, 'index.html', '<p>عربي</p>');
      await writeText(s.dir, 'assets/fonts/a.woff2', new Uint8Array([0, 1, 255]));
      // Nothing is in place before the commit.
      expect(await exists(s.target)).toBe(false);
      await s.commit();
      expect(await exists(s.dir)).toBe(false);
      expect(await readFile(path.join(s.target, 'index.html'), 'utf8')).toBe('<p>عربي</p>');
      expect([...(await readFile(path.join(s.target, 'assets/fonts/a.woff2')))]).toEqual([0, 1, 255]);
      expect((await readdir(s.target)).sort()).toEqual(['.mujaz', 'assets', 'index.html']);
    } finally {
      await s.dispose();
    }
    // No temporary folder, no "-old" folder, no lock: only the deck.
    expect(await readdir(root)).toEqual(['deck']);
  });

  it('replaces a deck mujaz wrote entirely: files of the previous build do not survive', async () => {
    const root = await outRoot();
    await build(root, 'deck', { 'index.html': 'first', 'stale.txt': 'only in the first build', 'assets/old.css': 'x' });
    const target = await build(root, 'deck', { 'index.html': 'second' });
    const snap = await snapshot(target);
    expect(Object.keys(snap).sort()).toEqual(['.mujaz', 'index.html']);
    expect(Buffer.from(snap['index.html']!, 'base64').toString()).toBe('second');
    expect(await readdir(root)).toEqual(['deck']);
  });

  it('creates the output root when it does not exist', async () => {
    const root = path.join(await outRoot(), 'a', 'b');
    const target = await build(root, 'deck', { 'index.html': 'x' });
    expect(await readFile(path.join(target, 'index.html'), 'utf8')).toBe('x');
  });

  it.each([
    [
      'is a file',
      async (root: string) => {
        const file = path.join(root, 'file');
        await writeFile(file, 'x');
        return file;
      },
    ],
    [
      'is under a file',
      async (root: string) => {
        await writeFile(path.join(root, 'file'), 'x');
        return path.join(root, 'file', 'out');
      },
    ],
  ])('fails clearly when the output root %s', async (_kind, make) => {
    const root = await outRoot();
    const error = await rejection(stage(await make(root), 'deck'));
    expect(error.code).toBe('BUILD_FAILED');
    expect(await readdir(root)).toEqual(['file']);
  });
});

describe('only folders mujaz wrote are replaced', () => {
  it.each([
    [
      'a folder without the marker',
      /not written by mujaz/,
      async (target: string) => {
        await mkdir(target);
        await writeFile(path.join(target, 'thesis.docx'), 'precious');
      },
    ],
    [
      'a folder whose marker has other text',
      /not written by mujaz/,
      async (target: string) => {
        await mkdir(target);
        await writeFile(path.join(target, '.mujaz'), 'mine, not mujaz\n');
        await writeFile(path.join(target, 'index.html'), 'precious');
      },
    ],
    [
      'a file',
      /is a file/,
      async (target: string) => {
        await writeFile(target, 'precious');
      },
    ],
    [
      'a link to a folder mujaz wrote',
      /is a link/,
      async (target: string) => {
        const elsewhere = await outRoot();
        const real = await build(elsewhere, 'deck', { 'index.html': 'precious' });
        await symlink(real, target);
      },
    ],
  ])('refuses %s, leaves it untouched and leaves nothing behind', async (_kind, message, make) => {
    const root = await outRoot();
    const target = path.join(root, 'deck');
    await make(target);
    const before = await snapshot(root);
    const error = await rejection(stage(root, 'deck'));
    expect(error.code).toBe('BUILD_FAILED');
    expect(error.message).toMatch(message);
    expect(error.message).toContain(target);
    expect(await snapshot(root)).toEqual(before);
    // The lock was released: once the way is clear, a build starts at once.
    await rm(target, { recursive: true, force: true });
    const s = await stage(root, 'deck');
    await s.dispose();
  });

  it('refuses at commit a foreign folder that appeared while building', async () => {
    const root = await outRoot();
    const s = await stage(root, 'deck');
    try {
      await writeText(s.dir, 'index.html', 'new');
      await mkdir(s.target);
      await writeFile(path.join(s.target, 'notes.txt'), 'someone else');
      const error = await rejection(s.commit());
      expect(error.message).toMatch(/not written by mujaz/);
      expect(await snapshot(s.target)).toEqual({ 'notes.txt': Buffer.from('someone else').toString('base64') });
    } finally {
      await s.dispose();
    }
    expect(await readdir(root)).toEqual(['deck']);
  });

  it('replaces a folder carrying the marker an earlier build wrote', async () => {
    const root = await outRoot();
    const target = path.join(root, 'deck');
    await mkdir(target);
    await writeFile(path.join(target, '.mujaz'), await markerText());
    await writeFile(path.join(target, 'old.html'), 'old');
    await build(root, 'deck', { 'index.html': 'new' });
    expect((await readdir(target)).sort()).toEqual(['.mujaz', 'index.html']);
  });
});

describe('a build that does not commit', () => {
  it('leaves nothing behind when disposed, and no deck when there was none', async () => {
    const root = await outRoot();
    const s = await stage(root, 'deck');
    await writeText(s.dir, 'index.html', 'never shown');
    await writeText(s.dir, 'assets/reveal/reveal.js', 'x');
    await s.dispose();
    await s.dispose(); // twice is harmless
    expect(await readdir(root)).toEqual([]);
  });

  it('leaves the previous deck byte for byte when it fails before the commit', async () => {
    const root = await outRoot();
    const target = await build(root, 'deck', {
      'index.html': '<html dir="rtl">موجز</html>',
      'deck.pdf': new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 255, 13, 10]),
      'assets/theme/mujaz.css': 'body{}',
    });
    const before = await snapshot(target);
    const failed = (async () => {
      const s = await stage(root, 'deck');
      try {
        await writeText(s.dir, 'index.html', 'half written');
        await writeText(s.dir, 'assets/theme/mujaz.css', 'broken');
        throw new Error('the PDF export failed');
      } finally {
        await s.dispose();
      }
    })();
    await expect(failed).rejects.toThrow('the PDF export failed');
    expect(await snapshot(target)).toEqual(before);
    expect(await readdir(root)).toEqual(['deck']);
  });

  it('puts the previous deck back when the swap itself fails', async () => {
    const root = await outRoot();
    const target = await build(root, 'deck', { 'index.html': 'previous' });
    const before = await snapshot(target);
    const s = await stage(root, 'deck');
    try {
      // The new deck's folder is gone: moving it into place must fail.
      await rm(s.dir, { recursive: true, force: true });
      const error = await rejection(s.commit());
      expect(error.code).toBe('BUILD_FAILED');
      expect(error.message).toContain(target);
      expect(await snapshot(target)).toEqual(before);
    } finally {
      await s.dispose();
    }
    expect(await readdir(root)).toEqual(['deck']);
  });
});

describe('folders left by a build that was killed', () => {
  async function leftover(root: string, name: string, marker: string | undefined, files: Record<string, string> = {}) {
    const dir = path.join(root, name);
    await mkdir(dir);
    if (marker !== undefined) await writeFile(path.join(dir, '.mujaz'), marker);
    for (const [rel, text] of Object.entries(files)) await writeFile(path.join(dir, rel), text);
  }

  it('puts back a previous deck left in the middle of a swap, and removes only its own temporary folders', async () => {
    const root = await outRoot();
    const marker = await markerText();
    await leftover(root, '.mujaz-tmp-deck-0a1b2c3d-old', marker, { 'index.html': 'previous' });
    await leftover(root, '.mujaz-tmp-deck-deadbeef', marker, { 'index.html': 'half' });
    await leftover(root, '.mujaz-tmp-deck-cafebabe', undefined, { 'keep.txt': 'not ours' });
    await leftover(root, '.mujaz-tmp-other-12345678', marker, { 'index.html': 'another slug' });
    const s = await stage(root, 'deck');
    try {
      expect(await readFile(path.join(s.target, 'index.html'), 'utf8')).toBe('previous');
    } finally {
      await s.dispose();
    }
    expect((await readdir(root)).sort()).toEqual(['.mujaz-tmp-deck-cafebabe', '.mujaz-tmp-other-12345678', 'deck']);
    expect(await readFile(path.join(root, 'deck', 'index.html'), 'utf8')).toBe('previous');
  });

  it('drops a leftover "-old" folder when a deck is in place', async () => {
    const root = await outRoot();
    const target = await build(root, 'deck', { 'index.html': 'current' });
    await leftover(root, '.mujaz-tmp-deck-0a1b2c3d-old', await markerText(), { 'index.html': 'older' });
    const s = await stage(root, 'deck');
    await s.dispose();
    expect(await readdir(root)).toEqual(['deck']);
    expect(await readFile(path.join(target, 'index.html'), 'utf8')).toBe('current');
  });
});

describe('one build of a slug at a time', () => {
  it('makes a second build of the same slug wait until the first is disposed', async () => {
    const root = await outRoot();
    const first = await stage(root, 'deck');
    let second: Staging | undefined;
    const timing = watchedWaits();
    const waiting = stage(root, 'deck', undefined, timing).then((s) => (second = s));
    try {
      await writeText(first.dir, 'index.html', 'first');
      // It has found the lock held, tried again and found it held still: it waits.
      await timing.waited(3, 'the second build to wait for the first');
      expect(second).toBeUndefined();
      await first.commit();
      // Committed but not disposed: the lock is still held, and the second build still finds it so.
      await timing.waited(3, 'the second build to wait after the commit');
      expect(second).toBeUndefined();
    } finally {
      await first.dispose();
    }
    const s = await waiting;
    try {
      expect(s.dir).not.toBe(first.dir);
      // It starts from the deck the first build committed, and replaces it.
      expect(await readFile(path.join(s.target, 'index.html'), 'utf8')).toBe('first');
      await writeText(s.dir, 'index.html', 'second');
      await s.commit();
    } finally {
      await s.dispose();
    }
    expect(await readFile(path.join(root, 'deck', 'index.html'), 'utf8')).toBe('second');
    expect(await readdir(root)).toEqual(['deck']);
  });

  it('never interleaves concurrent builds of one slug', async () => {
    const root = await outRoot();
    const events: string[] = [];
    const timing = watchedWaits();
    let toCome = 3;
    await Promise.all(
      [1, 2, 3].map(async (n) => {
        const s = await stage(root, 'deck', undefined, timing);
        try {
          toCome--;
          events.push(`start ${n}`);
          await writeText(s.dir, 'index.html', String(n));
          // Holding the lock until a build still to come has found it held (one that would interleave, could it).
          if (toCome > 0) await timing.waited(1, 'another build to find the lock held');
          await s.commit();
          events.push(`end ${n}`);
        } finally {
          await s.dispose();
        }
      }),
    );
    expect(events).toHaveLength(6);
    for (let i = 0; i < 6; i += 2) expect(events[i + 1]).toBe(events[i]!.replace('start', 'end'));
    expect(await readFile(path.join(root, 'deck', 'index.html'), 'utf8')).toBe(events[5]!.slice(4));
    expect(await readdir(root)).toEqual(['deck']);
  });

  it('does not make a build of another slug wait', async () => {
    const root = await outRoot();
    const first = await stage(root, 'deck');
    try {
      const other = await Promise.race([stage(root, 'other'), sleep(200).then(() => undefined)]);
      expect(other).toBeDefined();
      await other!.dispose();
    } finally {
      await first.dispose();
    }
  });

  it('stops waiting when the waiting build is aborted, and says why', async () => {
    const root = await outRoot();
    const first = await stage(root, 'deck');
    try {
      const abort = new AbortController();
      const timing = watchedWaits();
      const waiting = rejection(stage(root, 'deck', abort.signal, timing));
      await timing.waited(1, 'the second build to wait');
      abort.abort();
      const error = await waiting;
      expect(error.code).toBe('BUILD_FAILED');
      expect(error.message).toMatch(/another build of deck is still running/);
      expect(await exists(first.dir)).toBe(true);
    } finally {
      await first.dispose();
    }
    expect(await readdir(root)).toEqual([]);
  });
});

describe('writeText', () => {
  it('writes text as UTF-8 and bytes as they are, creating folders and replacing files', async () => {
    const dir = await outRoot();
    const arabic = 'موجز «ضبط التسلح»\n';
    await writeText(dir, 'index.html', arabic);
    expect((await readFile(path.join(dir, 'index.html'))).equals(Buffer.from(arabic, 'utf8'))).toBe(true);
    const bytes = new Uint8Array([0, 0xff, 0xfe, 10, 13, 0x80]);
    await writeText(dir, 'a/b/c/deck.pdf', bytes);
    expect([...(await readFile(path.join(dir, 'a/b/c/deck.pdf')))]).toEqual([...bytes]);
    await writeText(dir, 'index.html', 'short');
    expect(await readFile(path.join(dir, 'index.html'), 'utf8')).toBe('short');
  });

  it('fails as a build failure naming the file it could not write', async () => {
    const dir = await outRoot();
    await writeFile(path.join(dir, 'assets'), 'a file where a folder should be');
    const error = await rejection(writeText(dir, 'assets/deck.js', 'x'));
    expect(error.code).toBe('BUILD_FAILED');
    expect(error.message).toContain('could not write assets/deck.js');
    expect(await readFile(path.join(dir, 'assets'), 'utf8')).toBe('a file where a folder should be');
  });
});

describe('a lock whose owner is dead (a build killed with kill -9)', () => {
  /** A lock as a build left it: the library's folder, and its owner beside it. */
  async function leftLock(out: string, slug: string, owner: { pid: number; start: string; host: string }) {
    await mkdir(path.join(out, `.${slug}.lock`), { recursive: true });
    await writeFile(path.join(out, `.${slug}.lock.owner`), JSON.stringify(owner));
  }

  it('is taken over at once, and nothing of it is left', async () => {
    const out = await outRoot();
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    await leftLock(out, 'dead', { pid: gone, start: '1', host: os.hostname() });
    const started = performance.now();
    const s = await stage(out, 'dead');
    expect(performance.now() - started).toBeLessThan(2000);
    await writeText(s.dir, 'index.html', 'after the kill');
    await s.commit();
    await s.dispose();
    expect((await readdir(out)).sort()).toEqual(['dead']);
  });

  it('is taken over when its process id now belongs to another process (started at another time)', async () => {
    const out = await outRoot();
    await leftLock(out, 'reused', { pid: 1, start: `${processStart(1)}9`, host: os.hostname() });
    const s = await stage(out, 'reused');
    await s.dispose();
    expect(await readdir(out)).toEqual([]);
  });

  it('is waited for while its owner lives', async () => {
    const out = await outRoot();
    await leftLock(out, 'live', { pid: 1, start: processStart(1), host: os.hostname() });
    let taken = false;
    const controller = new AbortController();
    const timing = watchedWaits();
    const waiting = stage(out, 'live', controller.signal, timing).then(
      (s) => {
        taken = true;
        return s.dispose();
      },
      () => undefined,
    );
    // It asked after the owner, found it alive, and waited; again, and again.
    await timing.waited(3, 'the build to wait for the live owner');
    expect(taken).toBe(false);
    controller.abort();
    await waiting;
  });

  it('a build that holds its lock longer than the lock is refreshed keeps it', async () => {
    const out = await outRoot();
    // The lock refreshed every second (the library's least) instead of every five.
    const s = await stage(out, 'long', undefined, { staleMs: 2000, updateMs: 1000 });
    // Held until the lock has been refreshed twice: its folder's time set anew by its owner, which checks each
    // time that the time it finds is the one it set (finding another, it sets none and gives the lock up).
    const lock = path.join(out, '.long.lock');
    const times = new Set([(await lstat(lock)).mtimeMs]);
    await poll(async () => times.add((await lstat(lock)).mtimeMs).size >= 3, 'the lock to be refreshed twice', 10_000, 20);
    await writeText(s.dir, 'index.html', 'slow');
    await s.commit();
    await s.dispose();
    expect(await readFile(path.join(out, 'long', 'index.html'), 'utf8')).toBe('slow');
  }, 20_000);
});
