/**
 * The catalogue of an output folder, `OUT/index.html`: every deck mujaz made there (a folder with mujaz's
 * marker and a record, ./record.ts), newest event first, with a search across them, written again after
 * every build from the records alone, so that a deck built, rebuilt or removed is right at the next build
 * and a folder mujaz did not make is never read. Its script and style sheet are in `OUT/_mujaz/` (`_` is no
 * slug's, so no deck can have that name). One build writes it at a time (a lock on the output root), each
 * file swapped in whole (write, then rename), so two builds into one folder never leave it broken.
 */
import { lstat, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { contentSecurityPolicy } from '../assets/assets.js';
import { fontFiles } from '../assets/fonts.js';
import { SLUG } from '../brief/schema.js';
import { numberFormat } from '../deck/numbers.js';
import { partWords } from '../deck/parts.js';
import { pngName } from '../png/png.js';
import { type Diagnostic, MujazError } from '../errors.js';
import { packageRoot, templatesDir } from '../paths.js';
import { type CatalogueEntry, type CataloguePerson, renderCatalogue } from '../render/catalogue.js';
import { lockRoot, madeByMujaz, markAsMujaz, type LockTiming, writeAtomic, writeError } from '../write/output.js';
import { CATALOGUE_LABELS } from './labels.js';
import type { PageData } from './page.js';
import { type DeckRecord, readRecord } from './record.js';
import { nameTerms, newIndex, type SearchDoc, words } from './search.js';

export const CATALOGUE_FILE = 'index.html';
/** The catalogue's own folder: its script, style sheet and fonts. */
export const CATALOGUE_ASSETS = '_mujaz';
/** How the catalogue names itself, so that an index.html someone else wrote is never replaced. */
const GENERATOR = '<meta name="generator" content="mujaz catalogue">';
/** The page's script: ./page.ts with MiniSearch and the normaliser, bundled by `npm run build`. */
export const PAGE_SCRIPT = path.join(packageRoot, 'dist', 'catalogue-page.js');

export interface CatalogueResult {
  file: string;
  decks: number;
}

export interface CatalogueOptions {
  signal?: AbortSignal;
  /** How long to wait for another build writing the catalogue (a test shortens it). */
  timing?: Partial<LockTiming>;
}

/** A deck found in the output folder: its record and which of its files are there. */
interface Found {
  record: DeckRecord;
  has: Set<string>;
}

const exists = (p: string) =>
  stat(p).then(
    (s) => s.isFile(),
    () => false,
  );

/** The files a build of the deck may have written beside it: the deck, its PDFs, its PowerPoint, its title slide's picture. */
function outputFiles(r: DeckRecord) {
  return { deck: 'index.html', pdf: `${r.slug}.pdf`, handout: `${r.slug}-handout.pdf`, pptx: `${r.slug}.pptx`, picture: pngName(r.slug, 0, r.slideCount) };
}

/** The decks mujaz made in `root`, with records it can read. */
async function findDecks(root: string): Promise<Found[]> {
  const names = (await readdir(root, { withFileTypes: true }).catch(() => [])).filter((e) => e.isDirectory() && SLUG.test(e.name)).map((e) => e.name);
  const found = await Promise.all(
    names.map(async (name): Promise<Found | undefined> => {
      const dir = path.join(root, name);
      if (!(await madeByMujaz(dir))) return undefined;
      const record = await readRecord(dir);
      if (!record) return undefined;
      const files = Object.values(outputFiles(record));
      const present = await Promise.all(files.map(async (f) => ((await exists(path.join(dir, f))) ? f : undefined)));
      return { record, has: new Set(present.filter((f): f is string => f !== undefined)) };
    }),
  );
  return found.filter((f): f is Found => f !== undefined).sort(newestFirst);
}

/** Newest event first; decks without a date after those with one; then by slug, so the order is reproducible. */
function newestFirst(a: Found, b: Found): number {
  const [x, y] = [a.record.date, b.record.date];
  if (x !== y) {
    if (x === null) return 1;
    if (y === null) return -1;
    return x < y ? 1 : -1;
  }
  return a.record.slug < b.record.slug ? -1 : a.record.slug > b.record.slug ? 1 : 0;
}

/** The interface's language: the one most of the decks are in (Arabic when as many are in each). */
function interfaceLang(decks: readonly Found[]): 'ar' | 'en' {
  const en = decks.filter((d) => d.record.lang === 'en').length;
  return en > decks.length - en ? 'en' : 'ar';
}

function entryOf(found: Found, index: number, lang: 'ar' | 'en'): CatalogueEntry {
  const r = found.record;
  const L = CATALOGUE_LABELS[lang];
  const number = numberFormat(lang, undefined);
  const files = outputFiles(r);
  const href = (file: string) => (found.has.has(file) ? `${r.slug}/${file}` : null);
  const own = { lang: r.lang, dir: r.dir };
  const ui = { lang, dir: lang === 'ar' ? 'rtl' : 'ltr' };
  const date = r.dateText && r.hijri ? `${r.dateText} (${r.hijri})` : (r.dateText ?? r.hijri);
  const facts = [
    { label: L.kind, value: r.kind, ...own },
    ...(date ? [{ label: L.date, value: date, ...own }] : []),
    ...(r.status === 'announced' ? [{ label: L.status, value: L.announced, ...ui }] : []),
    ...(r.host ? [{ label: L.host, value: r.host, ...own }] : []),
    { label: L.language, value: L.languages[r.lang], ...ui },
    { label: L.slides, value: number.format(r.slideCount), ...ui },
  ];
  const links = (
    [
      [L.deck, files.deck],
      [L.pdf, files.pdf],
      [L.handout, files.handout],
      [L.pptx, files.pptx],
    ] as const
  ).flatMap(([label, file]) => {
    const to = href(file);
    return to ? [{ label, href: to }] : [];
  });
  return { index, slug: r.slug, ...own, title: r.title, href: `${r.slug}/${files.deck}`, picture: href(files.picture), facts, links };
}

/** Everyone the decks name, once each (the same name in its one form is one person), by name. */
function peopleIndex(decks: readonly Found[], lang: 'ar' | 'en'): CataloguePerson[] {
  const people = new Map<string, CataloguePerson & { partSet: Set<string>; slugs: Set<string> }>();
  for (const { record: r } of decks) {
    for (const p of r.people) {
      const name = p.name ?? p.latin;
      if (!name) continue;
      const key = words(name).join(' ');
      if (key === '') continue;
      let person = people.get(key);
      if (!person) {
        person = {
          name,
          latin: p.name ? p.latin : null,
          lang: p.name ? r.lang : 'en',
          dir: p.name ? r.dir : 'ltr',
          parts: null,
          role: p.role,
          terms: '',
          briefs: [],
          partSet: new Set(),
          slugs: new Set(),
        };
        people.set(key, person);
      }
      if (p.latin && !person.latin && p.name) person.latin = p.latin;
      if (r.lang === person.lang) person.role ??= p.role;
      const label = p.part ? partWords(lang, p.part).group?.[0] : undefined;
      if (label) person.partSet.add(label);
      if (!person.slugs.has(r.slug)) {
        person.slugs.add(r.slug);
        person.briefs.push({ title: r.title, href: `${r.slug}/index.html`, lang: r.lang, dir: r.dir });
      }
    }
  }
  const collator = new Intl.Collator(lang);
  return [...people.values()]
    .map(({ partSet, slugs: _, ...p }) => ({
      ...p,
      parts: partSet.size > 0 ? [...partSet].join(lang === 'ar' ? '، ' : ', ') : null,
      terms: nameTerms([p.name, p.latin]),
    }))
    .sort((a, b) => collator.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The page's search data: the index of every deck's names and slides, and what a match links to. */
function pageData(decks: readonly Found[]): PageData {
  const docs: [number, number][] = [];
  const texts: SearchDoc[] = [];
  decks.forEach(({ record }, d) => {
    [record.terms, ...record.slides.map((s) => s.terms)].forEach((terms, i) => {
      texts.push({ id: docs.length, terms });
      docs.push([d, i - 1]);
    });
  });
  return {
    decks: decks.map(({ record: r }) => ({ href: `${r.slug}/index.html`, slides: r.slides.map((s) => s.title) })),
    docs,
    index: newIndex(texts).toJSON(),
  };
}

/** Refuses to write over an index.html or a _mujaz that mujaz did not write. */
async function checkOurs(root: string): Promise<void> {
  const page = path.join(root, CATALOGUE_FILE);
  const text = await readFile(page, 'utf8').catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? undefined : ''));
  const foreign = (what: string) =>
    new MujazError('BUILD_FAILED', `${what} was not written by mujaz; the catalogue is not written, and it is left untouched`, {
      hint: 'move it away to have the catalogue of the decks, or build into another folder with --out',
    });
  if (text !== undefined && !text.includes(GENERATOR)) throw foreign(page);
  const assets = path.join(root, CATALOGUE_ASSETS);
  const seen = await lstat(assets).catch(() => undefined);
  if (seen && !(seen.isDirectory() && (await madeByMujaz(assets)))) throw foreign(assets);
}

/**
 * What a writer killed half-way left (writeAtomic's temporary files): the page's in the output root, and any
 * in `_mujaz/` (ours). Run under the lock, when no other writer is at work.
 */
async function removeLeftovers(root: string): Promise<void> {
  const left = (dir: string, pattern: RegExp) =>
    readdir(dir).then(
      (names) => names.filter((n) => pattern.test(n)).map((n) => path.join(dir, n)),
      () => [] as string[],
    );
  const assets = path.join(root, CATALOGUE_ASSETS);
  const ours = (await madeByMujaz(assets)) ? [assets, path.join(assets, 'fonts')] : [];
  const files = [
    ...(await left(root, /^\.index\.html\.[0-9a-f]{8}\.tmp$/)),
    ...(await Promise.all(ours.map((d) => left(d, /^\..+\.[0-9a-f]{8}\.tmp$/)))).flat(),
  ];
  await Promise.all(files.map((f) => rm(f, { force: true }).catch(() => undefined)));
}

/** The page's script, style sheet and fonts, into `_mujaz/`. */
async function writeAssets(root: string): Promise<void> {
  const dir = path.join(root, CATALOGUE_ASSETS);
  const script = await readFile(PAGE_SCRIPT).catch((error: unknown) => {
    throw new MujazError('BUILD_FAILED', `the catalogue's script ${PAGE_SCRIPT} is missing`, { cause: error, hint: 'run `npm run build`' });
  });
  await mkdir(dir, { recursive: true }).catch((error: unknown) => {
    throw writeError(error, dir);
  });
  await markAsMujaz(dir);
  const copies: [string, string | Buffer][] = [
    ['catalogue.js', script],
    ['catalogue.css', await readFile(path.join(templatesDir, 'theme', 'catalogue.css'))],
    ...(await Promise.all(fontFiles().map(async (f): Promise<[string, Buffer]> => [`fonts/${f.file}`, await readFile(f.path)]))),
  ];
  await Promise.all(copies.map(([name, bytes]) => writeAtomic(path.join(dir, name), bytes)));
}

/**
 * Writes the catalogue of the decks in `outRoot` again. Returns undefined when there is nothing to list and
 * no catalogue yet (an output folder where every build failed is left as it was).
 */
export async function writeCatalogue(outRoot: string, options: CatalogueOptions = {}): Promise<CatalogueResult | undefined> {
  const root = path.resolve(outRoot);
  if (
    !(await lstat(root).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  )
    return undefined;
  const unlock = await lockRoot(root, '_catalogue', options.signal, options.timing);
  try {
    await removeLeftovers(root);
    const decks = await findDecks(root);
    const file = path.join(root, CATALOGUE_FILE);
    if (decks.length === 0 && !(await exists(file))) return undefined;
    await checkOurs(root);
    const lang = interfaceLang(decks);
    const labels = CATALOGUE_LABELS[lang];
    const number = numberFormat(lang, undefined);
    const html = await renderCatalogue({
      lang,
      dir: lang === 'ar' ? 'rtl' : 'ltr',
      csp: await contentSecurityPolicy(),
      labels,
      count: labels.all.replace('{m}', number.format(decks.length)),
      entries: decks.map((d, i) => entryOf(d, i, lang)),
      people: peopleIndex(decks, lang),
      data: JSON.stringify(pageData(decks)),
    });
    await writeAssets(root);
    await writeAtomic(file, html);
    return { file, decks: decks.length };
  } finally {
    await unlock();
  }
}

/**
 * The catalogue written again after a build: a failure to write it (a foreign index.html, a full disk) is a
 * warning, never a failed build, since every deck is already in place.
 */
export async function updateCatalogue(
  outRoot: string,
  options: CatalogueOptions = {},
): Promise<{ written: CatalogueResult | undefined; warning?: undefined } | { written?: undefined; warning: Diagnostic }> {
  try {
    return { written: await writeCatalogue(outRoot, options) };
  } catch (caught) {
    if (options.signal?.aborted) throw caught;
    const error = caught instanceof MujazError ? caught : undefined;
    const warning: Diagnostic = {
      file: path.join(path.resolve(outRoot), CATALOGUE_FILE),
      line: 0,
      col: 0,
      length: 1,
      severity: 'warning',
      message: `the catalogue was not written: ${error?.message ?? (caught as Error)?.message ?? String(caught)}`,
      ...(error?.hint ? { hint: error.hint } : {}),
    };
    return { warning };
  }
}
