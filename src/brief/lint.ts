/** Warnings that do not stop a build (errors under --strict). Filled in by the quality gates. */
import type { Document } from 'yaml';
import type { Diagnostic } from '../errors.js';
import type { Brief } from './schema.js';
import type { SourceText } from './source-text.js';

export function lintBrief(_src: SourceText, _doc: Document.Parsed, _brief: Brief): Diagnostic[] {
  return [];
}
