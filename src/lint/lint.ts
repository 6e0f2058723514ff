/**
 * Editorial checks on a valid brief, for `mujaz check` and `mujaz build`. They catch what the schema cannot.
 * Errors, with or without --strict: a placeholder of the scaffold left in the brief (`lintErrors`).
 * Warnings (errors under --strict): uncited items, items that state what the paragraphs they cite do not
 * (claims.ts), Latin punctuation and straight quotes in Arabic, mixed digit systems, digits that contradict
 * the language, slides without speaker notes, and Latin runs the rendered deck leaves unisolated.
 */
import type { LoadedBrief } from '../brief/load.js';
import { diagnosticForPath } from '../brief/locate.js';
import { type DateParts, weekdayProblem } from '../brief/schema.js';
import { citableItems, notesPlaces } from '../deck/kinds/index.js';
import type { Diagnostic } from '../errors.js';
import { checkClaims } from './claims.js';
import { olderForms } from './forms.js';
import { PLACEHOLDER } from './placeholder.js';

type Path = (string | number)[];

const ARABIC = /[\u0600-\u06FF]/;
const ASCII_PUNCT_AFTER_ARABIC = /[\u0600-\u06FF]\s*([,;?])/;
const STRAIGHT_QUOTES = /["']/;
const WESTERN_DIGITS = /[0-9]/;
const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/;
/** Fields that hold codes or addresses, not prose. */
const NOT_PROSE = new Set([
  'slug',
  'id',
  'speaker',
  'session',
  'chair',
  'part',
  'relation',
  'status',
  'date_format',
  'lang',
  'dir',
  'digits',
  'file',
  'url',
  'created',
  'date',
  'from',
  'to',
  'latin',
]);
const ARABIC_PUNCT: Record<string, string> = { ',': '،', ';': '؛', '?': '؟' };

export { PLACEHOLDER };

/** Every string leaf of the brief with its path, skipping codes and addresses. */
function strings(value: unknown, at: Path = [], out: { path: Path; text: string }[] = []): { path: Path; text: string }[] {
  if (typeof value === 'string') {
    const key = at[at.length - 1];
    if (typeof key !== 'string' || !NOT_PROSE.has(key)) out.push({ path: at, text: value });
  } else if (Array.isArray(value)) value.forEach((v, i) => strings(v, [...at, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, [...at, k], out);
  return out;
}

/** Every string leaf of the brief with its path, codes and addresses included. */
function allStrings(value: unknown, at: Path = [], out: { path: Path; text: string }[] = []): { path: Path; text: string }[] {
  if (typeof value === 'string') out.push({ path: at, text: value });
  else if (Array.isArray(value)) value.forEach((v, i) => allStrings(v, [...at, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) allStrings(v, [...at, k], out);
  return out;
}

/**
 * The lint's errors, with or without --strict: each placeholder of the scaffold left in the brief, at its
 * value. They need no rendered deck, so a build can refuse the brief before it renders anything.
 */
export function lintErrors(loaded: LoadedBrief): Diagnostic[] {
  return allStrings(loaded.brief)
    .filter((t) => PLACEHOLDER.test(t.text))
    .map((t) =>
      diagnosticForPath(
        loaded.source,
        loaded.doc,
        t.path,
        `"${t.text}" is a placeholder left from the scaffold`,
        'replace the placeholder with what the report says, or delete the line if the report says nothing',
        'error',
      ),
    );
}

/**
 * The editorial warnings on a valid brief. `unisolated`: the Latin runs the rendered deck shows without
 * isolating them (the render stage's own check, src/render/isolation.ts), each warned about at the brief
 * text it comes from.
 */
export function lintBrief(loaded: LoadedBrief, unisolated: readonly string[] = []): Diagnostic[] {
  const doc = loaded.doc;
  const warn = (at: Path, message: string, hint: string) => diagnosticForPath(loaded.source, doc, at, message, hint, 'warning');
  const out: Diagnostic[] = [...lintErrors(loaded), ...olderForms(loaded), ...checkClaims(loaded)];

  if (loaded.brief.draft) {
    out.push(
      warn(
        ['draft'],
        'the brief is a draft: its drafted values are not yet reviewed against the report, and every slide and page says "draft"',
        'review each value marked as drafted against the paragraph it cites, then remove the `draft: true` line',
      ),
    );
  }
  if (loaded.brief.lang === 'en' && loaded.brief.digits === 'arab') {
    out.push(
      warn(
        ['digits'],
        '"arab" does not suit an English brief: an English deck with Arabic-Indic digits shows «١ of ١٢»',
        'remove the digits: line (an English deck uses latn) or write digits: latn',
      ),
    );
  }
  // A weekday the date was not: the day, the month, the year or the weekday is wrong.
  const date = loaded.brief.event.date;
  const ends: [(string | number)[], unknown][] =
    typeof date === 'object'
      ? 'from' in date
        ? [
            [['event', 'date', 'from'], date.from],
            [['event', 'date', 'to'], date.to],
          ]
        : [[['event', 'date'], date]]
      : [];
  for (const [at, parts] of ends) {
    const problem = parts && typeof parts === 'object' ? weekdayProblem(parts as DateParts) : undefined;
    if (problem) out.push(warn([...at, 'weekday'], problem, 'check the day, month, year and weekday against the report'));
  }
  for (const item of citableItems(loaded.brief)) {
    if (!Array.isArray(item.sources) || item.sources.length === 0) {
      out.push(warn(item.path, 'cites no paragraph of the report', item.hint ?? 'add `sources: [N]` with the paragraph(s) it comes from'));
    }
  }
  const texts = strings(loaded.brief);
  for (const { path, text } of texts) {
    const punct = ASCII_PUNCT_AFTER_ARABIC.exec(text);
    if (punct) {
      const ch = punct[1]!;
      out.push(warn(path, `Latin "${ch}" after an Arabic word`, `use the Arabic "${ARABIC_PUNCT[ch]}"`));
    }
    if (ARABIC.test(text) && STRAIGHT_QUOTES.test(text)) {
      out.push(warn(path, 'straight quotes in Arabic text', 'use « » for quotations, one style for the whole deck'));
    }
  }
  const western = texts.filter((t) => WESTERN_DIGITS.test(t.text));
  const arabic = texts.filter((t) => ARABIC_DIGITS.test(t.text));
  if (western.length > 0 && arabic.length > 0) {
    const minority = western.length <= arabic.length ? western : arabic;
    for (const t of minority) {
      out.push(
        warn(
          t.path,
          'mixes digit systems: the brief writes numbers both as 0–9 and as ٠–٩',
          "write every number in one system (the deck's own numbers follow `digits:`)",
        ),
      );
    }
  }
  for (const s of notesPlaces(loaded.brief)) {
    if (s.notes === undefined) {
      const at = s.path.length === 0 ? [] : s.path;
      out.push(warn(at, `no speaker notes for ${s.name}`, s.path.length === 0 ? 'add `sources_notes:`' : 'add `notes:` with what the presenter should say'));
    }
  }
  for (const run of unisolated) {
    const source = texts.find((t) => t.text.includes(run));
    out.push(
      source
        ? warn(source.path, `the deck shows "${run}" without isolating it from the Arabic around it`, 'report this: mujaz should wrap Latin runs in <bdi>')
        : {
            file: loaded.file,
            line: 0,
            col: 0,
            length: 1,
            severity: 'warning',
            message: `the deck shows "${run}" without isolating it`,
            hint: 'report this: mujaz should wrap Latin runs in <bdi>',
          },
    );
  }
  return out.sort((a, b) => a.line - b.line || a.col - b.col);
}
