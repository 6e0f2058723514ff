/**
 * One brief, end to end: load → validate → deck → render → write → assets → PDF → swap in.
 * A failed build leaves the previous deck exactly as it was.
 */
import path from 'node:path';
import { writeAssets, contentSecurityPolicy } from './assets/assets.js';
import { loadBrief, type LoadedBrief } from './brief/load.js';
import { buildDeck } from './deck/build-deck.js';
import type { Deck } from './deck/model.js';
import type { FitScale } from './deck/split.js';
import { MujazError, type Diagnostic } from './errors.js';
import { renderDeck } from './render/render.js';
import { renderHandout } from './render/handout.js';
import { stage, writeText } from './write/output.js';
import type { BrowserSession } from './pdf/browser.js';

export const SLIDE = { width: 1280, height: 720 } as const;
/** A4 portrait at 96 dpi, for the notes handout. */
export const HANDOUT_PAGE = { width: 794, height: 1123 } as const;
/** Times the deck is re-cut after measuring an overflow, before giving up. */
const MAX_FIT_ROUNDS = 4;
/** The date stamped in a PDF when the brief gives none: fixed, so builds are reproducible. */
export const DEFAULT_CREATED = '2000-01-01';

export interface BuildOptions {
  outRoot: string;
  pdf: boolean;
  handout: boolean;
  strict?: boolean;
  /** A running browser for the PDF; started lazily by the caller and shared between briefs. */
  browser?: () => Promise<BrowserSession>;
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
  /** Set when the HTML deck was written but the PDF could not be (no browser). */
  pdfError?: MujazError;
}

function checkAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new MujazError('INTERRUPTED', 'interrupted');
}

async function pdfStage(loaded: LoadedBrief, deckDir: string, deck: Deck, session: BrowserSession, csp: string, handout: boolean, signal?: AbortSignal) {
  const { printDeck } = await import('./pdf/print.js');
  const { finishPdf } = await import('./pdf/postprocess.js');
  let current = deck;
  let fit: FitScale = {};
  for (let round = 0; ; round++) {
    checkAborted(signal);
    const printed = await printDeck(session, path.join(deckDir, 'index.html'), SLIDE);
    if (printed.blocked.length > 0) {
      throw new MujazError('BUILD_FAILED', `the deck tried to load files outside its folder: ${printed.blocked.slice(0, 3).join(', ')}`);
    }
    if (printed.overflows.length === 0) {
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
      const pdf = await finishPdf(printed.pdf, meta);
      await writeText(deckDir, `${deck.slug}.pdf`, pdf);
      if (handout) {
        await writeText(deckDir, 'handout.html', await renderHandout({ deck: current, csp, report: loaded.report?.paragraphs ?? [] }));
        const printedHandout = await printDeck(session, path.join(deckDir, 'handout.html'), { ...HANDOUT_PAGE, plain: true });
        await writeText(deckDir, `${deck.slug}-handout.pdf`, await finishPdf(printedHandout.pdf, { ...meta, bookmarks: meta.bookmarks }));
      }
      return { deck: current, pages: current.slides.length };
    }
    if (round >= MAX_FIT_ROUNDS) break;
    // Put less on each slide of every group that overflowed, then render again.
    fit = { ...fit };
    for (const o of printed.overflows) fit[o.group] = Math.min(fit[o.group] ?? 1, 1) * 0.8;
    current = buildDeck(loaded.brief, { fit, defaultCreated: DEFAULT_CREATED });
    await writeText(deckDir, 'index.html', await renderDeck({ deck: current, csp }));
  }
  const printed = await printDeck(session, path.join(deckDir, 'index.html'), SLIDE);
  const first = printed.overflows[0]!;
  throw new MujazError('INVALID_INPUT', `a text on the slide "${current.slides.find((s) => s.id === first.id)?.titleText ?? first.id}" is too long to fit on one slide (${Math.round(first.by)} px too tall)`, {
    hint: 'shorten it or split it into several points',
  });
}

export async function buildOne(file: string, options: BuildOptions): Promise<BuildResult> {
  const loaded = await loadBrief(file);
  if (options.strict && loaded.warnings.length > 0) {
    throw new MujazError('INVALID_INPUT', `${file}: ${loaded.warnings.length} warning(s) under --strict`, {
      diagnostics: loaded.warnings.map((w) => ({ ...w, severity: 'error' as const })),
    });
  }
  checkAborted(options.signal);
  const csp = await contentSecurityPolicy();
  let deck = buildDeck(loaded.brief, { defaultCreated: DEFAULT_CREATED });
  const staging = await stage(options.outRoot, deck.slug);
  try {
    const html = await renderDeck({ deck, csp });
    await writeText(staging.dir, 'index.html', html);
    const files = await writeAssets(staging.dir, loaded.logo);
    let pages: number | null = null;
    let pdfError: MujazError | undefined;
    if (options.pdf && options.browser) {
      let session: BrowserSession | undefined;
      try {
        session = await options.browser();
      } catch (error) {
        if (!(error instanceof MujazError) || error.code !== 'NO_BROWSER') throw error;
        pdfError = error; // the HTML deck is still written
      }
      if (session) {
        const result = await pdfStage(loaded, staging.dir, deck, session, csp, options.handout, options.signal);
        deck = result.deck;
        pages = result.pages;
      }
    }
    checkAborted(options.signal);
    await staging.commit();
    const result: BuildResult = {
      file,
      slug: deck.slug,
      dir: staging.target,
      slides: deck.slides.length,
      pages,
      warnings: loaded.warnings,
      files: ['index.html', ...files],
    };
    if (pdfError) result.pdfError = pdfError;
    return result;
  } finally {
    await staging.dispose();
  }
}
