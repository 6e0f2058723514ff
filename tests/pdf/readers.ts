/**
 * The three readers that people read mujaz's PDFs with, each on its own: pdf.js (Firefox, most web viewers),
 * poppler's pdftotext (Linux viewers, indexers) and PDFium (Chrome's and Edge's viewer, here as WebAssembly
 * from @embedpdf/pdfium). Also the measures of issue 15: word-pair order, word recall, and find.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { init, type WrappedPdfiumModule } from '@embedpdf/pdfium';
import { decodeEntities, openWithPdfJs, pdftotext, recall } from './support.js';

export type Reader = 'pdf.js' | 'poppler' | 'PDFium';
/** pdf.js's text two ways: items joined with ' ' (for word order) and with nothing (its text layer and find bar). */
export interface Texts extends Record<Reader, string> {
  pdfjsTight: string;
}
export const READERS: Reader[] = ['pdf.js', 'poppler', 'PDFium'];

/** pdf.js: each page's items joined with ' ' and with nothing (its text layer and find bar), a line break after hasEOL. */
export async function pdfjsPages(file: string): Promise<{ spaced: string; tight: string }[]> {
  const doc = await openWithPdfJs(file);
  const pages: { spaced: string; tight: string }[] = [];
  try {
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      let spaced = '';
      let tight = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        spaced += item.str + (item.hasEOL ? '\n' : ' ');
        tight += item.str + (item.hasEOL ? '\n' : '');
      }
      pages.push({ spaced, tight });
    }
  } finally {
    await doc.destroy();
  }
  return pages;
}

let pdfium: Promise<WrappedPdfiumModule> | undefined;

/** PDFium's text of each page (FPDFText_GetText, what Chrome's viewer searches and copies). */
export async function pdfiumPages(file: string): Promise<string[]> {
  pdfium ??= (async () => {
    const wasm = createRequire(import.meta.url).resolve('@embedpdf/pdfium/pdfium.wasm');
    const module = await init({ wasmBinary: (await readFile(wasm)).buffer as ArrayBuffer });
    module.PDFiumExt_Init();
    return module;
  })();
  const m = await pdfium;
  const bytes = await readFile(file);
  const data = m.pdfium.wasmExports.malloc(bytes.length);
  (m.pdfium as unknown as { HEAPU8: Uint8Array }).HEAPU8.set(bytes, data);
  const doc = m.FPDF_LoadMemDocument(data, bytes.length, '');
  const pages: string[] = [];
  try {
    if (!doc) throw new Error(`PDFium could not open ${file}`);
    for (let i = 0; i < m.FPDF_GetPageCount(doc); i++) {
      const page = m.FPDF_LoadPage(doc, i);
      const text = m.FPDFText_LoadPage(page);
      const count = m.FPDFText_CountChars(text);
      const buffer = m.pdfium.wasmExports.malloc((count + 1) * 2);
      m.FPDFText_GetText(text, 0, count, buffer);
      pages.push(m.pdfium.UTF16ToString(buffer));
      m.pdfium.wasmExports.free(buffer);
      m.FPDFText_ClosePage(text);
      m.FPDF_ClosePage(page);
    }
  } finally {
    if (doc) m.FPDF_CloseDocument(doc);
    m.pdfium.wasmExports.free(data);
  }
  return pages;
}

/** Each reader's text of the whole document, pages in order. */
export async function readAll(file: string): Promise<Texts> {
  const [pdfjs, poppler, pdfiumText] = await Promise.all([pdfjsPages(file), pdftotext(file), pdfiumPages(file)]);
  return {
    'pdf.js': pdfjs.map((p) => p.spaced).join('\n'),
    pdfjsTight: pdfjs.map((p) => p.tight).join('\n'),
    poppler,
    PDFium: pdfiumText.join('\n'),
  };
}

// ---------------------------------------------------------------- the measures

/** Marks, tatweel and bidi or joining controls (the word joiner among them): what Arabic search ignores. */
const IGNORED = /[\u064B-\u065F\u0670\u0640\u06D6-\u06ED\u200c-\u200f\u2060\u061c\u202a-\u202e\u2066-\u2069]/g;
const ARABIC = '\u0620-\u064A\u066E-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FF\u0750-\u077F';
/** Words: runs of Arabic letters, of Latin letters, or of one system's digits (a number is a word). */
const WORD = new RegExp(`[${ARABIC}]+|[A-Za-z\\u00C0-\\u024F]+|[0-9]+|[\\u0660-\\u0669]+|[\\u06F0-\\u06F9]+`, 'g');

export function words(text: string): string[] {
  return text.replace(IGNORED, '').match(WORD) ?? [];
}

export interface Score {
  score: number;
  matched: number;
  total: number;
  missed: string[];
}

/** The multiset intersection with the reference, as a score. */
function score(reference: string[], extracted: string[]): Score {
  const r = recall(reference, extracted);
  return { score: r.recall, matched: r.matched, total: r.total, missed: r.missed };
}

/** Of every two consecutive words inside one text of the deck, the share the reader gives back as two consecutive words. */
export function pairOrder(runs: string[], extracted: string): Score {
  const pairs = (ws: string[]) => ws.slice(1).map((w, i) => `${ws[i]} ${w}`);
  return score(
    runs.flatMap((r) => pairs(words(r))),
    pairs(words(extracted)),
  );
}

/** Of the words of the deck's texts, the share the reader gives back (as occurrences). */
export function wordRecall(runs: string[], extracted: string): Score {
  return score(
    runs.flatMap((r) => words(r)),
    words(extracted),
  );
}

const flatten = (s: string) => s.replace(IGNORED, '').replace(/\s+/g, ' ').trim();

/** Phrases of two to five words from the deck's texts, taken at every third word (sizes 2, 3, 4, 5 in turn). */
export function phrases(runs: string[]): string[] {
  const out: string[] = [];
  for (const run of runs) {
    const ws = [...run.matchAll(/\S+/g)];
    for (let i = 0; i + 1 < ws.length; i += 3) {
      const j = Math.min(ws.length - 1, i + 1 + (i % 4));
      const phrase = run.slice(ws[i]!.index, ws[j]!.index! + ws[j]![0].length).replace(/^[«(“"]+|[»)”".,،:؛]+$/g, '');
      if (words(phrase).length >= 2) out.push(phrase);
    }
  }
  return out;
}

/** The phrases found in the reader's text (white space as any white space, marks ignored, as a find bar does). */
export function found(list: string[], extracted: string): { found: string[]; missed: string[] } {
  const text = flatten(extracted);
  const hit = list.filter((p) => text.includes(flatten(p)));
  return { found: hit, missed: list.filter((p) => !hit.includes(p)) };
}

// ---------------------------------------------------------------- the deck's texts

/**
 * The texts of a built deck's slides, one per text node between tags (a label, a value, a name, a sentence),
 * speaker notes included when asked (the handout prints them).
 */
export function slideRuns(html: string, withNotes: boolean): string[] {
  const runs: string[] = [];
  // The handout prints each slide's notes once, where they first come (src/deck/notes.ts).
  const printed = new Set<string>();
  for (const m of html.matchAll(/<section\b([^>]*)>([\s\S]*?)<\/section>/g)) {
    if (!/\bclass="slide\b/.test(m[1]!)) continue;
    const body = m[2]!;
    const notes = [...body.matchAll(/<aside class="notes">([\s\S]*?)<\/aside>/g)]
      .flatMap((n) => n[1]!.split(/<\/p>/))
      .filter((p) => {
        const key = p.replace(/<[^>]+>/g, '').trim();
        if (printed.has(key)) return false;
        printed.add(key);
        return true;
      })
      .join('<br>');
    const visible = body.replace(/<aside class="notes">[\s\S]*?<\/aside>/g, '<br>');
    for (const part of withNotes ? [visible, notes] : [visible])
      for (const t of part.split(/<[^>]+>/)) {
        const text = decodeEntities(t).replace(/\s+/g, ' ').trim();
        if (text) runs.push(text);
      }
  }
  return runs;
}
