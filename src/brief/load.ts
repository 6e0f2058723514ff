/**
 * A brief file → a validated Brief, or a MujazError carrying every problem found, each at file:line:col.
 */
import type { Document } from 'yaml';
import path from 'node:path';
import { MujazError, type Diagnostic } from '../errors.js';
import { parseYaml } from './parse.js';
import { checkReferences, type Logo, type Report } from './references.js';
import type { Brief } from './schema.js';
import { readRegularFile } from './read-file.js';
import { decodeSource, diagnosticAt, SourceText } from './source-text.js';
import { DEFAULT_THEME, type LoadedTheme, loadTheme } from './theme.js';
import { sortDiagnostics, validateBrief } from './validate.js';

export const MAX_BRIEF_BYTES = 512 * 1024;

export interface LoadedBrief {
  /** The path as the user gave it, used in messages. */
  file: string;
  /** The folder files named in the brief are resolved in. */
  dir: string;
  brief: Brief;
  source: SourceText;
  report: Report | undefined;
  /** The logos (host's, organisers'), checked to be inside `dir`. */
  logos: Logo[];
  /** The theme the brief names, or the default theme. */
  theme: LoadedTheme;
  /** The YAML document with positions, for diagnostics made after loading (lint, layout). */
  doc: Document.Parsed;
  /** Problems that do not stop a build (errors under --strict): a report file that is not there. */
  warnings: Diagnostic[];
}

/** The files a brief names (its report, its logos, its theme and the theme's logos), for the watchers of serve and build --watch. */
export function filesNamedBy(loaded: LoadedBrief): string[] {
  const theme = loaded.theme.file ? path.resolve(loaded.theme.file) : undefined;
  return [loaded.report?.file, ...loaded.logos.map((l) => l.file), theme, ...loaded.theme.logos.map((l) => l.file)].filter(
    (f): f is string => typeof f === 'string',
  );
}

function invalid(file: string, diagnostics: Diagnostic[]): MujazError {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return new MujazError('INVALID_INPUT', `${file}: ${errors} problem${errors === 1 ? '' : 's'} found`, { diagnostics });
}

function fileProblem(file: string, message: string, hint: string): MujazError {
  return new MujazError('INVALID_INPUT', `${file}: ${message}`, {
    diagnostics: [{ file, line: 0, col: 0, length: 1, severity: 'error', message, hint }],
  });
}

/** The brief is over the size limit: say so at the place in the text where the limit is reached. */
function tooLarge(file: string, size: number, head: Uint8Array): MujazError {
  const text = new TextDecoder('utf-8')
    .decode(head.subarray(0, MAX_BRIEF_BYTES), { stream: true })
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n');
  const src = new SourceText(file, text);
  const message = `the brief is ${Math.ceil(size / 1024)} KiB, more than the limit of ${MAX_BRIEF_BYTES / 1024} KiB (the limit is reached here)`;
  return new MujazError('INVALID_INPUT', `${file}: ${message}`, {
    diagnostics: [
      diagnosticAt(
        src,
        text.length,
        text.length + 1,
        message,
        'a brief is a summary: shorten it or split it into several briefs, and keep long texts in the report it cites',
      ),
    ],
  });
}

async function readBriefBytes(file: string): Promise<Uint8Array> {
  const read = await readRegularFile(file, MAX_BRIEF_BYTES);
  if (read.ok) return read.bytes;
  if (read.reason === 'too-large') throw tooLarge(file, read.size ?? 0, read.head ?? new Uint8Array());
  if (read.reason === 'missing') throw fileProblem(file, 'no such file', 'check the path; `mujaz init SLUG` creates a new brief');
  if (read.reason === 'not-a-file') throw fileProblem(file, read.problem, 'name a .yaml brief');
  throw fileProblem(file, read.problem, "check the file's permissions");
}

/** Loads from text already in memory (tests, the library). */
export async function loadBriefText(file: string, bytes: Uint8Array): Promise<LoadedBrief> {
  if (bytes.length > MAX_BRIEF_BYTES) throw tooLarge(file, bytes.length, bytes);
  const source = decodeSource(file, bytes);
  const parsed = parseYaml(source);
  if (parsed.diagnostics.length > 0 || parsed.doc === undefined) throw invalid(file, sortDiagnostics(parsed.diagnostics));
  const validated = validateBrief(source, parsed.doc, parsed.data);
  if (validated.brief === undefined) throw invalid(file, validated.diagnostics);
  const dir = path.dirname(path.resolve(file));
  const refs = await checkReferences(source, parsed.doc, validated.brief, dir);
  const themed = validated.brief.theme ? await loadTheme(file, source, parsed.doc, dir, validated.brief.theme) : { theme: DEFAULT_THEME, diagnostics: [] };
  const problems = [...sortDiagnostics(refs.diagnostics), ...themed.diagnostics];
  if (problems.length > 0) throw invalid(file, problems);
  const theme = themed.theme ?? DEFAULT_THEME;
  return { file, dir, brief: validated.brief, source, report: refs.report, logos: refs.logos, theme, doc: parsed.doc, warnings: refs.warnings };
}

export async function loadBrief(file: string): Promise<LoadedBrief> {
  return loadBriefText(file, await readBriefBytes(file));
}
