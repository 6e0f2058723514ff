/**
 * src/lint/lint.ts: the editorial warnings on a valid brief, and its errors (placeholders of the scaffold).
 * Each case edits the bundled brief's text in memory, loads it, and expects the finding at the line (and
 * column) the edit is on, found in that text.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBrief, loadBriefText, type LoadedBrief } from '../../src/brief/load.js';
import { buildDeck } from '../../src/deck/build-deck.js';
import type { Diagnostic } from '../../src/errors.js';
import { lintBrief, lintErrors, PLACEHOLDER } from '../../src/lint/lint.js';
import { unisolatedLatin } from '../../src/render/isolation.js';
import { renderDeck } from '../../src/render/render.js';
import { bundledBrief } from '../support/build.js';

let original = '';
beforeAll(async () => {
  original = await readFile(bundledBrief, 'utf8');
});

/** Loads edited text as if it were the bundled brief (so its report is found and citations checked). */
function load(text: string): Promise<LoadedBrief> {
  return loadBriefText(bundledBrief, new TextEncoder().encode(text));
}

const linesOf = (text: string) => text.split('\n');

/** 1-based number of the first line at or after `from` that contains `needle`. */
function lineOf(text: string, needle: string, from = 1): number {
  const i = linesOf(text).findIndex((l, n) => n + 1 >= from && l.includes(needle));
  if (i < 0) throw new Error(`no line contains ${JSON.stringify(needle)} (from line ${from})`);
  return i + 1;
}

/** 1-based column where the value after `key: ` starts on a line. */
function valueCol(text: string, line: number, key: string): number {
  const l = linesOf(text)[line - 1]!;
  const at = l.indexOf(`${key}: `);
  if (at < 0) throw new Error(`line ${line} has no "${key}: "`);
  return at + key.length + 3;
}

/** 1-based column of a map's first key on a line: after the indentation and any "- ". */
function keyCol(text: string, line: number): number {
  return /^[ -]*/.exec(linesOf(text)[line - 1]!)![0].length + 1;
}

function replaceOnce(text: string, find: string, by: string): string {
  const at = text.indexOf(find);
  if (at < 0 || text.indexOf(find, at + 1) >= 0) throw new Error(`${JSON.stringify(find)} is not in the brief exactly once`);
  return text.slice(0, at) + by + text.slice(at + find.length);
}

const indent = (l: string) => /^ */.exec(l)![0].length;

/** Removes line `line` and the lines indented under it (a key with a block value). */
function dropBlock(text: string, line: number): string {
  const lines = linesOf(text);
  const own = indent(lines[line - 1]!);
  let end = line;
  while (end < lines.length && lines[end]!.trim() !== '' && indent(lines[end]!) > own) end++;
  lines.splice(line - 1, end - line + 1);
  return lines.join('\n');
}

/** Removes the `sources:` key of the item whose first key is on `line`. */
function dropSources(text: string, line: number): string {
  const lines = linesOf(text);
  const keyIndent = keyCol(text, line) - 1;
  for (let n = line; n < lines.length; n++) {
    const l = lines[n]!;
    if (l.trim() === '' || indent(l) < keyIndent || (indent(l) === keyIndent && l.trimStart().startsWith('-'))) break;
    if (indent(l) === keyIndent && /^\s*sources: \[[\d, ]+\]$/.test(l)) {
      lines.splice(n, 1);
      return lines.join('\n');
    }
  }
  throw new Error(`the item at line ${line} has no sources`);
}

/**
 * The findings other than the claim check's (tests/lint/claims.test.ts): an edit that adds a number or a Latin
 * word to an item, to test another rule, also adds a fact its paragraph does not have.
 */
const CLAIM = /which it cites|is the citation right\?/;
function editorial(list: Diagnostic[]): Diagnostic[] {
  return list.filter((d) => !CLAIM.test(d.message));
}

function summary(list: Diagnostic[]) {
  return list.map((d) => ({ line: d.line, col: d.col, severity: d.severity, message: d.message }));
}

describe('the bundled brief', () => {
  it('has no lint warnings, from the brief or from its rendered deck', async () => {
    const loaded = await loadBrief(bundledBrief);
    expect(loaded.warnings).toEqual([]);
    expect(lintBrief(loaded)).toEqual([]);
    const html = await renderDeck({ deck: buildDeck(loaded.brief), csp: '' });
    expect(unisolatedLatin(html)).toEqual([]);
    expect(lintBrief(loaded, unisolatedLatin(html))).toEqual([]);
  });
});

describe('uncited items', () => {
  it.each([
    ['an event theme', '    - text: التعاون متعدد الأطراف', 'event.themes[2]'],
    ['a delegation member', '      - id: albert-khorev', 'delegations[0].members[1]'],
    ['the moderator', '    id: malik-qasim-mustafa', 'participants.moderator'],
    ['a participant who joined', '    - id: tahir-hussain-andrabi', 'participants.joined[0]'],
    ['an attendee', '    - text: أكاديميون', 'participants.attendees[2]'],
    ['a message point', '      - text: الحد من التسلح دون تمييز', 'messages[1].points[1]'],
    ['a discussion topic with regions', '    - text: التطورات في أوروبا والشرق الأوسط وأفغانستان', 'discussion.topics[2]'],
    ['a technology concern', '    - name: القدرات السيبرانية', 'technologies.concerns[2]'],
    ['a conclusion', '    - text: ضرورة أن تواصل باكستان', 'conclusions.points[2]'],
  ])('%s without sources is warned about at its first line', async (_kind, anchor, where) => {
    const line = lineOf(original, anchor);
    const text = dropSources(original, line);
    expect(lineOf(text, anchor)).toBe(line);
    const warnings = lintBrief(await load(text));
    expect(summary(warnings)).toEqual([{ line, col: keyCol(text, line), severity: 'warning', message: `${where}: cites no paragraph of the report` }]);
    expect(warnings[0]!.hint).toMatch(/sources: \[N\]/);
    expect(warnings[0]!.file).toBe(bundledBrief);
  });

  it('warns once for each uncited item, sorted by line', async () => {
    const late = '    - text: أكاديميون';
    const early = '    - text: ضبط التسلح';
    const once = dropSources(original, lineOf(original, late));
    const text = dropSources(once, lineOf(once, early));
    const warnings = lintBrief(await load(text));
    expect(warnings.map((w) => w.line)).toEqual([lineOf(text, early), lineOf(text, late)]);
  });
});

describe('Latin punctuation after an Arabic word', () => {
  it.each([
    ['comma', 'الأقطاب، قائم', 'الأقطاب, قائم', 'conclusions.points[0].text', ',', '،'],
    ['comma after a space', 'الأقطاب، قائم', 'الأقطاب ,قائم', 'conclusions.points[0].text', ',', '،'],
    ['semicolon', 'الروابط المؤسسية، وتعميق', 'الروابط المؤسسية; وتعميق', 'conclusions.points[1].text', ';', '؛'],
    ['question mark', 'heading: باكستان ملتزمة بالمسؤولية النووية', 'heading: باكستان ملتزمة بالمسؤولية النووية?', 'messages[1].heading', '?', '؟'],
  ])('a Latin %s is warned about, with the Arabic one to use', async (_kind, find, by, where, latin, arabic) => {
    const text = replaceOnce(original, find, by);
    const line = lineOf(text, by);
    const key = where.endsWith('heading') ? 'heading' : 'text';
    const warnings = lintBrief(await load(text));
    expect(summary(warnings)).toEqual([
      { line, col: valueCol(text, line, key), severity: 'warning', message: `${where}: Latin "${latin}" after an Arabic word` },
    ]);
    expect(warnings[0]!.hint).toContain(`"${arabic}"`);
  });

  it('leaves a comma between Latin words alone', async () => {
    const text = replaceOnce(original, '    - text: ضبط التسلح\n', '    - text: ضبط التسلح (AI, ML)\n');
    expect(editorial(lintBrief(await load(text)))).toEqual([]);
  });
});

describe('straight quotes in Arabic text', () => {
  it.each([
    ['double', 'بشأن «نظام ضبط النفس الاستراتيجي»\n', 'بشأن "نظام ضبط النفس الاستراتيجي"\n', 'messages[1].points[2].text'],
    ['single', '    - text: ممارسون\n', "    - text: ممارسون 'مستقلون'\n", 'participants.attendees[1].text'],
  ])('%s quotes are warned about', async (_kind, find, by, where) => {
    const text = replaceOnce(original, find, by);
    const line = lineOf(text, by.trim());
    const warnings = lintBrief(await load(text));
    expect(summary(warnings)).toEqual([{ line, col: valueCol(text, line, 'text'), severity: 'warning', message: `${where}: straight quotes in Arabic text` }]);
    expect(warnings[0]!.hint).toContain('« »');
  });

  it('leaves straight quotes in Latin-only text alone', async () => {
    const text = replaceOnce(original, '    - name: القدرات السيبرانية\n', "    - name: Cyber 'capabilities'\n");
    expect(editorial(lintBrief(await load(text)))).toEqual([]);
  });
});

describe('mixed digit systems', () => {
  const themes = ['    - text: ضبط التسلح\n', '    - text: الاستقرار الإقليمي\n', '    - text: التعاون متعدد الأطراف\n'] as const;
  /** Appends a number to each event theme (undefined: leaves it as it is). */
  function numberThemes(...numbers: (string | undefined)[]): string {
    let text = original;
    numbers.forEach((n, i) => {
      if (n !== undefined) text = replaceOnce(text, themes[i]!, `${themes[i]!.slice(0, -1)} ${n}\n`);
    });
    return text;
  }

  it.each([
    ['the Arabic-Indic digits, fewer', ['١٩٦٨', '2024', '2025'], [0]],
    ['the Western digits, fewer', ['١٩٦٨', '٢٠٢٤', '2025'], [2]],
    ['the Eastern Arabic-Indic (Persian) digits, fewer', ['۱۹۶۸', '2024', '2025'], [0]],
  ])('warns at the texts written with %s', async (_kind, numbers, warned) => {
    const text = numberThemes(...numbers);
    const warnings = editorial(lintBrief(await load(text)));
    const expected = warned.map((i) => {
      const line = lineOf(text, `${themes[i]!.slice(0, -1)} ${numbers[i]!}`);
      return {
        line,
        col: valueCol(text, line, 'text'),
        severity: 'warning',
        message: `event.themes[${i}].text: mixes digit systems: the brief writes numbers both as 0–9 and as ٠–٩`,
      };
    });
    expect(summary(warnings)).toEqual(expected);
  });

  it.each([
    ['one system only', () => numberThemes('2024', '2025')],
    ['digits in a slug do not count', () => replaceOnce(numberThemes('٢٠٢٤'), 'slug: issi-russia-roundtable\n', 'slug: issi-russia-roundtable-2024\n')],
  ])('says nothing for %s', async (_kind, edit) => {
    expect(editorial(lintBrief(await load(edit())))).toEqual([]);
  });
});

describe('missing speaker notes', () => {
  // [section, the line its notes follow, the section's first line (where the warning goes), message]
  it.each([
    ['event', 'event:', '  kind: ', 'event: no speaker notes for the title and overview slides'],
    ['a delegation', '  - id: issi', '  - id: issi', 'delegations[1]: no speaker notes for the slide of مشاركو معهد الدراسات الاستراتيجية'],
    ['participants', 'participants:', '  moderator:', 'participants: no speaker notes for the participants slide'],
    ['a messages slide', '  - speaker: ryabkov', '  - speaker: ryabkov', 'messages[2]: no speaker notes for this messages slide'],
    ['discussion', 'discussion:', '  intro: ', 'discussion: no speaker notes for the discussion slide'],
    ['technologies', 'technologies:', '  intro: ', 'technologies: no speaker notes for the technologies slide'],
    ['conclusions', 'conclusions:', '  points:', 'conclusions: no speaker notes for the conclusions slide'],
    ['the sources slide', 'sources_notes:', 'slug: ', 'the brief: no speaker notes for the sources slide (sources_notes)'],
  ])('%s without notes is warned about at its first line', async (_section, after, start, message) => {
    const section = lineOf(original, after);
    const notes = after === 'sources_notes:' ? section : lineOf(original, 'notes: >-', section);
    const text = dropBlock(original, notes);
    expect(text.length).toBeLessThan(original.length - 100);
    const line = start === 'slug: ' ? lineOf(text, start) : lineOf(text, start, lineOf(text, after));
    const warnings = lintBrief(await load(text));
    expect(summary(warnings)).toEqual([{ line, col: keyCol(text, line), severity: 'warning', message }]);
    expect(warnings[0]!.hint).toMatch(after === 'sources_notes:' ? /sources_notes:/ : /notes:/);
  });

  it('warns for every section once all notes are gone, sorted by line', async () => {
    let text = original;
    for (
      let n = linesOf(text).findIndex((l) => /^\s*(?:sources_)?notes: >-$/.test(l));
      n >= 0;
      n = linesOf(text).findIndex((l) => /^\s*(?:sources_)?notes: >-$/.test(l))
    ) {
      text = dropBlock(text, n + 1);
    }
    const warnings = lintBrief(await load(text));
    // event, two delegations, participants, four message slides, discussion, technologies, conclusions, sources
    expect(warnings).toHaveLength(12);
    expect(warnings.every((w) => /no speaker notes/.test(w.message))).toBe(true);
    const lines = warnings.map((w) => w.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });
});

describe('placeholders of the scaffold', () => {
  const PLACEHOLDER_HINT = 'replace the placeholder with what the report says, or delete the line if the report says nothing';

  // [what, the text replaced, by, where, the key of the line the value is on]
  it.each([
    [
      'the title',
      `title: ${'مائدة مستديرة حول ضبط التسلح والاستقرار الإقليمي والتعاون متعدد الأطراف'}\n`,
      'title: "[عنوان العرض]"\n',
      'title',
      '[عنوان العرض]',
    ],
    ['a keyword', '  - ضبط التسلح\n', '  - "[كلمة مفتاحية]"\n', 'keywords[0]', '[كلمة مفتاحية]'],
    ["a member's role", '        role: السفير الروسي لدى باكستان\n', '        role: "[الصفة]"\n', 'delegations[0].members[1].role', '[الصفة]'],
    ['a Latin name (a field the prose checks skip)', '      latin: AI\n', '      latin: "[Latin name]"\n', 'technologies.concerns[0].latin', '[Latin name]'],
    ['a region', '        - أوروبا\n', '        - "[منطقة]"\n', 'discussion.topics[2].regions[0]', '[منطقة]'],
    ['a single-quoted value', '    city: إسلام آباد\n', "    city: '[المدينة]'\n", 'event.host.city', '[المدينة]'],
    ['a value with spaces around it', '    country: باكستان\n', '    country: "  [الدولة] "\n', 'event.host.country', '[الدولة]'],
  ])('%s left as a placeholder is an error at its value', async (_kind, find, by, where, value) => {
    const text = replaceOnce(original, find, by);
    const line = lineOf(text, by.trim());
    const found = lintBrief(await load(text));
    // The value starts at its opening quote.
    const col = Array.from(linesOf(text)[line - 1]!).findIndex((c) => c === '"' || c === "'") + 1;
    expect(summary(found)).toEqual([{ line, col, severity: 'error', message: `${where}: "${value}" is a placeholder left from the scaffold` }]);
    expect(found[0]!.hint).toBe(PLACEHOLDER_HINT);
    expect(found[0]!.file).toBe(bundledBrief);
  });

  it('is an error in a folded block too, at the block', async () => {
    const start = lineOf(original, 'notes: >-', lineOf(original, 'technologies:'));
    const text = linesOf(dropBlock(original, start))
      .toSpliced(start - 1, 0, '  notes: >-', '    [ملاحظات المتحدث]')
      .join('\n');
    const found = lintBrief(await load(text));
    expect(summary(found)).toEqual([
      {
        line: start,
        col: valueCol(text, start, 'notes'),
        severity: 'error',
        message: 'technologies.notes: "[ملاحظات المتحدث]" is a placeholder left from the scaffold',
      },
    ]);
  });

  it('is an error for each placeholder, among the warnings, sorted by line; lintErrors gives the errors alone', async () => {
    const uncited = '    - text: أكاديميون';
    let text = replaceOnce(original, '    - name: القدرات السيبرانية\n', '    - name: "[اسم التقنية]"\n');
    text = dropSources(text, lineOf(text, uncited));
    const subtitle = linesOf(text).find((l) => l.startsWith('subtitle: '))!;
    text = replaceOnce(text, `${subtitle}\n`, 'subtitle: "[عنوان فرعي]"\n');
    const loaded = await load(text);
    const found = lintBrief(loaded);
    expect(found.map((d) => [d.line, d.severity])).toEqual([
      [lineOf(text, 'subtitle: '), 'error'],
      [lineOf(text, uncited), 'warning'],
      [lineOf(text, '[اسم التقنية]'), 'error'],
    ]);
    expect(lintErrors(loaded)).toEqual(found.filter((d) => d.severity === 'error'));
  });

  it.each([
    ['a bracketed word inside a text', '    - text: ضبط التسلح\n', '    - text: ضبط التسلح [كما في التقرير]\n'],
    ['two bracketed phrases', '    - text: ضبط التسلح\n', '    - text: "[ضبط] و[التسلح]"\n'],
    ['empty brackets', '    - text: ضبط التسلح\n', '    - text: ضبط التسلح []\n'],
    ['a placeholder in a comment', 'lang: ar\n', 'lang: ar\n# title: "[عنوان العرض]"\n'],
  ])('says nothing of %s', async (_kind, find, by) => {
    expect(lintBrief(await load(replaceOnce(original, find, by)))).toEqual([]);
  });

  it.each([
    ['[اسم الوفد]', true],
    ['[Latin name]', true],
    ['[x]', true],
    ['[]', false],
    ['[a] [b]', false],
    ['x [y]', false],
    ['[y] x', false],
    ['[a\nb]', false],
  ])('PLACEHOLDER: %j is one: %s', (value, expected) => {
    expect(PLACEHOLDER.test(value)).toBe(expected);
  });
});

describe('digits that contradict the language', () => {
  /** The bundled brief as English, with the digits line given (undefined: none). */
  function english(digits: string | undefined, lang = 'en'): string {
    return replaceOnce(original, 'lang: ar\ndir: rtl\n', `lang: ${lang}\ndir: rtl\n${digits === undefined ? '' : `digits: ${digits}\n`}`);
  }

  it('warns at the digits line of an English brief with Arabic-Indic digits', async () => {
    const text = english('arab');
    const line = lineOf(text, 'digits: arab');
    const warnings = lintBrief(await load(text));
    expect(summary(warnings)).toEqual([
      {
        line,
        col: valueCol(text, line, 'digits'),
        severity: 'warning',
        message: 'digits: "arab" does not suit an English brief: an English deck with Arabic-Indic digits shows «١ of ١٢»',
      },
    ]);
    expect(warnings[0]!.hint).toMatch(/remove the digits: line.*digits: latn/);
  });

  it.each([
    ['an English brief with latn', () => english('latn')],
    ['an English brief without digits', () => english(undefined)],
    ['an Arabic brief with arab', () => english('arab', 'ar')],
    ['an Arabic brief with latn (a choice, not a contradiction)', () => english('latn', 'ar')],
  ])('says nothing of %s', async (_kind, edit) => {
    expect(lintBrief(await load(edit()))).toEqual([]);
  });
});

describe('Latin the deck shows without isolating it', () => {
  it('is warned about at the brief text the run comes from, or without a line when it is not in the brief', async () => {
    const text = replaceOnce(original, '    - text: ضبط التسلح\n', '    - text: ضبط التسلح NPT\n');
    const line = lineOf(text, '- text: ضبط التسلح NPT');
    const loaded = await load(text);
    const warnings = editorial(lintBrief(loaded, unisolatedLatin('<ul><li>ضبط التسلح NPT</li><li>Unknown run</li></ul>')));
    expect(summary(warnings)).toEqual([
      { line: 0, col: 0, severity: 'warning', message: 'the deck shows "Unknown run" without isolating it' },
      {
        line,
        col: valueCol(text, line, 'text'),
        severity: 'warning',
        message: 'event.themes[0].text: the deck shows "ضبط التسلح NPT" without isolating it from the Arabic around it',
      },
    ]);
    expect(warnings[0]!.file).toBe(bundledBrief);
  });
});
