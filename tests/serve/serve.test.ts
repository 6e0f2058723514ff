/**
 * `mujaz serve` end to end: the real CLI, real Chromium, real saves. Every wait is bounded; nothing asserts
 * speed (the edit-to-reload times are printed for the bench).
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { suiteChromium, removeDir, runCli, tempDir } from '../support/build.js';
import { alive, childrenOf, copyBundledBrief, freePort, poll, rawGet, startCli, type Running } from './helpers.js';

const OVERLAY = '#mujaz-live-overlay';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function openDeck(browser: BrowserContext, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.dataset.mujazReady === 'true' && document.documentElement.dataset.mujazLive === 'connected', {
    timeout: 10_000,
  });
  return page;
}

const problemRows = (page: Page) => page.$$eval(`${OVERLAY} .mujaz-live-problem`, (els) => els.map((e) => e.textContent ?? ''));
const overlayText = (page: Page) => page.evaluate((sel) => document.querySelector(sel)?.textContent ?? null, OVERLAY);

/** What a WebSocket connection attempt ends in: the first message, or the error. */
function tryWebSocket(url: string, origin?: string): Promise<{ opened: boolean; message?: string; error?: string }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, origin ? { origin } : {});
    const timer = setTimeout(() => {
      ws.terminate();
      resolve({ opened: false, error: 'timeout' });
    }, 10_000);
    ws.on('message', (data) => {
      clearTimeout(timer);
      ws.close();
      resolve({ opened: true, message: String(data) });
    });
    ws.on('error', (error) => {
      clearTimeout(timer);
      resolve({ opened: false, error: error.message });
    });
  });
}

describe('mujaz serve', () => {
  let dir: string;
  let brief: string;
  let original: string;
  let port: number;
  let url: string;
  let server: Running;
  let browser: BrowserContext;
  let previewRoot: string;
  const latencies: number[] = [];

  beforeAll(async () => {
    dir = await tempDir('mujaz-serve-');
    brief = await copyBundledBrief(dir);
    original = await readFile(brief, 'utf8');
    port = await freePort();
    [server, browser] = await Promise.all([startCli(['serve', brief, '--port', String(port)]), suiteChromium()]);
    url = (await server.waitFor(/^http:\/\/127\.0\.0\.1:\d+\/$/m, 30_000, 'stdout'))[0];
    previewRoot = (await server.waitFor(/preview built in (\S+)\)/, 10_000, 'stderr'))[1]!;
  });

  afterAll(async () => {
    server?.kill();
    await browser?.close();
    if (dir) await removeDir(dir);
    if (latencies.length) console.log(`[bench] serve edit→reload (ms): ${latencies.map((l) => Math.round(l)).join(', ')}`);
  });

  it('prints the URL on 127.0.0.1 and serves the deck with the live-reload script (not on disk)', async () => {
    expect(url).toBe(`http://127.0.0.1:${port}/`);
    const index = await rawGet(port, '/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<script src="/__mujaz/live-reload.js"');
    expect(index.body).toContain('http-equiv="Content-Security-Policy"');
    // fault: preview-framed (tests/robustness/faults.ts)
    // No other site may frame it.
    expect(index.headers['x-frame-options']).toBe('DENY');
    expect(index.headers['content-security-policy']).toBe("frame-ancestors 'none'");
    const onDisk = await readFile(path.join(previewRoot, 'issi-russia-roundtable', 'index.html'), 'utf8');
    expect(onDisk).not.toContain('live-reload');
    expect((await rawGet(port, '/assets/deck.js')).status).toBe(200);
    expect((await rawGet(port, '/__mujaz/live-reload.js')).status).toBe(200);
  });

  it('reloads the open deck on the same slide when the brief is saved', async () => {
    const page = await openDeck(browser, url);
    const csp: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
    });
    await page.evaluate(() => (window as unknown as { Reveal: { slide(h: number): void } }).Reveal.slide(3));
    // reveal names the slide in the hash (its id, or its index), which is what survives a reload.
    const id = await page.evaluate(() => (window as unknown as { Reveal: { getCurrentSlide(): HTMLElement } }).Reveal.getCurrentSlide().id);
    const hash = `#/${id}`;
    await poll(() => page.evaluate((h) => location.hash === h, hash), 'the hash to follow the slide');
    let text = original;
    for (const n of [1, 2, 3]) {
      const title = `عنوان تجريبي رقم ${n}`;
      text = text.replace(/^title: .*$/m, `title: ${title}`);
      const started = performance.now();
      await writeFile(brief, text);
      await poll(
        () => page.evaluate((t) => document.title === t && document.documentElement.dataset.mujazReady === 'true', title),
        `the title "${title}" after a save`,
        10_000,
        10,
      );
      latencies.push(performance.now() - started);
      expect(await page.evaluate(() => (window as unknown as { Reveal: { getIndices(): { h: number } } }).Reveal.getIndices().h)).toBe(3);
      expect(await page.evaluate(() => location.hash)).toBe(hash);
    }
    await poll(() => page.evaluate(() => document.documentElement.dataset.mujazLive === 'connected'), 'the socket to reconnect');
    expect(csp).toEqual([]);
    await page.close();
  });

  it('keeps the last good deck under an overlay on a broken save, in every tab, and clears it when mended', async () => {
    const page = await openDeck(browser, url);
    const goodTitle = await page.evaluate(() => document.title);
    const broken = original.replace(/^dir: rtl$/m, '  dir: rtl'); // line 4: indented deeper than the key above it
    await writeFile(brief, broken);
    await poll(() => overlayText(page), 'the overlay');
    const rows = await problemRows(page);
    expect(rows.length).toBeGreaterThan(0);
    // Each row is `file:line:col: error: message` (the parser may blame line 3 or 4), as in the terminal.
    const where = rows[0]!.match(new RegExp(`^${escapeRegExp(brief)}:([34]):(\\d+): error: .+$`));
    expect(where, rows[0]).not.toBeNull();
    for (const row of rows) await server.waitFor(new RegExp(escapeRegExp(row)), 10_000, 'stderr');
    // The deck is still there, readable under the overlay; the overlay reads left to right, in monospace.
    expect(await page.evaluate(() => document.title)).toBe(goodTitle);
    expect(await page.evaluate(() => document.querySelectorAll('.reveal .slides > section').length)).toBeGreaterThan(5);
    const look = await page.evaluate((sel) => {
      const el = document.querySelector(sel) as HTMLElement;
      const cs = getComputedStyle(el);
      return { dir: el.getAttribute('dir'), font: cs.fontFamily, direction: cs.direction, position: cs.position };
    }, OVERLAY);
    expect(look.dir).toBe('ltr');
    expect(look.direction).toBe('ltr');
    expect(look.position).toBe('fixed');
    expect(look.font).toMatch(/mono/i);

    // A tab opened while the brief is broken shows the problems at once.
    const late = await browser.newPage();
    await late.goto(url, { waitUntil: 'load' });
    expect(await poll(() => overlayText(late), 'the overlay in a new tab')).toContain(`${brief}:${where![1]}:${where![2]}`);

    const mendedTitle = 'عنوان بعد الإصلاح';
    const started = performance.now();
    await writeFile(brief, original.replace(/^title: .*$/m, `title: ${mendedTitle}`));
    for (const p of [page, late]) {
      await poll(
        () =>
          p.evaluate(
            (t, sel) => document.title === t && document.documentElement.dataset.mujazReady === 'true' && !document.querySelector(sel),
            mendedTitle,
            OVERLAY,
          ),
        'the mended deck without the overlay',
      );
    }
    latencies.push(performance.now() - started);
    await Promise.all([page.close(), late.close()]);
  });

  it('refuses paths outside the deck, dotfiles and foreign Host headers', async () => {
    for (const p of [
      '/../',
      '/..%2f',
      '/%2e%2e/',
      '/%2e%2e%2f',
      '/%2e%2e%2fissi-russia-roundtable%2findex.html',
      '/assets/../../',
      '/assets/%2e%2e/%2e%2e/etc/passwd',
      '/%252e%252e/',
      '/.mujaz',
      '/assets%5c..%5c..%5c',
      '/%00',
    ]) {
      const res = await rawGet(port, p);
      expect(res.status, p).toBe(404);
    }
    for (const host of ['evil.example', `evil.example:${port}`, '127.0.0.1:1', `127.0.0.1.evil.example:${port}`]) {
      const res = await rawGet(port, '/', host);
      expect(res.status, host).toBe(403);
      expect(res.body).not.toContain('<html');
    }
    expect((await rawGet(port, '/', `localhost:${port}`)).status).toBe(200);
  });

  it('accepts the live-reload socket only from its own origin', async () => {
    const ws = `ws://127.0.0.1:${port}/__mujaz/ws`;
    const foreign = await tryWebSocket(ws, 'http://evil.example');
    expect(foreign.opened).toBe(false);
    expect(foreign.error).toMatch(/403/);
    const none = await tryWebSocket(ws);
    expect(none.opened).toBe(false);
    const own = await tryWebSocket(ws, `http://127.0.0.1:${port}`);
    expect(own.opened).toBe(true);
    expect(JSON.parse(own.message!)).toMatchObject({ type: 'state', problems: [] });
    expect((await tryWebSocket(`ws://127.0.0.1:${port}/elsewhere`, `http://127.0.0.1:${port}`)).opened).toBe(false);
  });

  it('says clearly when the port is taken', async () => {
    const second = await runCli(['serve', brief, '--port', String(port)], { timeoutMs: 30_000 });
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`port ${port} is already in use`);
    expect(second.stderr).toContain('--port');
  });

  it('stops on Ctrl-C within 5 s with exit code 130, leaving no process or preview behind', async () => {
    const pid = server.child.pid!;
    const children = childrenOf(pid);
    server.child.kill('SIGINT');
    const result = await Promise.race([server.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5_000))]);
    expect(result).toEqual({ code: 130, signal: null });
    expect(alive(pid)).toBe(false);
    for (const c of children) expect(alive(c)).toBe(false);
    expect(existsSync(previewRoot)).toBe(false);
    await expect(rawGet(port, '/')).rejects.toThrow();
  });
});

describe('mujaz serve with a brief broken from the start', () => {
  let dir: string;
  let server: Running | undefined;
  let browser: BrowserContext | undefined;

  beforeAll(async () => {
    dir = await tempDir('mujaz-serve-broken-');
  });

  afterAll(async () => {
    server?.kill();
    await browser?.close();
    await removeDir(dir);
  });

  it('shows the problems, then the deck once the brief is mended', async () => {
    const brief = await copyBundledBrief(dir);
    const good = await readFile(brief, 'utf8');
    await writeFile(brief, good.replace(/^title: /m, 'titel: '));
    const port = await freePort();
    [server, browser] = await Promise.all([startCli(['serve', brief, '--port', String(port)]), suiteChromium()]);
    const url = (await server.waitFor(/^http:\/\/127\.0\.0\.1:\d+\/$/m, 30_000, 'stdout'))[0];
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const shown = await poll(() => overlayText(page), 'the overlay on the waiting page');
    expect(shown).toContain(`${brief}:5:1: error: titel: unknown key "titel"`);
    await writeFile(brief, good);
    await poll(() => page.evaluate(() => document.documentElement.dataset.mujazReady === 'true'), 'the deck after the fix');
    expect(await overlayText(page)).toBeNull();
    server.child.kill('SIGINT');
    expect((await server.exited).code).toBe(130);
  });
});
