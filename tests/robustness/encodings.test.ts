/**
 * A byte order mark and CRLF line endings change nothing: the deck built from such a brief is the same,
 * byte for byte, as the deck built from the plain UTF-8, LF brief.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { briefFolder, bundledSlug, bundledText, hashFolder } from '../fixtures/briefs.js';
import { removeDir, runCli, tempDir } from '../support/build.js';

let root: string;
beforeAll(async () => {
  root = await tempDir('mujaz-encodings-');
});
afterAll(async () => {
  await removeDir(root);
});

async function buildVariant(name: string, bytes: Uint8Array): Promise<{ html: Buffer; hash: string }> {
  const file = await briefFolder(path.join(root, name), bytes);
  const out = path.join(root, name, 'output');
  const result = await runCli(['build', file, '--no-pdf', '-o', out]);
  expect(result.code, result.stderr).toBe(0);
  const deck = path.join(out, bundledSlug);
  return { html: await readFile(path.join(deck, 'index.html')), hash: await hashFolder(deck) };
}

describe('BOM and CRLF', () => {
  it('build the same deck as the plain brief, byte for byte', async () => {
    const crlf = bundledText.replace(/\n/g, '\r\n');
    expect(crlf).not.toBe(bundledText);
    const [plain, bom, windows, both] = await Promise.all([
      buildVariant('plain', Buffer.from(bundledText)),
      buildVariant('bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(bundledText)])),
      buildVariant('crlf', Buffer.from(crlf)),
      buildVariant('bom-crlf', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf)])),
    ]);
    expect(plain.html.length).toBeGreaterThan(1000);
    expect(plain.html.includes(0x0d)).toBe(false);
    for (const variant of [bom, windows, both]) {
      expect(variant.html.equals(plain.html)).toBe(true);
      expect(variant.hash).toBe(plain.hash);
    }
  });
});
