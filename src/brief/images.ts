/**
 * What an image a brief names really is, read from its first bytes, not its name: PNG, JPEG or WebP, and
 * its size in pixels. A file that is none of them (an HTML page or an SVG renamed logo.png) or an image too
 * large to be a logo (a decompression bomb: a few kilobytes that decode to gigabytes) is refused.
 */
export type ImageKind = 'png' | 'jpeg' | 'webp';

/** The most pixels on a side, and in all, of a logo. */
export const IMAGE_LIMITS = { side: 8000, pixels: 40_000_000 } as const;

export interface ImageInfo {
  kind: ImageKind;
  width: number;
  height: number;
}

const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u32be = (b: Uint8Array, i: number) => ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;
const u24le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));

function png(b: Uint8Array): ImageInfo | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length < 24 || !signature.every((x, i) => b[i] === x) || ascii(b, 12, 4) !== 'IHDR') return undefined;
  return { kind: 'png', width: u32be(b, 16), height: u32be(b, 20) };
}

function jpeg(b: Uint8Array): ImageInfo | undefined {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) return undefined;
  // The first start-of-frame segment (SOF0–SOF15 but DHT, JPG and DAC) gives the size.
  for (let i = 2; i + 9 < b.length; ) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    const length = u16be(b, i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { kind: 'jpeg', width: u16be(b, i + 7), height: u16be(b, i + 5) };
    }
    i += 2 + length;
  }
  return undefined;
}

function webp(b: Uint8Array): ImageInfo | undefined {
  if (b.length < 30 || ascii(b, 0, 4) !== 'RIFF' || ascii(b, 8, 4) !== 'WEBP') return undefined;
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8X') return { kind: 'webp', width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  if (chunk === 'VP8 ') return { kind: 'webp', width: (b[26]! | (b[27]! << 8)) & 0x3fff, height: (b[28]! | (b[29]! << 8)) & 0x3fff };
  if (chunk === 'VP8L') {
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return { kind: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  return undefined;
}

/** The image these first bytes begin (at least the first 64 KiB of the file), or undefined. */
export function imageInfo(head: Uint8Array): ImageInfo | undefined {
  return png(head) ?? jpeg(head) ?? webp(head);
}

/** Why this file cannot be a logo, or undefined when it can. */
export function imageProblem(head: Uint8Array): string | undefined {
  const info = imageInfo(head);
  if (!info) return 'is not a PNG, JPEG or WebP image (its bytes are not those of one, whatever its name says)';
  const { width, height } = info;
  if (width === 0 || height === 0) return `is a ${info.kind.toUpperCase()} image with no pixels`;
  if (width > IMAGE_LIMITS.side || height > IMAGE_LIMITS.side || width * height > IMAGE_LIMITS.pixels) {
    return `is a ${info.kind.toUpperCase()} image of ${width}×${height} pixels, more than a logo needs (at most ${IMAGE_LIMITS.side} on a side and ${IMAGE_LIMITS.pixels / 1_000_000} million in all)`;
  }
  return undefined;
}

/** A file's extension, lower-cased, with its dot (".png"), or "". */
function extension(file: string): string {
  return /\.[a-z0-9]+$/i.exec(file)?.[0]?.toLowerCase() ?? '';
}

/**
 * Where the deck's folder keeps a brief's logo (src/assets/assets.ts copies it there, the title slide shows
 * it): the host's is assets/logo.<ext>; the n-th organiser's (1-based), assets/logo-<n>.<ext>.
 */
export function logoAsset(file: string, organiser = 0): string {
  return organiser === 0 ? `assets/logo${extension(file)}` : `assets/logo-${organiser}${extension(file)}`;
}

/** Where the deck's folder keeps the n-th (1-based) logo of the brief's theme: assets/brand-<n>.<ext>. */
export function brandAsset(file: string, n: number): string {
  return `assets/brand-${n}${extension(file)}`;
}
