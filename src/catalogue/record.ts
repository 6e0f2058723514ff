/**
 * The record a build leaves beside its deck, `<slug>/mujaz-deck.json`: what the catalogue (./catalogue.ts)
 * lists and searches, made from the brief and the fitted deck, so that the catalogue can be written again
 * from the records alone whenever any one deck changes. Its bytes depend only on the brief (no time, no
 * path, not the flags), like the deck's.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { LoadedBrief } from '../brief/load.js';
import { peopleOf } from '../brief/people.js';
import { PARTS } from '../brief/schema.js';
import { dateText } from '../deck/dates.js';
import { kindsNames } from '../deck/kinds/index.js';
import type { Deck, Slide } from '../deck/model.js';
import { plain, type Rich } from '../deck/text.js';
import { writeText } from '../write/output.js';
import { termsOf } from './search.js';

export const RECORD_FILE = 'mujaz-deck.json';
/** Raised when the record's shape changes: a record of another format is left out until its deck is built again. */
export const RECORD_FORMAT = 1;

const text = z.string().max(20_000);

export const DeckRecord = z.strictObject({
  format: z.literal(RECORD_FORMAT),
  generator: z.literal('mujaz'),
  slug: z.string().regex(/^[a-z0-9-]{1,64}$/),
  lang: z.enum(['ar', 'en']),
  dir: z.enum(['rtl', 'ltr']),
  title: text,
  kind: text,
  status: z.enum(['held', 'announced']),
  /** The event's first day, YYYY-MM-DD (the catalogue's order), or null when the report gives none. */
  date: z.iso.date().nullable(),
  /** The date as the deck writes it, in its language and digits. */
  dateText: text.nullable(),
  hijri: text.nullable(),
  host: text,
  slideCount: z.number().int().nonnegative(),
  people: z
    .array(
      z.strictObject({
        name: text.nullable(),
        latin: text.nullable(),
        title: text.nullable(),
        role: text.nullable(),
        part: z.enum(PARTS).nullable(),
      }),
    )
    .max(2000),
  institutions: z.array(text).max(2000),
  places: z.array(text).max(2000),
  /** The search's terms (./search.ts termsOf) of the deck's names: title, kind, host, people, institutions, places. */
  terms: z.string().max(400_000),
  /**
   * Each slide's title and text, in deck order (its index is its anchor in the deck, `index.html#/N`), and
   * the text's terms, made here so the catalogue indexes them without reading the words again.
   */
  slides: z.array(z.strictObject({ title: text, text: z.string().max(200_000), terms: z.string().max(400_000) })).max(2000),
});
export type DeckRecord = z.infer<typeof DeckRecord>;

const isRun = (v: unknown): boolean => typeof v === 'object' && v !== null && typeof (v as { text?: unknown }).text === 'string' && 'isolate' in v;

/** Every text a slide shows, in order: each run list as one string, the labels beside them. */
function slideTexts(value: unknown, out: string[]): string[] {
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every(isRun)) out.push(plain(value as Rich));
    else for (const v of value) slideTexts(v, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'src') continue;
      if (key === 'label' && typeof v === 'string') out.push(v);
      else slideTexts(v, out);
    }
  }
  return out;
}

const unique = (list: readonly string[]) => [...new Set(list.map((t) => t.trim()).filter((t) => t !== ''))];

/**
 * The record of a deck the build has just written. Which of its outputs (PDF, handout, PowerPoint, PNGs) are
 * beside it is not recorded but seen when the catalogue is written: the record is the same bytes whatever
 * the flags, and a file since deleted is not linked.
 */
export function deckRecord(loaded: LoadedBrief, deck: Deck): DeckRecord {
  const { brief } = loaded;
  const ev = brief.event;
  const day = ev.date === 'unknown' ? null : typeof ev.date === 'string' ? ev.date : ev.date.from;
  const names = kindsNames(brief);
  const record: Omit<DeckRecord, 'terms'> = {
    format: RECORD_FORMAT,
    generator: 'mujaz',
    slug: deck.slug,
    lang: deck.lang,
    dir: deck.dir,
    title: deck.title,
    kind: ev.kind,
    status: ev.status === 'announced' ? 'announced' : 'held',
    date: day,
    dateText: dateText(brief, deck.digits) ?? null,
    hijri: ev.hijri ?? null,
    host: unique([ev.host.centre ?? '', ev.host.institution]).join(deck.labels.listSeparator),
    slideCount: deck.slides.length,
    people: peopleOf(brief).map(({ person }) => ({
      name: person.name ?? null,
      latin: person.latin ?? null,
      title: person.title ?? null,
      role: person.role ?? null,
      part: person.part ?? null,
    })),
    institutions: unique([ev.host.institution, ...(ev.host.latin ? [ev.host.latin] : []), ...names.institutions]),
    places: unique(names.places),
    slides: deck.slides.map((s: Slide) => {
      const text = unique(slideTexts([s.title, s.body], [])).join('\n');
      return { title: s.titleText, text, terms: termsOf(`${s.titleText}\n${text}`) };
    }),
  };
  return { ...record, terms: termsOf(namesText(record)) };
}

/** What the reader may look a deck up by besides its slides: its title, kind, host, Hijri date, people, institutions and places. */
function namesText(r: Omit<DeckRecord, 'terms'>): string {
  const names = [r.title, r.kind, r.host, r.hijri, ...r.people.flatMap((p) => [p.title, p.name, p.latin, p.role]), ...r.institutions, ...r.places];
  return names.filter((t): t is string => Boolean(t)).join('\n');
}

/** The record as written: indented JSON, keys in the order above, one newline at the end. */
export function recordBytes(record: DeckRecord): string {
  return `${JSON.stringify(record, null, 1)}\n`;
}

export async function writeRecord(dir: string, record: DeckRecord): Promise<void> {
  await writeText(dir, RECORD_FILE, recordBytes(record));
}

/** The record of the deck in `dir`, or undefined when it has none mujaz can read (older, damaged, foreign). */
export async function readRecord(dir: string): Promise<DeckRecord | undefined> {
  const bytes = await readFile(path.join(dir, RECORD_FILE), 'utf8').catch(() => undefined);
  if (bytes === undefined) return undefined;
  try {
    const parsed = DeckRecord.safeParse(JSON.parse(bytes));
    return parsed.success && parsed.data.slug === path.basename(dir) ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
