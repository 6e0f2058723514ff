/**
 * Right-to-left marks where poppler needs them. pdftotext reads a right-to-left line by taking each stretch
 * of left-to-right characters (digits, Latin) together with the spaces and punctuation up to the next Arabic
 * letter, in visual order (poppler TextOutputDev.cc, `reorderText`): so «في ١٢ أكتوبر» came back «في  ١٢أكتوبر»,
 * «الفقرات ١، ٢، ٤» as «الفقرات ٤ ،٢ ،١» and «٩–١٢» as «١٢–٩». A mark after each such stretch, where it ends on
 * the page (its left edge), ends it there, as the text reads: an invisible glyph of no width that reads as U+200F,
 * which pdf.js skips and PDFium orders by its place.
 */
import type { Unit } from './units.js';

/**
 * A glyph's bidi class, from its text: Latin (L: any letter of the Latin script, src/latin.ts), a digit (D),
 * Arabic (R), a combining mark drawn as a glyph of its own (M: it takes the class of its letter, the glyph
 * before it on the line), or neither (N).
 */
export type Bidi = 'L' | 'D' | 'R' | 'M' | 'N';

/**
 * For a right-to-left document: each glyph's bidi class, and a glyph that draws nothing and reads as U+200F
 * (RIGHT-TO-LEFT MARK) in a font, if one can be had.
 */
export interface Marks {
  bidi(font: string, code: number): Bidi;
  /** A dash (‐ to ―, −, -): what a range of numbers is written with. */
  dash(font: string, code: number): boolean;
  /** A separator inside a number: . , ٫ ٬ : / (bidi classes CS and ES). */
  separator(font: string, code: number): boolean;
  rlm(font: string): number | undefined;
}

/**
 * The marks to write, each before the operator (a Tj) whose glyph it goes before: the lines of the page are
 * taken across units, in each graphics state (`context`, one per unit), and read glyph by glyph left to right.
 */
export function bidiMarks(units: Unit[], marks: Marks, context: string[]): Map<number, Uint8Array> {
  const inserts = new Map<number, Uint8Array>();
  // The lines of the page, across boxes («٢» and «من ١٤» may be two), in each coordinate system.
  const byContext = new Map<string, Map<number, NonNullable<Unit['glyphs']>>>();
  units.forEach((unit, u) => {
    if (!unit.glyphs?.length) return;
    let lines = byContext.get(context[u]!);
    if (!lines) {
      lines = new Map();
      byContext.set(context[u]!, lines);
    }
    for (const g of unit.glyphs) {
      const key = Math.round(g.y * 2);
      const line = lines.get(key);
      if (line) line.push(g);
      else lines.set(key, [g]);
    }
  });
  for (const byLine of byContext.values()) {
    const lines = [...byLine.values()];
    for (const line of lines) {
      line.sort((a, b) => a.x - b.x);
      const kinds = line.map((g) => marks.bidi(g.font, g.code));
      // A mark on a Latin letter is Latin (rule W1: a non-spacing mark takes the class of what it follows); any
      // other (an Arabic haraka) is read as neither, as it always was.
      for (let k = 0; k < kinds.length; k++) if (kinds[k] === 'M') kinds[k] = k > 0 && kinds[k - 1] === 'L' ? 'L' : 'N';
      if (!kinds.includes('R')) continue;
      // Two boxes side by side, with no glyph between them, are apart as by a space.
      const apart = (k: number) => k > 0 && line[k]!.x - (line[k - 1]!.x + line[k - 1]!.advance) > 0.25 * line[k]!.size;
      // Stretches of one direction as the bidi algorithm makes them: Latin words joined by the spaces between
      // them (rule N1), a number by one separator inside it (W4); digits and anything else end a stretch.
      for (let k = 0; k < line.length; k++) {
        const kind = kinds[k]!;
        if (kind === 'R' || kind === 'N') continue;
        const start = k;
        for (;;) {
          while (k + 1 < line.length && kinds[k + 1] === kinds[k] && !apart(k + 1)) k++;
          let n = k + 1;
          while (n < line.length && kinds[n] === 'N') n++;
          // Latin words through spaces, a number through one separator, and Latin with what it touches (a
          // URL, «COVID-19», «S-400», set apart from the Arabic by the deck): each reads as one stretch.
          let tight = true;
          for (let t = k + 1; t <= n && t < line.length; t++) if (apart(t) || (t < n && line[t]!.blank)) tight = false;
          const joins =
            n < line.length &&
            kinds[n] !== 'R' &&
            ((tight && (kinds[k] === 'L' || kinds[n] === 'L')) ||
              (kinds[n] === kinds[k] && (kinds[k] === 'L' || (tight && n - k === 2 && marks.separator(line[k + 1]!.font, line[k + 1]!.code)))));
          if (!joins) break;
          k = n;
        }
        // Not where punctuation touches the stretch's right end («12.5%»): poppler would set it apart. A range's
        // dash is no such punctuation: the left part of «٢–٤» («٤», drawn first) is ended at its left edge too, or
        // poppler takes the space before it along («٢– ٤نوفمبر» for «٢–٤ نوفمبر»).
        const touched =
          k + 1 < line.length && kinds[k + 1] === 'N' && !line[k + 1]!.blank && !apart(k + 1) && !marks.dash(line[k + 1]!.font, line[k + 1]!.code);
        // Not where a list goes on («١، ٢»: the next strong character to the left is a digit, after a space):
        // there a mark breaks poppler's words («١‏٢ ،»), and the list reads as it did.
        let m = start - 1;
        let spaced = false;
        // (Within the stretch's own box: what lies past a gap is another box.)
        let edge = apart(start);
        while (!edge && m >= 0 && kinds[m] === 'N') {
          spaced ||= line[m]!.blank;
          edge = apart(m);
          m--;
        }
        const list = !edge && m >= 0 && kinds[m] !== 'R' && spaced;
        // In a list the mark goes before the separator that ends the item («١،»), which poppler keeps in one word;
        // elsewhere between the number and what touches it (a range «١٢–٩» drawn reads «٩‏–١٢», «٪٢٠» «٢٠‏٪»).
        const left = start > 0 ? line[start - 1]! : undefined;
        const at = list && left && !left.blank ? start - 1 : start;
        if (at > 0 && !touched && line[at]!.first) {
          const code = marks.rlm(line[at]!.font);
          if (code !== undefined) inserts.set(line[at]!.op, Buffer.from(`<${code.toString(16).padStart(4, '0')}> Tj\n`, 'latin1'));
        }
      }
    }
  }
  return inserts;
}
