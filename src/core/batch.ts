/**
 * Many briefs in one run: at most `jobs` at once, one browser shared by all (started as the batch starts,
 * stopped as soon as every brief is past printing), the first brief in the order given keeping a slug, and
 * one failing brief never stopping the others.
 */
import { Browser, type BrowserOptions } from '../browser/browser.js';
import { type OutputOptions, requested } from '../outputs/index.js';
import type { Reporter } from '../reporter.js';
import { buildBrief } from './pipeline.js';
import { asMujazError, builtLine, failedLine, type Outcome } from './results.js';

export interface BatchOptions {
  outRoot: string;
  outputs: OutputOptions;
  strict: boolean;
  jobs: number;
  reporter: Reporter;
  signal: AbortSignal;
  /** How to start the batch's browser (the core gives it the one started early, if any). */
  browser: BrowserOptions;
}

/** Runs `fn` over `items` with at most `jobs` at once, in order, keeping the input order in the output. */
async function pool<T, R>(items: readonly T[], jobs: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  let stopped = false;
  const worker = async () => {
    while (!stopped && next < items.length) {
      const i = next++;
      try {
        out[i] = await fn(items[i]!, i);
      } catch (error) {
        stopped = true; // no job starts after one has thrown
        throw error;
      }
    }
  };
  // Every job ends (and cleans up) before the pool does, even when one of them throws (Ctrl-C).
  const ended = await Promise.allSettled(Array.from({ length: Math.min(jobs, items.length) }, worker));
  const failed = ended.find((e): e is PromiseRejectedResult => e.status === 'rejected');
  if (failed) throw failed.reason;
  return out;
}

/**
 * Slug claims: two briefs of one batch must not write the same output folder, and the first in the order
 * given keeps the slug, whichever is read first. A brief claims its slug once every brief before it has
 * claimed its own (or failed before it could); they started before it, so none waits on a later one.
 */
function slugClaims(count: number) {
  const slugs = new Map<string, string>();
  const settle: (() => void)[] = [];
  const settled = Array.from({ length: count }, (_, i) => new Promise<void>((resolve) => (settle[i] = resolve)));
  return {
    claimFor:
      (index: number) =>
      async (slug: string, file: string): Promise<string | undefined> => {
        await Promise.all(settled.slice(0, index));
        const owner = slugs.get(slug);
        if (owner === undefined) slugs.set(slug, file);
        settle[index]!();
        return owner;
      },
    /** A brief that failed before its claim holds up no later one. */
    done: (index: number) => settle[index]!(),
  };
}

export async function runBatch(files: readonly string[], options: BatchOptions): Promise<Outcome[]> {
  const { reporter, signal } = options;
  const jobs = Math.max(1, options.jobs);
  let launched: Promise<Browser> | undefined;
  const browser = () => (launched ??= Browser.launch({ ...options.browser, reporter, signal, pages: Math.min(jobs, files.length) }));
  // Start Chromium now, while the first brief is read and rendered.
  if (requested(options.outputs).some((o) => o.browser)) browser().catch(() => undefined);
  const claims = slugClaims(files.length);
  // Once every brief is past printing (printed, or failed), the browser is stopped while the last PDFs are
  // still being finished.
  const pastPrinting = new Set<number>();
  const donePrinting = (index: number) => {
    pastPrinting.add(index);
    if (pastPrinting.size === files.length && launched)
      void launched.then(
        (b) => b.close(),
        () => undefined,
      );
  };
  let outcomes: Outcome[];
  try {
    outcomes = await pool(files, jobs, async (file, index): Promise<Outcome> => {
      const started = performance.now();
      reporter.progress(file, `… ${file}: building`);
      try {
        const result = await buildBrief(file, {
          outRoot: options.outRoot,
          outputs: options.outputs,
          strict: options.strict,
          browser,
          signal,
          claim: claims.claimFor(index),
          printed: () => donePrinting(index),
        });
        const ms = performance.now() - started;
        result.warnings.forEach((w) => reporter.warn(w));
        reporter.progress(file, builtLine(result, ms), true);
        return { file, result, ms };
      } catch (caught) {
        if (signal.aborted) throw signal.reason;
        const error = asMujazError(caught);
        error.diagnostics.forEach((d) => reporter.warn(d));
        reporter.progress(file, failedLine(file, error), true);
        return { file, error, ms: performance.now() - started };
      } finally {
        claims.done(index);
        donePrinting(index);
      }
    });
  } finally {
    if (launched)
      await launched.then(
        (b) => b.close(),
        () => undefined,
      );
    else await options.browser.spawned?.stop();
  }
  // The output folder's catalogue, once for the batch, from every deck's record (src/catalogue/); a batch
  // that built nothing leaves the folder as it was.
  if (outcomes.some((o) => o.result)) {
    const { updateCatalogue } = await import('../catalogue/catalogue.js');
    const { written, warning } = await updateCatalogue(options.outRoot, { signal });
    performance.mark('catalogue written');
    if (warning) reporter.warn(warning);
    if (written) reporter.info(`mujaz: ${written.file} lists ${written.decks} deck${written.decks === 1 ? '' : 's'} (the briefing library)`);
  }
  return outcomes;
}
