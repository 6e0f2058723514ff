/**
 * `mujaz build --pptx --png` on the bundled brief, every fixture brief (Arabic and English) and the bundled
 * brief with logos: the PowerPoint file read as a zip of XML parts, against the deck the same build wrote
 * (index.html) — one slide per deck slide, the same titles and words, every paragraph in the deck's
 * direction and language, the notes (each once), the tables, cards and pictures, the lists (an item a
 * bulleted paragraph with its citation), the footer (the slide-number field apart from the citations),
 * unbroken citations, the URL, every shape inside the slide — then LibreOffice's reading of it
 * (`soffice --convert-to pdf`): its pages, its words, every word inside the slide and above the footer's rule
 * but the footer's, none over another, and its look against the deck's own pictures (the
 * PNGs the same build wrote, tests/png checks them). That build is the suite's (tests/support/global-setup.ts:
 * every output of every one of those briefs, with-logos among them, in one batch); LibreOffice reads its
 * PowerPoint files once, in one run.
 */
import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBrief } from '../../src/brief/load.js';
import { buildDeck } from '../../src/deck/build-deck.js';
import { type Deck, SLIDE } from '../../src/deck/model.js';
import { rasterise } from '../pdf/raster.js';
import { arabicWords, decodeEntities, pdffonts, pdfinfo, pdftotext, recall, type SlideHtml, slidesOf } from '../pdf/support.js';
import { bundledBrief, removeDir, runCli, tempDir } from '../support/build.js';
import { suiteBriefs, suiteDeck } from '../support/suite.js';
import { bundledBriefFile, fixtureBriefs } from '../support/suite-briefs.js';
import { FOOTER_TOP } from '../../src/pptx/page.js';
import { libreOfficePdf, type Paragraph, type Pptx, readPptx, sorted, type WordBox, wordBoxes, words } from './support.js';

interface Case {
  slug: string;
  deck: Deck;
  html: SlideHtml[];
  sections: string[];
  pptx: Pptx;
  bytes: Uint8Array;
  pngs: string[];
  dir: string;
}

const cases: Case[] = [];
const dirs: string[] = [];
let out: string;
let lo: string;

/** The raw HTML of each slide's section, in order. */
function sectionsOf(html: string): string[] {
  return [...html.matchAll(/<section\b[^>]*\bclass="slide\b[^>]*>([\s\S]*?)<\/section>/g)].map((m) => m[1]!);
}

/** Title slides with a theme's logo, counted by the test of where those logos are. */
let themed = 0;

beforeAll(async () => {
  out = await tempDir('mujaz-pptx-');
  dirs.push(out);
  // The bundled brief, every fixture brief, and the bundled brief with a host's and an organiser's logo
  // (pictures on the title slide: the suite's variant with-logos, tests/support/suite-briefs.ts).
  const withLogos = suiteBriefs().find((b) => path.basename(b) === 'with-logos.yaml');
  expect(withLogos).toBeDefined();
  const briefs = [bundledBriefFile, ...fixtureBriefs, withLogos!];
  expect(suiteBriefs()).toEqual(expect.arrayContaining(briefs));
  for (const file of briefs) {
    const deck = buildDeck((await loadBrief(file)).brief);
    const dir = suiteDeck(deck.slug);
    const html = await readFile(path.join(dir, 'index.html'), 'utf8');
    const bytes = new Uint8Array(await readFile(path.join(dir, `${deck.slug}.pptx`)));
    const pngs = (await readdir(dir)).filter((f) => f.endsWith('.png')).sort();
    cases.push({ slug: deck.slug, deck, html: slidesOf(html), sections: sectionsOf(html), pptx: readPptx(bytes), bytes, pngs, dir });
  }
  lo = path.join(out, 'libreoffice');
  // LibreOffice is given copies: it may leave lock files beside what it opens, and the suite's decks are read only.
  const files = path.join(out, 'pptx');
  await mkdir(files);
  await Promise.all(cases.map((c) => copyFile(path.join(c.dir, `${c.slug}.pptx`), path.join(files, `${c.slug}.pptx`))));
  await libreOfficePdf(
    cases.map((c) => path.join(files, `${c.slug}.pptx`)),
    lo,
  );
}, 600_000);

afterAll(async () => {
  for (const d of dirs) await removeDir(d);
});

const each = (name: string, fn: (c: Case) => void | Promise<void>) =>
  it(name, async () => {
    expect(cases.length).toBe(fixtureBriefs.length + 2);
    for (const c of cases) await fn(c);
  }, 240_000); // Every deck read, converted pictures compared: bounded generously for a busy machine, never timed.

/** Every paragraph of the slides and notes. */
const paragraphsOf = (c: Case): { where: string; p: Paragraph }[] =>
  c.pptx.slides.flatMap((s) => [...s.paragraphs.map((p) => ({ where: s.part, p })), ...(s.notes ?? []).map((p) => ({ where: `${s.part} notes`, p }))]);

const ARABIC = /[\u0600-\u06FF]/;
const LATIN = /[A-Za-z]/;

describe('the PowerPoint file', () => {
  each('has one 16:9 slide per deck slide, continuations included, on the title or the content layout', (c) => {
    expect(c.pptx.slides.length, c.slug).toBe(c.html.length);
    const size = c.pptx.xml('ppt/presentation.xml').getElementsByTagNameNS('http://schemas.openxmlformats.org/presentationml/2006/main', 'sldSz')[0]!;
    expect([size.getAttribute('cx'), size.getAttribute('cy')]).toEqual(['12192000', '6858000']);
    c.pptx.slides.forEach((s, i) => {
      expect(s.layout, `${c.slug} ${s.part}`).toBe(i === 0 ? 'ppt/slideLayouts/slideLayout1.xml' : 'ppt/slideLayouts/slideLayout2.xml');
    });
  });

  each("titles each slide with one title placeholder holding the deck slide's title", (c) => {
    c.pptx.slides.forEach((s, i) => {
      const deck = c.html[i]!;
      expect(s.titles, `${c.slug} ${s.part}`).toBe(1);
      expect(words(s.title ?? ''), `${c.slug} ${s.part}`).toEqual(words(deck.title));
      if (deck.continuation) expect(s.names, `${c.slug} ${s.part}`).toContain('Continuation');
    });
  });

  each("shows on each slide exactly the words of the deck's slide", (c) => {
    c.pptx.slides.forEach((s, i) => {
      expect(sorted(words(s.text)), `${c.slug} ${s.part}`).toEqual(sorted(words(c.html[i]!.text)));
    });
  });

  each("writes every paragraph in the deck's direction, aligned to its start, with the deck's language", (c) => {
    const rtl = c.deck.dir === 'rtl';
    const locale = c.deck.lang === 'ar' ? 'ar-SA' : 'en-US';
    const paragraphs = paragraphsOf(c);
    expect(paragraphs.length).toBeGreaterThan(c.html.length * 3);
    for (const { where, p } of paragraphs) {
      const label = `${c.slug} ${where}: «${p.text}»`;
      expect(p.rtl, label).toBe(rtl ? '1' : '0');
      // Aligned to the start (the right in Arabic), as in the deck; the footer's citations and number sit at the end.
      expect(['Slide number', 'Citation'].includes(p.shape) ? [rtl ? 'l' : 'r'] : ['ctr', rtl ? 'r' : 'l'], label).toContain(p.align);
      expect(p.endLang, label).toBe(locale);
      for (const r of p.runs) {
        // Each run says its language, and the deck's as the other when it is not: an Arabic deck's
        // paragraphs are all Arabic, with a Latin name inside tagged as English.
        expect([r.lang, r.altLang], label).toContain(locale);
        if (ARABIC.test(r.text) && !LATIN.test(r.text)) expect(r.lang, `${label} «${r.text}»`).toBe('ar-SA');
        if (LATIN.test(r.text) && !ARABIC.test(r.text)) expect(r.lang, `${label} «${r.text}»`).toBe('en-US');
        expect([r.latin, r.cs], label).toEqual(['Amiri', 'Amiri']);
      }
    }
  });

  each("lists the deck's lists, and only them: its points, its chips (themes, attendees) and a topic's regions, an item a paragraph", (c) => {
    c.pptx.slides.forEach((s, i) => {
      const section = c.sections[i]!;
      const items = (section.match(/<li><span class="item-text">/g) ?? []).length;
      const regions = [...section.matchAll(/<ul class="regions"[^>]*>([\s\S]*?)<\/ul>/g)].reduce((n, m) => n + (m[1]!.match(/<li>/g) ?? []).length, 0);
      expect(s.paragraphs.filter((p) => p.bullet).length, `${c.slug} ${s.part}`).toBe(items + regions);
    });
  });

  each("sets each chip of the deck's (a theme, an attendee) in a bulleted paragraph of its own, its citation beside it", (c) => {
    let lists = 0;
    c.pptx.slides.forEach((s, i) => {
      for (const list of c.sections[i]!.matchAll(/<ul class="chips">([\s\S]*?)<\/ul>/g)) {
        lists++;
        const items = [...list[1]!.matchAll(/<li><span class="item-text">([\s\S]*?)<\/span>(?: <span class="cite">([^<]*)<\/span>)?<\/li>/g)].map((m) => ({
          text: words(decodeEntities(m[1]!.replace(/<[^>]+>/g, ''))).join(' '),
          cite: m[2] ? decodeEntities(m[2]) : null,
        }));
        expect(items.length, `${c.slug} ${s.part}`).toBeGreaterThan(0);
        for (const it of items) {
          // A list item holds exactly this chip and its citation: no other chip, no other citation.
          const label = `${c.slug} ${s.part}: «${it.text}»`;
          const expected = [...it.text.split(' '), ...words(it.cite ?? '')].join(' ');
          const holding = s.paragraphs.filter((p) => p.bullet && words(p.text).join(' ') === expected);
          expect(holding.length, label).toBe(1);
          if (it.cite) expect(holding[0]!.text, label).toContain(it.cite.replace(/ +/g, '\u00A0'));
        }
        // Every chip in a list item of its own.
        expect(new Set(items.map((it) => it.text)).size, `${c.slug} ${s.part}`).toBe(items.length);
      }
    });
    if (c.slug === 'issi-russia-roundtable') expect(lists).toBeGreaterThanOrEqual(2);
  });

  each("has on every slide PowerPoint's slide-number field in a box of its own, the citations in another", (c) => {
    c.pptx.slides.forEach((s, i) => {
      const section = c.sections[i]!;
      const label = `${c.slug} ${s.part}`;
      const number = decodeEntities(/<span class="footer-number"><bdi>([^<]*)<\/bdi><\/span>/.exec(section)![1]!);
      const citeLine = /<span class="footer-cite">([^<]*)<\/span>/.exec(section)?.[1];
      const withField = s.paragraphs.filter((p) => p.fields.includes('slidenum'));
      expect(withField.length, label).toBe(1);
      // The number box holds the number (the field) and the total, nothing of the citations.
      expect(withField[0]!.shape, label).toBe('Slide number');
      expect(
        s.paragraphs.filter((p) => p.shape === 'Slide number').map((p) => words(p.text)),
        label,
      ).toEqual([words(number)]);
      const citations = s.paragraphs.filter((p) => p.shape === 'Citation');
      if (citeLine)
        expect(
          citations.map((p) => [p.text.replace(/\u00A0/g, ' '), p.fields.length]),
          label,
        ).toEqual([[decodeEntities(citeLine), 0]]);
      else expect(citations, label).toEqual([]);
    });
  });

  each('never breaks a citation before its first number or its last: no number is left alone at the start of a line', (c) => {
    const literal = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    c.pptx.slides.forEach((s, i) => {
      const cites = [...c.sections[i]!.matchAll(/<span class="(?:cite|footer-cite)">([^<]+)<\/span>/g)].map((m) => decodeEntities(m[1]!).trim());
      for (const cite of cites.filter((t) => t.includes(' '))) {
        const label = `${c.slug} ${s.part}: «${cite}»`;
        // The citation, whatever its spaces; a short one (two numbers at most) has none that breaks, a longer
        // one (the footer's of a slide citing many) may break only after a separator inside it.
        const found = new RegExp(literal(cite).replace(/ +/g, '[ \u00A0]+')).exec(s.text);
        expect(found, label).not.toBeNull();
        const spaces = [...found![0].matchAll(/[ \u00A0]/g)].map((m) => m[0]);
        expect(spaces[0], `${label}: a breaking space after its label`).toBe('\u00A0');
        expect(spaces.at(-1), `${label}: a breaking space before its last number`).toBe('\u00A0');
        if (spaces.length <= 3)
          expect(
            spaces.every((sp) => sp === '\u00A0'),
            label,
          ).toBe(true);
      }
    });
  });

  each("sets the report's URL as the deck does: a step smaller than body type, breakable only after a slash, a hyphen or a dot", (c) => {
    c.pptx.slides.forEach((s, i) => {
      const url = /<p class="link"><a href="([^"]*)"[^>]*>([^<]*)<\/a><\/p>/.exec(c.sections[i]!);
      if (!url) return;
      const label = `${c.slug} ${s.part}`;
      expect(s.hyperlinks, label).toContain(decodeEntities(url[1]!));
      const runs = s.paragraphs.flatMap((p) => p.runs).filter((r) => r.link);
      expect(runs.length, label).toBe(1);
      const run = runs[0]!;
      // The text the deck shows, with zero-width break opportunities (and the isolating marks) only.
      expect(run.text.replace(/[\u200B\u200E]/g, ''), label).toBe(decodeEntities(url[2]!));
      // A break after a slash, a hyphen, an underscore or a dot, or before a query's ? & = #.
      for (const m of run.text.matchAll(/\u200B/g)) {
        const around = `${run.text[m.index! - 1]}${run.text[m.index! + 1]}`;
        expect(around, `${label}: a break after «${run.text.slice(0, m.index)}»`).toMatch(/^[/\-_.].|^.[?&=#]$/);
      }
      if (url[2]!.length > 40) expect(run.text, label).toContain('/\u200B');
      // Smaller than the body's type (22 px against 29: 16.5 pt against 21.75).
      expect(run.size, label).toBeLessThan(21);
    });
  });

  each('has every shape inside its slide', (c) => {
    const size = c.pptx.xml('ppt/presentation.xml').getElementsByTagNameNS('http://schemas.openxmlformats.org/presentationml/2006/main', 'sldSz')[0]!;
    const [cx, cy] = [Number(size.getAttribute('cx')), Number(size.getAttribute('cy'))];
    for (const s of c.pptx.slides) {
      expect(s.boxes.length, `${c.slug} ${s.part}`).toBeGreaterThan(3);
      for (const b of s.boxes) {
        const label = `${c.slug} ${s.part} ${b.name}: ${JSON.stringify(b)}`;
        expect(Math.min(b.x, b.y, b.w, b.h), label).toBeGreaterThanOrEqual(0);
        expect(b.x + b.w, label).toBeLessThanOrEqual(cx);
        expect(b.y + b.h, label).toBeLessThanOrEqual(cy);
      }
    }
  });

  each("sets the theme's logos at the end of the title slide's top row, the organisers' at its start, as the deck does", (c) => {
    const brand = (/<div class="logos brand-logos">([\s\S]*?)<\/div>/.exec(c.sections[0]!)?.[1]?.match(/<img /g) ?? []).length;
    if (brand === 0) return;
    themed++;
    const slide = c.pptx.slides[0]!;
    // The top row's pictures (not the footer's logo), in the order written: the theme's come last; on an
    // Arabic slide the end of the row is its left.
    const top = Math.min(...slide.boxes.filter((b) => b.name === 'Picture').map((b) => b.y));
    const pictures = slide.boxes.filter((b) => b.name === 'Picture' && b.y < top + 1_000_000);
    const width = Math.max(...slide.boxes.map((b) => b.x + b.w));
    for (const b of pictures.slice(-brand)) {
      const middle = b.x + b.w / 2;
      expect(c.deck.dir === 'rtl' ? middle < width / 2 : middle > width / 2, `${c.slug}: the theme's logo at ${b.x}`).toBe(true);
    }
  });

  it('has title slides with a theme logo to check (the gulf and English fixtures)', () => {
    expect(themed).toBeGreaterThanOrEqual(2);
  });

  each('has the sources as tables, the technologies as cards, the logos as pictures', (c) => {
    c.pptx.slides.forEach((s, i) => {
      const section = c.sections[i]!;
      // The sources' map of slides to paragraphs is a table of four columns in the PowerPoint file.
      const rows = (section.match(/<tr>/g) ?? []).length + Math.ceil((section.match(/<span class="map-slide"/g) ?? []).length / 4);
      expect(
        s.tables.reduce((n, t) => n + t.rows.length, 0) - (s.part.endsWith('slide1.xml') ? (s.tables[0]?.rows.length ?? 0) : 0),
        `${c.slug} ${s.part}`,
      ).toBe(rows);
      // The deck's first column is on the right of an Arabic slide: its table's last cell from the left.
      const head = /<th scope="col">([^<]*)<\/th>/.exec(section)?.[1];
      for (const t of i === 0 || !head ? [] : s.tables) expect(t.rows[0]!.at(c.deck.dir === 'rtl' ? -1 : 0), `${c.slug} ${s.part}`).toBe(head);
      expect(s.names.filter((n) => n === 'Card').length, `${c.slug} ${s.part}`).toBe((section.match(/<li class="card">/g) ?? []).length);
      const logos = [...section.matchAll(/<img class="(?:logo|footer-logo)" src="([^"]+)" alt="([^"]*)">/g)];
      expect(
        s.pictures.map((p) => p.descr),
        `${c.slug} ${s.part}`,
      ).toEqual(logos.map((l) => l[2]));
    });
  });

  it("embeds each logo's own bytes", async () => {
    const c = cases.find((k) => k.slug === 'with-logos')!;
    const title = c.pptx.slides[0]!;
    expect(title.pictures.length).toBe(2);
    for (const [p, file] of title.pictures.map((p, i) => [p, ['logo.png', 'logo-1.png'][i]!] as const)) {
      const bytes = await readFile(path.join(c.dir, 'assets', file));
      expect(Buffer.compare(Buffer.from(c.pptx.entries[p.target]!), bytes), p.target).toBe(0);
    }
  });

  each("has the deck's speaker notes as PowerPoint notes, each paragraph once: none where the deck has none or earlier slides have them all", (c) => {
    const said = new Set<string>();
    c.pptx.slides.forEach((s, i) => {
      const aside = /<aside class="notes">([\s\S]*?)<\/aside>/.exec(c.sections[i]!)?.[1] ?? '';
      const paragraphs = [...aside.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => words(decodeEntities(m[1]!.replace(/<[^>]+>/g, ''))).join(' '));
      const fresh = paragraphs.filter((p) => !said.has(p));
      for (const p of paragraphs) said.add(p);
      if (fresh.length === 0) expect(s.notes, `${c.slug} ${s.part}`).toBeNull();
      else expect(sorted(words((s.notes ?? []).map((p) => p.text).join(' '))), `${c.slug} ${s.part}`).toEqual(sorted(words(fresh.join(' '))));
    });
    // No paragraph of notes twice (the overview's own notes came after the event's again: Basra, IDS, NAUSS, Taif).
    const written = c.pptx.slides.flatMap((s) => (s.notes ?? []).map((p) => words(p.text).join(' ')));
    expect(new Set(written).size, c.slug).toBe(written.length);
    if (c.slug === 'issi-russia-roundtable') expect(c.pptx.slides.filter((s) => s.notes).length).toBeGreaterThan(5);
  });

  each("says the brief's title, author, subject and keywords in its properties", (c) => {
    const core = c.pptx.xml('docProps/core.xml');
    const field = (ns: string, name: string) => core.getElementsByTagNameNS(ns, name)[0]?.textContent ?? '';
    const DC = 'http://purl.org/dc/elements/1.1/';
    const CP = 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties';
    expect(field(DC, 'title')).toBe(c.deck.title);
    expect(field(DC, 'creator')).toBe(c.deck.author);
    expect(field(DC, 'subject')).toBe(c.deck.description);
    expect(field(CP, 'keywords')).toBe(c.deck.keywords.join(', '));
    expect(field('http://purl.org/dc/terms/', 'created')).toBe(`${c.deck.created}T00:00:00Z`);
  });

  each('is a zip in a fixed order whose entries all bear the deck date', (c) => {
    expect(c.pptx.names[0]).toBe('[Content_Types].xml');
    // Every local file header (PK\3\4) bears the same DOS date and time.
    const b = Buffer.from(c.bytes);
    const stamps = new Set<string>();
    for (let at = b.indexOf('PK\u0003\u0004'); at >= 0; at = b.indexOf('PK\u0003\u0004', at + 4)) {
      if (b.readUInt16LE(at + 26) > 0 && b.readUInt16LE(at + 26) < 200) stamps.add(`${b.readUInt16LE(at + 10)}-${b.readUInt16LE(at + 12)}`);
    }
    expect(stamps.size, c.slug).toBe(1);
  });
});

describe('the same brief gives the same bytes', () => {
  it('two builds of the bundled brief write byte-identical PPTX files', async () => {
    // Unfitted (--no-pdf: no browser, so built in this process, cheaply); the suite's deck is fitted, and a
    // fitted deck's PowerPoint file differs from an unfitted one's, so it is no match for these two.
    const [a, b] = [await tempDir(), await tempDir()];
    dirs.push(a, b);
    for (const dir of [a, b]) {
      const r = await runCli(['build', bundledBrief, '--out', dir, '--no-pdf', '--pptx']);
      expect(r.code, r.stderr).toBe(0);
    }
    const file = (dir: string) => readFile(path.join(dir, 'issi-russia-roundtable', 'issi-russia-roundtable.pptx'));
    expect(Buffer.compare(await file(a), await file(b))).toBe(0);
  });
});

/**
 * A picture as a grid of cells, each 1 when it holds ink (anything darker than the paper's near-white). Cell
 * (gx, gy) spans x from ⌊gx·width/cols⌋ up to ⌊(gx+1)·width/cols⌋, y likewise; `channels` bytes a pixel
 * (4: RGBA as pngjs reads a PNG, 3: RGB as pdftoppm draws a page), red, green and blue first.
 */
function inkGrid(picture: { width: number; height: number; data: Uint8Array }, cols: number, rows: number, channels: 3 | 4): number[] {
  const { width, height, data } = picture;
  const edges = (size: number, cells: number) => Array.from({ length: cells + 1 }, (_, k) => Math.floor((k * size) / cells));
  const [xs, ys] = [edges(width, cols), edges(height, rows)];
  // Which cell each column and each row of pixels is in (one pass over the pixels, row after row).
  const colCell = new Int32Array(width);
  const rowCell = new Int32Array(height);
  for (let g = 0; g < cols; g++) colCell.fill(g, xs[g]!, xs[g + 1]!);
  for (let g = 0; g < rows; g++) rowCell.fill(g * cols, ys[g]!, ys[g + 1]!);
  const ink = new Float64Array(cols * rows);
  for (let y = 0; y < height; y++) {
    const row = rowCell[y]!;
    for (let x = 0, i = y * width * channels; x < width; x++, i += channels) {
      if (data[i]! + data[i + 1]! + data[i + 2]! < 600) ink[row + colCell[x]!]!++;
    }
  }
  const grid: number[] = [];
  for (let gy = 0; gy < rows; gy++) {
    for (let gx = 0; gx < cols; gx++) {
      grid.push(ink[gy * cols + gx]! / ((xs[gx + 1]! - xs[gx]!) * (ys[gy + 1]! - ys[gy]!)) > 0.01 ? 1 : 0);
    }
  }
  return grid;
}

describe("LibreOffice's reading of the PowerPoint file", () => {
  each('has a 16:9 page per slide', async (c) => {
    const info = await pdfinfo(path.join(lo, `${c.slug}.pdf`));
    expect(Number(info.Pages), c.slug).toBe(c.html.length);
    expect(info['Page size'], c.slug).toMatch(/^960(\.\d+)? x 540(\.\d+)? pts/);
  });

  each('draws the text in the bundled font it names', async (c) => {
    const fonts = (await pdffonts(path.join(lo, `${c.slug}.pdf`))).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    expect(
      fonts.some((f) => f.startsWith('Amiri')),
      `${c.slug}: ${fonts.join(', ')}`,
    ).toBe(true);
  });

  each("gives back the deck's words from its PDF", async (c) => {
    const text = await pdftotext(path.join(lo, `${c.slug}.pdf`));
    const deckText = c.html.map((s) => s.text).join('\n');
    if (c.deck.lang === 'ar') {
      const r = recall(arabicWords(deckText), arabicWords(text));
      console.log(
        `${c.slug}: LibreOffice's PDF gives back ${(r.recall * 100).toFixed(1)} % of the Arabic words (${r.matched}/${r.total}); missed: ${[...new Set(r.missed)].slice(0, 8).join(' ')}`,
      );
      expect(r.recall, c.slug).toBeGreaterThanOrEqual(0.9);
    } else {
      const latin = (t: string) => t.match(/[A-Za-z]+/g) ?? [];
      const r = recall(latin(deckText), latin(text));
      expect(r.recall, c.slug).toBeGreaterThanOrEqual(0.97);
    }
  });

  each('keeps all text inside its slide: the body above the footer rule, only the footer under it, no words over others', async (c) => {
    const pages = await wordBoxes(path.join(lo, `${c.slug}.pdf`));
    expect(pages.length, c.slug).toBe(c.html.length);
    const footerWords = (section: string, n: number) => {
      const footer = /<footer class="slide-footer">([\s\S]*?)<\/footer>/.exec(section)![1]!;
      const marking = /<p class="marking">([\s\S]*?)<\/p>/.exec(section)?.[1] ?? '';
      // LibreOffice draws the slide-number field in its own digits (1, 2, 3).
      return new Set([...words(decodeEntities(`${footer} ${marking}`.replace(/<[^>]+>/g, ' '))), String(n)]);
    };
    pages.forEach((page, i) => {
      const pt = page.width / SLIDE.width;
      const rule = FOOTER_TOP * pt;
      const footer = footerWords(c.sections[i]!, i + 1);
      // poppler gives Arabic words in the order drawn, letters right to left: a word read either way; and in
      // LibreOffice's PDF it may cut a word after a letter that does not join the next («التنمو» «ية»): a piece
      // of a footer word is the footer's.
      const known = (w: string) => [w, [...w].reverse().join('')].some((v) => footer.has(v) || ([...v].length >= 2 && [...footer].some((f) => f.includes(v))));
      const label = (w: WordBox) =>
        `${c.slug} slide ${i + 1}: «${w.text}» at ${w.x0.toFixed(1)},${w.y0.toFixed(1)}–${w.x1.toFixed(1)},${w.y1.toFixed(1)} (rule at ${rule})`;
      expect(page.words.length, `${c.slug} slide ${i + 1}`).toBeGreaterThan(3);
      for (const w of page.words) {
        expect(w.x0 >= 0 && w.y0 >= 0 && w.x1 <= page.width + 0.01 && w.y1 <= page.height + 0.01, `${label(w)}: off the slide`).toBe(true);
        expect(w.y0 < rule && w.y1 > rule, `${label(w)}: over the footer rule`).toBe(false);
        if (w.y0 >= rule) expect(words(w.text).every(known), `${label(w)}: under the footer rule`).toBe(true);
      }
      // No word drawn over another (a table's rows over a note, a line over the next).
      const area = (w: WordBox) => (w.x1 - w.x0) * (w.y1 - w.y0);
      // (By their tops: only the words that begin above a word's bottom can overlap it.)
      const byTop = [...page.words].sort((a, b) => a.y0 - b.y0);
      const over: string[] = [];
      byTop.forEach((a, k) => {
        for (let j = k + 1; j < byTop.length && byTop[j]!.y0 < a.y1; j++) {
          const b = byTop[j]!;
          const overlap = Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));
          if (overlap > 0.3 * Math.min(area(a), area(b))) over.push(`${label(a)} over «${b.text}»`);
        }
      });
      expect(over).toEqual([]);
    });
  });

  each("lays each slide out as the deck's picture of it", async (c) => {
    const rendered = await rasterise(path.join(lo, `${c.slug}.pdf`), { scaleTo: [1280, 720] });
    expect(rendered.length).toBe(c.pngs.length);
    const scores: number[] = [];
    const mirrors: number[] = [];
    const [cols, rows] = [32, 18];
    // The share of one picture's inked cells (40 px squares) that the other has ink at, or next to (a line
    // broken a word earlier, a block a few pixels lower): a slide laid out from the wrong side, or with a
    // block missing or misplaced, falls far below.
    const covered = (a: number[], b: number[]) => {
      const inked = a.flatMap((v, k) => (v ? [k] : []));
      const near = (k: number) => {
        const [x, y] = [k % cols, Math.floor(k / cols)];
        for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) if (b[(y + dy) * cols + (x + dx)] && x + dx >= 0 && x + dx < cols) return true;
        return false;
      };
      return inked.filter(near).length / Math.max(1, inked.length);
    };
    for (const [i, name] of c.pngs.entries()) {
      const deck = inkGrid(PNG.sync.read(await readFile(path.join(c.dir, name))), cols, rows, 4);
      const office = inkGrid({ ...rendered[i]!, data: rendered[i]!.rgb }, cols, rows, 3);
      scores.push(Math.min(covered(deck, office), covered(office, deck)));
      // The mirror image of the deck's slide, for comparison: the measure must tell the sides apart.
      const mirrored = deck.map((_, k) => deck[Math.floor(k / cols) * cols + (cols - 1 - (k % cols))]!);
      mirrors.push(Math.min(covered(mirrored, office), covered(office, mirrored)));
    }
    console.log(
      `${c.slug}: ink grids agree ${scores.map((s) => (s * 100).toFixed(0)).join(' ')} % (mirrored: ${mirrors.map((s) => (s * 100).toFixed(0)).join(' ')} %)`,
    );
    const mean = (l: number[]) => l.reduce((a, b) => a + b, 0) / l.length;
    // Every slide agrees with the deck's picture at least as well as with its mirror image, and the deck as a
    // whole clearly better (a deck of full-width English text looks much like its mirror image).
    scores.forEach((s, i) => expect(s, `${c.slug}, slide ${i + 1}: closer to the mirror image`).toBeGreaterThanOrEqual(mirrors[i]!));
    expect(mean(mirrors), `${c.slug}: the slides mirrored`).toBeLessThan(mean(scores) - 0.05);
    // 0.85: a person's citation stands at the far end of their line in the deck, after the name here; a
    // table's columns share the width a little differently. 0.7 where the deck sets chips (themes,
    // attendees) side by side in a row: the PowerPoint file lists them one under another, as a list.
    for (const [i, s] of scores.entries()) {
      const chips = c.sections[i]!.includes('<ul class="chips">');
      expect(s, `${c.slug} slide ${i + 1}`).toBeGreaterThanOrEqual(chips ? 0.7 : 0.85);
    }
  });
});
