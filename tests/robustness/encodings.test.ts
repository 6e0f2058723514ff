/**
 * A byte order mark and CRLF line endings change nothing: the deck built from such a brief is the same,
 * byte for byte, as the deck built from the plain UTF-8, LF brief.
 */
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { briefFolder, bundledDir, bundledSlug, bundledText, hashFolder } from '../fixtures/briefs.js';
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

/** `text` with a NUL byte put `at` its UTF-16 offset; and the 1-based line and column (in code points) there. */
function withNul(text: string, at: number): { bytes: Buffer; line: number; col: number } {
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const col = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
  return { bytes: Buffer.from(`${before}\0${text.slice(at)}`), line, col };
}

/** The offset of the `n`-th character of the line after the first byte `bytes` (so the NUL lands early or late). */
function offsetAfterByte(text: string, bytes: number): number {
  const prefix = Buffer.from(text)
    .subarray(0, bytes)
    .toString('utf8')
    .replace(/\uFFFD$/, '');
  const next = text.indexOf('\n', prefix.length);
  return next + 4; // inside the next line, after its first three characters
}

// fault: nul-in-utf8 (tests/robustness/faults.ts)
describe('a NUL byte in UTF-8 text', () => {
  const report = readFileSync(path.join(bundledDir, 'sources', 'issi-russia-roundtable.ar.txt'), 'utf8');

  it.each([
    ['in the first 4 KiB', 100],
    ['after 4 KiB', 4200],
  ])('of a report (%s): refused at source.file, the NUL named at its own line and column, not as UTF-16', async (_name, byte) => {
    const { bytes, line, col } = withNul(report, offsetAfterByte(report, byte));
    const dir = path.join(root, `report-nul-${byte}`);
    const file = await briefFolder(dir, bundledText);
    await writeFile(path.join(dir, 'sources', 'issi-russia-roundtable.ar.txt'), bytes);
    const result = await runCli(['check', file]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain(
      `: error: source.file: the report holds a NUL byte (U+0000), which text has no use for (sources/issi-russia-roundtable.ar.txt:${line}:${col})`,
    );
    expect(result.stderr).not.toMatch(/UTF-16/);
    // init --from the same report: the NUL at its line and column in the report.
    const init = await runCli(['init', 'nul-report', '--from', path.join(dir, 'sources', 'issi-russia-roundtable.ar.txt'), '--dir', path.join(dir, 'new')]);
    expect(init.code, init.stderr).toBe(1);
    expect(init.stderr).toContain(`issi-russia-roundtable.ar.txt:${line}:${col}: error: the file holds a NUL byte (U+0000)`);
    expect(init.stderr).toContain('\\x00');
    expect(init.stderr).not.toMatch(/UTF-16|\0/);
  });

  it.each([
    ['in the first 4 KiB', 100],
    ['after 4 KiB', 6000],
  ])('of a brief (%s): refused at its line and column', async (_name, byte) => {
    const { bytes, line, col } = withNul(bundledText, offsetAfterByte(bundledText, byte));
    const file = await briefFolder(path.join(root, `brief-nul-${byte}`), bytes);
    const result = await runCli(['check', file]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain(`${file}:${line}:${col}: error: the file holds a NUL byte (U+0000)`);
    expect(result.stderr).not.toMatch(/UTF-16|\0/);
  });

  it('of a theme: refused at its line and column in the theme file', async () => {
    const dir = path.join(root, 'theme-nul');
    const file = await briefFolder(dir, `${bundledText.replace(/^title:/m, 'theme: house.yaml\ntitle:')}`);
    await writeFile(path.join(dir, 'house.yaml'), 'name: بيت\nfooter: وحدة\0 موجز\n');
    const result = await runCli(['check', file]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain(`${path.join(dir, 'house.yaml')}:2:13: error: the file holds a NUL byte (U+0000)`);
    expect(result.stderr).not.toMatch(/UTF-16/);
  });

  it('real UTF-16 without a byte-order mark is still told apart (its zero bytes fall on one side)', async () => {
    const dir = path.join(root, 'utf16-plain');
    const file = await briefFolder(dir, bundledText);
    await writeFile(path.join(dir, 'sources', 'issi-russia-roundtable.ar.txt'), Buffer.from(report, 'utf16le'));
    const result = await runCli(['check', file]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/source\.file: the report is UTF-16 \(little-endian\) text, not UTF-8/);
  });
});
