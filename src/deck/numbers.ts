/** The one place the deck's digit system is chosen: every number the deck prints goes through here. */
export type Digits = 'arab' | 'latn';

export interface NumberFormat {
  digits: Digits;
  format(n: number): string;
  /** "9، 10، 12" with ranges folded: "9–12". */
  list(ns: readonly number[], separator: string): string;
}

const DIGITS: Readonly<Record<Digits, string>> = { arab: '٠١٢٣٤٥٦٧٨٩', latn: '0123456789' };

/** `text` with every digit, 0–9 or ٠–٩, written in `digits`. */
export function writeDigits(text: string, digits: Digits): string {
  const to = DIGITS[digits];
  return text.replace(/[0-9\u0660-\u0669]/g, (d) => to[d.charCodeAt(0) - (d <= '9' ? 48 : 0x660)]!);
}

/** Whole numbers (slide and paragraph numbers, counts) in the deck's digits, without grouping. */
export function numberFormat(lang: 'ar' | 'en', digits: Digits | undefined): NumberFormat {
  const chosen: Digits = digits ?? (lang === 'ar' ? 'arab' : 'latn');
  const format = (n: number) => writeDigits(String(n), chosen);
  return {
    digits: chosen,
    format,
    list(ns, separator) {
      const sorted = [...new Set(ns)].sort((a, b) => a - b);
      const parts: string[] = [];
      for (let i = 0; i < sorted.length; ) {
        let j = i;
        while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
        parts.push(
          j - i >= 2
            ? `${format(sorted[i]!)}–${format(sorted[j]!)}`
            : sorted
                .slice(i, j + 1)
                .map(format)
                .join(separator),
        );
        i = j + 1;
      }
      return parts.join(separator);
    },
  };
}
