/**
 * The outputs a build asked for, scheduled: Chromium kept busy, the rest of the work done while it prints
 * (see writeOutputs). The pipeline (./pipeline.ts) calls it with the fitted deck.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Made, Output, OutputJob } from '../outputs/index.js';
import { PRINT_PAGE } from '../render/pages.js';

/**
 * Writes the outputs asked for, in the registry's order, keeping Chromium busy: the outputs that print or
 * photograph take the browser one after another, and the rest of the work runs while it prints — the
 * outputs that need no browser (the HTML deck, the PowerPoint) while it prints the first, each printed
 * PDF's finishing while it prints the next. `printed` is called once the browser is no longer needed.
 */
export async function writeOutputs(outputs: readonly Output[], job: OutputJob, printed?: () => void): Promise<Made> {
  const made: Made = {};
  const keep = (m: Made | undefined) => Object.assign(made, m);
  const runAll = (list: readonly Output[]) => async () => {
    for (const o of list) keep((await o.write(job, async () => undefined)) as Made | undefined);
  };
  const inBrowser = job.browser ? outputs.filter((o) => o.browser) : [];
  let pending = runAll(outputs.filter((o) => !o.browser));
  for (const o of inBrowser) {
    const alongside = once(pending);
    const result = await o.write(job, alongside);
    const finish = typeof result === 'function' ? result : undefined;
    if (typeof result !== 'function') keep(result);
    pending = async () => {
      await alongside();
      if (finish) keep(await finish());
    };
  }
  if (inBrowser.length > 0) {
    printed?.();
    await rm(path.join(job.dir, PRINT_PAGE), { force: true });
  }
  await pending();
  return made;
}

/** `fn`, run at most once: every call after the first gives the first's promise. */
function once(fn: () => Promise<void>): () => Promise<void> {
  let run: Promise<void> | undefined;
  return () => (run ??= fn());
}
