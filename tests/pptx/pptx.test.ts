/**
 * `mujaz build --pptx --png` on the bundled brief, every fixture brief (Arabic and English) and the bundled
 * brief with logos: the PowerPoint file read as a zip of XML parts, against the deck the same build wrote
 * (index.html) — one slide per deck slide, the same titles and words, every paragraph in the deck's
 * direction and language, the notes, the tables, cards and pictures — then LibreOffice's reading of it
 * (`soffice --convert-to pdf`): its pages, its words and its look against the deck's own pictures (the
 * PNGs the same build wrote, tests/png checks them).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBrief } from '../../src/brief/load.js';
import { buildDeck } from '../../src/deck/build-deck.js';
import type { Deck } from '../../src/deck/model.js';
import { arabicWords, pdffonts, pdfinfo, pdftotext, recall, run, type SlideHtml, slidesOf } from '../pdf/support.js';
import { bundledBrief, removeDir, repoRoot, runCli, tempDir } from '../support/build.js';
import { bundledObject, writeVariant } from '../support/variants.js';
import { libreOfficePdf, type Paragraph, type Pptx, readPptx, sorted, words } from './support.js';

const fixtures = path.join(repoRoot, 'tests', 'deck', 'briefs');

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

beforeAll(async () => {
  out = await tempDir('mujaz-pptx-');
  dirs.push(out);
  // The bundled brief with a host's and an organiser's logo: pictures on the title slide.
  const brief = await bundledObject();
  brief.slug = 'with-logos';
  brief.event.host.logo = { file: 'host.png', alt: 'شعار المعهد' };
  brief.event.organisers = [{ institution: 'مركز شريك', relation: 'co-organiser', logo: { file: 'partner.png', alt: 'شعار الشريك' }, sources: [2] }];
  const variant = await writeVariant(brief, 'with-logos');
  dirs.push(variant.dir);
  const logo = (w: number, h: number, rgb: [number, number, number]) => {
    const png = new PNG({ width: w, height: h });
    for (let i = 0; i < png.data.length; i += 4) png.data.set([...rgb, 255], i);
    return PNG.sync.write(png);
  };
  await writeFile(path.join(variant.dir, 'host.png'), logo(160, 80, [13, 44, 75]));
  await writeFile(path.join(variant.dir, 'partner.png'), logo(80, 80, [138, 90, 0]));

  const briefs = [bundledBrief, ...(await readdir(fixtures)).filter((f) => f.endsWith('.yaml')).map((f) => path.join(fixtures, f)), variant.file];
  const built = await runCli(['build', ...briefs, '--out', out, '--pptx', '--png', '--jobs', '2'], { timeoutMs: 300_000 });
  expect(built.code, built.stderr).toBe(0);
  for (const file of briefs) {
    const deck = buildDeck((await loadBrief(file)).brief);
    const dir = path.join(out, deck.slug);
    const html = await readFile(path.join(dir, 'index.html'), 'utf8');
    const bytes = new Uint8Array(await readFile(path.join(dir, `${deck.slug}.pptx`)));
    const pngs = (await readdir(dir)).filter((f) => f.endsWith('.png')).sort();
    cases.push({ slug: deck.slug, deck, html: slidesOf(html), sections: sectionsOf(html), pptx: readPptx(bytes), bytes, pngs, dir });
  }
  lo = path.join(out, 'libreoffice');
  await libreOfficePdf(
    cases.map((c) => path.join(c.dir, `${c.slug}.pptx`)),
    lo,
  );
}, 600_000);

afterAll(async () => {
  for (const d of dirs) await removeDir(d);
});

const each = (name: string, fn: (c: Case) => void | Promise<void>) =>
  it(name, async () => {
    expect(cases.length).toBe(8);
    for (const c of cases) await fn(c);
  }, 240_000); // Eight decks read, converted pictures compared: bounded generously for a busy machine, never timed.

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
      // Aligned to the start (the right in Arabic), as in the deck; the footer's number sits at the end.
      expect(p.shape === 'Slide number' ? [rtl ? 'l' : 'r'] : ['ctr', rtl ? 'r' : 'l'], label).toContain(p.align);
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

  each("bullets the deck's points, and only them", (c) => {
    c.pptx.slides.forEach((s, i) => {
      const section = c.sections[i]!.replace(/<ul class="chips">[\s\S]*?<\/ul>/g, '');
      const points = (section.match(/<li><span class="item-text">/g) ?? []).length;
      expect(s.paragraphs.filter((p) => p.bullet).length, `${c.slug} ${s.part}`).toBe(points);
    });
  });

  each('has the sources as tables, the technologies as cards, the logos as pictures', (c) => {
    c.pptx.slides.forEach((s, i) => {
      const section = c.sections[i]!;
      const rows = (section.match(/<tr>/g) ?? []).length;
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

  each("has the deck's speaker notes as PowerPoint notes, and no notes where the deck has none", (c) => {
    c.pptx.slides.forEach((s, i) => {
      const notes = c.html[i]!.notes;
      if (notes.trim() === '') expect(s.notes, `${c.slug} ${s.part}`).toBeNull();
      else expect(sorted(words((s.notes ?? []).map((p) => p.text).join(' '))), `${c.slug} ${s.part}`).toEqual(sorted(words(notes)));
    });
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

/** A picture as a grid of cells, each 1 when it holds ink (anything darker than the paper's near-white). */
function inkGrid(png: PNG, cols: number, rows: number): number[] {
  const grid: number[] = [];
  for (let gy = 0; gy < rows; gy++) {
    for (let gx = 0; gx < cols; gx++) {
      let ink = 0;
      const [x0, x1] = [Math.floor((gx * png.width) / cols), Math.floor(((gx + 1) * png.width) / cols)];
      const [y0, y1] = [Math.floor((gy * png.height) / rows), Math.floor(((gy + 1) * png.height) / rows)];
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          const i = (y * png.width + x) * 4;
          if (png.data[i]! + png.data[i + 1]! + png.data[i + 2]! < 600) ink++;
        }
      }
      grid.push(ink / ((x1 - x0) * (y1 - y0)) > 0.01 ? 1 : 0);
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

  each("lays each slide out as the deck's picture of it", async (c) => {
    const pages = path.join(lo, `${c.slug}-page`);
    const r = await run('pdftoppm', ['-scale-to-x', '1280', '-scale-to-y', '720', '-png', path.join(lo, `${c.slug}.pdf`), pages]);
    expect(r.code, r.stderr).toBe(0);
    const rendered = (await readdir(lo)).filter((f) => f.startsWith(`${c.slug}-page`)).sort();
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
      const deck = inkGrid(PNG.sync.read(await readFile(path.join(c.dir, name))), cols, rows);
      const office = inkGrid(PNG.sync.read(await readFile(path.join(lo, rendered[i]!))), cols, rows);
      scores.push(Math.min(covered(deck, office), covered(office, deck)));
      // The mirror image of the deck's slide, for comparison: the measure must tell the sides apart.
      const mirrored = deck.map((_, k) => deck[Math.floor(k / cols) * cols + (cols - 1 - (k % cols))]!);
      mirrors.push(Math.min(covered(mirrored, office), covered(office, mirrored)));
    }
    console.log(
      `${c.slug}: ink grids agree ${scores.map((s) => (s * 100).toFixed(0)).join(' ')} % (mirrored: ${mirrors.map((s) => (s * 100).toFixed(0)).join(' ')} %)`,
    );
    const mean = (l: number[]) => l.reduce((a, b) => a + b, 0) / l.length;
    expect(mean(mirrors), `${c.slug}: the slides mirrored`).toBeLessThan(mean(scores) - 0.1);
    // 0.85: a person's citation stands at the far end of their line in the deck, after the name here; a
    // table's columns share the width a little differently.
    for (const [i, s] of scores.entries()) expect(s, `${c.slug} slide ${i + 1}`).toBeGreaterThanOrEqual(0.85);
  });
});
