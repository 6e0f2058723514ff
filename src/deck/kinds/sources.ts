/**
 * The sources, on one slide: the report, its link, a compact map of the slides before it to the paragraphs
 * each cites (by the slide's number), and the report's gaps. Each item's own citation is on its slide, and
 * the handout quotes every paragraph a slide cites; this slide only says where to look.
 */
import { BODY_LINES } from '../split.js';
import { firstSentence, type Rich } from '../text.js';
import type { Item } from '../view.js';
import { defineKind, gapLines } from './kind.js';

export interface SourceEntry {
  /** The slide's number, or its slides' («٥، ٦») for a group that continues. */
  slide: string;
  paragraphs: string;
}

export interface SourcesBody {
  report: Rich;
  /** The report's address, and as it reads (an address of Arabic words shown in Arabic, not percent-encoded). */
  url: { href: string; text: string } | null;
  entries: SourceEntry[];
  gaps: Item[];
  /** The notes on the report's gaps by their first sentence, in one list (the whole of each in the speaker notes). */
  shortened: boolean;
}

/** A shortened note is cut at a word before this many characters. */
const SHORT_NOTE = 130;

/** A note on the report by its opening: its first sentence, at most SHORT_NOTE characters, and whether it is whole. */
function opening(note: string, lang: string): { text: string; whole: boolean } {
  const first = firstSentence(note, lang);
  if (first.text.length <= SHORT_NOTE) return first;
  const cut = first.text.slice(0, SHORT_NOTE);
  return { text: cut.slice(0, Math.max(cut.lastIndexOf(' '), SHORT_NOTE / 2)).replace(/[\s،,;؛:]+$/u, ''), whole: false };
}

/**
 * An address as a reader reads it: percent-escapes of words decoded (and Arabic presentation forms, which
 * some sites put in their addresses and the bundled fonts do not draw, written as plain letters), unless
 * that would not read as one address.
 */
function readable(url: string): string {
  try {
    const text = decodeURI(url).normalize('NFKC');
    return /[\s<>"]/.test(text) ? url : text;
  } catch {
    return url;
  }
}

/** An entry of the map: the map flows in columns of small type (templates/theme/mujaz.css .source-map). */
const MAP_COLUMNS = 4;
const ENTRY_LINES = 0.84 / MAP_COLUMNS;
/** The report's line, its link and the map's caption. */
const HEAD_LINES = 2.2;
/** A shortened note: a line of small type in a list. */
const SHORT_GAP_LINES = 0.75;
/** What the slide holds set a step smaller, in lines of body type (src/deck/build-deck.ts SMALLER_GAIN). */
const SMALLER_ROOM = BODY_LINES * 1.3;

export const sources = defineKind<SourcesBody>()({
  kind: 'sources',
  reads: ['source', 'sources_notes'],
  scaffold: 'sources',
  labels: {
    ar: {
      sources: 'المصادر',
      report: 'التقرير',
      citedParagraphs: 'الفقرات التي تستشهد بها كل شريحة',
      slide: 'الشريحة',
      reportGaps: 'ملاحظات على التقرير (نصها كاملًا في ملاحظات المتحدث)',
    },
    en: {
      sources: 'Sources',
      report: 'Report',
      citedParagraphs: 'The paragraphs each slide cites',
      slide: 'Slide',
      reportGaps: 'Notes on the report (in full in the speaker notes)',
    },
  },
  slides(ctx) {
    const { brief, labels: L } = ctx;
    const planned = ctx.planned();
    // Each slide group that cites the report, by its slides' numbers (the sources slide comes after them all).
    const rows: { slide: string; sources: number[] }[] = [];
    const seen = new Set<string>();
    planned.forEach((d) => {
      if (seen.has(d.group)) return;
      seen.add(d.group);
      const slides = planned.flatMap((x, j) => (x.group === d.group ? [j + 1] : []));
      const cited = [...new Set(planned.filter((x) => x.group === d.group).flatMap((x) => x.sources))].sort((a, b) => a - b);
      if (cited.length === 0) return;
      rows.push({ slide: slides.map((n) => ctx.nf.format(n)).join(L.listSeparator), sources: cited });
    });
    // The notes on the report's gaps; when they would take the slide over, each by its first sentence, and
    // the whole of each in the speaker notes (and so in the handout).
    const written = brief.source.gaps ?? [];
    const whole = ctx.gaps();
    const mapLines = rows.length * ENTRY_LINES + HEAD_LINES;
    const shorten = ctx.shortened('sources') || mapLines + gapLines(whole) > SMALLER_ROOM;
    const firsts = shorten ? written.map((g) => opening(g.note, brief.lang)) : [];
    const gaps = shorten ? whole.map((g, i) => (firsts[i]!.whole ? g : { ...g, text: ctx.rich(`${firsts[i]!.text} …`) })) : whole;
    const cut = written.filter((_g, i) => firsts[i]?.whole === false);
    const notes = [brief.sources_notes, ...cut.map((g) => `${L.reportGap}: ${g.note}`)].filter((n) => n !== undefined).join('\n\n') || undefined;
    // The map's entries, then the notes on the report's gaps.
    type Entry = { row: SourceEntry } | { gap: Item; i: number };
    const entries: Entry[] = [
      ...rows.map((r) => ({ row: { slide: r.slide, paragraphs: ctx.nf.list(r.sources, L.listSeparator) } })),
      ...gaps.map((gap, i) => ({ gap, i })),
    ];
    ctx.add({
      group: 'sources',
      title: brief.sources_heading ?? L.sources,
      notes,
      sources: [],
      list: entries,
      weight: (e) => ('row' in e ? ENTRY_LINES : shorten ? SHORT_GAP_LINES : gapLines([e.gap])),
      origins: (e) => ('gap' in e ? [['source', 'gaps', e.i, 'note']] : []),
      reserved: 0,
      repeated: HEAD_LINES,
      oneSlide: true,
      body: (chunk, first) => ({
        report: ctx.rich(brief.source.title),
        url: first && brief.source.url ? { href: brief.source.url, text: readable(brief.source.url) } : null,
        entries: chunk.flatMap((e) => ('row' in e ? [e.row] : [])),
        gaps: chunk.flatMap((e) => ('gap' in e ? [e.gap] : [])),
        shortened: shorten,
      }),
    });
  },
  notes: (brief) => [{ path: [], notes: brief.sources_notes, name: 'the sources slide (sources_notes)' }],
});
