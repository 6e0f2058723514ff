/** The library API builds the PDF too: with a browser it is given (and leaves open), or with one of its own. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Browser, buildOne } from '../../src/index.js';
import { pdfinfo, processes } from '../pdf/support.js';
import { bundledBrief, removeDir, tempDir } from '../support/build.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map(removeDir));
});

describe('buildOne', () => {
  it('with pdf: true and no browser, starts one, prints the PDF, and stops it', async () => {
    const out = await tempDir();
    dirs.push(out);
    const result = await buildOne(bundledBrief, { outRoot: out, pdf: true, handout: true });
    expect(result.pages).toBe(result.slides);
    expect((await pdfinfo(path.join(result.dir, `${result.slug}.pdf`))).Pages).toBe(String(result.slides));
    expect(existsSync(path.join(result.dir, `${result.slug}-handout.pdf`))).toBe(true);
    expect((await processes()).filter((p) => p.ppid === process.pid && /chrom/i.test(p.args))).toEqual([]);
  });

  it('prints in a browser it is given, and leaves it open for the caller', async () => {
    const out = await tempDir();
    dirs.push(out);
    await using browser = await Browser.launch();
    const result = await buildOne(bundledBrief, { outRoot: out, pdf: true, browser });
    expect(result.pages).toBe(result.slides);
    // Still usable.
    const elsewhere = await tempDir();
    dirs.push(elsewhere);
    const again = await buildOne(bundledBrief, { outRoot: elsewhere, pdf: true, browser });
    expect(again.pages).toBe(result.slides);
    expect(browser.pid && (await processes()).some((p) => p.pid === browser.pid)).toBe(true);
  });

  it('with pdf: false, writes the HTML deck only', async () => {
    const out = await tempDir();
    dirs.push(out);
    const result = await buildOne(bundledBrief, { outRoot: out, pdf: false });
    expect(result.pages).toBeNull();
    expect(existsSync(path.join(result.dir, 'index.html'))).toBe(true);
    expect(existsSync(path.join(result.dir, `${result.slug}.pdf`))).toBe(false);
  });
});
