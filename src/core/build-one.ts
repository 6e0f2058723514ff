/** The library's way to build one brief, with its PDF when asked: given a browser, or with one of its own. */
import { Browser } from '../browser/browser.js';
import { buildBrief, type BuildResult } from './pipeline.js';

export interface BuildOptions {
  outRoot: string;
  pdf: boolean;
  handout?: boolean;
  /** Also write `<slug>.pptx`. */
  pptx?: boolean;
  /** Also write one PNG per slide, `scale` pixels per CSS px (default 1). */
  png?: boolean;
  scale?: number;
  strict?: boolean;
  /** A browser to print in, kept open for the caller; without one, a PDF build starts its own and stops it. */
  browser?: Browser;
  /** The Chrome/Chromium to start when no browser is given (default: the one found, src/browser/find.ts). */
  executable?: string;
  signal?: AbortSignal;
}

export async function buildOne(file: string, options: BuildOptions): Promise<BuildResult> {
  const job = {
    outRoot: options.outRoot,
    pdf: options.pdf,
    handout: Boolean(options.handout),
    pptx: Boolean(options.pptx),
    png: Boolean(options.png),
    scale: options.scale ?? 1,
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
