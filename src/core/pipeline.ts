/**
 * One brief, end to end: brief → deck → fit → HTML → assets → PDF, built in a staging folder swapped in at
 * the end. A failed build leaves the previous deck exactly as it was.
 */
import { assetsVersion, contentSecurityPolicy, writeAssets } from '../assets/assets.js';
import type { Browser } from '../browser/browser.js';
import { filesNamedBy, loadBrief, type LoadedBrief } from '../brief/load.js';
import { diagnosticForPath } from '../brief/locate.js';
import { deckRecord, RECORD_FILE, writeRecord } from '../catalogue/record.js';
import { buildDeck } from '../deck/build-deck.js';
import { MujazError, type Diagnostic } from '../errors.js';
import { estimated, fit } from '../fit/fit.js';
import { measureInBrowser } from '../fit/measure.js';
import { lintBrief, lintErrors } from '../lint/lint.js';
import { type OutputOptions, requested } from '../outputs/index.js';
import { unisolatedLatin } from '../render/isolation.js';
import { renderDeck } from '../render/render.js';
import { stage } from '../write/output.js';
import { printPageWriter } from './print-page.js';
import { writeOutputs } from './schedule.js';

export interface BuildResult {
  file: string;
  slug: string;
  dir: string;
  slides: number;
  pages: number | null;
  warnings: Diagnostic[];
  files: string[];
  /** The PowerPoint file written (`<slug>.pptx`), when asked for. */
  pptx?: string;
  /** The pictures of the slides written (`<slug>-01.png` …), when asked for. */
  pngs?: string[];
  /** The files the brief names (report, logo): what a watcher must watch besides the brief. */
  inputs: string[];
}

/** What one brief's build is given by the core. */
export interface BriefJob {
  outRoot: string;
  /** The outputs to write (src/outputs/). */
  outputs: OutputOptions;
  strict?: boolean;
  /** The browser for the outputs that need one, started by the core when first asked for and shared between briefs. */
  browser?: () => Promise<Browser>;
  /** Claims the output slug for this brief; returns the brief that already has it, if any. */
  claim?: (slug: string, file: string) => Promise<string | undefined>;
  /** Called when this brief no longer needs the browser: a batch stops it once every brief is past it. */
  printed?: () => void;
  signal?: AbortSignal;
}

function checkAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new MujazError('INTERRUPTED', 'interrupted');
}

function duplicateSlug(loaded: LoadedBrief, slug: string, owner: string): MujazError {
  const message = `the slug "${slug}" is also the slug of ${owner}, and both would write ${slug}/`;
  return new MujazError('INVALID_INPUT', `${loaded.file}: duplicate slug`, {
    diagnostics: [diagnosticForPath(loaded.source, loaded.doc, ['slug'], message, 'give each brief its own slug')],
  });
}

export async function buildBrief(file: string, job: BriefJob): Promise<BuildResult> {
  const loaded = await loadBrief(file);
  performance.mark(`${file}: loaded`);
  checkAborted(job.signal);
  // The lint's errors (placeholders left from the scaffold) fail the build with or without --strict.
  const errors = lintErrors(loaded);
  if (errors.length > 0) {
    throw new MujazError('INVALID_INPUT', `${file}: ${errors.length} problem${errors.length === 1 ? '' : 's'} found`, { diagnostics: errors });
  }
  const csp = await contentSecurityPolicy();
  const first = buildDeck(loaded.brief, { theme: loaded.theme });
  const owner = await job.claim?.(first.slug, file);
  if (owner !== undefined) throw duplicateSlug(loaded, first.slug, owner);

  // The lint looks at the deck as first built. It only warns unless --strict: then it runs first;
  // otherwise while Chromium starts (below).
  const firstHtml = renderDeck({ deck: first, csp });
  firstHtml.catch(() => undefined);
  let warnings: Diagnostic[] | undefined;
  const lint = async () => {
    warnings ??= [...loaded.warnings, ...lintBrief(loaded, unisolatedLatin(await firstHtml))];
  };
  if (job.strict) {
    await lint();
    if (warnings!.length > 0) {
      throw new MujazError('INVALID_INPUT', `${file}: ${warnings!.length} warning(s), which --strict treats as errors`, {
        diagnostics: warnings!.map((w) => ({ ...w, severity: 'error' as const })),
      });
    }
  }

  const outputs = requested(job.outputs);
  const staging = await stage(job.outRoot, first.slug, job.signal);
  try {
    const files = await writeAssets(staging.dir, [...loaded.logos, ...loaded.theme.logos]);
    performance.mark(`${file}: staged`);
    // No browser to print with fails the build (NO_BROWSER, saying how to get one): a deck without the PDF
    // (or the PNGs) asked for never replaces the previous one.
    const starting = outputs.some((o) => o.browser) && job.browser ? job.browser() : undefined;
    const printPage = printPageWriter({ dir: staging.dir, csp, assets: starting ? await assetsVersion() : '' });
    // The outputs load what they need, the deck's first print page is written (the fit stage measures it
    // first) and the lint runs while Chromium starts (or a batch's page is taken), not while it loads the deck:
    // the page's requests are answered by this thread (src/browser/page.ts refuses those outside the deck's
    // folder), and work here then held the load up.
    if (starting) {
      starting.catch(() => undefined);
      for (const o of outputs) o.prepare?.().catch(() => undefined);
      await printPage(first);
      await lint();
    }
    const browser = await starting;
    if (browser) performance.mark('browser ready');

    // Fit: measured in the browser when there is one, else the deck builder's estimate stands.
    const measure = browser ? measureInBrowser({ browser, printPage }) : estimated;
    const deck = await fit(loaded, measure, first, job.signal);
    checkAborted(job.signal);

    const made = await writeOutputs(
      outputs,
      {
        loaded,
        deck,
        dir: staging.dir,
        csp,
        options: job.outputs,
        html: () => (deck === first ? firstHtml : renderDeck({ deck, csp })),
        ...(browser ? { browser, printPage } : {}),
      },
      job.printed,
    );
    // The record the catalogue lists the deck by, swapped in with it.
    await writeRecord(staging.dir, deckRecord(loaded, deck));
    checkAborted(job.signal);
    await lint();
    await staging.commit();
    performance.mark(`${file}: committed`);
    return {
      file,
      slug: deck.slug,
      dir: staging.target,
      slides: deck.slides.length,
      pages: made.pages ?? null,
      warnings: warnings ?? [],
      files: ['index.html', RECORD_FILE, ...files],
      ...(made.pptx ? { pptx: made.pptx } : {}),
      ...(made.pngs ? { pngs: made.pngs } : {}),
      inputs: filesNamedBy(loaded),
    };
  } finally {
    await staging.dispose();
  }
}
