/** The one formatter of results: how a built or failed brief, a batch and its end are told to the user. */
import { MujazError } from '../errors.js';
import type { BuildResult } from './pipeline.js';

export interface Outcome {
  file: string;
  result?: BuildResult;
  error?: MujazError;
  ms: number;
}

/** Whatever went wrong with one brief, as a MujazError (the unexpected is a failed build to report). */
export function asMujazError(caught: unknown): MujazError {
  if (caught instanceof MujazError) return caught;
  return new MujazError('BUILD_FAILED', `unexpected error: ${(caught as Error)?.message ?? String(caught)}`, {
    cause: caught,
    hint: 'set MUJAZ_DEBUG=1 for details; please report this',
  });
}

/** "✓ briefs/x.yaml → output/x (14 slides, 14-page PDF, 2.10 s)". */
export function builtLine(result: BuildResult, ms: number): string {
  const made = [
    ...(result.pages !== null ? [`${result.pages}-page PDF`] : []),
    ...(result.pptx ? ['PPTX'] : []),
    ...(result.pngs ? [`${result.pngs.length} PNG${result.pngs.length === 1 ? '' : 's'}`] : []),
  ];
  return `✓ ${result.file} → ${result.dir} (${[`${result.slides} slides`, ...made].join(', ')}, ${(ms / 1000).toFixed(2)} s)`;
}

/** "✗ briefs/x.yaml: 2 problems found (hint: …)", and what happened to the previous output, if said. */
export function failedLine(file: string, error: MujazError, after?: string): string {
  const message = error.message.startsWith(`${file}: `) ? error.message.slice(file.length + 2) : error.message;
  return `✗ ${file}: ${message}${error.hint ? ` (hint: ${error.hint})` : ''}${after ? ` (${after})` : ''}`;
}

/** The table printed after a batch of several briefs. */
export function summaryTable(outcomes: readonly Outcome[]): string[] {
  const rows = outcomes.map((o) => [
    o.result?.slug ?? o.file,
    o.result ? String(o.result.slides) : '-',
    o.result?.pages != null ? String(o.result.pages) : '-',
    `${(o.ms / 1000).toFixed(2)} s`,
    o.error ? 'FAILED' : 'ok',
  ]);
  const head = ['deck', 'slides', 'pages', 'time', 'status'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** How a batch ends: nothing when every brief built, else the error with the right exit code. */
export function batchError(outcomes: readonly Outcome[]): MujazError | undefined {
  const failed = outcomes.filter((o) => o.error);
  if (failed.length > 0) {
    // Each failure was printed as it happened; end with one line and the right exit code.
    const code = failed.every((f) => f.error!.code === 'INTERRUPTED')
      ? 'INTERRUPTED'
      : failed.some((f) => f.error!.code === 'INVALID_INPUT')
        ? 'INVALID_INPUT'
        : 'BUILD_FAILED';
    return new MujazError(
      code,
      outcomes.length === 1 ? 'build failed' : `${failed.length} of ${outcomes.length} briefs failed: ${failed.map((f) => f.file).join(', ')}`,
    );
  }
  return undefined;
}
