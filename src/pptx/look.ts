/**
 * The deck's look, in PowerPoint's units: the slide (SLIDE, 1280×720 CSS px) is 16:9 at 96 px to the inch,
 * so one px is 9525 EMU and 0.75 pt. The colours and sizes are the theme's (templates/theme/mujaz.css), so a
 * slide of the PPTX is laid out as the deck's is.
 */
import { SLIDE } from '../deck/model.js';

export const EMU_PER_PX = 9525;
export const emu = (px: number): number => Math.round(px * EMU_PER_PX);
/** A font size, or a length in points, in hundredths of a point (DrawingML's `sz`, `spcPts`). */
export const pt100 = (px: number): number => Math.round(px * 75);

export const SLIDE_EMU = { cx: emu(SLIDE.width), cy: emu(SLIDE.height) } as const;

/** The theme's colours (mujaz.css :root). */
export const COLOR = {
  ink: '17212B',
  muted: '4A5866',
  navy: '0D2C4B',
  accent: '8A5A00',
  accentSoft: 'F6EFE2',
  rule: 'D5DBE1',
  paper: 'FFFFFF',
  band: 'F3F5F7',
} as const;

/** The bundled font (templates/fonts/): it draws every script of the deck. */
export const FONT = 'Amiri';

/** Type sizes in CSS px, and line heights (as multiples of the size). */
export const TYPE = {
  body: 29,
  lead: 30,
  h1: 52,
  h2: 40,
  h3: 27,
  kicker: 28,
  subtitle: 30,
  facts: 26,
  factsInline: 25,
  cite: 19,
  chipCite: 17,
  continuation: 20,
  occasion: 22,
  region: 22,
  gap: 23,
  table: 21,
  footer: 18,
  cardMarker: 34,
  cardTitle: 31,
  cardLatin: 22,
  cardText: 24,
  dense: 22,
  denseH2: 34,
  notes: 12 / 0.75,
  line: 1.6,
  headingLine: 1.35,
} as const;

/** The frame's padding, the header, the footer: where the body goes. */
export const FRAME = {
  top: 44,
  side: 64,
  headerRule: 3,
  headerGap: 14,
  bodyGap: 24,
  footer: 52,
} as const;

/**
 * Average advances in Amiri, in ems (measured on the bundled decks' lines): Arabic letters are narrower than
 * Latin ones. The layout's estimate of how many lines a text takes, erring a little wide.
 */
const ADVANCE = { arabic: 0.38, space: 0.25, other: 0.5 } as const;

/** The width in px of a text at `size` px, estimated. */
export function textWidth(text: string, size: number): number {
  let ems = 0;
  for (const ch of text) ems += /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/.test(ch) ? ADVANCE.arabic : /\s/.test(ch) ? ADVANCE.space : ADVANCE.other;
  return ems * size;
}

/** The lines a text takes at `size` px in a measure of `width` px. */
export function linesFor(text: string, size: number, width: number): number {
  return Math.max(1, Math.ceil(textWidth(text, size) / width));
}
