/** The library's way to build one brief, with its PDF when asked: given a browser, or with one of its own. */
import { Browser } from '../browser/browser.js';
import { outputOptions } from '../outputs/index.js';
import type { BuildOptions } from './options.js';
import { buildBrief, type BuildResult } from './pipeline.js';

export interface BuildOneOptions extends BuildOptions {
  /** A browser to print in, kept open for the caller; without one, a PDF build starts its own and stops it. */
  browser?: Browser;
  signal?: AbortSignal;
}

export async function buildOne(file: string, options: BuildOneOptions): Promise<BuildResult> {
  const result = await buildAlone(file, options);
  // The output folder's catalogue, written again with this deck (src/catalogue/); failing to is a warning.
  const { updateCatalogue } = await import('../catalogue/catalogue.js');
  const { warning } = await updateCatalogue(options.outRoot, options.signal ? { signal: options.signal } : {});
  return warning ? { ...result, warnings: [...result.warnings, warning] } : result;
}

async function buildAlone(file: string, options: BuildOneOptions): Promise<BuildResult> {
  const job = {
    outRoot: options.outRoot,
    outputs: outputOptions(options),
    strict: Boolean(options.strict),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  const given = options.browser;
  if (given) return buildBrief(file, { ...job, browser: async () => given });
  let launched: Promise<Browser> | undefined;
  try {
    return await buildBrief(file, {
      ...job,
      browser: () =>
        (launched ??= Browser.launch({
          ...(options.executable ? { executable: options.executable } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
        })),
    });
  } finally {
    if (launched)
      await launched.then(
        (b) => b.close(),
        () => undefined,
      );
  }
}
