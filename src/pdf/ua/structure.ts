/**
 * Chromium's structure tree, made what PDF/UA-1 reads:
 *  - the marked content that became artifacts (content.ts) leaves it: its MCID goes from its element's /K and
 *    from the parent tree (the slot is null), and an element left with no content goes from its parent;
 *  - an element whose letters are all in the other script than the document's (a Latin name in an Arabic
 *    line, an Arabic name in an English one) says its language, `/Lang (en)` or `/Lang (ar)`, as the HTML
 *    did (`<bdi lang>`, src/deck/text.ts) and Chromium does not pass on;
 *  - the structure types outside PDF 1.7's standard set that Chromium writes (`Strong`, from PDF 2.0) are
 *    role-mapped to standard ones in the tree root's /RoleMap (poppler: "StructElem object is wrong type").
 * Most elements stay the bytes Chromium wrote (postprocess.ts loadPdf keeps them as such); the few changed
 * are parsed here.
 */
import {
  PDFArray,
  PDFHexString,
  PDFDict,
  type PDFDocument,
  PDFInvalidObject,
  PDFName,
  PDFNull,
  PDFNumber,
  type PDFObject,
  PDFObjectParser,
  PDFRef,
  PDFString,
} from 'pdf-lib';
import { ARABIC, LATIN, type StreamMarks } from './content.js';

/** PDF 1.7's standard structure types (ISO 32000-1, 14.8.4). */
export const STANDARD_TYPES = new Set([
  'Document', 'Part', 'Art', 'Sect', 'Div', 'BlockQuote', 'Caption', 'TOC', 'TOCI', 'Index', 'NonStruct', 'Private',
  'P', 'H', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'THead', 'TBody', 'TFoot',
  'Span', 'Quote', 'Note', 'Reference', 'BibEntry', 'Code', 'Link', 'Annot', 'Ruby', 'RB', 'RT', 'RP', 'Warichu', 'WT', 'WP',
  'Figure', 'Formula', 'Form',
]); // biome-ignore format: one list

/** PDF 2.0's types (and others a browser writes) → the PDF 1.7 type that says the same; anything else → NonStruct. */
const ROLES: Record<string, string> = {
  Strong: 'Span',
  Em: 'Span',
  Sub: 'Span',
  Title: 'H',
  Aside: 'Div',
  FENote: 'Note',
  DocumentFragment: 'Part',
};

const ELEMENT_TYPE = /\/S\s*\/([^\s/<>[\]()]+)/;

export class StructureTree {
  private readonly context;
  private readonly root: PDFDict | undefined;
  /** Whether each element met is page furniture (inFurniture), and the furniture's Figures. */
  private readonly furniture = new Map<string, boolean>();
  private readonly furnitureFigures = new Map<string, PDFRef>();
  /** Parent-tree key → its value (an array of elements by MCID, or an annotation's element). */
  private readonly parents = new Map<number, PDFObject>();

  constructor(pdf: PDFDocument) {
    this.context = pdf.context;
    this.root = pdf.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
    const tree = this.root?.lookupMaybe(PDFName.of('ParentTree'), PDFDict);
    if (tree) this.readNumberTree(tree, 0);
  }

  get exists(): boolean {
    return this.root !== undefined;
  }

  private readNumberTree(node: PDFDict, depth: number): void {
    if (depth > 32) return;
    const nums = node.lookupMaybe(PDFName.of('Nums'), PDFArray);
    if (nums) for (let i = 0; i + 1 < nums.size(); i += 2) this.parents.set((nums.lookup(i) as PDFNumber).asNumber(), nums.get(i + 1));
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    if (kids) for (let i = 0; i < kids.size(); i++) this.readNumberTree(kids.lookup(i, PDFDict), depth + 1);
  }

  /** Each key's array of elements by MCID, looked up once. */
  private readonly arrays = new Map<number, PDFArray | undefined>();

  /** The array of elements by MCID of a stream's key. */
  private mcidArray(key: number | undefined): PDFArray | undefined {
    if (key === undefined) return undefined;
    if (!this.arrays.has(key)) {
      const value = this.parents.get(key);
      const array = value instanceof PDFRef ? this.context.lookup(value) : value;
      this.arrays.set(key, array instanceof PDFArray ? array : undefined);
    }
    return this.arrays.get(key);
  }

  /** The element that owns a stream's MCID. */
  owner(key: number | undefined, mcid: number): PDFRef | undefined {
    const array = this.mcidArray(key);
    const ref = array && mcid < array.size() ? array.get(mcid) : undefined;
    return ref instanceof PDFRef ? ref : undefined;
  }

  /** Each element's bytes as Chromium wrote them, read once (null: a parsed element). */
  private readonly raws = new Map<string, string | null>();

  /** An element's bytes as Chromium wrote them (undefined: parsed already). */
  private raw(ref: PDFRef): string | undefined {
    const id = ref.toString();
    let raw = this.raws.get(id);
    if (raw === undefined) {
      const object = this.context.lookup(ref);
      if (object instanceof PDFInvalidObject) {
        const bytes = new Uint8Array(object.sizeInBytes());
        object.copyBytesInto(bytes, 0);
        raw = Buffer.from(bytes).toString('latin1');
      } else raw = null;
      this.raws.set(id, raw);
    }
    return raw ?? undefined;
  }

  private readonly figures = new Map<string, boolean>();

  /** Whether an element is a Figure (looked up once). */
  isFigure(ref: PDFRef): boolean {
    const id = ref.toString();
    let figure = this.figures.get(id);
    if (figure === undefined) {
      const raw = this.raw(ref);
      figure = raw !== undefined ? /\/S \/Figure\b/.test(raw) : this.context.lookupMaybe(ref, PDFDict)?.get(PDFName.of('S')) === PDFName.of('Figure');
      this.figures.set(id, figure);
    }
    return figure;
  }

  /** An element's structure type. */
  typeOf(ref: PDFRef): string | undefined {
    const raw = this.raw(ref);
    if (raw !== undefined) return ELEMENT_TYPE.exec(raw)?.[1];
    return this.context.lookupMaybe(ref, PDFDict)?.lookupMaybe(PDFName.of('S'), PDFName)?.decodeText();
  }

  /** An element as a dictionary to change (parsed from its bytes, once). */
  private element(ref: PDFRef): PDFDict | undefined {
    const raw = this.raw(ref);
    if (raw === undefined) return this.context.lookupMaybe(ref, PDFDict);
    const parsed = PDFObjectParser.forBytes(Buffer.from(raw, 'latin1'), this.context).parseObject();
    if (!(parsed instanceof PDFDict)) return undefined;
    this.context.assign(ref, parsed);
    this.raws.set(ref.toString(), null);
    return parsed;
  }

  /** Whether an element is page furniture: a Figure whose /Alt is `label`, or inside one. */
  inFurniture(ref: PDFRef, label: string): boolean {
    const id = ref.toString();
    const known = this.furniture.get(id);
    if (known !== undefined) return known;
    this.furniture.set(id, false); // (a loop in the tree ends here)
    let result = false;
    let parent: PDFObject | undefined;
    const raw = this.raw(ref);
    if (raw !== undefined) {
      const m = /\/P (\d+) (\d+) R/.exec(raw);
      parent = m ? PDFRef.of(Number(m[1]), Number(m[2])) : undefined;
    } else {
      const dict = this.context.lookupMaybe(ref, PDFDict);
      const alt = dict?.lookupMaybe(PDFName.of('Alt'), PDFString, PDFHexString);
      if (dict?.get(PDFName.of('S')) === PDFName.of('Figure') && alt?.decodeText() === label) {
        result = true;
        this.furnitureFigures.set(id, ref);
      } else parent = dict?.get(PDFName.of('P'));
    }
    if (!result && parent instanceof PDFRef && this.typeOf(parent) !== undefined) result = this.inFurniture(parent, label);
    this.furniture.set(id, result);
    return result;
  }

  /**
   * Takes the furniture's Figures out of the tree, whatever is left under them (their marked content is
   * artifacts by now), and clears any parent-tree entry that named one of them or what was under it.
   */
  removeFurniture(): void {
    if (this.furnitureFigures.size === 0) return;
    const gone = new Set<string>();
    const collect = (ref: PDFRef, depth: number): void => {
      if (depth > 64 || gone.has(ref.toString())) return;
      gone.add(ref.toString());
      const kids = this.element(ref)?.get(PDFName.of('K'));
      for (const kid of kids instanceof PDFArray ? kids.asArray() : [kids])
        if (kid instanceof PDFRef && this.typeOf(kid) !== undefined) collect(kid, depth + 1);
    };
    for (const ref of this.furnitureFigures.values()) {
      collect(ref, 0);
      const parentRef = this.element(ref)?.get(PDFName.of('P'));
      const parent = parentRef instanceof PDFRef ? this.element(parentRef) : undefined;
      const siblings = parent?.get(PDFName.of('K'));
      if (siblings instanceof PDFArray) {
        for (let i = siblings.size() - 1; i >= 0; i--) if (siblings.get(i)?.toString() === ref.toString()) siblings.remove(i);
        if (siblings.size() === 0 && parentRef instanceof PDFRef) this.dropEmpty(parentRef.toString());
      } else if (siblings?.toString() === ref.toString() && parentRef instanceof PDFRef) {
        parent?.delete(PDFName.of('K'));
        this.dropEmpty(parentRef.toString());
      }
    }
    for (const value of this.parents.values()) {
      const array = value instanceof PDFRef ? this.context.lookup(value) : value;
      if (!(array instanceof PDFArray)) continue;
      for (let i = 0; i < array.size(); i++) if (gone.has(array.get(i)?.toString() ?? '')) array.set(i, PDFNull);
    }
    for (const id of gone) {
      const ref = this.refOf(id);
      if (ref) this.context.delete(ref);
      this.raws.set(id, null);
    }
  }

  /** Takes the artifacts' MCIDs out of the tree. */
  removeArtifacts(streams: readonly StreamMarks[]): void {
    const emptied = new Set<string>();
    for (const { key, form, artifacts } of streams) {
      const array = this.mcidArray(key);
      for (const mcid of artifacts) {
        const ref = this.owner(key, mcid);
        if (array && mcid < array.size()) array.set(mcid, PDFNull);
        if (!ref) continue;
        const dict = this.element(ref);
        if (!dict) continue;
        const kids = dict.get(PDFName.of('K'));
        const isIt = (k: PDFObject | undefined): boolean => {
          if (k instanceof PDFNumber) return form === undefined && k.asNumber() === mcid;
          const mcr = k instanceof PDFRef ? this.context.lookup(k) : k;
          if (!(mcr instanceof PDFDict) || mcr.get(PDFName.of('Type')) !== PDFName.of('MCR')) return false;
          const stm = mcr.get(PDFName.of('Stm'));
          const same = form === undefined ? stm === undefined : stm instanceof PDFRef && stm.toString() === form.toString();
          return same && mcr.lookupMaybe(PDFName.of('MCID'), PDFNumber)?.asNumber() === mcid;
        };
        if (kids instanceof PDFArray) {
          for (let i = kids.size() - 1; i >= 0; i--) if (isIt(kids.get(i))) kids.remove(i);
          if (kids.size() === 0) emptied.add(ref.toString());
        } else if (isIt(kids)) {
          dict.delete(PDFName.of('K'));
          emptied.add(ref.toString());
        }
      }
    }
    for (const id of emptied) this.dropEmpty(id);
  }

  /** An element with no content left goes from its parent's /K (and so on up, below the tree's root). */
  private dropEmpty(id: string): void {
    let ref = this.refOf(id);
    for (let guard = 0; ref && guard < 64; guard++) {
      const dict = this.element(ref);
      const kids = dict?.get(PDFName.of('K'));
      if (!dict || (kids instanceof PDFArray ? kids.size() > 0 : kids !== undefined)) return;
      const parentRef = dict.get(PDFName.of('P'));
      if (!(parentRef instanceof PDFRef) || this.typeOf(parentRef) === undefined) return; // the tree's root
      const parentDict = this.element(parentRef);
      if (!parentDict || parentDict.get(PDFName.of('Type')) !== PDFName.of('StructElem')) return;
      const siblings = parentDict.get(PDFName.of('K'));
      const self = ref.toString();
      if (siblings instanceof PDFArray) {
        for (let i = siblings.size() - 1; i >= 0; i--) if (siblings.get(i)?.toString() === self) siblings.remove(i);
      } else if (siblings?.toString() === self) parentDict.delete(PDFName.of('K'));
      this.context.delete(ref);
      this.raws.set(ref.toString(), null);
      ref = parentRef;
    }
  }

  private refOf(id: string): PDFRef | undefined {
    const m = /^(\d+) (\d+) R$/.exec(id);
    return m ? PDFRef.of(Number(m[1]), Number(m[2])) : undefined;
  }

  /**
   * Gives `/Lang` to each element whose letters are all in the other script than the document's, and that
   * holds only marked content (no element under it that could be in the document's language).
   */
  setLanguages(streams: readonly StreamMarks[], lang: string): void {
    const base = lang.startsWith('ar') ? ARABIC : LATIN;
    const other = base === ARABIC ? 'en' : 'ar';
    const letters = new Map<string, { ref: PDFRef; scripts: number }>();
    for (const { key, letters: of } of streams)
      for (const [mcid, scripts] of of) {
        const ref = this.owner(key, mcid);
        if (!ref) continue;
        const entry = letters.get(ref.toString()) ?? { ref, scripts: 0 };
        entry.scripts |= scripts;
        letters.set(ref.toString(), entry);
      }
    for (const { ref, scripts } of letters.values()) {
      if (scripts & base || scripts === 0) continue;
      const raw = this.raw(ref);
      if (raw !== undefined ? raw.includes('/Lang') : this.context.lookupMaybe(ref, PDFDict)?.has(PDFName.of('Lang'))) continue;
      const dict = this.element(ref);
      const kids = dict?.get(PDFName.of('K'));
      const list = kids instanceof PDFArray ? kids.asArray() : [kids];
      const holdsElements = list.some((k) => k instanceof PDFRef && this.context.lookup(k) !== undefined && this.typeOf(k) !== undefined);
      if (!dict || holdsElements) continue;
      dict.set(PDFName.of('Lang'), PDFString.of(other));
    }
  }

  /** Every structure type in the document that PDF 1.7 does not define. */
  private nonStandardTypes(): Set<string> {
    const found = new Set<string>();
    for (const [, object] of this.context.enumerateIndirectObjects()) {
      let type: string | undefined;
      if (object instanceof PDFInvalidObject) {
        const bytes = new Uint8Array(object.sizeInBytes());
        object.copyBytesInto(bytes, 0);
        const text = Buffer.from(bytes).toString('latin1');
        if (text.includes('/StructElem')) type = ELEMENT_TYPE.exec(text)?.[1];
      } else if (object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('StructElem'))
        type = object.lookupMaybe(PDFName.of('S'), PDFName)?.decodeText();
      if (type !== undefined && !STANDARD_TYPES.has(type)) found.add(type);
    }
    return found;
  }

  /** The tree root's /RoleMap: each non-standard type Chromium wrote → a standard one. */
  mapRoles(): void {
    if (!this.root) return;
    const types = [...this.nonStandardTypes()].sort();
    if (types.length === 0) return;
    const map = this.root.lookupMaybe(PDFName.of('RoleMap'), PDFDict) ?? this.context.obj({});
    for (const type of types) if (!map.has(PDFName.of(type))) map.set(PDFName.of(type), PDFName.of(ROLES[type] ?? 'NonStruct'));
    this.root.set(PDFName.of('RoleMap'), map);
  }
}
