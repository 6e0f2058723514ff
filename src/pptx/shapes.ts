/**
 * One PowerPoint slide's shapes, as the deck lays the slide out: boxes are given from the inline start (the
 * right in a right-to-left deck) and mirrored here, so the slide writers (writers/) say "at the start" once
 * for both directions. Each shape is real: placeholders for the title and body (PowerPoint's outline lists
 * them), text boxes, rectangles, tables, pictures.
 */
import { SLIDE } from '../deck/model.js';
import { emu, linesFor } from './look.js';
import { type Para, paragraph, paraText, type TextContext } from './text.js';
import { el } from './xml.js';

/** A box in CSS px of the slide; `x` from the inline start. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Rel {
  id: string;
  type: 'slideLayout' | 'notesSlide' | 'image' | 'hyperlink';
  target: string;
  external?: boolean;
}

/** An image the slide shows, stored once in ppt/media/. */
export interface Media {
  name: string;
  bytes: Uint8Array;
}

export interface TextOptions {
  fill?: string;
  /** Insets in px: inline start, top, inline end, bottom. */
  insets?: [number, number, number, number];
  anchor?: 't' | 'ctr' | 'b';
  /** Shrink the text if it does not fit (PowerPoint's "shrink text on overflow"). */
  shrink?: boolean;
  geometry?: 'rect' | 'roundRect';
  /** Text that must not wrap (a chip). */
  nowrap?: boolean;
}

export interface Cell {
  paras: Para[];
  /** A rule under the cell. */
  rule?: string;
}

export type Placeholder = { type: 'title' | 'ctrTitle' } | { type: 'body' | 'subTitle'; idx: number };

/** The height in px a paragraph takes at `width` px (an estimate: the widest type of its runs sets the pace). */
export function paraHeight(p: Para, width: number): number {
  const size = Math.max(...p.spans.map((s) => s.style.size), 1);
  const lines = linesFor(paraText(p), size, Math.max(1, width - (p.style.indent ?? 0)));
  return (p.style.before ?? 0) + lines * p.style.line + (p.style.after ?? 0);
}

export function parasHeight(paras: readonly Para[], width: number): number {
  return paras.reduce((h, p) => h + paraHeight(p, width), 0);
}

export class SlideShapes {
  private readonly shapes: string[] = [];
  readonly rels: Rel[] = [];
  private nextId = 2;

  constructor(
    readonly tc: TextContext,
    private readonly media: (bytes: Uint8Array, ext: string) => string,
  ) {}

  private id(): number {
    return this.nextId++;
  }

  rel(type: Rel['type'], target: string, external = false): string {
    const id = `rId${this.rels.length + 1}`;
    this.rels.push({ id, type, target, ...(external ? { external } : {}) });
    return id;
  }

  /** The box in the slide's physical coordinates (mirrored in a right-to-left deck). */
  private xfrm(b: Box, tag = 'a:xfrm'): string {
    const x = this.tc.dir === 'rtl' ? SLIDE.width - b.x - b.w : b.x;
    return el(tag, {}, el('a:off', { x: emu(x), y: emu(b.y) }), el('a:ext', { cx: emu(Math.max(0, b.w)), cy: emu(Math.max(0, b.h)) }));
  }

  private bodyPr(o: TextOptions): string {
    const [s, t, e, b] = o.insets ?? [0, 0, 0, 0];
    const [l, r] = this.tc.dir === 'rtl' ? [e, s] : [s, e];
    return el(
      'a:bodyPr',
      { wrap: o.nowrap ? 'none' : 'square', lIns: emu(l), tIns: emu(t), rIns: emu(r), bIns: emu(b), anchor: o.anchor ?? 't', rtlCol: 0 },
      o.shrink ? el('a:normAutofit') : el('a:noAutofit'),
    );
  }

  private txBody(paras: readonly Para[], o: TextOptions, tag = 'p:txBody'): string {
    return el(tag, {}, this.bodyPr(o), '<a:lstStyle/>', paras.map((p) => paragraph(p, this.tc)).join(''));
  }

  private fill(color: string | undefined): string {
    return color ? el('a:solidFill', {}, el('a:srgbClr', { val: color })) : el('a:noFill');
  }

  /** A placeholder of the layout (the title, the body), at `box`, with these paragraphs. */
  placeholder(ph: Placeholder, box: Box, paras: readonly Para[], o: TextOptions = {}): void {
    const id = this.id();
    const name = ph.type === 'title' || ph.type === 'ctrTitle' ? 'Title' : ph.type === 'subTitle' ? 'Subtitle' : 'Content';
    this.shapes.push(
      el(
        'p:sp',
        {},
        el(
          'p:nvSpPr',
          {},
          el('p:cNvPr', { id, name: `${name} ${id - 1}` }),
          el('p:cNvSpPr', {}, el('a:spLocks', { noGrp: 1 })),
          el('p:nvPr', {}, el('p:ph', 'idx' in ph ? { type: ph.type, idx: ph.idx } : { type: ph.type })),
        ),
        el('p:spPr', {}, this.xfrm(box)),
        this.txBody(paras, o),
      ),
    );
  }

  /** A text box, or a shape with text (a card, a chip) when it has a fill. */
  text(name: string, box: Box, paras: readonly Para[], o: TextOptions = {}): void {
    const id = this.id();
    this.shapes.push(
      el(
        'p:sp',
        {},
        el('p:nvSpPr', {}, el('p:cNvPr', { id, name: `${name} ${id - 1}` }), el('p:cNvSpPr', o.fill ? {} : { txBox: 1 }), el('p:nvPr')),
        el('p:spPr', {}, this.xfrm(box), el('a:prstGeom', { prst: o.geometry ?? 'rect' }, '<a:avLst/>'), this.fill(o.fill), el('a:ln', {}, el('a:noFill'))),
        this.txBody(paras, o),
      ),
    );
  }

  /** A filled rectangle: a rule, a band, a card's edge. */
  rect(name: string, box: Box, color: string): void {
    const id = this.id();
    this.shapes.push(
      el(
        'p:sp',
        {},
        el('p:nvSpPr', {}, el('p:cNvPr', { id, name: `${name} ${id - 1}` }), el('p:cNvSpPr'), el('p:nvPr')),
        el('p:spPr', {}, this.xfrm(box), el('a:prstGeom', { prst: 'rect' }, '<a:avLst/>'), this.fill(color), el('a:ln', {}, el('a:noFill'))),
      ),
    );
  }

  /** A picture (a logo), described by its alt text. */
  picture(box: Box, bytes: Uint8Array, ext: string, alt: string): void {
    const id = this.id();
    const rid = this.rel('image', `../media/${this.media(bytes, ext)}`);
    this.shapes.push(
      el(
        'p:pic',
        {},
        el(
          'p:nvPicPr',
          {},
          el('p:cNvPr', { id, name: `Picture ${id - 1}`, descr: alt }),
          el('p:cNvPicPr', {}, el('a:picLocks', { noChangeAspect: 1 })),
          el('p:nvPr'),
        ),
        el('p:blipFill', {}, el('a:blip', { 'r:embed': rid }), el('a:stretch', {}, el('a:fillRect'))),
        el('p:spPr', {}, this.xfrm(box), el('a:prstGeom', { prst: 'rect' }, '<a:avLst/>')),
      ),
    );
  }

  /**
   * A table: `columns` widths in px from the inline start, rows `rowHeight` px high, each cell's text with
   * `pad` px at each inline side. A right-to-left table is written in its physical order, its first column
   * last: LibreOffice (7.4) lays out `<a:tblPr rtl="1">` from the left, PowerPoint from the right, and
   * both lay out columns written from the left alike.
   */
  table(box: Box, columns: readonly number[], rows: readonly Cell[][], rowHeight: number, pad: [number, number]): void {
    const id = this.id();
    const [side, block] = pad;
    const cell = (c: Cell) => {
      const none = (tag: string) => el(tag, { w: 0 }, el('a:noFill'));
      const below = c.rule ? el('a:lnB', { w: 9525, cmpd: 'sng' }, el('a:solidFill', {}, el('a:srgbClr', { val: c.rule }))) : none('a:lnB');
      return el(
        'a:tc',
        {},
        this.txBody(c.paras, {}, 'a:txBody'),
        el(
          'a:tcPr',
          { marL: emu(side), marR: emu(side), marT: emu(block), marB: emu(block), anchor: 'ctr' },
          none('a:lnL'),
          none('a:lnR'),
          none('a:lnT'),
          below,
          el('a:noFill'),
        ),
      );
    };
    const physical = <T>(list: readonly T[]): T[] => (this.tc.dir === 'rtl' ? [...list].reverse() : [...list]);
    const tbl = el(
      'a:tbl',
      {},
      el('a:tblPr', { firstRow: 1 }),
      el(
        'a:tblGrid',
        {},
        physical(columns)
          .map((w) => el('a:gridCol', { w: emu(w) }))
          .join(''),
      ),
      rows.map((r) => el('a:tr', { h: emu(rowHeight) }, physical(r).map(cell).join(''))).join(''),
    );
    this.shapes.push(
      el(
        'p:graphicFrame',
        {},
        el(
          'p:nvGraphicFramePr',
          {},
          el('p:cNvPr', { id, name: `Table ${id - 1}` }),
          el('p:cNvGraphicFramePr', {}, el('a:graphicFrameLocks', { noGrp: 1 })),
          el('p:nvPr'),
        ),
        this.xfrm(box, 'p:xfrm'),
        el('a:graphic', {}, el('a:graphicData', { uri: 'http://schemas.openxmlformats.org/drawingml/2006/table' }, tbl)),
      ),
    );
  }

  /** The shapes, in the order drawn (the first at the back). */
  tree(): string {
    return this.shapes.join('');
  }
}
