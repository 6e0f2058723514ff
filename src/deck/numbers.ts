/** The one place the deck's digit system is chosen: every number the deck prints goes through here. */
export type Digits = 'arab' | 'latn';

export interface NumberFormat {
  digits: Digits;
  format(n: number): string;
  /** "9، 10، 12" with ranges folded: "9–12". */
  list(ns: readonly number[], separator: string): string;
}

const DIGITS: Readonly<Record<Digits, string>> = { arab: '٠١٢٣٤٥٦٧٨٩', latn: '0123456789' };

/** `text` with every digit, 0–9, ٠–٩ or ۰–۹, written in `digits`. */
export function writeDigits(text: string, digits: Digits): string {
  const to = DIGITS[digits];
  return text.replace(/[0-9\u0660-\u0669\u06F0-\u06F9]/g, (d) => to[d.charCodeAt(0) - (d <= '9' ? 48 : d >= '\u06F0' ? 0x6f0 : 0x660)]!);
}

const ANY_DIGIT = '0-9\u0660-\u0669\u06F0-\u06F9';
/** A number as a text writes it: digits, separators between digits, and a percent sign after it. */
const NUMBER = new RegExp(`[${ANY_DIGIT}]+(?:[.,\u066B\u066C][${ANY_DIGIT}]+)*(?:\\s?[%\u066A])?`, 'g');
const D = `[${ANY_DIGIT}]`;
/** «1,234,567» and «1,234.5»: thousands (groups of three), and a decimal part. */
const GROUPED = new RegExp(`^${D}{1,3}(?:[,\u066C]${D}{3})+(?:[.\u066B]${D}+)?$`);
/** «12.5»: one decimal separator. */
const DECIMAL = new RegExp(`^${D}+[.\u066B]${D}+$`);

/**
 * `text` with every number written in `digits`, its separators and percent sign with it: with Arabic-Indic
 * digits the decimal separator is «٫», the thousands separator «٬» and the percent sign «٪» (12.5% →
 * ١٢٫٥٪, 1,000 → ١٬٠٠٠); with Western ones «.», «,» and «%». Separators that are not a number's (a date's
 * «15.3.2024», «10/12») stay as written.
 */
export function writeNumbers(text: string, digits: Digits): string {
  const arab = digits === 'arab';
  return text.replace(NUMBER, (n) => {
    const pct = /\s?[%\u066A]$/.exec(n)?.[0] ?? '';
    let body = n.slice(0, n.length - pct.length);
    if (GROUPED.test(body) || DECIMAL.test(body)) {
      const grouped = GROUPED.test(body);
      body = body.replace(/[.,\u066B\u066C]/g, (sep) => {
        const decimal = sep === '.' || sep === '\u066B' || (!grouped && sep === ',');
        if (decimal) return arab ? '\u066B' : '.';
        return arab ? '\u066C' : ',';
      });
    }
    return writeDigits(body, digits) + pct.replace(/[%\u066A]/, arab ? '\u066A' : '%');
  });
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
