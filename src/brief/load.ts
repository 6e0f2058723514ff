/**
 * A brief file → a validated Brief, or a MujazError carrying every problem found, each at file:line:col.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { MujazError, type Diagnostic } from '../errors.js';
import { lintBrief } from './lint.js';
import { parseYaml } from './parse.js';
import { checkReferences, type Report } from './references.js';
import type { Brief } from './schema.js';
import { decodeSource, type SourceText } from './source-text.js';
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
  /** Absolute path of the logo image, checked to be inside `dir`. */
  logo: string | undefined;
  warnings: Diagnostic[];
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

async function readBriefBytes(file: string): Promise<Buffer> {
  let info;
  try {
    info = await stat(file);
  } catch {
    throw fileProblem(file, 'no such file', 'check the path; `mujaz init SLUG` creates a new brief');
  }
  if (!info.isFile()) throw fileProblem(file, 'not a file', 'name a .yaml brief');
  if (info.size > MAX_BRIEF_BYTES) {
    throw fileProblem(file, `the file is ${Math.round(info.size / 1024)} KiB, over the limit of ${MAX_BRIEF_BYTES / 1024} KiB`, 'a brief is a summary: shorten it or split it into several briefs');
  }
  return readFile(file);
}

/** Loads from text already in memory (tests, the preview server). */
export async function loadBriefText(file: string, bytes: Uint8Array): Promise<LoadedBrief> {
  if (bytes.length > MAX_BRIEF_BYTES) {
    throw fileProblem(file, `the file is over the limit of ${MAX_BRIEF_BYTES / 1024} KiB`, 'shorten it or split it');
  }
  const source = decodeSource(file, bytes);
  const parsed = parseYaml(source);
  if (parsed.diagnostics.length > 0 || parsed.doc === undefined) throw invalid(file, sortDiagnostics(parsed.diagnostics));
  const validated = validateBrief(source, parsed.doc, parsed.data);
  if (validated.brief === undefined) throw invalid(file, validated.diagnostics);
  const dir = path.dirname(path.resolve(file));
  const refs = await checkReferences(source, parsed.doc, validated.brief, dir);
  if (refs.diagnostics.length > 0) throw invalid(file, sortDiagnostics(refs.diagnostics));
  const warnings = lintBrief(source, parsed.doc, validated.brief);
  return { file, dir, brief: validated.brief, source, report: refs.report, logo: refs.logo, warnings };
}

export async function loadBrief(file: string): Promise<LoadedBrief> {
  return loadBriefText(file, await readBriefBytes(file));
}
