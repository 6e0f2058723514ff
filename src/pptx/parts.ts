/**
 * The parts of a PowerPoint package that are the same for every deck but for its language and direction:
 * the theme (the bundled font for every script), the slide master and its two layouts (a title slide, a
 * title and content), the notes master, the presentation's properties. Written as PowerPoint writes them,
 * with only what a presentation needs.
 */
import { emu, FONT, pt100, SLIDE_EMU, TYPE } from './look.js';
import { LOCALE, type TextContext } from './text.js';
import { el, esc as escText, NS, PML_NS, XML_HEAD } from './xml.js';

export const CT = {
  presentation: 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
  slide: 'application/vnd.openxmlformats-officedocument.presentationml.slide+xml',
  layout: 'application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml',
  master: 'application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml',
  notesMaster: 'application/vnd.openxmlformats-officedocument.presentationml.notesMaster+xml',
  notesSlide: 'application/vnd.openxmlformats-officedocument.presentationml.notesSlide+xml',
  theme: 'application/vnd.openxmlformats-officedocument.theme+xml',
  presProps: 'application/vnd.openxmlformats-officedocument.presentationml.presProps+xml',
  viewProps: 'application/vnd.openxmlformats-officedocument.presentationml.viewProps+xml',
  tableStyles: 'application/vnd.openxmlformats-officedocument.presentationml.tableStyles+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
} as const;

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL_TYPE = {
  officeDocument: `${REL}/officeDocument`,
  core: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  app: `${REL}/extended-properties`,
  slideMaster: `${REL}/slideMaster`,
  slide: `${REL}/slide`,
  notesMaster: `${REL}/notesMaster`,
  notesSlide: `${REL}/notesSlide`,
  slideLayout: `${REL}/slideLayout`,
  theme: `${REL}/theme`,
  presProps: `${REL}/presProps`,
  viewProps: `${REL}/viewProps`,
  tableStyles: `${REL}/tableStyles`,
  image: `${REL}/image`,
  hyperlink: `${REL}/hyperlink`,
} as const;

export interface Relationship {
  id: string;
  type: keyof typeof REL_TYPE;
  target: string;
  external?: boolean;
}

export function relationships(rels: readonly Relationship[]): string {
  return (
    XML_HEAD +
    el(
      'Relationships',
      { xmlns: 'http://schemas.openxmlformats.org/package/2006/relationships' },
      rels.map((r) => el('Relationship', { Id: r.id, Type: REL_TYPE[r.type], Target: r.target, TargetMode: r.external ? 'External' : undefined })).join(''),
    )
  );
}

export function contentTypes(overrides: readonly { part: string; type: string }[]): string {
  return (
    XML_HEAD +
    el(
      'Types',
      { xmlns: 'http://schemas.openxmlformats.org/package/2006/content-types' },
      el('Default', { Extension: 'rels', ContentType: 'application/vnd.openxmlformats-package.relationships+xml' }),
      el('Default', { Extension: 'xml', ContentType: 'application/xml' }),
      el('Default', { Extension: 'png', ContentType: 'image/png' }),
      el('Default', { Extension: 'jpeg', ContentType: 'image/jpeg' }),
      el('Default', { Extension: 'webp', ContentType: 'image/webp' }),
      overrides.map((o) => el('Override', { PartName: `/${o.part}`, ContentType: o.type })).join(''),
    )
  );
}

const srgb = (val: string) => el('a:srgbClr', { val });
const solid = (val: string) => el('a:solidFill', {}, srgb(val));

/** A theme whose fonts are the bundled one for Latin, East Asian, complex scripts and Arabic script. */
export function theme(name: string, tc: TextContext): string {
  const fonts = (tag: string) =>
    el(
      tag,
      {},
      el('a:latin', { typeface: FONT }),
      el('a:ea', { typeface: FONT }),
      el('a:cs', { typeface: FONT }),
      el('a:font', { script: 'Arab', typeface: FONT }),
    );
  const line = (w: number) =>
    el('a:ln', { w, cap: 'flat', cmpd: 'sng', algn: 'ctr' }, el('a:solidFill', {}, el('a:schemeClr', { val: 'phClr' })), el('a:prstDash', { val: 'solid' }));
  const phFill = el('a:solidFill', {}, el('a:schemeClr', { val: 'phClr' }));
  return (
    XML_HEAD +
    el(
      'a:theme',
      { 'xmlns:a': NS.a, name },
      el(
        'a:themeElements',
        {},
        el(
          'a:clrScheme',
          { name: 'mujaz' },
          el('a:dk1', {}, srgb(tc.color.ink)),
          el('a:lt1', {}, srgb(tc.color.paper)),
          el('a:dk2', {}, srgb(tc.color.navy)),
          el('a:lt2', {}, srgb(tc.color.band)),
          el('a:accent1', {}, srgb(tc.color.navy)),
          el('a:accent2', {}, srgb(tc.color.accent)),
          el('a:accent3', {}, srgb(tc.color.muted)),
          el('a:accent4', {}, srgb(tc.color.rule)),
          el('a:accent5', {}, srgb(tc.color.accentSoft)),
          el('a:accent6', {}, srgb(tc.color.band)),
          el('a:hlink', {}, srgb(tc.color.navy)),
          el('a:folHlink', {}, srgb(tc.color.muted)),
        ),
        el('a:fontScheme', { name: 'mujaz' }, fonts('a:majorFont'), fonts('a:minorFont')),
        el(
          'a:fmtScheme',
          { name: 'mujaz' },
          el('a:fillStyleLst', {}, phFill, phFill, phFill),
          el('a:lnStyleLst', {}, line(6350), line(12700), line(19050)),
          el('a:effectStyleLst', {}, ...[1, 2, 3].map(() => el('a:effectStyle', {}, '<a:effectLst/>'))),
          el('a:bgFillStyleLst', {}, phFill, phFill, phFill),
        ),
      ),
      '<a:objectDefaults/><a:extraClrSchemeLst/>',
    )
  );
}

const CLR_MAP = {
  bg1: 'lt1',
  tx1: 'dk1',
  bg2: 'lt2',
  tx2: 'dk2',
  accent1: 'accent1',
  accent2: 'accent2',
  accent3: 'accent3',
  accent4: 'accent4',
  accent5: 'accent5',
  accent6: 'accent6',
  hlink: 'hlink',
  folHlink: 'folHlink',
};

/** A level's paragraph properties: the deck's direction and alignment, the bundled font, a size and colour. */
function level(tc: TextContext, size: number, color: string, bold = false, tag = 'a:lvl1pPr'): string {
  return el(
    tag,
    { marL: 0, indent: 0, algn: tc.dir === 'rtl' ? 'r' : 'l', rtl: tc.dir === 'rtl' ? 1 : 0 },
    el('a:buNone'),
    el(
      'a:defRPr',
      { lang: LOCALE[tc.lang], sz: pt100(size), b: bold ? 1 : undefined },
      solid(color),
      el('a:latin', { typeface: FONT }),
      el('a:ea', { typeface: FONT }),
      el('a:cs', { typeface: FONT }),
    ),
  );
}

const GROUP =
  '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>';
export const SHAPE_TREE_GROUP = GROUP;

function phShape(id: number, name: string, ph: Record<string, string | number>, box: [number, number, number, number], tc: TextContext): string {
  const [x, y, w, h] = box;
  return el(
    'p:sp',
    {},
    el('p:nvSpPr', {}, el('p:cNvPr', { id, name }), el('p:cNvSpPr', {}, el('a:spLocks', { noGrp: 1 })), el('p:nvPr', {}, el('p:ph', ph))),
    el('p:spPr', {}, el('a:xfrm', {}, el('a:off', { x: emu(x), y: emu(y) }), el('a:ext', { cx: emu(w), cy: emu(h) }))),
    el('p:txBody', {}, el('a:bodyPr', { lIns: 0, tIns: 0, rIns: 0, bIns: 0 }), '<a:lstStyle/>', `<a:p>${el('a:endParaRPr', { lang: LOCALE[tc.lang] })}</a:p>`),
  );
}

const TITLE_BOX: [number, number, number, number] = [64, 44, 1152, 54];
const BODY_BOX: [number, number, number, number] = [64, 139, 1152, 521];

export function slideMaster(tc: TextContext): string {
  return (
    XML_HEAD +
    el(
      'p:sldMaster',
      PML_NS,
      el(
        'p:cSld',
        {},
        el('p:bg', {}, el('p:bgPr', {}, solid(tc.color.paper), '<a:effectLst/>')),
        el('p:spTree', {}, GROUP, phShape(2, 'Title', { type: 'title' }, TITLE_BOX, tc), phShape(3, 'Content', { type: 'body', idx: 1 }, BODY_BOX, tc)),
      ),
      el('p:clrMap', CLR_MAP),
      el('p:sldLayoutIdLst', {}, el('p:sldLayoutId', { id: 2147483649, 'r:id': 'rId1' }), el('p:sldLayoutId', { id: 2147483650, 'r:id': 'rId2' })),
      el(
        'p:txStyles',
        {},
        el('p:titleStyle', {}, level(tc, TYPE.h2, tc.color.navy, true)),
        el('p:bodyStyle', {}, level(tc, TYPE.body, tc.color.ink)),
        el('p:otherStyle', {}, level(tc, TYPE.body, tc.color.ink)),
      ),
    )
  );
}

/** The two layouts: a title slide (its title centred in the deck's sense), and a title with content. */
export function slideLayout(kind: 'title' | 'content', tc: TextContext): string {
  const shapes =
    kind === 'title'
      ? phShape(2, 'Title', { type: 'ctrTitle' }, [64, 250, 1152, 140], tc) + phShape(3, 'Subtitle', { type: 'subTitle', idx: 1 }, [64, 400, 1152, 60], tc)
      : phShape(2, 'Title', { type: 'title' }, TITLE_BOX, tc) + phShape(3, 'Content', { type: 'body', idx: 1 }, BODY_BOX, tc);
  return (
    XML_HEAD +
    el(
      'p:sldLayout',
      { ...PML_NS, type: kind === 'title' ? 'title' : 'obj', preserve: 1 },
      el('p:cSld', { name: kind === 'title' ? 'Title Slide' : 'Title and Content' }, el('p:spTree', {}, GROUP, shapes)),
      el('p:clrMapOvr', {}, '<a:masterClrMapping/>'),
    )
  );
}

/** The notes page: the slide's picture above, the notes below, in the deck's direction. */
export function notesMaster(tc: TextContext): string {
  return (
    XML_HEAD +
    el(
      'p:notesMaster',
      PML_NS,
      el(
        'p:cSld',
        {},
        el('p:bg', {}, el('p:bgPr', {}, solid(tc.color.paper), '<a:effectLst/>')),
        el(
          'p:spTree',
          {},
          GROUP,
          phShape(2, 'Slide Image', { type: 'sldImg', idx: 2 }, [72, 72, 576, 324], tc),
          phShape(3, 'Notes', { type: 'body', idx: 3 }, [72, 432, 576, 456], tc),
        ),
      ),
      el('p:clrMap', CLR_MAP),
      el('p:notesStyle', {}, level(tc, TYPE.notes, tc.color.ink)),
    )
  );
}

export const NOTES_SIZE = { cx: emu(720), cy: emu(960) } as const;

export function presentation(slides: number, notes: boolean, tc: TextContext): string {
  return (
    XML_HEAD +
    el(
      'p:presentation',
      { ...PML_NS, saveSubsetFonts: 1, rtl: tc.dir === 'rtl' ? 1 : undefined },
      el('p:sldMasterIdLst', {}, el('p:sldMasterId', { id: 2147483648, 'r:id': 'rId1' })),
      notes ? el('p:notesMasterIdLst', {}, el('p:notesMasterId', { 'r:id': 'rId2' })) : undefined,
      el('p:sldIdLst', {}, Array.from({ length: slides }, (_, i) => el('p:sldId', { id: 256 + i, 'r:id': `rId${10 + i}` })).join('')),
      el('p:sldSz', { cx: SLIDE_EMU.cx, cy: SLIDE_EMU.cy }),
      el('p:notesSz', { cx: NOTES_SIZE.cx, cy: NOTES_SIZE.cy }),
      el('p:defaultTextStyle', {}, level(tc, TYPE.body, tc.color.ink)),
    )
  );
}

export const PRES_PROPS = XML_HEAD + el('p:presentationPr', PML_NS);
export const VIEW_PROPS = XML_HEAD + el('p:viewPr', PML_NS, el('p:normalViewPr', {}, el('p:restoredLeft', { sz: 15620 }), el('p:restoredTop', { sz: 80000 })));
export const TABLE_STYLES = XML_HEAD + el('a:tblStyleLst', { 'xmlns:a': NS.a, def: '{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}' });

export interface CoreProperties {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  lang: string;
  /** ISO date (YYYY-MM-DD). */
  created: string;
}

export function coreProperties(p: CoreProperties): string {
  const when = `${p.created}T00:00:00Z`;
  return (
    XML_HEAD +
    el(
      'cp:coreProperties',
      {
        'xmlns:cp': 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties',
        'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
        'xmlns:dcterms': 'http://purl.org/dc/terms/',
        'xmlns:dcmitype': 'http://purl.org/dc/dcmitype/',
        'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      },
      el('dc:title', {}, escText(p.title)),
      el('dc:subject', {}, escText(p.subject)),
      el('dc:creator', {}, escText(p.author)),
      el('cp:keywords', {}, escText(p.keywords.join(', '))),
      el('dc:language', {}, escText(p.lang)),
      el('cp:lastModifiedBy', {}, escText(p.author)),
      el('dcterms:created', { 'xsi:type': 'dcterms:W3CDTF' }, when),
      el('dcterms:modified', { 'xsi:type': 'dcterms:W3CDTF' }, when),
    )
  );
}

export function appProperties(slides: number, notes: number): string {
  return (
    XML_HEAD +
    el(
      'Properties',
      {
        xmlns: 'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties',
        'xmlns:vt': 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes',
      },
      el('Application', {}, 'mujaz'),
      el('PresentationFormat', {}, 'Widescreen'),
      el('Slides', {}, String(slides)),
      el('Notes', {}, String(notes)),
    )
  );
}
