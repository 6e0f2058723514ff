/**
 * Page furniture as artifacts, in every content stream of the document (pages and the form XObjects they
 * draw), without changing a pixel: only marked-content operators are written or renamed.
 *
 * Chromium (Skia, src/pdf/SkPDFDevice.cpp) opens a marked-content sequence `/Tag <</MCID n>> BDC` for what a
 * node of the structure tree paints, and closes it (`EMC`) before the next; what no node owns is painted
 * between two sequences, unmarked: the handout's page number and marking in its page margins, images with an
 * empty `alt`, and the borders and fills Chromium does not attribute to a node. PDF/UA-1 wants every painted thing either tagged or an artifact (ISO 14289-1, 7.1), so:
 *  - each stretch between two tagged sequences that paints anything is wrapped in `/Artifact BMC … EMC`
 *    (`/Artifact <</Type /Pagination>> BDC` when it shows text: a running footer, a page number, a marking).
 *    The markers go exactly where Chromium's own sequences end and begin, at the top level of marked content;
 *  - a tagged sequence of the page furniture the printed pages name as such (a slide's running footer,
 *    number, footer logo and marking: a Figure with src/render/pages.ts FURNITURE_LABEL as its /Alt) becomes
 *    `/Artifact <</Type /Pagination>> BDC`; one that paints only paths, shadings or images for an element that
 *    is not a Figure (a slide's background, a rule, a band, a list's bullet: decoration Chromium attributes to
 *    a box) becomes `/Artifact BMC`. Their MCIDs leave the structure tree (structure.ts).
 * The furniture stays tagged while the text is put in reading order (text-order.ts), as all text is; it
 * becomes an artifact after, by renaming its markers only.
 * It also reads, for each tagged sequence, which scripts its letters are in (for the language of the
 * elements: structure.ts).
 */
import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef } from 'pdf-lib';
import { bytesOf, nameOf } from '../content-stream.js';
import { type ContentStreams, fontCmap } from '../streams.js';
import { hasLatin } from '../../latin.js';

/** Which letters a tagged sequence shows: bit 1 Latin, bit 2 Arabic. */
export const LATIN = 1;
export const ARABIC = 2;

export interface StreamMarks {
  /** The stream's key in the parent tree (its page's or form's /StructParents); undefined: none. */
  key: number | undefined;
  /** The form XObject the stream is (its MCIDs are named with /Stm in the structure tree); undefined: a page's. */
  form: PDFRef | undefined;
  /** The MCIDs turned into artifacts. */
  artifacts: number[];
  /** MCID → the scripts of its letters (LATIN | ARABIC), for the tagged sequences that show letters. */
  letters: Map<number, number>;
}

const TEXT_SHOWING = new Set(['Tj', 'TJ', "'", '"']);
const PATH_PAINTING = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'sh']);

const ARTIFACT = Buffer.from('/Artifact BMC\n', 'latin1');
const PAGINATION = Buffer.from('/Artifact <</Type /Pagination >>BDC\n', 'latin1');
const END = Buffer.from('\nEMC', 'latin1');
const RENAMED = Buffer.from('/Artifact BMC', 'latin1');
const RENAMED_PAGINATION = Buffer.from('/Artifact <</Type /Pagination >>BDC', 'latin1');

/** What the structure tree says of the element of a stream's MCID. */
export interface Roles {
  /** It is page furniture (or inside it). */
  furniture(key: number | undefined, mcid: number): boolean;
  /** It is a Figure. */
  figure(key: number | undefined, mcid: number): boolean;
}

/** A top-level piece of a stream: one operator outside any marked content, or a whole marked-content sequence. */
interface Item {
  first: number;
  last: number;
  /** The sequence's MCID (a tagged sequence at the top level). */
  mcid?: number;
  /** It holds tagged content: an MCID somewhere inside, or a form XObject that does. */
  tagged: boolean;
  text: boolean;
  /** It paints paths, shadings or images. */
  graphics: boolean;
  /** It draws a form XObject that holds tagged content, or opens a sequence inside with an MCID. */
  nested: boolean;
  letters: number;
}

/** A letter's script: LATIN, ARABIC or 0 (not a letter, or another script). */
function scriptOf(text: string): number {
  let out = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    // A Latin letter as the deck's runs take it (src/latin.ts: any letter of the Latin script).
    if (hasLatin(ch)) out |= LATIN;
    else if (
      (c >= 0x620 && c <= 0x64a) ||
      (c >= 0x66e && c <= 0x6d3) ||
      c === 0x6d5 ||
      (c >= 0x6fa && c <= 0x6ff) ||
      (c >= 0x750 && c <= 0x77f) ||
      (c >= 0x8a0 && c <= 0x8ff) ||
      (c >= 0xfb50 && c <= 0xfdff) ||
      (c >= 0xfe70 && c <= 0xfefc)
    )
      out |= ARABIC;
  }
  return out;
}

/**
 * Marks the furniture of every content stream as artifacts (rewriting `streams`, which the caller commits);
 * returns, per stream, the MCIDs that became artifacts and the scripts of each tagged sequence's letters.
 */
export function markArtifacts(pdf: PDFDocument, roles: Roles, streams: ContentStreams): StreamMarks[] {
  const context = pdf.context;
  const out: StreamMarks[] = [];
  /** Each ToUnicode map's letters: code → script + 1 (0: not looked up yet), filled as codes are met. */
  const scripts = new Map<string, { map: Map<number, string>; of: Uint8Array } | null>();
  /** Whether a form XObject holds tagged content, once known (the form is then also marked). */
  const forms = new Map<string, boolean>();

  const fontScripts = (resources: PDFDict | undefined, name: string) => {
    const found = fontCmap(context, resources, name);
    if (!found) return null;
    const key = found.cmapRef.toString();
    if (!scripts.has(key)) {
      const map = streams.cmap(found.cmapRef);
      scripts.set(key, map ? { map, of: new Uint8Array(0x10000) } : null);
    }
    return scripts.get(key)!;
  };

  /** Marks one stream; returns whether it holds tagged content. */
  const mark = (ref: PDFRef, resources: PDFDict | undefined, key: number | undefined, form?: PDFRef): boolean => {
    if (!streams.isStream(ref)) return false;
    const content = streams.content(ref);
    if (!content) return true; // not read, so not touched: counted as tagged, never wrapped in an artifact
    const { data, ops } = content;
    const xobjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
    const marks: StreamMarks = { key, form, artifacts: [], letters: new Map() };
    /** Where to write: at a byte offset, bytes (in place of the bytes up to `to`, if given). */
    const inserts: { at: number; bytes: Uint8Array; to?: number }[] = [];
    let depth = 0;
    let font: ReturnType<typeof fontScripts> = null;
    /** This stream's fonts by resource name, each looked up once. */
    const fonts = new Map<string, ReturnType<typeof fontScripts>>();
    let hasMcid = false;
    const fresh = (i: number): Item => ({ first: i, last: i, tagged: false, text: false, graphics: false, nested: false, letters: 0 });
    /** The stretch of untagged content being read (operators outside any sequence, and untagged sequences). */
    let run: Item | undefined;
    /** The top-level sequence being read. */
    let item: Item | undefined;
    const closeRun = () => {
      if (run && (run.text || run.graphics)) {
        inserts.push({ at: ops[run.first]!.start, bytes: run.text ? PAGINATION : ARTIFACT });
        inserts.push({ at: ops[run.last]!.end, bytes: END });
      }
      run = undefined;
    };
    /** A top-level piece read whole: untagged, it joins the run; tagged, it ends the run and is looked at. */
    const done = (it: Item) => {
      if (!it.tagged) {
        if (!run) run = it;
        else {
          run.last = it.last;
          run.text ||= it.text;
          run.graphics ||= it.graphics;
        }
        return;
      }
      closeRun();
      if (it.mcid === undefined || it.nested) return;
      const bdc = ops[it.first]!;
      if (roles.furniture(key, it.mcid)) {
        inserts.push({ at: bdc.start, to: bdc.end, bytes: RENAMED_PAGINATION });
        marks.artifacts.push(it.mcid);
      } else if (it.graphics && !it.text && !roles.figure(key, it.mcid)) {
        // A sequence of decoration only (nothing inside it tagged but itself), for anything but a figure.
        inserts.push({ at: bdc.start, to: bdc.end, bytes: RENAMED });
        marks.artifacts.push(it.mcid);
      } else if (it.letters) marks.letters.set(it.mcid, it.letters);
    };
    const show = (bytes: Uint8Array | undefined, into: Item) => {
      into.text = true;
      if (!bytes || !font || into.mcid === undefined || into.letters === (LATIN | ARABIC)) return;
      const of = font.of;
      for (let k = 0; k + 1 < bytes.length; k += 2) {
        const code = (bytes[k]! << 8) | bytes[k + 1]!;
        let s = of[code]!;
        if (s === 0) {
          s = scriptOf(font.map.get(code) ?? '') + 1;
          of[code] = s;
        }
        into.letters |= s - 1;
      }
    };
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i]!;
      // What this operator belongs to: the open sequence, else the run (a new one if none).
      const opens = op.op === 'BMC' || op.op === 'BDC';
      if (!item && !opens && !run) run = fresh(i);
      const current = item ?? (opens ? fresh(i) : run!);
      switch (op.op) {
        case 'BMC':
        case 'BDC': {
          const props = op.operands[1];
          const mcid = op.op === 'BDC' && props && typeof props === 'object' && 'dict' in props ? props.dict.get('MCID') : undefined;
          if (typeof mcid === 'number') {
            hasMcid = true;
            current.tagged = true;
            if (depth === 0) current.mcid = mcid;
            else current.nested = true; // an MCID inside another sequence: left as it is
          }
          depth++;
          break;
        }
        case 'EMC':
          depth = Math.max(0, depth - 1);
          break;
        case 'Tf': {
          const name = nameOf(op.operands[0]) ?? '';
          if (!fonts.has(name)) fonts.set(name, fontScripts(resources, name));
          font = fonts.get(name)!;
          break;
        }
        case 'Tj':
        case 'TJ':
        case "'":
        case '"': {
          const operand = op.op === '"' ? op.operands[2] : op.operands[0];
          if (Array.isArray(operand)) for (const part of operand) show(bytesOf(part), current);
          else show(bytesOf(operand), current);
          break;
        }
        case 'Do': {
          const name = nameOf(op.operands[0]) ?? '';
          const xref = xobjects?.get(PDFName.of(name));
          const xobject = xref instanceof PDFRef ? context.lookup(xref) : undefined;
          if (xref instanceof PDFRef && xobject instanceof PDFRawStream && xobject.dict.get(PDFName.of('Subtype')) === PDFName.of('Form')) {
            const id = xref.toString();
            if (!forms.has(id)) {
              forms.set(id, true);
              const formKey = xobject.dict.lookupMaybe(PDFName.of('StructParents'), PDFNumber)?.asNumber();
              forms.set(id, mark(xref, xobject.dict.lookupMaybe(PDFName.of('Resources'), PDFDict) ?? resources, formKey, xref) || formKey !== undefined);
            }
            if (forms.get(id)) {
              if (current === run) {
                // A form with tagged content drawn outside any sequence: the run ends before it.
                run.last = i - 1;
                if (run.last < run.first) run = undefined;
                closeRun();
                continue;
              }
              current.tagged = true;
              current.nested = true;
            } else current.graphics = true;
          } else current.graphics = true;
          break;
        }
        default:
          if (PATH_PAINTING.has(op.op)) current.graphics = true;
          else if (TEXT_SHOWING.has(op.op)) current.text = true;
      }
      current.last = i;
      if (current !== run) {
        if (depth > 0) item = current;
        else {
          item = undefined;
          done(current);
        }
      }
    }
    if (item) done(item); // a sequence left open at the end: taken as a whole
    closeRun();
    if (hasMcid || key !== undefined || inserts.length > 0) out.push(marks);
    if (inserts.length > 0) {
      inserts.sort((a, b) => a.at - b.at);
      const parts: Uint8Array[] = [];
      let from = 0;
      for (const { at, to, bytes } of inserts) {
        parts.push(data.subarray(from, at), bytes);
        from = to ?? at;
      }
      parts.push(data.subarray(from));
      streams.rewrite(ref, Buffer.concat(parts));
    }
    return hasMcid || key !== undefined;
  };

  for (const page of pdf.getPages()) {
    const resources = page.node.Resources();
    const key = page.node.lookupMaybe(PDFName.of('StructParents'), PDFNumber)?.asNumber();
    const value = page.node.get(PDFName.of('Contents'));
    const refs = value instanceof PDFArray ? value.asArray() : [value];
    for (const ref of refs) if (ref instanceof PDFRef) mark(ref, resources, key);
  }
  return out;
}
