/**
 * One brief, end to end: brief → deck → fit → HTML → assets → PDF, built in a staging folder swapped in at
 * the end. A failed build leaves the previous deck exactly as it was.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { assetsVersion, contentSecurityPolicy, writeAssets } from '../assets/assets.js';
import type { Browser } from '../browser/browser.js';
import { filesNamedBy, loadBrief, type LoadedBrief } from '../brief/load.js';
import { diagnosticForPath } from '../brief/locate.js';
import { buildDeck } from '../deck/build-deck.js';
import { buildHandout, HANDOUT_PAGE, handoutAnchor } from '../deck/handout.js';
import { SLIDE, type Deck } from '../deck/model.js';
import { MujazError, type Diagnostic } from '../errors.js';
import { estimated, fit } from '../fit/fit.js';
import { measureInBrowser, printPageWriter } from '../fit/measure.js';
import { lintBrief, lintErrors } from '../lint/lint.js';
import type { PdfMeta } from '../pdf/postprocess.js';
import { HANDOUT_FILE, HANDOUT_MARKING, PRINT_PAGE, PRINT_VIEWPORT } from '../render/pages.js';
import { handoutMarkingCss, renderHandout } from '../render/handout.js';
import { renderDeck } from '../render/render.js';
import { stage, writeText } from '../write/output.js';

export interface BuildResult {
  file: string;
  slug: string;
  dir: string;
  slides: number;
  pages: number | null;
  warnings: Diagnostic[];
  files: string[];
  /** The PowerPoint file written (`<slug>.pptx`), with --pptx. */
  pptx?: string;
  /** The pictures of the slides written (`<slug>-01.png` …), with --png. */
  pngs?: string[];
  /** The files the brief names (report, logo): what a watcher must watch besides the brief. */
  inputs: string[];
}

/** What one brief's build is given by the core. */
export interface BriefJob {
  outRoot: string;
  pdf: boolean;
  handout: boolean;
  /** Also write `<slug>.pptx` (src/pptx/). */
  pptx?: boolean;
  /** Also write one PNG per slide, at the deck's size times `scale` (src/png/). */
  png?: boolean;
  scale?: number;
  strict?: boolean;
  /** The browser for the PDF and the PNGs, started by the core when first asked for and shared between briefs. */
  browser?: () => Promise<Browser>;
  /** Claims the output slug for this brief; returns the brief that already has it, if any. */
  claim?: (slug: string, file: string) => Promise<string | undefined>;
  /** Called when this brief's last page has printed: a batch stops the browser once every brief is past it. */
  printed?: () => void;
  signal?: AbortSignal;
}

function checkAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new MujazError('INTERRUPTED', 'interrupted');
}

/** What the PDFs say of themselves: the deck's metadata, and a bookmark per slide. */
function pdfMeta(deck: Deck): PdfMeta {
  return {
    title: deck.title,
    author: deck.author,
    subject: deck.description,
    keywords: deck.keywords,
    lang: deck.lang,
    dir: deck.dir,
    created: deck.created,
    bookmarks: deck.slides.map((s) => s.bookmark),
  };
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
    warnings ??= [...loaded.warnings, ...lintBrief(loaded, await firstHtml)];
  };
  if (job.strict) {
    await lint();
    if (warnings!.length > 0) {
      throw new MujazError('INVALID_INPUT', `${file}: ${warnings!.length} warning(s), which --strict treats as errors`, {
        diagnostics: warnings!.map((w) => ({ ...w, severity: 'error' as const })),
      });
    }
  }

  const staging = await stage(job.outRoot, first.slug, job.signal);
  try {
    const files = await writeAssets(staging.dir, [...loaded.logos, ...loaded.theme.logos]);
    performance.mark(`${file}: staged`);
    // No browser to print with fails the build (NO_BROWSER, saying how to get one): a deck without the PDF
    // (or the PNGs) asked for never replaces the previous one.
    const starting = (job.pdf || job.png) && job.browser ? job.browser() : undefined;
    // pdf-lib is loaded and the lint run while Chromium starts (or a batch's page is taken), not while it
    // loads the deck: the page's requests are answered by this thread (src/browser/page.ts refuses those
    // outside the deck's folder), and work here then held the load up.
    let postprocess: Promise<typeof import('../pdf/postprocess.js')> | undefined;
    const loadPostprocess = () => (postprocess ??= import('../pdf/postprocess.js'));
    if (starting) {
      starting.catch(() => undefined);
      if (job.pdf) loadPostprocess().catch(() => undefined);
      await lint();
    }
    const browser = await starting;
    if (browser) performance.mark('browser ready');
    const assets = browser ? await assetsVersion() : '';

    // Fit: measured in the browser when there is one, else the deck builder's estimate stands.
    const printPage = printPageWriter({ dir: staging.dir, csp, assets });
    const measure = browser ? measureInBrowser({ browser, printPage }) : estimated;
    const deck = await fit(loaded, measure, first, job.signal);
    checkAborted(job.signal);

    // HTML (written while Chromium prints, when it prints: the print page is what it prints).
    const writeHtml = async () => {
      await writeText(staging.dir, 'index.html', await (deck === first ? firstHtml : renderDeck({ deck, csp })));
      performance.mark(`${file}: rendered`);
    };
    if (!(browser && job.pdf)) await writeHtml();

    // PDF: the print page the fit stage measured is printed as it is shown; the PNGs are taken of that page,
    // the handout printed after them.
    let pages: number | null = null;
    let pngs: string[] | undefined;
    if (browser) {
      const printFile = await printPage(deck);
      let printed: Uint8Array | undefined;
      if (job.pdf) {
        const { printPdf } = await import('../pdf/print.js');
        printed = await printPdf(browser, printFile, { page: SLIDE, viewport: PRINT_VIEWPORT, swappable: true, whilePrinting: writeHtml });
      }
      if (job.png) {
        const { pngName, slidePngs } = await import('../png/png.js');
        const pictures = await slidePngs(browser, printFile, { size: SLIDE, scale: job.scale ?? 1 });
        pngs = pictures.map((_, i) => pngName(deck.slug, i, pictures.length));
        await Promise.all(pictures.map((bytes, i) => writeText(staging.dir, pngs![i]!, bytes)));
        performance.mark(`${deck.slug}: png written`);
      }
      if (!(job.pdf && job.handout)) job.printed?.();
      await rm(path.join(staging.dir, PRINT_PAGE), { force: true });
      if (printed) {
        const { finishPdf } = await loadPostprocess();
        const meta = pdfMeta(deck);
        const finishDeck = async () => {
          await writeText(staging.dir, `${deck.slug}.pdf`, await finishPdf(printed, meta));
          performance.mark(`${deck.slug}: pdf written`);
        };
        if (!job.handout) await finishDeck();
        else {
          const { printPdf } = await import('../pdf/print.js');
          const marking = handoutMarkingCss(deck);
          if (marking !== null) await writeText(staging.dir, HANDOUT_MARKING, marking);
          await writeText(staging.dir, HANDOUT_FILE, await renderHandout({ deck, csp, pages: buildHandout(deck, loaded.report?.paragraphs ?? []) }));
          // The deck's PDF is finished here while Chromium prints the handout.
          const handout = await printPdf(browser, path.join(staging.dir, HANDOUT_FILE), { page: HANDOUT_PAGE, whilePrinting: finishDeck });
          job.printed?.();
          await rm(path.join(staging.dir, HANDOUT_FILE), { force: true });
          await rm(path.join(staging.dir, HANDOUT_MARKING), { force: true });
          // A slide's notes may flow onto a second page: each bookmark opens where its slide's article starts.
          await writeText(staging.dir, `${deck.slug}-handout.pdf`, await finishPdf(handout, { ...meta, anchors: deck.slides.map(handoutAnchor) }));
        }
        pages = deck.slides.length;
      }
    }

    // PowerPoint: the fitted deck, slide for slide; its logos as the deck's folder holds them.
    let pptx: string | undefined;
    if (job.pptx) {
      const [{ writePptx }, { readLogos }] = await Promise.all([import('../pptx/pptx.js'), import('../pptx/logos.js')]);
      pptx = `${deck.slug}.pptx`;
      await writeText(staging.dir, pptx, writePptx(deck, { logos: await readLogos(staging.dir, deck) }));
      performance.mark(`${deck.slug}: pptx written`);
    }
    checkAborted(job.signal);
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
      ...(pptx ? { pptx } : {}),
      ...(pngs ? { pngs } : {}),
      inputs: filesNamedBy(loaded),
    };
    return result;
  } finally {
    await staging.dispose();
  }
}
