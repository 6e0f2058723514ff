import { buildOne, type BuildResult } from '../build.js';
import { MujazError } from '../errors.js';
import type { BrowserSession } from '../pdf/browser.js';
import type { SpawnedBrowser } from '../pdf/spawn.js';
import type { Reporter } from '../reporter.js';
import { expandBriefArgs } from './inputs.js';

export interface BuildCommandOptions {
  out: string;
  pdf: boolean;
  handout?: boolean;
  browser?: string;
  jobs: number;
  watch?: boolean;
  strict?: boolean;
}

interface Outcome {
  file: string;
  result?: BuildResult;
  error?: MujazError;
  ms: number;
}

/** Runs `fn` over `items` with at most `jobs` at once, in order, keeping the input order in the output. */
async function pool<T, R>(items: T[], jobs: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, worker));
  return out;
}

function table(outcomes: Outcome[]): string[] {
  const rows = outcomes.map((o) => [
    o.result?.slug ?? o.file,
    o.result ? String(o.result.slides) : '-',
    o.result?.pages != null ? String(o.result.pages) : '-',
    `${(o.ms / 1000).toFixed(2)} s`,
    o.error ? 'FAILED' : o.result?.pdfError ? 'html only' : 'ok',
  ]);
  const head = ['deck', 'slides', 'pages', 'time', 'status'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** Builds every brief, sharing one browser; one failing brief does not stop the others. */
export async function buildBriefs(files: string[], options: BuildCommandOptions, reporter: Reporter, signal: AbortSignal, spawned?: SpawnedBrowser): Promise<Outcome[]> {
  let session: Promise<BrowserSession> | undefined;
  const browser = () => {
    session ??= import('../pdf/browser.js').then(({ launchBrowser }) =>
      launchBrowser({ ...(options.browser ? { executable: options.browser } : {}), reporter, signal, pages: Math.min(Math.max(1, options.jobs), files.length), ...(spawned ? { spawned } : {}) }),
    );
    return session;
  };
  // Start Chromium now, while the first brief is read and rendered.
  if (options.pdf) browser().catch(() => undefined);
  // Two briefs of one batch must not write the same output folder: the first in the order given keeps the
  // slug, whichever is read first. A brief claims its slug once every brief before it has claimed its own
  // (or failed before it could); they started before it, so none waits on a later one.
  const slugs = new Map<string, string>();
  const settle: (() => void)[] = [];
  const settled = files.map((_, i) => new Promise<void>((resolve) => (settle[i] = resolve)));
  const claimFor = (index: number) => async (slug: string, file: string): Promise<string | undefined> => {
    await Promise.all(settled.slice(0, index));
    const owner = slugs.get(slug);
    if (owner === undefined) slugs.set(slug, file);
    settle[index]!();
    return owner;
  };
  // Once every brief is past printing (printed, or failed), the browser is stopped while the last PDFs are
  // still being finished.
  const pastPrinting = new Set<number>();
  const donePrinting = (index: number) => {
    pastPrinting.add(index);
    if (pastPrinting.size === files.length && session) void session.then((s) => s.close(), () => undefined);
  };
  try {
    return await pool(files, Math.max(1, options.jobs), async (file, index): Promise<Outcome> => {
      const started = performance.now();
      reporter.progress(file, `… ${file}: building`);
      try {
        const result = await buildOne(file, { outRoot: options.out, pdf: options.pdf, handout: Boolean(options.handout), strict: Boolean(options.strict), browser, signal, claim: claimFor(index), printed: () => donePrinting(index) });
        const ms = performance.now() - started;
        result.warnings.forEach((w) => reporter.warn(w));
        reporter.progress(file, `✓ ${file} → ${result.dir} (${result.slides} slides${result.pages !== null ? `, ${result.pages}-page PDF` : ''}, ${(ms / 1000).toFixed(2)} s)`, true);
        return { file, result, ms };
      } catch (caught) {
        if (signal.aborted) throw signal.reason;
        // Whatever went wrong with one brief, the others go on; the unexpected is reported as a failed build.
        const error = caught instanceof MujazError ? caught : new MujazError('BUILD_FAILED', `unexpected error: ${(caught as Error)?.message ?? String(caught)}`, { cause: caught, hint: 'set MUJAZ_DEBUG=1 for details; please report this' });
        const ms = performance.now() - started;
        error.diagnostics.forEach((d) => reporter.warn(d));
        reporter.progress(file, `✗ ${file}: ${error.message.replace(`${file}: `, '')}${error.hint ? ` (hint: ${error.hint})` : ''}`, true);
        return { file, error, ms };
      } finally {
        settle[index]!(); // a brief that failed before its claim holds up no later one
        donePrinting(index);
      }
    });
  } finally {
    if (session) await session.then((s) => s.close(), () => undefined);
    else spawned?.kill();
  }
}

export async function buildCommand(args: string[], options: BuildCommandOptions, reporter: Reporter, signal: AbortSignal, spawned?: SpawnedBrowser): Promise<void> {
  const files = await expandBriefArgs(args).catch((error: unknown) => {
    spawned?.kill();
    throw error;
  });
  if (options.watch) {
    const { watchBuild } = await import('./watch-build.js');
    return watchBuild(files, options, reporter, signal);
  }
  const outcomes = await buildBriefs(files, options, reporter, signal, spawned);
  if (files.length > 1) table(outcomes).forEach((l) => reporter.info(l));
  const failed = outcomes.filter((o) => o.error);
  const noPdf = outcomes.find((o) => o.result?.pdfError)?.result?.pdfError;
  if (failed.length > 0) {
    // Each failure was printed as it happened; end with one line and the right exit code.
    const code = failed.every((f) => f.error!.code === 'INTERRUPTED') ? 'INTERRUPTED' : failed.some((f) => f.error!.code === 'INVALID_INPUT') ? 'INVALID_INPUT' : 'BUILD_FAILED';
    throw new MujazError(code, files.length === 1 ? 'build failed' : `${failed.length} of ${files.length} briefs failed: ${failed.map((f) => f.file).join(', ')}`);
  }
  if (noPdf) throw noPdf;
}
