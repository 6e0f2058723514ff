/** The sources: the report, its link, and for each slide before it the paragraphs it cites. */
import type { Rich } from '../text.js';
import type { Item } from '../view.js';
import { defineKind, gapLines } from './kind.js';

export interface SourceEntry {
  slide: Rich;
  paragraphs: string;
}

export interface SourcesBody {
  report: Rich;
  /** The report's address, and as it reads (an address of Arabic words shown in Arabic, not percent-encoded). */
  url: { href: string; text: string } | null;
  entries: SourceEntry[];
  gaps: Item[];
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

/** A row of the table. */
const ROW_LINES = 0.84;
/** The report's line, its link and the table's head. */
const HEAD_LINES = 2.2;

export const sources = defineKind<SourcesBody>()({
  kind: 'sources',
  reads: ['source', 'sources_notes'],
  scaffold: 'sources',
  labels: {
    ar: { sources: 'المصادر', report: 'التقرير', citedParagraphs: 'الفقرات المستشهد بها', slide: 'الشريحة' },
    en: { sources: 'Sources', report: 'Report', citedParagraphs: 'Paragraphs cited', slide: 'Slide' },
  },
  slides(ctx) {
    const { brief, labels: L } = ctx;
    const gaps = ctx.gaps();
    const planned = ctx.planned();
    // Consecutive slides with the same title (a speaker's several message groups) share one row.
    const rows: { title: string; rich: Rich; sources: number[] }[] = [];
    for (const d of planned.filter((p) => p.sources.length > 0 && p.part === 1)) {
      const all = planned.filter((x) => x.group === d.group).flatMap((x) => x.sources);
      const last = rows[rows.length - 1];
      if (last && last.title === d.titleText) last.sources.push(...all);
      else rows.push({ title: d.titleText, rich: d.title, sources: all });
    }
    // The table's rows, then the notes on the report's gaps: either continues on a further slide.
    type Entry = { row: SourceEntry } | { gap: Item; i: number };
    const entries: Entry[] = [
      ...rows.map((r) => ({ row: { slide: r.rich, paragraphs: ctx.nf.list(r.sources, L.listSeparator) } })),
      ...gaps.map((gap, i) => ({ gap, i })),
    ];
    ctx.add({
      group: 'sources',
      title: brief.sources_heading ?? L.sources,
      notes: brief.sources_notes,
      sources: [],
      list: entries,
      weight: (e) => ('row' in e ? ROW_LINES : gapLines([e.gap])),
      origins: (e) => ('gap' in e ? [['source', 'gaps', e.i, 'note']] : []),
      reserved: 0,
      repeated: HEAD_LINES,
      body: (chunk, first) => ({
        report: ctx.rich(brief.source.title),
        url: first && brief.source.url ? { href: brief.source.url, text: readable(brief.source.url) } : null,
        entries: chunk.flatMap((e) => ('row' in e ? [e.row] : [])),
        gaps: chunk.flatMap((e) => ('gap' in e ? [e.gap] : [])),
      }),
    });
  },
  notes: (brief) => [{ path: [], notes: brief.sources_notes, name: 'the sources slide (sources_notes)' }],
});
