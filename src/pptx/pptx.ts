/**
 * The PowerPoint stage: a fitted Deck → the bytes of an editable .pptx, one PowerPoint slide per deck slide
 * (continuations included), 16:9, with real text in the deck's direction and languages, the speaker notes
 * as PowerPoint notes, and the brief's title, author, subject and keywords as the file's properties. No
 * library writes right-to-left PowerPoint correctly (README, Dependencies), so the OOXML is written here and
 * zipped with fflate, every entry stamped with the deck's date, in a fixed order: the same brief gives the
 * same bytes.
 */
import { zipSync, type Zippable } from 'fflate';
import type { Deck } from '../deck/model.js';
import { notesOnce } from '../deck/notes.js';
import type { Rich } from '../deck/text.js';
import { paletteOf, TYPE } from './look.js';
import { type LogoImage, Page } from './page.js';
import {
  appProperties,
  CT,
  contentTypes,
  coreProperties,
  notesMaster,
  PRES_PROPS,
  presentation,
  type Relationship,
  relationships,
  SHAPE_TREE_GROUP,
  slideLayout,
  slideMaster,
  TABLE_STYLES,
  theme,
  VIEW_PROPS,
} from './parts.js';
import { SlideShapes } from './shapes.js';
import { LOCALE, type Para, paragraph, spans, type TextContext } from './text.js';
import { writeSlide } from './writers/index.js';
import { el, PML_NS, XML_HEAD } from './xml.js';

export type { LogoImage } from './page.js';

export interface PptxOptions {
  /** The title slide's logos, by their path in the deck's folder (TitleBody's `src`). */
  logos?: ReadonlyMap<string, LogoImage>;
}

/** The notes page of a slide: its picture, and its notes in the deck's direction. */
function notesSlide(notes: readonly Rich[], tc: TextContext): string {
  const size = TYPE.notes;
  const paras: Para[] = notes.map((n) => ({
    spans: spans(n, { size, color: tc.color.ink }, tc.dir),
    style: { line: size * TYPE.line, after: 6 },
  }));
  const ph = (id: number, name: string, type: string, idx?: number) =>
    el(
      'p:nvSpPr',
      {},
      el('p:cNvPr', { id, name }),
      el('p:cNvSpPr', {}, el('a:spLocks', { noGrp: 1, noRot: 1, noChangeAspect: type === 'sldImg' ? 1 : undefined })),
      el('p:nvPr', {}, el('p:ph', { type, idx })),
    );
  return (
    XML_HEAD +
    el(
      'p:notes',
      PML_NS,
      el(
        'p:cSld',
        {},
        el(
          'p:spTree',
          {},
          SHAPE_TREE_GROUP,
          el('p:sp', {}, ph(2, 'Slide Image 1', 'sldImg'), '<p:spPr/>'),
          el('p:sp', {}, ph(3, 'Notes 2', 'body', 1), '<p:spPr/>', el('p:txBody', {}, '<a:bodyPr/><a:lstStyle/>', paras.map((p) => paragraph(p, tc)).join(''))),
        ),
      ),
      el('p:clrMapOvr', {}, '<a:masterClrMapping/>'),
    )
  );
}

function slideXml(tree: string): string {
  return XML_HEAD + el('p:sld', PML_NS, el('p:cSld', {}, el('p:spTree', {}, SHAPE_TREE_GROUP, tree)), el('p:clrMapOvr', {}, '<a:masterClrMapping/>'));
}

/** The deck's date as the zip's timestamps (DOS time has no zone: the same fields everywhere). */
function zipDate(created: string): Date {
  const [y = 2000, m = 1, d = 1] = created.split('-').map(Number);
  return new Date(Math.max(1980, Math.min(2107, y)), m - 1, d, 0, 0, 0);
}

export function writePptx(deck: Deck, options: PptxOptions = {}): Uint8Array {
  const tc: TextContext = { lang: deck.lang, dir: deck.dir, color: paletteOf(deck) };
  /** Every part, in the zip's order, with its content type when it is not one of the defaults. */
  const parts: { part: string; content: string | Uint8Array; type?: string }[] = [];
  const add = (part: string, content: string | Uint8Array, type?: string) => parts.push({ part, content, ...(type ? { type } : {}) });

  const media: [string, Uint8Array][] = [];
  const mediaNames = new Map<Uint8Array, string>();
  const store = (bytes: Uint8Array, ext: string) => {
    let name = mediaNames.get(bytes);
    if (!name) {
      name = `image${media.length + 1}.${ext}`;
      mediaNames.set(bytes, name);
      media.push([name, bytes]);
    }
    return name;
  };

  // The slides first: they say how many have notes, and which pictures the package holds.
  const slides: typeof parts = [];
  let withNotes = 0;
  // Each slide's notes once, where they first come (../deck/notes.ts).
  const notesOf = notesOnce(deck.slides);
  deck.slides.forEach((slide, i) => {
    const notes = notesOf[i]!;
    const n = i + 1;
    const shapes = new SlideShapes(tc, store);
    shapes.rel('slideLayout', `../slideLayouts/slideLayout${slide.kind === 'title' ? 1 : 2}.xml`);
    writeSlide(slide, new Page(shapes, deck, slide, (src) => options.logos?.get(src)));
    const rels: Relationship[] = [...shapes.rels];
    if (notes.length > 0) {
      withNotes++;
      rels.push({ id: `rId${rels.length + 1}`, type: 'notesSlide', target: `../notesSlides/notesSlide${n}.xml` });
    }
    slides.push({ part: `ppt/slides/slide${n}.xml`, content: slideXml(shapes.tree()), type: CT.slide });
    slides.push({ part: `ppt/slides/_rels/slide${n}.xml.rels`, content: relationships(rels) });
    if (notes.length > 0) {
      slides.push({ part: `ppt/notesSlides/notesSlide${n}.xml`, content: notesSlide(notes, tc), type: CT.notesSlide });
      slides.push({
        part: `ppt/notesSlides/_rels/notesSlide${n}.xml.rels`,
        content: relationships([
          { id: 'rId1', type: 'notesMaster', target: '../notesMasters/notesMaster1.xml' },
          { id: 'rId2', type: 'slide', target: `../slides/slide${n}.xml` },
        ]),
      });
    }
  });

  add(
    '_rels/.rels',
    relationships([
      { id: 'rId1', type: 'officeDocument', target: 'ppt/presentation.xml' },
      { id: 'rId2', type: 'core', target: 'docProps/core.xml' },
      { id: 'rId3', type: 'app', target: 'docProps/app.xml' },
    ]),
  );
  add(
    'docProps/core.xml',
    coreProperties({
      title: deck.title,
      author: deck.author,
      subject: deck.description,
      keywords: deck.keywords,
      lang: LOCALE[deck.lang],
      created: deck.created,
    }),
    CT.core,
  );
  add('docProps/app.xml', appProperties(deck.slides.length, withNotes), CT.app);
  add('ppt/presentation.xml', presentation(deck.slides.length, true, tc), CT.presentation);
  add(
    'ppt/_rels/presentation.xml.rels',
    relationships([
      { id: 'rId1', type: 'slideMaster', target: 'slideMasters/slideMaster1.xml' },
      { id: 'rId2', type: 'notesMaster', target: 'notesMasters/notesMaster1.xml' },
      { id: 'rId3', type: 'theme', target: 'theme/theme1.xml' },
      { id: 'rId4', type: 'presProps', target: 'presProps.xml' },
      { id: 'rId5', type: 'viewProps', target: 'viewProps.xml' },
      { id: 'rId6', type: 'tableStyles', target: 'tableStyles.xml' },
      ...deck.slides.map((_, i) => ({ id: `rId${10 + i}`, type: 'slide' as const, target: `slides/slide${i + 1}.xml` })),
    ]),
  );
  parts.push(...slides);
  add('ppt/slideMasters/slideMaster1.xml', slideMaster(tc), CT.master);
  add(
    'ppt/slideMasters/_rels/slideMaster1.xml.rels',
    relationships([
      { id: 'rId1', type: 'slideLayout', target: '../slideLayouts/slideLayout1.xml' },
      { id: 'rId2', type: 'slideLayout', target: '../slideLayouts/slideLayout2.xml' },
      { id: 'rId3', type: 'theme', target: '../theme/theme1.xml' },
    ]),
  );
  for (const [n, kind] of [
    [1, 'title'],
    [2, 'content'],
  ] as const) {
    add(`ppt/slideLayouts/slideLayout${n}.xml`, slideLayout(kind, tc), CT.layout);
    add(`ppt/slideLayouts/_rels/slideLayout${n}.xml.rels`, relationships([{ id: 'rId1', type: 'slideMaster', target: '../slideMasters/slideMaster1.xml' }]));
  }
  add('ppt/notesMasters/notesMaster1.xml', notesMaster(tc), CT.notesMaster);
  add('ppt/notesMasters/_rels/notesMaster1.xml.rels', relationships([{ id: 'rId1', type: 'theme', target: '../theme/theme2.xml' }]));
  add('ppt/theme/theme1.xml', theme('mujaz', tc), CT.theme);
  add('ppt/theme/theme2.xml', theme('mujaz notes', tc), CT.theme);
  add('ppt/presProps.xml', PRES_PROPS, CT.presProps);
  add('ppt/viewProps.xml', VIEW_PROPS, CT.viewProps);
  add('ppt/tableStyles.xml', TABLE_STYLES, CT.tableStyles);
  for (const [name, bytes] of media) add(`ppt/media/${name}`, bytes);

  const encoder = new TextEncoder();
  const mtime = zipDate(deck.created);
  const files: Zippable = {};
  const types = contentTypes(parts.flatMap((p) => (p.type ? [{ part: p.part, type: p.type }] : [])));
  for (const { part, content } of [{ part: '[Content_Types].xml', content: types }, ...parts]) {
    // Text is deflated; pictures are already compressed, and stored as they are.
    files[part] = typeof content === 'string' ? [encoder.encode(content), { mtime, level: 6 }] : [content, { mtime, level: 0 }];
  }
  return zipSync(files, { mtime });
}
