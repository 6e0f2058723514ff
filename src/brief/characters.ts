/**
 * The characters a brief's values may not hold, each rule written once. The schema refuses a value with
 * `rule.absent` and `rule.message`; the validator finds the character with `rule.find` to put the caret
 * under it, and says which one it is with `found(rule, ch)`.
 */

type Range = readonly [first: number, last: number];

export interface CharacterRule {
  /** How messages name one of these characters: "a bidi control character". */
  readonly what: string;
  /** invisible: formatting that changes how text reads; control: a character text has no use for. */
  readonly kind: 'invisible' | 'control';
  /** The characters, as ranges of code points. */
  readonly ranges: readonly Range[];
  /** The regex character class (its inside, in \uXXXX notation, as the JSON Schema shows it). */
  readonly chars: string;
  /** Matches a text that holds none of them: the schema's check. */
  readonly absent: RegExp;
  /** Finds the first of them in a text. */
  readonly find: RegExp;
  /** The schema's message for a value that holds one. */
  readonly message: string;
  /** The validator's hint when it points at one. */
  readonly hint: string;
  /** What the characters are called, where a message names them. */
  readonly names: Readonly<Record<string, string>>;
}

function hex(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

/** A code point in a regex class: \uXXXX, or \u{XXXXX} beyond the BMP (the regexes carry the u flag). */
function escapeIn(code: number): string {
  return code > 0xffff ? `\\u{${hex(code)}}` : `\\u${hex(code)}`;
}

export function codePoint(ch: string): string {
  return `U+${hex(ch.codePointAt(0)!)}`;
}

/** Sorted, merged ranges; each as \uXXXX, two neighbours as \uXXXX\uYYYY, more as \uXXXX-\uYYYY. */
function characterClass(ranges: readonly Range[]): string {
  const merged: [number, number][] = [];
  for (const [first, last] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const previous = merged[merged.length - 1];
    if (previous && first <= previous[1] + 1) previous[1] = Math.max(previous[1], last);
    else merged.push([first, last]);
  }
  return merged
    .map(([first, last]) =>
      first === last ? escapeIn(first) : last === first + 1 ? `${escapeIn(first)}${escapeIn(last)}` : `${escapeIn(first)}-${escapeIn(last)}`,
    )
    .join('');
}

/** "U+202A–U+202E or U+2066–U+2069", for a message that lists the ranges. */
function spelled(ranges: readonly Range[]): string {
  const parts = ranges.map(([first, last]) => (first === last ? `U+${hex(first)}` : `U+${hex(first)}–U+${hex(last)}`));
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} or ${parts.at(-1)!}`;
}

interface RuleSpec {
  what: string;
  kind: CharacterRule['kind'];
  ranges: readonly Range[];
  /** The schema's message lists the ranges: "(U+200B–U+200D, U+2060 or U+FEFF)". */
  spell?: boolean;
  hint: string;
  names?: Record<string, string>;
}

function rule({ spell, names, ...spec }: RuleSpec): CharacterRule {
  const chars = characterClass(spec.ranges);
  return {
    ...spec,
    chars,
    absent: new RegExp(`^[^${chars}]*$`, 'u'),
    find: new RegExp(`[${chars}]`, 'u'),
    message: `contains ${spec.what}${spell ? ` (${spelled(spec.ranges)})` : ''}; remove it`,
    names: names ?? {},
  };
}

const INVISIBLE_HINT = 'delete the invisible character (VS Code shows it with "Render Control Characters"); retype the text if unsure';
const CONTROL_HINT = 'delete it; text may hold letters, punctuation, spaces and line breaks only';

/** Bidi embedding/override/isolate controls can make a name read differently from how it is stored. */
export const BIDI = rule({
  what: 'a bidi control character',
  kind: 'invisible',
  ranges: [
    [0x202a, 0x202e],
    [0x2066, 0x2069],
  ],
  spell: true,
  hint: INVISIBLE_HINT,
  names: {
    '\u202A': 'LEFT-TO-RIGHT EMBEDDING',
    '\u202B': 'RIGHT-TO-LEFT EMBEDDING',
    '\u202C': 'POP DIRECTIONAL FORMATTING',
    '\u202D': 'LEFT-TO-RIGHT OVERRIDE',
    '\u202E': 'RIGHT-TO-LEFT OVERRIDE',
    '\u2066': 'LEFT-TO-RIGHT ISOLATE',
    '\u2067': 'RIGHT-TO-LEFT ISOLATE',
    '\u2068': 'FIRST STRONG ISOLATE',
    '\u2069': 'POP DIRECTIONAL ISOLATE',
  },
});

/**
 * The one list of the characters that may not hide in a name: Unicode's default-ignorable code points
 * (drawn as nothing) and its format characters (Cf), but the bidi controls, which have their own rule for
 * every text. Any of them inside a name makes two names that look alike differ, or one name read as
 * another: the zero-width characters, the soft hyphen, the combining grapheme joiner, the Arabic letter mark
 * and the direction marks, the invisible operators, the Hangul and Mongolian fillers, the variation
 * selectors (a name, unlike an emoji, needs none), the tag characters (U+E0000–U+E007F, an invisible copy
 * of ASCII) and the rest of U+E0000–U+E0FFF, the Arabic and other number signs drawn over the digits that
 * follow. tests/brief/characters.test.ts checks it against Unicode's own properties.
 */
export const HIDDEN = rule({
  what: 'an invisible character',
  kind: 'invisible',
  ranges: [
    [0x00ad, 0x00ad],
    [0x034f, 0x034f],
    [0x0600, 0x0605],
    [0x061c, 0x061c],
    [0x06dd, 0x06dd],
    [0x070f, 0x070f],
    [0x0890, 0x0891],
    [0x08e2, 0x08e2],
    [0x115f, 0x1160],
    [0x17b4, 0x17b5],
    [0x180b, 0x180f],
    [0x200b, 0x200f],
    [0x2060, 0x2065],
    [0x206a, 0x206f],
    [0x3164, 0x3164],
    [0xfe00, 0xfe0f],
    [0xfeff, 0xfeff],
    [0xffa0, 0xffa0],
    [0xfff0, 0xfffb],
    [0x110bd, 0x110bd],
    [0x110cd, 0x110cd],
    [0x13430, 0x1343f],
    [0x1bca0, 0x1bca3],
    [0x1d173, 0x1d17a],
    [0xe0000, 0xe0fff],
  ],
  hint: INVISIBLE_HINT,
  names: {
    '\u00AD': 'SOFT HYPHEN',
    '\u034F': 'COMBINING GRAPHEME JOINER',
    '\u061C': 'ARABIC LETTER MARK',
    '\u115F': 'HANGUL CHOSEONG FILLER',
    '\u1160': 'HANGUL JUNGSEONG FILLER',
    '\u180E': 'MONGOLIAN VOWEL SEPARATOR',
    '\u200B': 'ZERO WIDTH SPACE',
    '\u200C': 'ZERO WIDTH NON-JOINER',
    '\u200D': 'ZERO WIDTH JOINER',
    '\u200E': 'LEFT-TO-RIGHT MARK',
    '\u200F': 'RIGHT-TO-LEFT MARK',
    '\u2060': 'WORD JOINER',
    '\u2061': 'FUNCTION APPLICATION',
    '\u2062': 'INVISIBLE TIMES',
    '\u2063': 'INVISIBLE SEPARATOR',
    '\u2064': 'INVISIBLE PLUS',
    '\u3164': 'HANGUL FILLER',
    '\uFEFF': 'ZERO WIDTH NO-BREAK SPACE',
    '\uFFA0': 'HALFWIDTH HANGUL FILLER',
  },
});

/** What a character of HIDDEN is called where the table above gives no name (tags, variation selectors). */
function hiddenName(ch: string): string | undefined {
  const code = ch.codePointAt(0)!;
  if (code >= 0xe0020 && code <= 0xe007e) return `TAG ${code === 0xe0020 ? 'SPACE' : `"${String.fromCharCode(code - 0xe0000)}"`}`;
  if (code === 0xe0001) return 'LANGUAGE TAG';
  if (code === 0xe007f) return 'CANCEL TAG';
  if (code >= 0xfe00 && code <= 0xfe0f) return `VARIATION SELECTOR-${code - 0xfe00 + 1}`;
  if (code >= 0xe0100 && code <= 0xe01ef) return `VARIATION SELECTOR-${code - 0xe0100 + 17}`;
  if (code >= 0x180b && code <= 0x180f) return 'MONGOLIAN FREE VARIATION SELECTOR';
  return undefined;
}

/**
 * Half of a character: a surrogate code unit with no partner, which a YAML escape ("\uD800") can write and
 * no text can hold (every output would show it as U+FFFD). The u flag makes the class match lone ones only.
 */
export const SURROGATE = rule({
  what: 'a lone surrogate',
  kind: 'control',
  ranges: [[0xd800, 0xdfff]],
  hint: 'a "\\uD800"-style escape names half of a character: write the character itself, or its whole code point as "\\U0001F600"',
});

/** Control characters other than tab and line break have no place in text and can confuse a renderer. */
export const CONTROL = rule({
  what: 'a control character',
  kind: 'control',
  ranges: [
    [0x00, 0x08],
    [0x0b, 0x0c],
    [0x0e, 0x1f],
    [0x7f, 0x9f],
  ],
  hint: CONTROL_HINT,
});

/** Tab and line breaks: fine in text, control characters in a value that is one line (an id, a link, a path). */
export const LINE_CONTROLS = rule({
  what: 'a tab or line break',
  kind: 'control',
  ranges: [
    [0x09, 0x0a],
    [0x0d, 0x0d],
  ],
  hint: CONTROL_HINT,
  names: { '\t': 'a tab', '\n': 'a line break', '\r': 'a line break' },
});

/** Links and file names hold no invisible characters at all: they would make them look like something else. */
export const INVISIBLE = rule({
  what: 'an invisible or control character',
  kind: 'control',
  ranges: [...CONTROL.ranges, ...LINE_CONTROLS.ranges, ...BIDI.ranges, ...HIDDEN.ranges, ...SURROGATE.ranges],
  hint: 'delete it: write the value on one line without tabs or invisible characters',
});

/**
 * The rules the validator looks for in a refused value, in order: the first one it holds is why it was
 * refused (an invisible character in a link is why it is not a link). A one-line value adds LINE_CONTROLS.
 */
export const LOCATED: readonly CharacterRule[] = [BIDI, HIDDEN, SURROGATE, CONTROL];

/** The first character of `text` that breaks one of `rules` (in their order), and the rule. */
export function locate(text: string, rules: readonly CharacterRule[]): { rule: CharacterRule; ch: string } | undefined {
  for (const r of rules) {
    const m = r.find.exec(text);
    if (m) return { rule: r, ch: m[0] };
  }
  return undefined;
}

/** The character found, as the validator's message names it (after "contains "). */
export function found(r: CharacterRule, ch: string): string {
  const name = r.names[ch] ?? (r === HIDDEN ? hiddenName(ch) : undefined);
  if (r === SURROGATE) return `a lone surrogate, ${codePoint(ch)} (half of a character, which no text can hold)`;
  if (r.kind === 'invisible') {
    return `${r.what}, ${codePoint(ch)}${name ? ` ${name}` : ''}; invisible characters can make text read differently from how it is stored`;
  }
  return `the control character ${codePoint(ch)}${name ? ` (${name})` : ''}`;
}
