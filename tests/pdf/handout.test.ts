/**
 * `--handout` writes <slug>-handout.pdf: A4 portrait, each slide (a scaled copy) with its speaker notes and
 * the report paragraphs it cites beneath, in the deck's fonts. Notes too long for one page flow onto the
 * next page rather than being cut off, and each slide's bookmark opens the page where the slide starts.
 * The bundled brief's handout is the suite's (tests/support/suite.ts); the variant's is built here.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledBrief, removeDir, runCli, tempDir } from '../support/build.js';
import { suiteDeck } from '../support/suite.js';
import { bundledObject, writeVariant } from '../support/variants.js';
import { arabicWords, outlines, pdffonts, pdfinfo, pdftotext, slidesOf, SLUG, type SlideHtml } from './support.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map(removeDir));
});

interface Built {
  handout: string;
  slides: SlideHtml[];
  report: string[];
}

/** The handout of the deck in `deckDir`, built from `brief`. */
async function handoutOf(brief: string, deckDir: string): Promise<Built> {
  const report = (await readFile(path.join(path.dirname(brief), 'sources', `${SLUG}.ar.txt`), 'utf8'))
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return { handout: path.join(deckDir, `${SLUG}-handout.pdf`), slides: slidesOf(await readFile(path.join(deckDir, 'index.html'), 'utf8')), report };
}

async function build(brief: string): Promise<Built> {
  const out = await tempDir('mujaz-pdf-handout-');
  dirs.push(out);
  const result = await runCli(['build', brief, '--out', out, '--handout']);
  expect(result.code, result.stderr).toBe(0);
  return handoutOf(brief, path.join(out, SLUG));
}

/** The Arabic words of a text as one string, for finding a passage in extracted text whatever the line breaks. */
const words = (text: string) => ` ${arabicWords(text).join(' ')} `;

async function checkBookmarks(built: Built): Promise<number[]> {
  const items = await outlines(built.handout);
  expect(items).toHaveLength(built.slides.length);
  const pages = items.map((o) => o.destpageposfrom1);
  for (let i = 0; i < items.length; i++) {
    const slide = built.slides[i]!;
    expect(items[i]!.title).toBe(slide.continuation ? `${slide.title} (${slide.continuation})` : slide.title);
    if (i > 0) expect(pages[i]!).toBeGreaterThan(pages[i - 1]!);
    // The page the bookmark opens starts with that slide's heading.
    const text = await pdftotext(built.handout, { first: pages[i]!, last: pages[i]! });
    expect(words(text), `bookmark ${i + 1} → page ${pages[i]}`).toContain(words(slide.title));
  }
  return pages;
}

describe('the notes handout of the bundled brief', () => {
  let built: Built;
  beforeAll(async () => {
    built = await handoutOf(bundledBrief, suiteDeck(SLUG));
  });

  it('is A4 portrait, with at least a page per slide', async () => {
    const info = await pdfinfo(built.handout);
    expect(Number(info.Pages)).toBeGreaterThanOrEqual(built.slides.length);
    expect(info['Page size']).toMatch(/^595\.\d+ x 842\.\d+ pts \(A4\)$/);
    expect(info.Tagged).toBe('yes');
  });

  it('embeds only the bundled Amiri faces', async () => {
    const fonts = await pdffonts(built.handout);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.emb, f.name).toBe('yes');
      expect(f.name).toContain('Amiri');
    }
  });

  it("has every slide's speaker notes, whole", async () => {
    const text = words(await pdftotext(built.handout));
    const withNotes = built.slides.filter((s) => s.notes.trim());
    expect(withNotes.length).toBeGreaterThan(5);
    for (const s of withNotes) expect(text, `notes of ${s.id}`).toContain(words(s.notes));
  });

  it('has the report paragraphs the slides cite', async () => {
    const text = words(await pdftotext(built.handout));
    // Paragraph 4 is cited on the title slide (event.sources), paragraph 17 by the Russian delegation.
    for (const n of [4, 17]) expect(text, `paragraph ${n}`).toContain(words(built.report[n - 1]!));
  });

  it('has a bookmark per slide that opens the page where the slide starts', async () => {
    await checkBookmarks(built);
  });
});

describe('a handout whose notes do not fit on one page', () => {
  let built: Built;
  const LAST = 'وهذه هي الجملة الأخيرة من الملاحظات الطويلة.';
  beforeAll(async () => {
    const brief = await bundledObject();
    const notes = String(brief.event.notes).replace(/\s+/g, ' ');
    let long = notes;
    while (long.length + notes.length < 3800) long += ` ${notes}`;
    brief.event.notes = `${long} ${LAST}`;
    const variant = await writeVariant(brief, 'long-notes');
    dirs.push(variant.dir);
    built = await build(variant.file);
  });

  it('flows onto further pages instead of cutting the notes off', async () => {
    const info = await pdfinfo(built.handout);
    expect(Number(info.Pages)).toBeGreaterThan(built.slides.length);
    const text = words(await pdftotext(built.handout));
    const notes = built.slides.find((s) => s.notes.includes('الجملة الأخيرة'));
    expect(notes).toBeDefined();
    expect(text).toContain(words(notes!.notes));
    expect(text).toContain(words(LAST));
  });

  it("still opens each slide's page from its bookmark", async () => {
    const pages = await checkBookmarks(built);
    // The slides with the long notes take more than one page each.
    expect(pages[pages.length - 1]!).toBeGreaterThan(built.slides.length);
  });
});

describe('the deck and its handout in one build', () => {
  it("finishes the deck's PDF while Chromium prints the handout, and writes both", async () => {
    const out = await tempDir('mujaz-pdf-handout-');
    dirs.push(out);
    const result = await runCli(['build', bundledBrief, '--out', out, '--handout'], { env: { MUJAZ_TRACE: '1' } });
    expect(result.code, result.stderr).toBe(0);
    // MUJAZ_TRACE's marks, in order: the deck's PDF is parsed (its finishing begins) only once the handout
    // has been sent to print, after its page was loaded.
    const marks = result.stderr.split('\n').filter((l) => l.startsWith('trace'));
    const at = (pattern: RegExp) => marks.findIndex((l) => pattern.test(l));
    const handoutLoaded = at(/handout\.html: prepared/);
    const deckFinishing = at(/pdf: parsed/);
    expect(handoutLoaded).toBeGreaterThan(-1);
    expect(deckFinishing).toBeGreaterThan(handoutLoaded);
    expect(at(/handout\.html: printed/)).toBeGreaterThan(at(new RegExp(`${SLUG}: pdf written`)));
    for (const file of [`${SLUG}.pdf`, `${SLUG}-handout.pdf`]) expect(Number((await pdfinfo(path.join(out, SLUG, file))).Pages)).toBeGreaterThan(0);
  });
});
