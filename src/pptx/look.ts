/**
 * The deck's look, in PowerPoint's units: the slide (SLIDE, 1280×720 CSS px) is 16:9 at 96 px to the inch,
 * so one px is 9525 EMU and 0.75 pt. The colours and sizes are the theme's (templates/theme/mujaz.css), so a
 * slide of the PPTX is laid out as the deck's is.
 */
import { type Deck, SLIDE } from '../deck/model.js';

export const EMU_PER_PX = 9525;
export const emu = (px: number): number => Math.round(px * EMU_PER_PX);
/** A font size, or a length in points, in hundredths of a point (DrawingML's `sz`, `spcPts`). */
export const pt100 = (px: number): number => Math.round(px * 75);

export const SLIDE_EMU = { cx: emu(SLIDE.width), cy: emu(SLIDE.height) } as const;

/** The deck's colours, as PowerPoint writes them (RRGGBB). */
export interface Palette {
  ink: string;
  muted: string;
  navy: string;
  accent: string;
  accentSoft: string;
  rule: string;
  paper: string;
  band: string;
}

const hex = (c: string): string => (c.length === 4 ? [...c.slice(1)].map((x) => x + x).join('') : c.slice(1)).toUpperCase();

/** `share` of `a` mixed into `b`, as CSS color-mix(in srgb, a share, b) does. */
function mix(a: string, share: number, b: string): string {
  const [x, y] = [hex(a), hex(b)];
  return [0, 2, 4]
    .map((i) =>
      Math.round(Number.parseInt(x.slice(i, i + 2), 16) * share + Number.parseInt(y.slice(i, i + 2), 16) * (1 - share))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')
    .toUpperCase();
}

/** The deck's theme (its brand's colours, templates/theme/mujaz.css's where a theme file gives none) in PowerPoint's terms. */
export function paletteOf(deck: Deck): Palette {
  const c = deck.brand.colours;
  return {
    ink: hex(c.text),
    muted: hex(c.muted),
    navy: hex(c.primary),
    accent: hex(c.accent),
    accentSoft: mix(c.accent, 0.09, c.background),
    rule: mix(c.muted, 0.25, c.background),
    paper: hex(c.background),
    band: hex(c.band),
  };
}

/** The bundled font (templates/fonts/): it draws every script of the deck. */
export const FONT = 'Amiri';

/** Type sizes in CSS px, and line heights (as multiples of the size). */
export const TYPE = {
  body: 29,
  /** The body type of a slide set a step larger: the scale's next step. */
  larger: 34,
  lead: 30,
  h1: 58,
  h2: 42,
  h3: 29,
  kicker: 28,
  subtitle: 30,
  facts: 26,
  factsInline: 25,
  cite: 18,
  chipCite: 17,
  continuation: 20,
  occasion: 22,
  region: 22,
  gap: 23,
  table: 21,
  /** A link (the report's URL): a step smaller than body type, as the deck sets it. */
  url: 22,
  footer: 18,
  cardMarker: 34,
  cardTitle: 31,
  cardLatin: 22,
  cardText: 24,
  smaller: 22,
  smallerH2: 34,
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
