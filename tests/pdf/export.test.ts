/**
 * `mujaz build` writes <out>/<slug>/<slug>.pdf: one 1280×720 px page per slide with fragments shown and
 * backgrounds printed, only the bundled fonts, tagged, in Arabic, read right to left, with the brief's
 * metadata, a bookmark per slide, and the same bytes on every build. The deck read is the suite's
 * (tests/support/suite.ts); the decks printed or built again here are the test's own.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../../src/browser/browser.js';
import { printPdf } from '../../src/pdf/print.js';
import { PRINT_VIEWPORT } from '../../src/render/pages.js';
import { contentSecurityPolicy } from '../../src/assets/assets.js';
import { loadBrief } from '../../src/brief/load.js';
import { buildDeck } from '../../src/deck/build-deck.js';
import { renderPrint } from '../../src/render/render.js';
import { silentReporter } from '../../src/reporter.js';
import { bundledBrief, removeDir, repoRoot, runCli, tempDir } from '../support/build.js';
import { suiteDeck } from '../support/suite.js';
import { copySuiteDeck, writtenWith } from '../support/suite-outputs.js';
import { type Picture, rasterise } from './raster.js';
import { catalog, hashTree, must, outlines, pdffonts, pdfinfo, slidesOf, SLUG, tagCoverage, type SlideHtml } from './support.js';

/** The suite's deck of the bundled brief (read only: copied before anything is changed). */
let deckDir: string;
let pdf: string;
let slides: SlideHtml[];
const dirs: string[] = [];

beforeAll(async () => {
  deckDir = suiteDeck(SLUG);
  pdf = path.join(deckDir, `${SLUG}.pdf`);
  slides = slidesOf(await readFile(path.join(deckDir, 'index.html'), 'utf8'));
});

afterAll(async () => {
  await Promise.all(dirs.map(removeDir));
});

/** Pages rendered to RGB at `dpi` (72 dpi: one pixel per point). */
function raster(file: string, dpi: number): Promise<Picture[]> {
  return rasterise(file, { dpi });
}

function cssColor(css: string, name: string): [number, number, number] {
  const hex = new RegExp(`${name}:\\s*#([0-9a-f]{6})`, 'i').exec(css)?.[1];
  if (!hex) throw new Error(`no ${name} in the theme`);
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

describe('the deck PDF', () => {
  it('has one page per slide of index.html, each 1280×720 px (960×540 pt)', async () => {
    expect(slides.length).toBeGreaterThan(5);
    const info = await pdfinfo(pdf);
    expect(Number(info.Pages)).toBe(slides.length);
    const sizes = await must('pdfinfo', ['-f', '1', '-l', String(slides.length), pdf]);
    const pageSizes = [...sizes.matchAll(/^Page\s+\d+ size:\s+(.*)$/gm)].map((m) => m[1]!.trim());
    expect(pageSizes).toHaveLength(slides.length);
    for (const size of pageSizes) expect(size).toBe('960 x 540 pts');
  });

  it("prints backgrounds (the theme's tinted panels appear on the pages)", async () => {
    const css = await readFile(path.join(repoRoot, 'templates', 'theme', 'mujaz.css'), 'utf8');
    // The band colour of the default theme: chips, cards and the title slide's band.
    const tints = [cssColor(css, '--band')];
    let tinted = 0;
    for (const page of await raster(pdf, 24)) {
      for (let i = 0; i < page.rgb.length; i += 3) {
        const [r, g, b] = [page.rgb[i]!, page.rgb[i + 1]!, page.rgb[i + 2]!];
        if (tints.some(([tr, tg, tb]) => Math.abs(r - tr) <= 2 && Math.abs(g - tg) <= 2 && Math.abs(b - tb) <= 2)) tinted++;
      }
    }
    expect(tinted).toBeGreaterThan(200);
  });

  it('embeds only the bundled Amiri faces, all of them', async () => {
    const fonts = await pdffonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.emb, f.name).toBe('yes');
      expect(f.name).toContain('Amiri');
      expect(f.name).not.toMatch(/DejaVu|Liberation|Noto|Arial|Helvetica|Times/i);
      expect(f.uni, f.name).toBe('yes');
    }
  });

  it('is tagged, and the structure tree covers the text of every page but its furniture', async () => {
    expect((await pdfinfo(pdf)).Tagged).toBe('yes');
    const pages = await tagCoverage(pdf);
    expect(pages).toHaveLength(slides.length);
    for (const p of pages) {
      // The page furniture (running footer, slide number) is an artifact (tests/pdf/ua.test.ts); every other
      // text is tagged, and the slide's own text outweighs its furniture.
      expect(p.tagged, `page ${p.page}`).toBeGreaterThan(0);
      expect(p.artifact, `page ${p.page}`).toBeGreaterThan(0);
      expect(p.untagged, `page ${p.page}`).toBe(0);
      expect(p.tagged, `page ${p.page}`).toBeGreaterThan(p.artifact);
    }
  });

  it('says it is Arabic, read right to left', async () => {
    const root = await catalog(pdf);
    expect(root).toMatch(/\/Lang \(ar\)/);
    expect(root).toMatch(/\/ViewerPreferences <<[^>]*\/Direction \/R2L/);
  });

  it("carries the brief's title, author, subject and keywords, and a fixed date", async () => {
    const brief = parse(await readFile(bundledBrief, 'utf8')) as { title: string; author: string; keywords: string[]; event: { summary: string } };
    const info = await pdfinfo(pdf);
    expect(info.Title).toBe(brief.title);
    expect(info.Author).toBe(brief.author);
    expect(info.Subject).toBe(brief.event.summary.replace(/\s+/g, ' ').trim());
    expect(info.Keywords).toBe(brief.keywords.join(' '));
    const dates = await must('pdfinfo', ['-isodates', pdf]);
    expect(dates).toMatch(/^CreationDate:\s+2000-01-01T00:00:00/m);
    expect(dates).toMatch(/^ModDate:\s+2000-01-01T00:00:00/m);
  });

  it('has one bookmark per slide, titled as the slide (continuations with their label), opening its page', async () => {
    const items = await outlines(pdf);
    const expected = slides.map((s) => (s.continuation ? `${s.title} (${s.continuation})` : s.title));
    expect(expected.every((t) => t.length > 0)).toBe(true);
    expect(items.map((o) => o.title)).toEqual(expected);
    expect(items.map((o) => o.destpageposfrom1)).toEqual(slides.map((_, i) => i + 1));
    // The bundled deck continues no list since issue 25 (its sources on one slide); a suite deck that does
    // (the PAM side event's speakers) labels its continuations in its bookmarks too.
    const slug = 'pam-summit-of-the-future-side-event';
    const continued = (await outlines(path.join(suiteDeck(slug), `${slug}.pdf`))).map((o) => o.title).filter((t) => /\(continued \d+ of \d+\)$/.test(t));
    expect(continued.length).toBeGreaterThan(0);
  });

  it('is byte-identical when the same brief is built again (elsewhere, in another time zone)', async () => {
    const again = await tempDir('mujaz-pdf-again-');
    dirs.push(again);
    const result = await runCli(['build', bundledBrief, '--out', again, '--handout'], { env: { TZ: 'Pacific/Kiritimati' } });
    expect(result.code, result.stderr).toBe(0);
    // Same inputs to Chromium (HTML, theme, fonts), else the comparison below means nothing. (The suite's
    // deck has the outputs of --pptx and --png too, which this build did not ask for.)
    const inputs = (dir: string) =>
      hashTree(dir).then((t) =>
        t
          .split('\n')
          .filter((l) => writtenWith(SLUG, l.split(' ')[1]!, ['handout']))
          .filter((l) => !l.includes('.pdf'))
          .join('\n'),
      );
    expect(await inputs(path.join(again, SLUG)), 'the HTML or assets changed between the builds').toBe(await inputs(deckDir));
    const a = await readFile(pdf);
    const b = await readFile(path.join(again, SLUG, `${SLUG}.pdf`));
    expect(b.length).toBe(a.length);
    expect(b.equals(a), 'the deck PDF differs between two builds').toBe(true);
    // The handout's bytes have differed once in a while on a heavily loaded machine; its text never has.
    const handoutText = (dir: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(dir, `${SLUG}-handout.pdf`), '-'], { encoding: 'utf8' });
    expect(handoutText(path.join(again, SLUG))).toBe(handoutText(deckDir));
  }, 180_000);
});

describe('reveal.js print view and fragments', () => {
  let session: Browser;
  beforeAll(async () => {
    session = await Browser.launch({ reporter: silentReporter });
  });
  afterAll(async () => {
    await session?.close();
  });

  it("the PDF, printed from the static print page, looks exactly like reveal.js's own print view of index.html", async () => {
    // mujaz prints print.html (reveal's print layout written down, no script); a reader who prints the deck
    // from the browser with ?print-pdf gets reveal's layout. Every page must match to the pixel.
    const viaReveal = await printPdf(session, path.join(deckDir, 'index.html'), { page: { width: 1280, height: 720 }, reveal: true });
    const dir = await tempDir('mujaz-pdf-reveal-view-');
    dirs.push(dir);
    await writeFile(path.join(dir, 'reveal.pdf'), viaReveal);
    const [built, reveal] = [await raster(pdf, 48), await raster(path.join(dir, 'reveal.pdf'), 48)];
    expect(built.length).toBe(slides.length);
    expect(reveal.length).toBe(built.length);
    built.forEach((page, i) => expect(Buffer.compare(page.rgb, reveal[i]!.rgb), `page ${i + 1}`).toBe(0));
    // The print page is only the PDF's source: it does not stay in the deck's folder.
    expect(existsSync(path.join(deckDir, 'print.html'))).toBe(false);
  }, 180_000);

  it('a page that printed a print page takes the next one in place only when its styles are the same', async () => {
    // The next deck's slides are swapped into the page (no load) when the heads match; the head names the
    // assets' state, so a deck with a changed theme is loaded afresh and printed with its own styles.
    const deck = buildDeck((await loadBrief(bundledBrief)).brief);
    const csp = await contentSecurityPolicy();
    const copyWith = async (name: string, assets: string, red: boolean) => {
      const root = await tempDir(`mujaz-pdf-swap-${name}-`);
      dirs.push(root);
      const dir = await copySuiteDeck(SLUG, root, ['handout']);
      if (red)
        await writeFile(
          path.join(dir, 'assets/theme/mujaz.css'),
          `${await readFile(path.join(dir, 'assets/theme/mujaz.css'), 'utf8')}\n.reveal .slides .pdf-page, .reveal .slides .pdf-page * { background: #ff0000 !important; }\n`,
        );
      await writeFile(path.join(dir, 'print.html'), await renderPrint({ deck, csp, assets }));
      return path.join(dir, 'print.html');
    };
    const scratch = await tempDir('mujaz-pdf-swap-');
    dirs.push(scratch);
    /** The colour of a pixel near the top corner of the first page. */
    const corner = async (pdfBytes: Uint8Array, name: string) => {
      const file = path.join(scratch, `${name}.pdf`);
      await writeFile(file, pdfBytes);
      const [page] = await raster(file, 18);
      // The pixel at (2, 2): three bytes a pixel (RGB).
      return [...page!.rgb.subarray(page!.width * 3 * 2 + 6, page!.width * 3 * 2 + 9)];
    };
    const slides = { page: { width: 1280, height: 720 }, viewport: PRINT_VIEWPORT, swappable: true };
    const first = await printPdf(session, await copyWith('first', 'v1', false), slides);
    expect(await corner(first, 'first')).not.toEqual([255, 0, 0]);
    // Same head (the control): swapped in, so the old styles stay, and the red theme is not seen.
    const swapped = await printPdf(session, await copyWith('same-head', 'v1', true), slides);
    expect(await corner(swapped, 'same-head')).not.toEqual([255, 0, 0]);
    // Another assets state: loaded from its file, with its own (red) theme.
    const loaded = await printPdf(session, await copyWith('new-assets', 'v2', true), slides);
    expect(await corner(loaded, 'new-assets')).toEqual([255, 0, 0]);
  }, 180_000);

  it('print complete: a deck whose list items are fragments prints exactly like one without', async () => {
    const root = await tempDir('mujaz-pdf-fragments-');
    dirs.push(root);
    const copy = await copySuiteDeck(SLUG, root, ['handout']);
    const html = await readFile(path.join(copy, 'index.html'), 'utf8');
    let made = 0;
    const withFragments = html.replace(/<li( class="([^"]*)")?>/g, (_, __, cls: string | undefined) => {
      made++;
      return `<li class="fragment${cls ? ` ${cls}` : ''}">`;
    });
    expect(made).toBeGreaterThan(10);
    await writeFile(path.join(copy, 'fragments.html'), withFragments);
    const size = { page: { width: 1280, height: 720 }, reveal: true };
    const plain = await printPdf(session, path.join(copy, 'index.html'), size);
    const fragmented = await printPdf(session, path.join(copy, 'fragments.html'), size);
    await writeFile(path.join(copy, 'plain.pdf'), plain);
    await writeFile(path.join(copy, 'fragmented.pdf'), fragmented);
    const [a, b] = [await raster(path.join(copy, 'plain.pdf'), 36), await raster(path.join(copy, 'fragmented.pdf'), 36)];
    expect(b.length).toBe(a.length);
    a.forEach((page, i) => expect(Buffer.compare(page.rgb, b[i]!.rgb), `page ${i + 1}`).toBe(0));
  }, 180_000);
});
