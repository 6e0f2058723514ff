/** Images and reports are taken for what their bytes are, not what their names say. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { loadBrief } from '../../src/brief/load.js';
import { imageInfo, imageProblem } from '../../src/brief/images.js';
import type { MujazError } from '../../src/errors.js';
import { ownVariants } from '../support/own-variants.js';
import { bundledObject } from '../support/variants.js';

const writeVariant = ownVariants();

/** A PNG's first bytes: the signature and an IHDR of this size (enough to be read, never decoded). */
function pngHeader(width: number, height: number): Buffer {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'ascii');
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  return b;
}

async function problemsWithLogo(bytes: Buffer, name: string): Promise<string[]> {
  const brief = await bundledObject();
  brief.event.host.logo = { file: name, alt: 'شعار' };
  const { dir, file } = await writeVariant(brief, 'logo');
  await writeFile(path.join(dir, name), bytes);
  return loadBrief(file).then(
    () => [],
    (e: unknown) => (e as MujazError).diagnostics.map((d) => d.message),
  );
}

// fault: lying-images (tests/robustness/faults.ts)
describe('images', () => {
  it('reads the kind and size of PNG, JPEG and WebP from their first bytes', () => {
    const png = new PNG({ width: 120, height: 60 });
    expect(imageInfo(PNG.sync.write(png))).toEqual({ kind: 'png', width: 120, height: 60 });
    // A baseline JPEG: SOI, an APP0 segment, then SOF0 with height 50 and width 80.
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x32, 0x00, 0x50, 0x03, 0, 0, 0, 0]);
    expect(imageInfo(jpeg)).toEqual({ kind: 'jpeg', width: 80, height: 50 });
    // A lossless WebP (VP8L) of 100×40.
    const bits = (100 - 1) | ((40 - 1) << 14);
    const webp = Buffer.alloc(30);
    webp.write('RIFF', 0, 'ascii');
    webp.write('WEBPVP8L', 8, 'ascii');
    webp[20] = 0x2f;
    webp.writeUInt32LE(bits, 21);
    expect(imageInfo(webp)).toEqual({ kind: 'webp', width: 100, height: 40 });
  });

  it.each([
    ['an HTML page named logo.png', Buffer.from('<!doctype html><script>alert(1)</script>'), 'logo.png', /is not a PNG, JPEG or WebP image/],
    [
      'an SVG named logo.webp',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      'logo.webp',
      /is not a PNG, JPEG or WebP image/,
    ],
    ['a 30000×30000 PNG (a decompression bomb)', pngHeader(30000, 30000), 'logo.png', /is a PNG image of 30000×30000 pixels, more than a logo needs/],
  ])('refuses %s, at the logo', async (_what, bytes, name, expected) => {
    const problems = await problemsWithLogo(bytes, name);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^event\.host\.logo\.file: /);
    expect(problems[0]).toMatch(expected);
  });

  it('takes a real logo', async () => {
    const png = new PNG({ width: 320, height: 96 });
    expect(await problemsWithLogo(PNG.sync.write(png), 'logo.png')).toEqual([]);
    expect(imageProblem(pngHeader(8000, 5000))).toBeUndefined();
  });
});

// fault: utf16-report (tests/robustness/faults.ts)
describe('reports', () => {
  const orders: [order: 'little-endian' | 'big-endian', encoding: 'utf16le' | 'utf16be', bom: boolean][] = [
    ['little-endian', 'utf16le', false],
    ['little-endian', 'utf16le', true],
    ['big-endian', 'utf16be', false],
  ];
  it.each(orders)('refuses a report in UTF-16 (%s, byte-order mark: %s), saying so at source.file', async (order, encoding, bom) => {
    const brief = await bundledObject();
    const { dir, file } = await writeVariant(brief, 'utf16');
    const text = 'الفقرة الأولى من التقرير\nالفقرة الثانية\n'.repeat(12);
    let bytes = Buffer.from(text, 'utf16le');
    if (encoding === 'utf16be') bytes.swap16();
    if (bom) bytes = Buffer.concat([Buffer.from(encoding === 'utf16be' ? [0xfe, 0xff] : [0xff, 0xfe]), bytes]);
    await writeFile(path.join(dir, brief.source.file), bytes);
    const problems = await loadBrief(file).then(
      () => [],
      (e: unknown) => (e as MujazError).diagnostics.map((d) => d.message),
    );
    expect(problems).toEqual([`source.file: the report is UTF-16 (${order}) text, not UTF-8`]);
  });
});
