/**
 * Checks the schema cannot make: ids are unique, speakers exist, cited paragraphs exist in the report,
 * and files the brief names are real files inside the brief's folder.
 */
import { lstat, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Document } from 'yaml';
import type { Diagnostic } from '../errors.js';
import type { Brief } from './schema.js';
import type { SourceText } from './source-text.js';
import { decodeSource } from './source-text.js';
import { diagnosticForPath } from './validate.js';

export const MAX_REPORT_BYTES = 2 * 1024 * 1024;

export interface Report {
  /** Absolute path of the report file. */
  file: string;
  /** Paragraph N is paragraphs[N - 1]: the N-th non-empty line. */
  paragraphs: string[];
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

/** Resolves a file named in a brief, refusing anything that leaves the brief's folder (symlinks included). */
export async function resolveInside(briefDir: string, relative: string): Promise<string | { problem: string }> {
  const target = path.resolve(briefDir, relative);
  const rel = path.relative(briefDir, target);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return { problem: 'points outside the brief\'s folder' };
  let stat;
  try {
    stat = await lstat(target);
  } catch {
    return { problem: `names a file that does not exist (${relative})` };
  }
  const realDir = await realpath(briefDir);
  const real = await realpath(target).catch(() => target);
  const realRel = path.relative(realDir, real);
  if (realRel.startsWith('..') || path.isAbsolute(realRel)) return { problem: 'is a link to a file outside the brief\'s folder' };
  if (!stat.isFile() && !stat.isSymbolicLink()) return { problem: 'is not a file' };
  return real;
}

export async function checkReferences(
  src: SourceText,
  doc: Document.Parsed,
  brief: Brief,
  briefDir: string,
): Promise<{ diagnostics: Diagnostic[]; report: Report | undefined; logo: string | undefined }> {
  const diagnostics: Diagnostic[] = [];
  const ids = new Map<string, string>();
  const people: { p: { id: string }; at: (string | number)[] }[] = [];
  brief.delegations?.forEach((d, i) => d.members.forEach((m, j) => people.push({ p: m, at: ['delegations', i, 'members', j, 'id'] })));
  if (brief.participants?.moderator) people.push({ p: brief.participants.moderator, at: ['participants', 'moderator', 'id'] });
  brief.participants?.joined?.forEach((m, j) => people.push({ p: m, at: ['participants', 'joined', j, 'id'] }));
  for (const { p, at } of people) {
    const first = ids.get(p.id);
    if (first !== undefined) diagnostics.push(diagnosticForPath(src, doc, at, `the id "${p.id}" is already used at ${first}`, 'give every person a different id'));
    else ids.set(p.id, at.slice(0, -1).join('.'));
  }
  brief.messages?.forEach((m, i) => {
    if (!ids.has(m.speaker)) {
      const known = [...ids.keys()];
      diagnostics.push(
        diagnosticForPath(src, doc, ['messages', i, 'speaker'], `no person has the id "${m.speaker}"`, known.length ? `use one of: ${known.join(', ')}` : 'add the speaker to delegations or participants'),
      );
    }
  });

  let report: Report | undefined;
  if (brief.source.file !== undefined) {
    const resolved = await resolveInside(briefDir, brief.source.file);
    if (typeof resolved !== 'string') {
      diagnostics.push(diagnosticForPath(src, doc, ['source', 'file'], resolved.problem, 'put the report beside the brief and name it relative to the brief'));
    } else {
      const bytes = await readFile(resolved);
      if (bytes.length > MAX_REPORT_BYTES) {
        diagnostics.push(diagnosticForPath(src, doc, ['source', 'file'], `the report is larger than ${MAX_REPORT_BYTES / 1024 / 1024} MiB`));
      } else {
        try {
          const text = decodeSource(resolved, bytes).text;
          report = { file: resolved, paragraphs: text.split('\n').map((l) => l.trim()).filter((l) => l !== '') };
        } catch {
          diagnostics.push(diagnosticForPath(src, doc, ['source', 'file'], 'the report is not valid UTF-8 text'));
        }
      }
    }
  }
  if (report) {
    const count = report.paragraphs.length;
    for (const { path: at, sources } of citedSources(brief)) {
      sources.forEach((n, i) => {
        if (n > count) {
          diagnostics.push(diagnosticForPath(src, doc, [...at, i], `paragraph ${n} does not exist: the report has ${count}`, 'cite a paragraph between 1 and ' + count));
        }
      });
    }
  }

  let logo: string | undefined;
  if (brief.event.host.logo) {
    const resolved = await resolveInside(briefDir, brief.event.host.logo.file);
    if (typeof resolved !== 'string') diagnostics.push(diagnosticForPath(src, doc, ['event', 'host', 'logo', 'file'], resolved.problem, 'put the image beside the brief'));
    else if (!/\.(png|jpe?g|svg|webp)$/i.test(resolved)) diagnostics.push(diagnosticForPath(src, doc, ['event', 'host', 'logo', 'file'], 'must be a png, jpg, svg or webp image'));
    else logo = resolved;
  }
  return { diagnostics, report, logo };
}
