/**
 * The one core of mujaz, in check, build, watch or serve mode: commands only read their flags and call it.
 * It owns what a run shares: the browser (the one started early, or one it starts), the compiled templates,
 * the batch's slug claims and how results are told (./results.ts). Used with `await using`, it leaves no
 * browser behind on any path. Each mode is loaded when used, so a command loads only what it runs.
 */
import type { EarlyBrowser } from '../browser/early.js';
import type { Reporter } from '../reporter.js';
import type { SpawnedBrowser } from '../browser/launch.js';
import type { BatchOptions } from './batch.js';
import type { BuildOptions } from './options.js';
import type { Outcome } from './results.js';

export interface CoreOptions {
  reporter: Reporter;
  signal: AbortSignal;
  /** A Chromium bin/mujaz.js started before mujaz loaded: used by a PDF build with the same --browser, else stopped. */
  early?: EarlyBrowser | undefined;
}

export class Core implements AsyncDisposable {
  private early: EarlyBrowser | undefined;
  /** Early browsers being stopped: the core is disposed of once they are gone, profile and all. */
  private readonly stopping: Promise<void>[] = [];

  constructor(private readonly options: CoreOptions) {
    this.early = options.early;
  }

  /** The browser started early, if it is the one asked for; any other is stopped. */
  private takeEarly(executable: string | undefined): SpawnedBrowser | undefined {
    const early = this.early;
    this.early = undefined;
    if (early && early.requested === executable) return early.spawned;
    if (early) this.stopping.push(early.spawned.stop());
    return undefined;
  }

  /** A mode that prints nothing stops a browser started early. */
  private stopEarly(): void {
    if (this.early) this.stopping.push(this.early.spawned.stop());
    this.early = undefined;
  }

  private async batchOptions(options: BuildOptions): Promise<BatchOptions> {
    const { outputOptions, requested } = await import('../outputs/index.js');
    const outputs = outputOptions(options);
    const spawned = requested(outputs).some((o) => o.browser) ? this.takeEarly(options.executable) : undefined;
    return {
      outRoot: options.outRoot,
      outputs,
      strict: Boolean(options.strict),
      jobs: options.jobs ?? 2,
      reporter: this.options.reporter,
      signal: this.options.signal,
      browser: { ...(options.executable ? { executable: options.executable } : {}), ...(spawned ? { spawned } : {}) },
    };
  }

  /** Validates and lints every brief; fails if any is invalid (or, with `strict`, has warnings). */
  async check(files: readonly string[], strict = false): Promise<void> {
    this.stopEarly();
    const { checkBriefs } = await import('./check.js');
    await checkBriefs(files, strict, this.options.reporter);
  }

  /** Builds every brief; one failing does not stop the others. Returns the outcomes, in the order given. */
  async build(files: readonly string[], options: BuildOptions): Promise<Outcome[]> {
    const batch = await this.batchOptions(options);
    const { runBatch } = await import('./batch.js');
    return runBatch(files, batch);
  }

  /** Builds, then tells the results: a table for several briefs, and the error that ends a failed run. */
  async buildAndReport(files: readonly string[], options: BuildOptions): Promise<void> {
    const outcomes = await this.build(files, options);
    const { batchError, summaryTable } = await import('./results.js');
    if (files.length > 1) summaryTable(outcomes).forEach((l) => this.options.reporter.info(l));
    const error = batchError(outcomes);
    if (error) throw error;
  }

  /** Builds every brief, then again on every good save, until interrupted. */
  async watch(files: readonly string[], options: BuildOptions): Promise<void> {
    this.stopEarly();
    const { watchBriefs } = await import('./watch.js');
    await watchBriefs(files, await this.batchOptions(options));
  }

  /** Serves a live preview of one brief until interrupted. */
  async serve(brief: string, options: { port: number; open?: boolean }): Promise<void> {
    this.stopEarly();
    const { serveBrief } = await import('./serve.js');
    await serveBrief(brief, { ...options, reporter: this.options.reporter, signal: this.options.signal });
  }

  /** Stops a browser started early that no mode used. */
  async [Symbol.asyncDispose](): Promise<void> {
    this.stopEarly();
    await Promise.all(this.stopping);
  }
}
