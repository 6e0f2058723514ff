/**
 * `mujaz init SLUG [--lang ar|en] [--from REPORT] [--dir DIR] [--force]`: writes DIR/SLUG.yaml with every
 * section of the schema, a comment on each field in the brief's language (Arabic by default) and
 * placeholders of one form, a whole value in square brackets ("[اسم الوفد]", "[Name]"). The brief parses and
 * validates as written, but `mujaz check` and every build refuse it until no placeholder is left (the lint
 * names each one's line: src/lint/lint.ts).
 * With --from, the report is copied beside the brief (DIR/sources/SLUG.txt, named by source.file) and its
 * paragraphs are listed, numbered, in a comment block to cite from. Never overwrites without --force.
 *
 * The scaffold is templates/brief-scaffold.yaml.hbs, the frame (the one place with logic), filled from
 * templates/scaffold/<lang>/: the frame's words (_intro, _report-start, _report-end, _brief) and one section
 * per slide kind that has one (`scaffoldSections()`), the same files in each language.
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { BIDI, codePoint } from '../brief/characters.js';
import { MAX_BRIEF_BYTES } from '../brief/load.js';
import { fileKind, readRegularFile, sizeInWords } from '../brief/read-file.js';
import { MAX_REPORT_BYTES } from '../brief/references.js';
import { SLUG } from '../brief/schema.js';
import { decodeSource } from '../brief/source-text.js';
import { scaffoldSections } from '../deck/kinds/index.js';
import type { Lang } from '../deck/kinds/kind.js';
import { paragraphsOf } from '../brief/references.js';
import { draftFrom } from '../draft/draft.js';
import { emitDraft } from '../draft/emit.js';
import { MujazError } from '../errors.js';
import { packageRoot, templatesDir } from '../paths.js';
import type { Reporter } from '../reporter.js';

export interface InitOptions {
  /** The language of the brief, its comments and its placeholders: ar (the default; with --from, the report's) or en. */
  lang?: string;
  from?: string;
  dir: string;
  force?: boolean;
}

/** The languages a scaffold is written in: each has templates/scaffold/<lang>/. */
export const SCAFFOLD_LANGS: readonly Lang[] = ['ar', 'en'];

/** The language asked for, if mujaz writes scaffolds in it (it also names a folder: nothing else passes). */
export function scaffoldLang(lang: string | undefined): Lang {
  const value = lang ?? 'ar';
  if ((SCAFFOLD_LANGS as readonly string[]).includes(value)) return value as Lang;
  throw new MujazError('USAGE', `the language "${value}" is not one mujaz writes briefs in`, { hint: `use --lang ${SCAFFOLD_LANGS.join(' or --lang ')}` });
}

/** The frame's words in each language (templates/scaffold/<lang>/<name>.yaml.hbs), beside the sections. */
export const SCAFFOLD_FRAME = ['_intro', '_report-start', '_report-end', '_brief'] as const;

/** The JSON Schema editors read, at a stable path in the repository (kept equal to `mujaz schema` by a test). */
export const schemaFile = path.join(packageRoot, 'schema', 'brief.schema.json');

/** The `$schema=` path for a brief in `dir`: relative, with forward slashes, as the YAML language server wants. */
export function schemaPathFor(dir: string): string {
  const rel = path.relative(path.resolve(dir), schemaFile);
  return path.isAbsolute(rel) ? schemaFile : rel.split(path.sep).join('/');
}

/**
 * A report paragraph made safe for a one-line YAML comment: no line breaks or control characters, and
 * bidi controls shown as <U+XXXX> so the comment reads as stored.
 */
export function commentText(paragraph: string): string {
  return paragraph
    .replace(new RegExp(`[${BIDI.chars}]`, 'gu'), (c) => `<${codePoint(c)}>`)
    .replace(/[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029]/gu, ' ')
    .trimEnd();
}

/** Paragraph N = the N-th non-empty line (the rule the citation check uses). */
export function reportParagraphs(file: string, bytes: Uint8Array): string[] {
  return paragraphsOf(decodeSource(file, bytes).text);
}

export interface ScaffoldInput {
  slug: string;
  schemaPath: string;
  briefPath: string;
  sourceFile?: string;
  paragraphs?: string[];
  /** YYYY-MM-DD; default: today (UTC). */
  created?: string;
  /** The language of the brief, its comments and placeholders; default ar. */
  lang?: Lang;
}

export async function renderScaffold(input: ScaffoldInput): Promise<string> {
  const lang = scaffoldLang(input.lang);
  const source = await readFile(path.join(templatesDir, 'brief-scaffold.yaml.hbs'), 'utf8');
  // YAML, not HTML: no escaping. Every value is a checked slug, a computed path, or a sanitised comment line.
  const hbs = Handlebars.create();
  // Each slide kind writes its own section (src/deck/kinds/), in deck order; the frame's words beside them.
  const sections = scaffoldSections();
  const words = path.join(templatesDir, 'scaffold', lang);
  for (const name of [...SCAFFOLD_FRAME, ...sections]) hbs.registerPartial(name, await readFile(path.join(words, `${name}.yaml.hbs`), 'utf8'));
  const template = hbs.compile(source, { noEscape: true, strict: false });
  const text = template({
    ...input,
    sections: sections.map((name) => ({ name })),
    created: input.created ?? new Date().toISOString().slice(0, 10),
    paragraphs: (input.paragraphs ?? []).map((text, i) => ({ n: i + 1, text: commentText(text) })),
  });
  // Each section ends with a blank line, the last one too: the file ends with one line break.
  return text.replace(/\n+$/, '\n');
}

async function exists(file: string): Promise<boolean> {
  return lstat(file).then(
    () => true,
    (e: NodeJS.ErrnoException) => e.code !== 'ENOENT',
  );
}

/** Writes `file`: refusing an existing one (atomically) unless `force`, replacing it whole if `force`. */
async function writeNew(file: string, data: string | Uint8Array, force: boolean): Promise<void> {
  if (!force) {
    await writeFile(file, data, { flag: 'wx' });
    return;
  }
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, data, { flag: 'wx' });
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

function refuse(file: string): MujazError {
  return new MujazError('USAGE', `${file} already exists; not overwriting it`, { hint: 'add --force to replace it, or choose another slug' });
}

function writeFailed(file: string, error: unknown): MujazError {
  if ((error as NodeJS.ErrnoException).code === 'EEXIST') return refuse(file);
  return new MujazError('BUILD_FAILED', `could not write ${file}: ${(error as Error).message}`, { cause: error });
}

/**
 * How much of the brief's size limit a new brief may take: the rest is for what the user writes. A report
 * whose paragraphs, listed whole, would take more is listed by each paragraph's start.
 */
const SCAFFOLD_BUDGET = (MAX_BRIEF_BYTES * 3) / 4;
/** How many characters of each paragraph a long report's listing shows. */
const EXCERPT = 100;

function excerpt(paragraph: string): string {
  const chars = Array.from(paragraph);
  return chars.length <= EXCERPT ? paragraph : `${chars.slice(0, EXCERPT).join('').trimEnd()} …`;
}

export async function initCommand(slug: string, options: InitOptions, reporter: Reporter, signal?: AbortSignal): Promise<void> {
  if (!SLUG.test(slug)) {
    throw new MujazError('USAGE', `the slug "${slug}" is not valid: use 1 to 64 lower-case latin letters, digits and hyphens`, {
      hint: 'e.g. mujaz init issi-russia-roundtable',
    });
  }
  const lang = scaffoldLang(options.lang);
  const dir = options.dir || 'briefs';
  const force = Boolean(options.force);
  const briefFile = path.join(dir, `${slug}.yaml`);
  const dirInfo = await stat(dir).catch(() => undefined);
  if (dirInfo && !dirInfo.isDirectory()) {
    throw new MujazError('USAGE', `--dir ${dir} is ${dirInfo.isFile() ? 'a file' : fileKind(dirInfo)}, not a folder`, {
      hint: `name the folder the brief goes in (it is made if missing), e.g. --dir ${path.dirname(dir) === '.' ? 'briefs' : path.dirname(dir)}`,
    });
  }
  if (!force && (await exists(briefFile))) throw refuse(briefFile);

  let report: { bytes: Uint8Array; paragraphs: string[]; copyTo: string | undefined; sourceFile: string } | undefined;
  if (options.from !== undefined) {
    const read = await readRegularFile(options.from, MAX_REPORT_BYTES, { signal });
    if (!read.ok && read.reason === 'too-large')
      throw new MujazError('INVALID_INPUT', `the report ${options.from} ${read.problem}`, {
        hint: "keep only the report's text in the file, or split it into several reports (one brief each)",
      });
    if (!read.ok)
      throw new MujazError('USAGE', `cannot read the report ${options.from}: it ${read.problem}`, {
        hint: 'give a UTF-8 text file, one paragraph per line',
      });
    const bytes = read.bytes;
    const paragraphs = reportParagraphs(options.from, bytes);
    if (paragraphs.length === 0)
      throw new MujazError('INVALID_INPUT', `the report ${options.from} has no text`, { hint: 'give a UTF-8 text file, one paragraph per line' });
    const sourceFile = `sources/${slug}.txt`;
    const target = path.join(dir, sourceFile);
    // The report may already be where it belongs: then there is nothing to copy.
    const same = await Promise.all([realpath(options.from), realpath(target).catch(() => undefined)]).then(([a, b]) => a === b);
    let copyTo: string | undefined;
    if (!same) {
      const there = await readRegularFile(target, MAX_REPORT_BYTES, { signal });
      const current = there.ok ? Buffer.from(there.bytes) : undefined;
      if (!there.ok && there.reason !== 'missing' && !force) throw refuse(target);
      if (current && !current.equals(bytes) && !force) throw refuse(target);
      if (!current?.equals(bytes)) copyTo = target;
    }
    report = { bytes, paragraphs, copyTo, sourceFile };
  }

  // With a report, the draft (src/draft/): what the report states plainly, each value cited and checked.
  // The report is read in its own language; the brief is written in the one asked for (by default the report's).
  const draft = report ? draftFrom(report.paragraphs) : undefined;
  if (draft && options.lang !== undefined) draft.lang = lang;
  const write = async (paragraphs: string[] | undefined) =>
    report && draft && paragraphs
      ? emitDraft(draft, { slug, sourceFile: report.sourceFile, schemaPath: schemaPathFor(dir), paragraphs: paragraphs.map(commentText) })
      : await renderScaffold({ slug, lang, schemaPath: schemaPathFor(dir), briefPath: briefFile.split(path.sep).join('/') });
  let text = await write(report?.paragraphs);
  let excerpts = false;
  if (report && Buffer.byteLength(text) > SCAFFOLD_BUDGET) {
    // A long report: each paragraph listed by its start (the whole text is in the copy beside the brief), so
    // the brief stays well under the limit mujaz holds every brief to.
    text = await write(report.paragraphs.map(excerpt));
    excerpts = true;
    if (Buffer.byteLength(text) > SCAFFOLD_BUDGET) {
      throw new MujazError(
        'INVALID_INPUT',
        `the report ${options.from} has ${report.paragraphs.length} paragraphs: even listed by their first ${EXCERPT} characters, the brief would be ${sizeInWords(Buffer.byteLength(text))}, more than the ${sizeInWords(SCAFFOLD_BUDGET)} a new brief may take of the ${sizeInWords(MAX_BRIEF_BYTES)} limit of a brief`,
        { hint: 'split the report into several (one brief each), or keep only the part of it the brief covers' },
      );
    }
  }

  try {
    await mkdir(dir, { recursive: true });
    if (report?.copyTo) {
      await mkdir(path.dirname(report.copyTo), { recursive: true });
      await writeNew(report.copyTo, report.bytes, force);
    }
  } catch (error) {
    throw writeFailed(report?.copyTo ?? dir, error);
  }
  try {
    await writeNew(briefFile, text, force);
  } catch (error) {
    throw writeFailed(briefFile, error);
  }
  reporter.out(briefFile);
  if (excerpts)
    reporter.info(`mujaz: the report is long: its paragraphs are listed by their first ${EXCERPT} characters (the whole text is in ${report?.sourceFile})`);
  if (report?.copyTo) reporter.info(`mujaz: copied the report to ${report.copyTo} (${report.paragraphs.length} paragraphs, listed in the brief for citing)`);
  if (draft) {
    reporter.info(
      `mujaz: drafted ${briefFile} from the report: ${draft.people.length} people, ${draft.sessions.length} sessions, ${draft.messages.reduce((n, m) => n + m.points.length, 0)} points; review each value marked "drafted from ¶N", then remove \`draft: true\``,
    );
    for (const d of draft.dropped) reporter.info(`mujaz: left out of the draft, as the claim check refuses it: ${d}`);
  }
  reporter.info(`mujaz: created ${briefFile}; replace every [placeholder] (mujaz check names the line of each left), then: mujaz serve ${briefFile}`);
}
