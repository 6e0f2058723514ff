/** Check mode: every brief validated and linted as the build would, nothing written; all problems of all briefs reported. */
import { loadBrief } from '../brief/load.js';
import { buildDeck } from '../deck/build-deck.js';
import { MujazError, type Diagnostic } from '../errors.js';
import { lintBrief } from '../lint/lint.js';
import { unisolatedLatin } from '../render/isolation.js';
import { renderDeck } from '../render/render.js';
import type { Reporter } from '../reporter.js';

export async function checkBriefs(files: readonly string[], strict: boolean, reporter: Reporter): Promise<void> {
  const failures: Diagnostic[] = [];
  let failed = 0;
  for (const file of files) {
    try {
      const loaded = await loadBrief(file);
      // Rendered (no browser): the render stage finds the Latin runs it left unisolated, the lint says where
      // in the brief they come from.
      const html = await renderDeck({ deck: buildDeck(loaded.brief, { theme: loaded.theme }), csp: '' });
      const warnings = [...loaded.warnings, ...lintBrief(loaded, unisolatedLatin(html))];
      // The lint's errors (placeholders left from the scaffold) fail the brief with or without --strict.
      if (warnings.some((w) => w.severity === 'error') || (strict && warnings.length > 0)) {
        failed++;
        failures.push(...(strict ? warnings.map((w) => ({ ...w, severity: 'error' as const })) : warnings));
        continue;
      }
      warnings.forEach((w) => reporter.warn(w));
      reporter.out(`${file}: ok${warnings.length ? ` (${warnings.length} warning${warnings.length === 1 ? '' : 's'})` : ''}`);
    } catch (error) {
      if (!(error instanceof MujazError) || error.code !== 'INVALID_INPUT') throw error;
      failed++;
      failures.push(...error.diagnostics);
    }
  }
  if (failed > 0) {
    throw new MujazError('INVALID_INPUT', `${failed} of ${files.length} brief${files.length === 1 ? '' : 's'} invalid`, { diagnostics: failures });
  }
}
