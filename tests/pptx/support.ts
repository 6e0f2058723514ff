/**
 * Reading a PowerPoint file as PowerPoint would: the zip, each part parsed as XML (a part that is not
 * well-formed fails), the slides in the order presentation.xml gives, each with its shapes' text, its
 * paragraphs' direction and languages, and its notes. And LibreOffice, to turn the file into a PDF.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import { run } from '../pdf/support.js';

const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const P = 'http://schemas.openxmlformats.org/presentationml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PR = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface Paragraph {
  /** The name of the shape it is in, without its number ("Title", "Card", "Table"). */
  shape: string;
  text: string;
  rtl: string | null;
  align: string | null;
  bullet: boolean;
  /** The types of PowerPoint's fields in it (`slidenum`). */
  fields: string[];
  /** Each run's lang and altLang, and its complex-script font. */
  runs: { text: string; lang: string | null; altLang: string | null; cs: string | null; latin: string | null; size: number; link: boolean }[];
  endLang: string | null;
}

export interface SlideXml {
  part: string;
  /** The text of the title placeholder (type title or ctrTitle). */
  title: string | null;
  titles: number;
  paragraphs: Paragraph[];
  text: string;
  /** Shapes by name, without their numbers ("Card", "Continuation"). */
  names: string[];
  /** Each table's rows, each row's cells from the left. */
  tables: { rtl: string | null; rows: string[][] }[];
  pictures: { descr: string | null; target: string }[];
  hyperlinks: string[];
  notes: Paragraph[] | null;
  layout: string;
  /** Every shape's box (its xfrm), in EMU, by the shape's name without its number. */
  boxes: { name: string; x: number; y: number; w: number; h: number }[];
}

export interface Pptx {
  entries: Record<string, Uint8Array>;
  names: string[];
  xml(part: string): Element;
  slides: SlideXml[];
}

function parse(part: string, bytes: Uint8Array): Element {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') errors.push(message);
    },
  }).parseFromString(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'application/xml');
  if (errors.length > 0) throw new Error(`${part} is not well-formed XML: ${errors.join('; ')}`);
  return doc.documentElement as unknown as Element;
}

const all = (e: Element, ns: string, name: string): Element[] => Array.from(e.getElementsByTagNameNS(ns, name) as unknown as Element[]);
const first = (e: Element, ns: string, name: string): Element | undefined => all(e, ns, name)[0];
const textOf = (e: Element) =>
  all(e, A, 't')
    .map((t) => t.textContent ?? '')
    .join('');

function paragraphs(e: Element): Paragraph[] {
  return all(e, A, 'p').map((p) => {
    const pPr = first(p, A, 'pPr');
    let holder = p.parentNode as Element | null;
    while (holder && !(holder.namespaceURI === P && (holder.localName === 'sp' || holder.localName === 'graphicFrame')))
      holder = holder.parentNode as Element | null;
    return {
      shape: ((holder && first(holder, P, 'cNvPr')?.getAttribute('name')) ?? '').replace(/ \d+$/, ''),
      text: textOf(p),
      rtl: pPr?.getAttribute('rtl') ?? null,
      align: pPr?.getAttribute('algn') ?? null,
      bullet: Boolean(pPr && (first(pPr, A, 'buChar') || first(pPr, A, 'buAutoNum'))),
      fields: all(p, A, 'fld').map((f) => f.getAttribute('type') ?? ''),
      runs: all(p, A, 'r').map((r) => {
        const rPr = first(r, A, 'rPr');
        return {
          text: textOf(r),
          lang: rPr?.getAttribute('lang') ?? null,
          altLang: rPr?.getAttribute('altLang') ?? null,
          cs: (rPr && first(rPr, A, 'cs')?.getAttribute('typeface')) ?? null,
          latin: (rPr && first(rPr, A, 'latin')?.getAttribute('typeface')) ?? null,
          size: Number(rPr?.getAttribute('sz') ?? 0) / 100,
          link: Boolean(rPr && first(rPr, A, 'hlinkClick')),
        };
      }),
      endLang: first(p, A, 'endParaRPr')?.getAttribute('lang') ?? null,
    };
  });
}

function rels(entries: Record<string, Uint8Array>, part: string): Map<string, { type: string; target: string }> {
  const dir = path.posix.dirname(part);
  const file = `${dir}/_rels/${path.posix.basename(part)}.rels`;
  const out = new Map<string, { type: string; target: string }>();
  const bytes = entries[file];
  if (!bytes) return out;
  for (const r of all(parse(file, bytes), PR, 'Relationship')) {
    const mode = r.getAttribute('TargetMode');
    const target = r.getAttribute('Target') ?? '';
    out.set(r.getAttribute('Id') ?? '', {
      type: r.getAttribute('Type') ?? '',
      target: mode === 'External' ? target : path.posix.normalize(`${dir}/${target}`),
    });
  }
  return out;
}

export function readPptx(bytes: Uint8Array): Pptx {
  const entries = unzipSync(bytes);
  const xml = (part: string) => {
    const b = entries[part];
    if (!b) throw new Error(`the package has no ${part}`);
    return parse(part, b);
  };
  const presRels = rels(entries, 'ppt/presentation.xml');
  const slides = all(xml('ppt/presentation.xml'), P, 'sldId').map((id): SlideXml => {
    const part = presRels.get(id.getAttributeNS(R, 'id') ?? '')!.target;
    const root = xml(part);
    const slideRels = rels(entries, part);
    const phs = all(root, P, 'sp').filter((sp) => ['title', 'ctrTitle'].includes(first(sp, P, 'ph')?.getAttribute('type') ?? ''));
    const notesPart = [...slideRels.values()].find((r) => r.type.endsWith('/notesSlide'))?.target;
    const notesBody = notesPart ? all(xml(notesPart), P, 'sp').find((sp) => first(sp, P, 'ph')?.getAttribute('type') === 'body') : undefined;
    return {
      part,
      title: phs[0] ? textOf(phs[0]) : null,
      titles: phs.length,
      paragraphs: paragraphs(root),
      text: paragraphs(root)
        .map((p) => p.text)
        .join('\n'),
      names: all(root, P, 'cNvPr').map((c) => (c.getAttribute('name') ?? '').replace(/ \d+$/, '')),
      tables: all(root, A, 'tbl').map((t) => ({
        rtl: first(t, A, 'tblPr')?.getAttribute('rtl') ?? null,
        rows: all(t, A, 'tr').map((tr) => all(tr, A, 'tc').map(textOf)),
      })),
      pictures: all(root, P, 'pic').map((pic) => ({
        descr: first(pic, P, 'cNvPr')?.getAttribute('descr') ?? null,
        target: slideRels.get(first(pic, A, 'blip')?.getAttributeNS(R, 'embed') ?? '')?.target ?? '',
      })),
      hyperlinks: all(root, A, 'hlinkClick').map((h) => slideRels.get(h.getAttributeNS(R, 'id') ?? '')?.target ?? ''),
      notes: notesBody ? paragraphs(notesBody) : null,
      layout: [...slideRels.values()].find((r) => r.type.endsWith('/slideLayout'))?.target ?? '',
      boxes: [...all(root, A, 'xfrm'), ...all(root, P, 'xfrm')].flatMap((x) => {
        const off = first(x, A, 'off');
        const ext = first(x, A, 'ext');
        let holder = x.parentNode as Element | null;
        while (holder && !(holder.namespaceURI === P && ['sp', 'pic', 'graphicFrame', 'grpSp', 'cxnSp'].includes(holder.localName ?? '')))
          holder = holder.parentNode as Element | null;
        if (!off || !ext || !holder) return [];
        const n = Number;
        return [
          {
            name: (first(holder, P, 'cNvPr')?.getAttribute('name') ?? '').replace(/ \d+$/, ''),
            x: n(off.getAttribute('x')),
            y: n(off.getAttribute('y')),
            w: n(ext.getAttribute('cx')),
            h: n(ext.getAttribute('cy')),
          },
        ];
      }),
    };
  });
  return { entries, names: Object.keys(entries), xml, slides };
}

/** Letters and digits, word by word: what two renderings of one text must share, whatever their spacing. */
export function words(text: string): string[] {
  return text.normalize('NFC').match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

export function sorted(list: string[]): string[] {
  return [...list].sort();
}

/** Every PPTX in `files` converted to PDF by LibreOffice (one run, its own profile), into `outDir`. */
export async function libreOfficePdf(files: string[], outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const profile = `file://${path.join(outDir, '.profile')}`;
  const r = await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files], {
    timeoutMs: 300_000,
  });
  if (r.code !== 0) throw new Error(`soffice failed (${r.code}): ${r.stderr}`);
}

export interface WordBox {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Each page's words and their boxes, in points from the page's top left, as poppler reads them. */
export async function wordBoxes(pdf: string): Promise<{ width: number; height: number; words: WordBox[] }[]> {
  const r = await run('pdftotext', ['-bbox', pdf, '-']);
  if (r.code !== 0) throw new Error(`pdftotext -bbox failed (${r.code}): ${r.stderr}`);
  const decode = (t: string) =>
    t
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return r.stdout
    .split('<page ')
    .slice(1)
    .map((page) => ({
      width: Number(/width="([\d.]+)"/.exec(page)?.[1]),
      height: Number(/height="([\d.]+)"/.exec(page)?.[1]),
      words: [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        text: decode(m[5]!),
        x0: Number(m[1]),
        y0: Number(m[2]),
        x1: Number(m[3]),
        y1: Number(m[4]),
      })),
    }));
}

/** A PNG's size, from its header. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0) !== 0x89504e47) throw new Error('not a PNG');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
