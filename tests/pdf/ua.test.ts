/**
 * PDF/UA-1 (ISO 14289-1), the conditions a machine can check with the readers at hand, on every PDF of the
 * suite (each fixture deck's PDF and its handout): the XMP metadata declares PDF/UA-1 with the title and the
 * language (poppler's `pdfinfo -meta`); poppler reads the structure tree without an error; the page furniture
 * (the slides' running footer, number and marking, the handout's page number and marking) lies in /Artifact
 * and everything else painted with text is tagged (pdf.js, marked content); the parent tree and the
 * elements' content agree; every link has a description and sits in a Link element; every structure type is
 * standard or role-mapped to one; a Latin name in an Arabic deck says its language. No veraPDF here.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { DOMParser } from '@xmldom/xmldom';
import {
  PDFArray,
  PDFDict,
  type PDFDocument,
  PDFDocument as Pdf,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFRawStream,
  PDFRef,
  PDFString,
} from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { STANDARD_TYPES } from '../../src/pdf/ua/structure.js';
import { FURNITURE_LABEL } from '../../src/render/pages.js';
import { suiteDecks } from '../support/suite.js';
import { decodeEntities, must, openWithPdfJs, run } from './support.js';

interface Case {
  slug: string;
  kind: 'deck' | 'handout';
  file: string;
  /** From the deck's index.html: each slide's footer number, the footer's text, the marking (or null). */
  numbers: string[];
  footer: string;
  marking: string | null;
  lang: string;
}

const cases: Case[] = [];

const textOf = (html: string) =>
  decodeEntities(html.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();

beforeAll(async () => {
  const root = suiteDecks();
  for (const slug of (await readdir(root)).sort()) {
    const dir = path.join(root, slug);
    // The decks' folders (a batch also writes its library beside them).
    if (!existsSync(path.join(dir, `${slug}.pdf`))) continue;
    const html = await readFile(path.join(dir, 'index.html'), 'utf8');
    const numbers = [...html.matchAll(/<span class="footer-number"[^>]*>([\s\S]*?)<\/span>/g)].map((m) => textOf(m[1]!));
    const footer = textOf(/<span class="footer-org"[^>]*>([\s\S]*?)<\/span>/.exec(html)?.[1] ?? '');
    const marking = /<p class="marking"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1];
    const lang = /<html lang="([^"]+)"/.exec(html)?.[1] ?? '';
    for (const kind of ['deck', 'handout'] as const)
      cases.push({
        slug,
        kind,
        file: path.join(dir, kind === 'deck' ? `${slug}.pdf` : `${slug}-handout.pdf`),
        numbers,
        footer,
        marking: marking ? textOf(marking) : null,
        lang,
      });
  }
});

const each = (name: string, test: (c: Case) => Promise<void>, timeout = 120_000) =>
  it(
    name,
    async () => {
      expect(cases.length).toBeGreaterThanOrEqual(20);
      for (const c of cases) await test(c);
    },
    timeout,
  );

const load = async (file: string) => Pdf.load(await readFile(file), { updateMetadata: false });

/** Bidi controls and tashkeel dropped, white space collapsed. */
const flat = (s: string) =>
  s
    .replace(/[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
/** A text's words, each once per time it appears, in a fixed order (pdf.js may give a right-to-left line's words reversed). */
const words = (s: string) => flat(s).split(' ').filter(Boolean).sort();
/** Whether every word of `part` is among `whole`'s words (as many times). */
function hasWords(whole: string[], part: string[]): boolean {
  const left = [...whole];
  for (const w of part) {
    const at = left.indexOf(w);
    if (at < 0) return false;
    left.splice(at, 1);
  }
  return true;
}

interface MarkedText {
  /**
   * The text of each marked-content sequence with an MCID, by its id. (pdf.js names the sequences of a form
   * XObject, the handout's slide pictures, as it names the page's, and its structure tree leaves them out:
   * `ambiguous` holds the ids met more than once. The parent-tree test reads the MCIDs of forms.)
   */
  tagged: Map<string, string>;
  ambiguous: Set<string>;
  /** The text inside /Artifact, each sequence's. */
  artifacts: string[];
  /** Text neither tagged nor an artifact. */
  loose: string[];
  /** Texts near the bottom edge (below `bottom` pt) and whether each is an artifact. */
  bottom: { text: string; artifact: boolean }[];
  /** The language of each content's element. */
  langOf: Map<string, string | undefined>;
}

/** A page's text sorted by what encloses it, read with pdf.js (getTextContent with marked content, getStructTree). */
async function markedText(doc: Awaited<ReturnType<typeof openWithPdfJs>>, n: number, bottom: number): Promise<MarkedText> {
  const page = await doc.getPage(n);
  const ids = new Set<string>();
  const langOf = new Map<string, string | undefined>();
  const walk = (node: unknown, lang: string | undefined): void => {
    if (!node || typeof node !== 'object') return;
    const x = node as { type?: string; id?: string; role?: string; lang?: string; children?: unknown[] };
    if (x.type === 'content' && x.id) {
      ids.add(x.id);
      langOf.set(x.id, lang);
    }
    for (const child of x.children ?? []) walk(child, x.lang ?? lang);
  };
  walk(await page.getStructTree(), undefined);
  const content = await page.getTextContent({ includeMarkedContent: true });
  const out: MarkedText = { tagged: new Map(), ambiguous: new Set(), artifacts: [], loose: [], bottom: [], langOf };
  const opened = new Set<string>();
  const stack: { tag: string; id: string | null; text: string }[] = [];
  for (const item of content.items) {
    if ('type' in item) {
      if (item.type === 'endMarkedContent') {
        const closed = stack.pop();
        if (closed?.tag === 'Artifact' && !stack.some((s) => s.tag === 'Artifact')) out.artifacts.push(closed.text);
        if (closed?.id) out.tagged.set(closed.id, (out.tagged.get(closed.id) ?? '') + closed.text);
      } else {
        const id = item.id ?? null;
        if (id !== null && (opened.has(id) || !ids.has(id))) out.ambiguous.add(id);
        if (id !== null) opened.add(id);
        stack.push({ tag: (item as { tag?: string }).tag ?? '', id, text: '' });
      }
      continue;
    }
    if (!item.str.trim()) continue;
    const artifact = stack.some((s) => s.tag === 'Artifact');
    const tagged = stack.some((s) => s.id !== null);
    for (const s of stack) s.text += ` ${item.str}`;
    if (!artifact && !tagged) out.loose.push(item.str);
    if (item.transform[5] < bottom) out.bottom.push({ text: item.str, artifact });
  }
  return out;
}

/** The handout's page number is in its bottom margin (48 CSS px: 36 pt); the slides' footers are higher. */
const BOTTOM = 36;
const read = new Map<string, Promise<MarkedText[]>>();
/** Every page's marked text, read once for the tests that look at it. */
function pagesOf(file: string): Promise<MarkedText[]> {
  if (!read.has(file))
    read.set(
      file,
      (async () => {
        const doc = await openWithPdfJs(file);
        try {
          const pages: MarkedText[] = [];
          for (let n = 1; n <= doc.numPages; n++) pages.push(await markedText(doc, n, BOTTOM));
          return pages;
        } finally {
          await doc.destroy();
        }
      })(),
    );
  return read.get(file)!;
}

describe('PDF/UA-1: the deck PDFs and the handouts of every suite deck', () => {
  each("declare PDF/UA-1 in their XMP metadata, with the title and the language; the catalog's /Lang, /MarkInfo, /DisplayDocTitle", async (c) => {
    const xmp = await must('pdfinfo', ['-meta', c.file]);
    expect(xmp, c.file).toContain('<x:xmpmeta');
    const doc = new DOMParser().parseFromString(xmp, 'text/xml');
    const ns = {
      pdfuaid: 'http://www.aiim.org/pdfua/ns/id/',
      dc: 'http://purl.org/dc/elements/1.1/',
      rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
    };
    expect(doc.getElementsByTagNameNS(ns.pdfuaid, 'part')[0]?.textContent, c.file).toBe('1');
    const title = (await must('pdfinfo', [c.file])).match(/^Title:\s+(.*)$/m)?.[1];
    expect(title, c.file).toBeTruthy();
    const titles = doc.getElementsByTagNameNS(ns.dc, 'title')[0]?.getElementsByTagNameNS(ns.rdf, 'li');
    expect(titles?.length, c.file).toBeGreaterThan(0);
    expect(titles?.[0]?.getAttribute('xml:lang'), c.file).toBe('x-default');
    expect(titles?.[0]?.textContent, c.file).toBe(title);
    expect(doc.getElementsByTagNameNS(ns.dc, 'language')[0]?.getElementsByTagNameNS(ns.rdf, 'li')[0]?.textContent, c.file).toBe(c.lang);
    // A creator is someone: the author, else none at all (a report that names no host, and no author given).
    const author = (await must('pdfinfo', [c.file])).match(/^Author:\s+(.*)$/m)?.[1];
    const creators = Array.from(doc.getElementsByTagNameNS(ns.dc, 'creator')[0]?.getElementsByTagNameNS(ns.rdf, 'li') ?? []).map((li) => li.textContent);
    expect(creators, c.file).toEqual(author ? [author] : []);
    const pdf = await load(c.file);
    expect(pdf.catalog.lookup(PDFName.of('Lang'))?.toString(), c.file).toBe(`(${c.lang})`);
    expect(pdf.catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict)?.get(PDFName.of('Marked'))?.toString(), c.file).toBe('true');
    expect(pdf.catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict)?.get(PDFName.of('DisplayDocTitle'))?.toString(), c.file).toBe('true');
  });

  each('have a structure tree that poppler reads without an error', async (c) => {
    const r = await run('pdfinfo', ['-struct', c.file]);
    expect(r.code, c.file).toBe(0);
    expect(r.stderr, c.file).toBe('');
    expect(r.stdout.split('\n').length, c.file).toBeGreaterThan(20);
  });

  each('use only standard structure types, or types the role map maps to standard ones', async (c) => {
    const pdf = await load(c.file);
    const root = pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    const roles = root.lookupMaybe(PDFName.of('RoleMap'), PDFDict);
    const types = new Set<string>();
    const alts: string[] = [];
    for (const [, object] of pdf.context.enumerateIndirectObjects())
      if (object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('StructElem')) {
        types.add(object.lookup(PDFName.of('S'), PDFName).decodeText());
        const alt = object.get(PDFName.of('Alt'));
        if (alt instanceof PDFString || alt instanceof PDFHexString) alts.push(alt.decodeText());
      }
    // The printed pages' name for their furniture (a Figure's /Alt) never reaches a reader: those Figures are artifacts.
    expect(
      alts.filter((a) => a === FURNITURE_LABEL),
      c.file,
    ).toEqual([]);
    expect(types.size, c.file).toBeGreaterThan(3);
    for (const type of types) {
      const mapped = STANDARD_TYPES.has(type) ? type : roles?.lookupMaybe(PDFName.of(type), PDFName)?.decodeText();
      expect(mapped !== undefined && STANDARD_TYPES.has(mapped), `${c.file}: ${type}`).toBe(true);
    }
  });

  each('mark the page furniture as artifacts, and tag everything else that shows text', async (c) => {
    const pages = await pagesOf(c.file);
    let numbered = 0;
    for (const [i, page] of pages.entries()) {
      const n = i + 1;
      const where = `${c.file}, page ${n}`;
      // Nothing that shows text is left out of both the structure tree and the artifacts.
      expect(page.loose, where).toEqual([]);
      expect(page.tagged.size, where).toBeGreaterThan(0);
      const artifactWords = words(page.artifacts.join(' '));
      const labelIn = (text: string, label: string) => {
        const t = ` ${flat(text)} `;
        return t.includes(` ${flat(label)} `) || t.includes(` ${flat(label).split(' ').reverse().join(' ')} `);
      };
      if (c.kind === 'deck') {
        // The slide's number, its running footer and the marking: artifacts, and no tagged text holds the number.
        const label = c.numbers[n - 1]!;
        expect(hasWords(artifactWords, words(label)), `${where}: ${label}`).toBe(true);
        expect(
          [...page.tagged.values()].filter((t) => labelIn(t, label)),
          where,
        ).toEqual([]);
        numbered++;
        if (c.footer) expect(hasWords(artifactWords, words(c.footer)), `${where}: ${c.footer}`).toBe(true);
      } else {
        // The page number in the margin is an artifact; a slide's number is tagged only once, as its
        // heading's link (the handout's article opens with it), never in the slide's picture beside it.
        const arabic = String(n).replace(/\d/g, (d) => String.fromCharCode(0x660 + Number(d)));
        const pageNumber = page.bottom.filter((b) => [String(n), arabic].includes(flat(b.text)));
        expect(pageNumber.length, where).toBeGreaterThan(0);
        expect(
          pageNumber.filter((b) => !b.artifact),
          where,
        ).toEqual([]);
        for (const label of c.numbers) {
          const tagged = [...page.tagged.values()].filter((t) => labelIn(t, label));
          expect(tagged.length, `${where}: ${label}`).toBeLessThanOrEqual(1);
          if (tagged.length > 0) {
            expect(hasWords(artifactWords, words(label)), `${where}: ${label}`).toBe(true);
            numbered++;
          }
        }
      }
      if (c.marking) expect(hasWords(artifactWords, words(c.marking)), `${where}: ${c.marking}`).toBe(true);
    }
    expect(numbered, c.file).toBe(c.numbers.length);
  });

  each('take what became artifacts out of the structure tree: each MCID of a stream is its element’s, and no other', async (c) => {
    const pdf = await load(c.file);
    const root = pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    const parents = new Map<number, PDFObject>();
    const nums = root.lookup(PDFName.of('ParentTree'), PDFDict).lookup(PDFName.of('Nums'), PDFArray);
    for (let i = 0; i + 1 < nums.size(); i += 2) parents.set((nums.lookup(i) as PDFNumber).asNumber(), nums.get(i + 1));
    /** The MCIDs each element holds: page streams' by number, forms' as "stream ref:MCID". */
    const held = new Map<string, Set<string>>();
    for (const [ref, object] of pdf.context.enumerateIndirectObjects()) {
      if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('StructElem')) continue;
      const k = object.get(PDFName.of('K'));
      const set = new Set<string>();
      for (const kid of k instanceof PDFArray ? k.asArray() : [k]) {
        const v = kid instanceof PDFRef ? pdf.context.lookup(kid) : kid;
        if (v instanceof PDFNumber) set.add(String(v.asNumber()));
        else if (v instanceof PDFDict && v.get(PDFName.of('Type')) === PDFName.of('MCR'))
          set.add(`${v.get(PDFName.of('Stm'))?.toString() ?? ''}:${v.lookup(PDFName.of('MCID'), PDFNumber).asNumber()}`.replace(/^:/, ''));
      }
      held.set(ref.toString(), set);
    }
    let checked = 0;
    let artifacts = 0;
    const check = (data: Uint8Array, key: number | undefined, stream: string | undefined, where: string) => {
      const text = Buffer.from(data).toString('latin1');
      artifacts += text.match(/\/Artifact\b/g)?.length ?? 0;
      const mcids = [...text.matchAll(/\/MCID (\d+)/g)].map((m) => Number(m[1]));
      if (key === undefined) return expect(mcids, where).toEqual([]);
      const value = parents.get(key);
      const array = value instanceof PDFRef ? pdf.context.lookup(value) : value;
      expect(array, where).toBeInstanceOf(PDFArray);
      const slots = (array as PDFArray).asArray();
      slots.forEach((slot, mcid) => {
        const inStream = mcids.includes(mcid);
        if (!(slot instanceof PDFRef)) return expect(inStream, `${where}: MCID ${mcid} has no element`).toBe(false);
        expect(inStream, `${where}: MCID ${mcid} of ${slot} is not in the stream`).toBe(true);
        expect(held.get(slot.toString())?.has(stream ? `${stream}:${mcid}` : String(mcid)), `${where}: ${slot} does not hold MCID ${mcid}`).toBe(true);
        checked++;
      });
      for (const mcid of mcids) expect(slots[mcid], `${where}: MCID ${mcid}`).toBeInstanceOf(PDFRef);
    };
    const inflate = (s: PDFRawStream) => (s.dict.get(PDFName.of('Filter')) ? inflateSync(s.contents) : s.contents);
    for (const [i, page] of pdf.getPages().entries()) {
      const contents = page.node.lookup(PDFName.of('Contents'));
      for (const s of contents instanceof PDFArray ? contents.asArray().map((r) => pdf.context.lookup(r)) : [contents])
        check(inflate(s as PDFRawStream), page.node.lookupMaybe(PDFName.of('StructParents'), PDFNumber)?.asNumber(), undefined, `${c.file}, page ${i + 1}`);
    }
    for (const [ref, object] of pdf.context.enumerateIndirectObjects())
      if (object instanceof PDFRawStream && object.dict.get(PDFName.of('Subtype')) === PDFName.of('Form'))
        check(inflate(object), object.dict.lookupMaybe(PDFName.of('StructParents'), PDFNumber)?.asNumber(), ref.toString(), `${c.file}, form ${ref}`);
    // (Not a vacuous pass: several tagged pieces on every page were looked at.)
    expect(checked, c.file).toBeGreaterThanOrEqual(3 * pdf.getPageCount());
    expect(artifacts, c.file).toBeGreaterThanOrEqual(pdf.getPageCount());
  });

  each('describe every link (/Contents) and put each in a Link element', async (c) => {
    const pdf: PDFDocument = await load(c.file);
    const root = pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    const nums = root.lookup(PDFName.of('ParentTree'), PDFDict).lookup(PDFName.of('Nums'), PDFArray);
    const parents = new Map<number, PDFObject>();
    for (let i = 0; i + 1 < nums.size(); i += 2) parents.set((nums.lookup(i) as PDFNumber).asNumber(), nums.get(i + 1));
    for (const [i, page] of pdf.getPages().entries()) {
      const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
      for (const ref of annots?.asArray() ?? []) {
        const annot = pdf.context.lookup(ref, PDFDict);
        if (annot.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
        const where = `${c.file}, page ${i + 1}`;
        const contents = annot.lookup(PDFName.of('Contents'));
        expect(contents && 'decodeText' in contents ? (contents as { decodeText(): string }).decodeText().trim() : '', where).not.toBe('');
        const key = annot.lookupMaybe(PDFName.of('StructParent'), PDFNumber)?.asNumber();
        expect(key, where).toBeDefined();
        const element = pdf.context.lookup(parents.get(key!) as PDFRef, PDFDict);
        expect(element.get(PDFName.of('S')), where).toBe(PDFName.of('Link'));
        const kids = element.get(PDFName.of('K'));
        const objrs = (kids instanceof PDFArray ? kids.asArray() : [kids])
          .map((k) => (k instanceof PDFRef ? pdf.context.lookup(k) : k))
          .filter((o): o is PDFDict => o instanceof PDFDict && o.get(PDFName.of('Type')) === PDFName.of('OBJR'));
        expect(
          objrs.map((o) => o.get(PDFName.of('Obj'))?.toString()),
          where,
        ).toContain(ref.toString());
      }
    }
  });

  it('give a Latin name inside Arabic its language, and leave the Arabic in the document’s', async () => {
    let latin = 0;
    for (const c of cases.filter((x) => x.lang === 'ar')) {
      for (const [i, page] of (await pagesOf(c.file)).entries()) {
        const n = i + 1;
        for (const [id, text] of page.tagged) {
          if (page.ambiguous.has(id)) continue;
          const letters = text.replace(/[^\p{L}]/gu, '');
          if (!letters) continue;
          const where = `${c.file}, page ${n}: «${flat(text)}»`;
          if (/^\p{Script=Latin}+$/u.test(letters)) {
            expect(page.langOf.get(id), where).toBe('en');
            latin++;
          } else if (/\p{Script=Arabic}/u.test(letters)) expect(page.langOf.get(id) ?? 'ar', where).toBe('ar');
        }
      }
    }
    expect(latin).toBeGreaterThan(10);
  }, 120_000);
});
