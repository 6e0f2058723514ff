/**
 * Checks the schema cannot make: ids are unique, speakers exist, cited paragraphs exist in the report,
 * and files the brief names are real files inside the brief's folder.
 */
import { lstat, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { closest, distance } from 'fastest-levenshtein';
import type { Document } from 'yaml';
import { type Diagnostic, MujazError } from '../errors.js';
import { imageProblem, logoAsset } from './images.js';
import { diagnosticForPath, pathInWords } from './locate.js';
import { peopleOf } from './people.js';
import type { Brief } from './schema.js';
import type { SourceText } from './source-text.js';
import { readRegularFile } from './read-file.js';
import { decodeSource } from './source-text.js';

export const MAX_REPORT_BYTES = 2 * 1024 * 1024;

/** A logo is a few hundred kilobytes; a file over this is no logo (and is not read further). */
export const MAX_LOGO_BYTES = 16 * 1024 * 1024;

/** A logo the brief (or its theme) names: the file, checked to be inside its folder, as it is named, and where the deck keeps it. */
export interface Logo {
  file: string;
  named: string;
  /**
   * Its bytes, read once from the handle that was checked (a regular file inside the folder, no link
   * followed): the deck gets these, never the file copied again by its path (which may be a link by then).
   */
  bytes: Uint8Array;
  /** Its path in the deck's folder (src/brief/images.ts: logoAsset, brandAsset). */
  asset: string;
}

export interface Report {
  /** Absolute path of the report file. */
  file: string;
  /** Paragraph N is paragraphs[N - 1]: the N-th non-empty line. */
  paragraphs: string[];
}

/** Paragraph N of a report is the N-th non-empty line: the rule every citation follows. */
export function paragraphsOf(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

type Walk = { path: (string | number)[]; sources: number[] };

/** Every `sources` list in the brief, with its path. */
export function citedSources(brief: Brief): Walk[] {
  const out: Walk[] = [];
  const walk = (value: unknown, at: (string | number)[]): void => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...at, i]));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if ((k === 'sources' || k === 'paragraphs') && Array.isArray(v)) out.push({ path: [...at, k], sources: v as number[] });
        else walk(v, [...at, k]);
      }
    }
  };
  walk(brief, []);
  return out;
}

function leaves(rel: string): boolean {
  return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
}

/** Resolves a file named in a brief, refusing anything that leaves the brief's folder (symlinks included). */
export async function resolveInside(briefDir: string, relative: string): Promise<string | { problem: string; missing?: true }> {
  if (path.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) return { problem: `is an absolute path (${relative}); name it relative to the brief's folder` };
  const target = path.resolve(briefDir, relative);
  const rel = path.relative(briefDir, target);
  if (leaves(rel)) return { problem: `points outside the brief's folder (${relative})` };
  try {
    await lstat(target);
  } catch {
    return { problem: `names a file that does not exist (${relative} in ${briefDir})`, missing: true };
  }
  const realDir = await realpath(briefDir);
  let real: string;
  try {
    real = await realpath(target);
  } catch {
    return { problem: `is a link to a file that does not exist (${relative})` };
  }
  const realRel = path.relative(realDir, real);
  if (leaves(realRel)) {
    return { problem: `is a link that leads outside the brief's folder (${relative} → ${real})` };
  }
  const info = await stat(real).catch(() => undefined);
  if (!info?.isFile()) return { problem: `is not a file (${relative})` };
  return real;
}

function didYouMean(value: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const near = closest(value, known as string[]);
  return distance(value, near) <= Math.max(2, Math.floor(near.length / 3)) ? near : undefined;
}

export async function checkReferences(
  src: SourceText,
  doc: Document.Parsed,
  brief: Brief,
  briefDir: string,
): Promise<{ diagnostics: Diagnostic[]; warnings: Diagnostic[]; report: Report | undefined; logos: Logo[] }> {
  const diagnostics: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const ids = new Map<string, string>();
  const people = peopleOf(brief);
  for (const { person: p, path: at } of people) {
    const first = ids.get(p.id);
    if (first !== undefined)
      diagnostics.push(diagnosticForPath(src, doc, [...at, 'id'], `the id "${p.id}" is already used by ${first}`, 'give every person a different id'));
    else ids.set(p.id, pathInWords(at));
  }
  /** An id that must name one of `known` (people, or sessions). */
  const mustName = (value: string, at: (string | number)[], known: ReadonlyMap<string, string>, what: 'person' | 'session') => {
    if (known.has(value)) return;
    const list = [...known.keys()];
    const near = didYouMean(value, list);
    const where = what === 'person' ? 'people, delegations or participants' : 'sessions';
    const hint = near
      ? `did you mean "${near}"?`
      : list.length
        ? `use the id of a ${what} in ${where}: ${list.join(', ')}`
        : `add the ${what} to ${where}, with an id`;
    diagnostics.push(diagnosticForPath(src, doc, at, `no ${what} has the id "${value}"`, hint));
  };
  const sessions = new Map<string, string>();
  brief.sessions?.forEach((s, i) => {
    const first = sessions.get(s.id);
    if (first !== undefined)
      diagnostics.push(diagnosticForPath(src, doc, ['sessions', i, 'id'], `the id "${s.id}" is already used by ${first}`, 'give every session a different id'));
    else sessions.set(s.id, pathInWords(['sessions', i]));
  });
  brief.sessions?.forEach((s, i) => {
    if (s.chair !== undefined) mustName(s.chair, ['sessions', i, 'chair'], ids, 'person');
  });
  // Only the sessions named in `people` are checked, as before the list of people was shared: a delegation
  // member's or a joined official's unknown session still leaves them out of every session slide unreported.
  for (const { person: p, path: at } of people.filter((e) => e.path[0] === 'people')) {
    if (p.session !== undefined) mustName(p.session, [...at, 'session'], sessions, 'session');
  }
  brief.messages?.forEach((m, i) => {
    mustName(m.speaker, ['messages', i, 'speaker'], ids, 'person');
    if (m.session !== undefined) mustName(m.session, ['messages', i, 'session'], sessions, 'session');
  });

  let report: Report | undefined;
  if (brief.source.file !== undefined) {
    const resolved = await resolveInside(briefDir, brief.source.file);
    const hint = 'put the report (UTF-8 text) in the brief\'s folder and name it relative to the brief, e.g. "sources/report.txt"';
    if (typeof resolved !== 'string' && resolved.missing) {
      // The deck does not need the report: a brief copied without it still builds, with its citations unchecked.
      warnings.push(
        diagnosticForPath(
          src,
          doc,
          ['source', 'file'],
          `${resolved.problem}; the citations are not checked and the handout shows no paragraphs`,
          hint,
          'warning',
        ),
      );
    } else if (typeof resolved !== 'string') {
      diagnostics.push(diagnosticForPath(src, doc, ['source', 'file'], resolved.problem, hint));
    } else {
      const read = await readRegularFile(resolved, MAX_REPORT_BYTES, { noFollow: true, within: await realpath(briefDir) });
      const at = (message: string, hint: string) => diagnostics.push(diagnosticForPath(src, doc, ['source', 'file'], message, hint));
      if (!read.ok && read.reason === 'too-large') at(`the report ${read.problem}`, "keep only the report's text in the file");
      else if (!read.ok) at(`the report ${read.problem}`, hint);
      else {
        try {
          report = { file: resolved, paragraphs: paragraphsOf(decodeSource(resolved, read.bytes).text) };
        } catch (error) {
          // What the bytes are (a PNG, UTF-16, a NUL at its line), said of the report, at source.file.
          const d = error instanceof MujazError ? error.diagnostics[0] : undefined;
          if (!d) throw error;
          const where = d.line > 0 ? ` (${brief.source.file}:${d.line}:${d.col})` : '';
          at(`${d.message.replace(/^the file /, 'the report ')}${where}`, d.hint?.replace('the brief', 'the report') ?? 'save the report as UTF-8 text');
        }
      }
    }
  }
  if (report) {
    const count = report.paragraphs.length;
    for (const { path: at, sources } of citedSources(brief)) {
      sources.forEach((n, i) => {
        if (n > count) {
          diagnostics.push(
            diagnosticForPath(src, doc, [...at, i], `paragraph ${n} does not exist: the report has ${count}`, `cite a paragraph between 1 and ${count}`),
          );
        }
      });
    }
  }

  // Logos: the host's, then each organiser's.
  const named: NamedImage[] = [];
  if (brief.event.host.logo)
    named.push({ file: brief.event.host.logo.file, at: ['event', 'host', 'logo', 'file'], asset: logoAsset(brief.event.host.logo.file) });
  brief.event.organisers?.forEach((o, i) => {
    if (o.logo) named.push({ file: o.logo.file, at: ['event', 'organisers', i, 'logo', 'file'], asset: logoAsset(o.logo.file, i + 1) });
  });
  const checked = await checkImages(src, doc, briefDir, named, 'brief');
  diagnostics.push(...checked.diagnostics);
  const logos = checked.logos;
  return { diagnostics, warnings, report, logos };
}

/** An image a brief (or a theme file) names, where it names it, and where the deck keeps it. */
export interface NamedImage {
  file: string;
  at: (string | number)[];
  asset: string;
}

/**
 * The images a file names, each checked to be a real PNG, JPEG or WebP inside `dir` (the folder of the
 * file that names it). Not SVG: an SVG file can carry scripts, and the preview serves the deck's files as
 * they are.
 */
export async function checkImages(
  src: SourceText,
  doc: Document.Parsed,
  dir: string,
  named: readonly NamedImage[],
  owner: 'brief' | 'theme file',
): Promise<{ diagnostics: Diagnostic[]; logos: Logo[] }> {
  const diagnostics: Diagnostic[] = [];
  const logos: Logo[] = [];
  for (const { file, at, asset } of named) {
    const resolved = await resolveInside(dir, file);
    if (typeof resolved !== 'string')
      diagnostics.push(
        diagnosticForPath(
          src,
          doc,
          at,
          resolved.problem.replace("the brief's folder", `the ${owner}'s folder`),
          `put the image in the ${owner}'s folder (or a folder below it) and name it relative to the ${owner}, e.g. "images/logo.png"`,
        ),
      );
    // The name the deck gives it and the file it is must both be images (a link named .svg to a .png, or
    // the other way round, is refused).
    else if (!/\.(png|jpe?g|webp)$/i.test(resolved) || !/\.(png|jpe?g|webp)$/i.test(file))
      diagnostics.push(
        diagnosticForPath(src, doc, at, 'must be a png, jpg or webp image', 'convert the logo to png, jpg or webp (SVG is refused: it can carry scripts)'),
      );
    else {
      // Opened once, no link followed, checked to be a regular file inside the folder on that handle; the
      // bytes checked are the bytes the deck gets.
      const read = await readRegularFile(resolved, MAX_LOGO_BYTES, { noFollow: true, within: await realpath(dir) });
      const problem = read.ok ? imageProblem(read.bytes) : read.problem;
      if (problem || !read.ok)
        diagnostics.push(
          diagnosticForPath(src, doc, at, problem ?? '', 'use the logo as a png, jpg or webp image of a sensible size (a few hundred pixels across)'),
        );
      else logos.push({ file: resolved, named: file, asset, bytes: read.bytes });
    }
  }
  return { diagnostics, logos };
}
