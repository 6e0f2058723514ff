/**
 * A brief's theme file: its organisation's colours, font, logos, footer and marking (schema.ts `Theme`),
 * read and validated like a brief, each problem at the theme file's line and column. Its logos follow the
 * brief's logo rules, inside the theme file's folder; the theme file itself is inside the brief's folder.
 * Colours too faint to read on the slide are refused, since the deck must stay readable (WCAG AA).
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Document } from 'yaml';
import { type Diagnostic, MujazError } from '../errors.js';
import { brandAsset } from './images.js';
import { diagnosticForPath } from './locate.js';
import { parseYaml } from './parse.js';
import { checkImages, type Logo, resolveInside } from './references.js';
import { DEFAULT_COLOURS, Theme } from './schema.js';
import { readRegularFile } from './read-file.js';
import { decodeSource, type SourceText } from './source-text.js';
import { validateYaml } from './validate.js';

/** A theme is a few lines: anything larger is not one. */
export const MAX_THEME_BYTES = 64 * 1024;

export type Colours = { [K in keyof typeof DEFAULT_COLOURS]: string };

export interface LoadedTheme {
  /** The theme file as messages name it (beside the brief's path as the user gave it). */
  file: string;
  theme: Theme;
  /** Every colour, the default theme's where the file gives none. */
  colours: Colours;
  /** Its logos, checked, kept in the deck as assets/brand-<n>.<ext>. */
  logos: Logo[];
  /** The theme file's text and YAML document, for problems found after loading (a footer too long to fit). */
  source?: SourceText;
  doc?: Document.Parsed;
}

/** The default theme: today's look. */
export const DEFAULT_THEME: LoadedTheme = { file: '', theme: {}, colours: { ...DEFAULT_COLOURS }, logos: [] };

/** WCAG 2 relative luminance of #rgb / #rrggbb. */
function luminance(hex: string): number {
  const h = hex.length === 4 ? [...hex.slice(1)].map((c) => c + c).join('') : hex.slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = Number.parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The pairs of colours the deck draws text in, and the contrast each needs (WCAG AA): 4.5:1, the accent's
 * too, since it also sets small text (a continuation's chip, an occasion, the marking).
 */
const PAIRS: { fg: keyof Colours; bg: keyof Colours; min: number; what: string }[] = [
  { fg: 'text', bg: 'background', min: 4.5, what: 'body text on the slide' },
  { fg: 'muted', bg: 'background', min: 4.5, what: 'secondary text (citations, the footer) on the slide' },
  { fg: 'primary', bg: 'background', min: 4.5, what: 'titles on the slide' },
  { fg: 'accent', bg: 'background', min: 4.5, what: 'sub-headings, chips and the marking on the slide' },
  { fg: 'text', bg: 'band', min: 4.5, what: 'text in boxes (chips, cards)' },
  { fg: 'primary', bg: 'band', min: 4.5, what: "the title slide's facts in their band" },
  { fg: 'muted', bg: 'band', min: 4.5, what: 'secondary text in boxes' },
];

function contrastProblems(src: SourceText, doc: Document.Parsed, theme: Theme, colours: Colours): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { fg, bg, min, what } of PAIRS) {
    const ratio = contrast(colours[fg], colours[bg]);
    if (ratio >= min) continue;
    // At the colour the file sets (the foreground if it sets both); a pair of two defaults cannot fail.
    const at = theme.colours?.[fg] !== undefined ? fg : bg;
    out.push(
      diagnosticForPath(
        src,
        doc,
        ['colours', at],
        `${colours[fg]} on ${colours[bg]} has a contrast of ${ratio.toFixed(2)}:1, under the ${min}:1 that ${what} needs to be read`,
        `choose a ${at === bg ? 'lighter or darker' : at === 'accent' ? 'stronger' : 'darker (or lighter)'} ${at} colour; a contrast checker gives the ratio of two colours`,
      ),
    );
  }
  return out;
}

async function readTheme(file: string, within: string): Promise<Uint8Array | string> {
  const read = await readRegularFile(file, MAX_THEME_BYTES, { noFollow: true, within });
  if (read.ok) return read.bytes;
  if (read.reason === 'too-large') return `${read.problem}: a theme file is a few lines`;
  return read.problem;
}

/**
 * The theme a brief names (`theme:`), or the problems with it: where the brief names it (a missing file, a
 * path leaving the brief's folder), or in the theme file itself.
 */
export async function loadTheme(
  briefFile: string,
  briefSrc: SourceText,
  briefDoc: Document.Parsed,
  briefDir: string,
  named: string,
): Promise<{ theme?: LoadedTheme; diagnostics: Diagnostic[] }> {
  const resolved = await resolveInside(briefDir, named);
  const atBrief = (message: string, hint: string) => ({ diagnostics: [diagnosticForPath(briefSrc, briefDoc, ['theme'], message, hint)] });
  if (typeof resolved !== 'string')
    return atBrief(resolved.problem, 'put the theme file in the brief\'s folder (or a folder below it), e.g. "themes/house.yaml"');
  const bytes = await readTheme(resolved, await realpath(briefDir));
  if (typeof bytes === 'string') return atBrief(`the theme file ${bytes}`, 'name a YAML theme file (see the README, "Themes")');
  const file = path.join(path.dirname(briefFile), named);
  let src: SourceText;
  try {
    src = decodeSource(file, bytes);
  } catch (error) {
    if (error instanceof MujazError && error.diagnostics.length > 0) return { diagnostics: [...error.diagnostics] };
    throw error;
  }
  const parsed = parseYaml(src);
  if (parsed.diagnostics.length > 0 || parsed.doc === undefined) return { diagnostics: parsed.diagnostics };
  const { value: theme, diagnostics } = validateYaml(Theme, src, parsed.doc, parsed.data);
  if (theme === undefined) return { diagnostics };
  const colours: Colours = { ...DEFAULT_COLOURS, ...theme.colours };
  const images = await checkImages(
    src,
    parsed.doc,
    path.dirname(resolved),
    (theme.logos ?? []).map((l, i) => ({ file: l.file, at: ['logos', i, 'file'], asset: brandAsset(l.file, i + 1) })),
    'theme file',
  );
  const problems = [...images.diagnostics, ...contrastProblems(src, parsed.doc, theme, colours)];
  if (problems.length > 0) return { diagnostics: problems };
  return { theme: { file, theme, colours, logos: images.logos, source: src, doc: parsed.doc }, diagnostics: [] };
}
