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
  url: string | null;
  entries: SourceEntry[];
  gaps: Item[];
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
    ctx.add({
      group: 'sources',
      title: L.sources,
      notes: brief.sources_notes,
      sources: [],
      list: rows.map((r) => ({ slide: r.rich, paragraphs: ctx.nf.list(r.sources, L.listSeparator) })),
      weight: () => ROW_LINES,
      reserved: HEAD_LINES + gapLines(gaps),
      body: (chunk, first) => ({
        report: ctx.rich(brief.source.title),
        url: first ? (brief.source.url ?? null) : null,
        entries: chunk,
        gaps: first ? gaps : [],
      }),
    });
  },
  notes: (brief) => [{ path: [], notes: brief.sources_notes, name: 'the sources slide (sources_notes)' }],
});
