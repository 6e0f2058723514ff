/**
 * One brief, end to end: load → validate → deck → render → write → assets → PDF → swap in.
 * A failed build leaves the previous deck exactly as it was.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { assetsVersion, writeAssets, contentSecurityPolicy } from './assets/assets.js';
import { filesNamedBy, loadBrief, type LoadedBrief } from './brief/load.js';
import { diagnosticForPath } from './brief/validate.js';
import { buildDeck } from './deck/build-deck.js';
import type { BriefPath, Deck, Slide } from './deck/model.js';
import type { FitScale } from './deck/split.js';
import { MujazError, type Diagnostic } from './errors.js';
import { renderDeck, renderPrint } from './render/render.js';
import { renderHandout } from './render/handout.js';
import { buildHandout, handoutAnchor } from './deck/handout.js';
import { lintBrief } from './lint/lint.js';
import { stage, writeText } from './write/output.js';
import type { BrowserSession } from './pdf/browser.js';
import type { Overflow } from './pdf/print.js';

export const SLIDE = { width: 1280, height: 720 } as const;
/** A4 portrait at 96 dpi, for the notes handout. */
export const HANDOUT_PAGE = { width: 794, height: 1123 } as const;
/** The page the PDF is printed from, written beside index.html for the print and removed after. */
const PRINT_PAGE = 'print.html';
/** Times a group is re-cut after measuring an overflow, before giving up. */
const MAX_FIT_ROUNDS = 6;

export interface BuildOptions {
  outRoot: string;
  pdf: boolean;
  handout: boolean;
  strict?: boolean;
  /** Claims the output slug for this brief in a batch; returns the brief that already has it, if any. */
  claim?: (slug: string, file: string) => Promise<string | undefined>;
  /** A running browser for the PDF; started lazily by the caller and shared between briefs. */
  browser?: () => Promise<BrowserSession>;
  /** Called when this brief's last page has printed: a batch stops the browser once every brief is past it. */
  printed?: () => void;
  signal?: AbortSignal;
}

export interface BuildResult {
  file: string;
  slug: string;
  dir: string;
  slides: number;
  pages: number | null;
  warnings: Diagnostic[];
  files: string[];
  /** The files the brief names (report, logo): what a watcher must watch besides the brief. */
  inputs: string[];
  /** Set when the HTML deck was written but the PDF could not be (no browser). */
  pdfError?: MujazError;
}

function checkAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new MujazError('INTERRUPTED', 'interrupted');
}

/** The text of the brief at `path`, or "" (for picking the longest text on a slide). */
function textAt(brief: unknown, at: BriefPath): string {
  let v: unknown = brief;
  for (const k of at) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined;
  return typeof v === 'string' ? v : '';
}

/** A slide that still overflows when it cannot be split: name the longest text on it, at its line. */
function tooLong(loaded: LoadedBrief, slide: Slide, by: number): MujazError {
  const longest = [...slide.origins].sort((a, b) => textAt(loaded.brief, b).length - textAt(loaded.brief, a).length)[0] ?? [];
  const message = `this text is too long to fit on the slide "${slide.titleText}" (${Math.round(by)} px too tall)`;
  const hint = 'shorten it or split it into several points, or set `shrink_to_fit: true` to allow smaller type';
  const diagnostic = diagnosticForPath(loaded.source, loaded.doc, longest, message, hint);
  return new MujazError('INVALID_INPUT', `${loaded.file}: a text does not fit on its slide`, { diagnostics: [diagnostic] });
}

async function pdfStage(loaded: LoadedBrief, deckDir: string, deck: Deck, session: BrowserSession, csp: string, whileLoading: () => Promise<void>, options: BuildOptions) {
  const { handout, signal } = options;
  const donePrinting = () => options.printed?.();
  const { printDeck } = await import('./pdf/print.js');
  const assets = await assetsVersion();
  // pdf-lib is loaded while Chromium loads the page, not before: the page is opened first.
  let postprocess: Promise<typeof import('./pdf/postprocess.js')> | undefined;
  const loadPostprocess = () => (postprocess ??= import('./pdf/postprocess.js'));
  let current = deck;
  const fit: FitScale = {};
  const dense = new Set<string>();
  let round = 0;
  // Measured in the browser: put less on each slide of a group that overflowed, and where a slide holds a
  // single text that cannot be split, set it smaller if the brief allows it, or fail naming that text.
  const refit = async (overflows: Overflow[]) => {
    performance.mark(`refit: ${overflows.map((o) => `${o.id} +${Math.round(o.by)}px`).join(', ')}`);
    checkAborted(signal);
    for (const o of overflows) {
      const slide = current.slides.find((s) => s.id === o.id);
      if (!slide) continue;
      if (slide.items > 1 && round < MAX_FIT_ROUNDS) fit[o.group] = (fit[o.group] ?? 1) * 0.8;
      else if (loaded.brief.shrink_to_fit && !dense.has(o.group)) dense.add(o.group);
      else throw tooLong(loaded, slide, o.by);
    }
    round++;
    current = buildDeck(loaded.brief, { fit, dense });
    await Promise.all([
      writeText(deckDir, 'index.html', await renderDeck({ deck: current, csp })),
      writeText(deckDir, PRINT_PAGE, await renderPrint({ deck: current, csp, assets })),
    ]);
  };
  // The PDF is printed from print.html, the slides as reveal's print view lays them out, with no script to
  // run first; it is only the PDF's source and does not stay in the deck's folder.
  await writeText(deckDir, PRINT_PAGE, await renderPrint({ deck, csp, assets }));
  const duringLoad = async () => {
    loadPostprocess().catch(() => undefined);
    await whileLoading();
  };
  const printed = await printDeck(session, path.join(deckDir, PRINT_PAGE), { ...SLIDE, view: 'slides', refit, whileLoading: duringLoad });
  if (!handout) donePrinting();
  await rm(path.join(deckDir, PRINT_PAGE), { force: true });
  if (printed.blocked.length > 0) {
    throw new MujazError('BUILD_FAILED', `the deck tried to load files outside its folder: ${printed.blocked.slice(0, 3).join(', ')}`);
  }
  performance.mark(`${deck.slug}: printed`);
  const { finishPdf } = await loadPostprocess();
  const meta = {
    title: deck.title,
    author: deck.author,
    subject: deck.description,
    keywords: deck.keywords,
    lang: deck.lang,
    dir: deck.dir,
    created: deck.created,
    bookmarks: current.slides.map((s) => (s.continuation ? `${s.titleText} (${s.continuation})` : s.titleText)),
  };
  const finished = await finishPdf(printed.pdf, meta);
  performance.mark(`${deck.slug}: pdf finished`);
  await writeText(deckDir, `${deck.slug}.pdf`, finished);
  performance.mark(`${deck.slug}: pdf written`);
  if (handout) {
    await writeText(deckDir, 'handout.html', await renderHandout({ deck: current, csp, pages: buildHandout(current, loaded.report?.paragraphs ?? []) }));
    const printedHandout = await printDeck(session, path.join(deckDir, 'handout.html'), { ...HANDOUT_PAGE, view: 'document' });
    donePrinting();
    // The handout page is only the PDF's source: it does not stay in the deck's folder.
    await rm(path.join(deckDir, 'handout.html'), { force: true });
    if (printedHandout.blocked.length > 0) {
      throw new MujazError('BUILD_FAILED', `the handout tried to load files outside its folder: ${printedHandout.blocked.slice(0, 3).join(', ')}`);
    }
    // A slide's notes may flow onto a second page: each bookmark opens where its slide's article starts.
    const anchors = current.slides.map(handoutAnchor);
    await writeText(deckDir, `${deck.slug}-handout.pdf`, await finishPdf(printedHandout.pdf, { ...meta, anchors }));
  }
  return { deck: current, pages: current.slides.length };
}

export async function buildOne(file: string, options: BuildOptions): Promise<BuildResult> {
  const loaded = await loadBrief(file);
  performance.mark(`${file}: loaded`);
  checkAborted(options.signal);
  const csp = await contentSecurityPolicy();
  let deck = buildDeck(loaded.brief);
  const owner = await options.claim?.(deck.slug, file);
  if (owner !== undefined) {
    const message = `the slug "${deck.slug}" is also the slug of ${owner}, and both would write ${deck.slug}/`;
    const hint = 'give each brief its own slug';
    throw new MujazError('INVALID_INPUT', `${file}: duplicate slug`, {
      diagnostics: [diagnosticForPath(loaded.source, loaded.doc, ['slug'], message, hint)],
    });
  }
  const html = await renderDeck({ deck, csp });
  performance.mark(`${file}: rendered`);
  // The lint only warns unless --strict: then it runs first; otherwise while Chromium loads the deck.
  let warnings = options.strict ? [...loaded.warnings, ...lintBrief(loaded, html)] : undefined;
  const lint = async () => {
    warnings ??= [...loaded.warnings, ...lintBrief(loaded, html)];
  };
  if (options.strict && warnings && warnings.length > 0) {
    throw new MujazError('INVALID_INPUT', `${file}: ${warnings.length} warning(s), which --strict treats as errors`, {
      diagnostics: warnings.map((w) => ({ ...w, severity: 'error' as const })),
    });
  }
  const staging = await stage(options.outRoot, deck.slug, options.signal);
  try {
    await writeText(staging.dir, 'index.html', html);
    const files = await writeAssets(staging.dir, loaded.logo);
    performance.mark(`${file}: staged`);
    let pages: number | null = null;
    let pdfError: MujazError | undefined;
    if (options.pdf && options.browser) {
      let session: BrowserSession | undefined;
      try {
        session = await options.browser();
        performance.mark(`${file}: browser ready`);
      } catch (error) {
        if (!(error instanceof MujazError) || error.code !== 'NO_BROWSER') throw error;
        pdfError = error; // the HTML deck is still written
      }
      if (session) {
        const result = await pdfStage(loaded, staging.dir, deck, session, csp, lint, options);
        deck = result.deck;
        pages = result.pages;
      }
    }
    checkAborted(options.signal);
    await lint();
    await staging.commit();
    performance.mark(`${file}: committed`);
    const result: BuildResult = {
      file,
      slug: deck.slug,
      dir: staging.target,
      slides: deck.slides.length,
      pages,
      warnings: warnings ?? [],
      files: ['index.html', ...files],
      inputs: filesNamedBy(loaded),
    };
    if (pdfError) result.pdfError = pdfError;
    return result;
  } finally {
    await staging.dispose();
  }
}
