/** The overview: the event in a sentence or two, its format, its themes as chips. */
import type { Rich } from '../text.js';
import type { Fact, Item } from '../view.js';
import { allSources, CHIP, defineKind, lines, POINT_CLAIMS } from './kind.js';

export interface OverviewBody {
  summary: Rich | null;
  facts: Fact[];
  themes: Item[];
}

/** The summary's characters per line (lead type). */
const SUMMARY_CHARS = 84;
/** The format line: characters per line, and lines of body type per line (smaller type). */
const FORMAT_CHARS = 100;
const FORMAT_LINE = 0.85;
/** The "themes" heading and the space around the chips. */
const THEMES_HEADING = 1.3;

export const overview = defineKind<OverviewBody>()({
  kind: 'overview',
  reads: ['event'],
  labels: {
    ar: { overview: 'نظرة عامة', format: 'الصيغة', themes: 'المحاور' },
    en: { overview: 'Overview', format: 'Format', themes: 'Themes' },
  },
  slides(ctx) {
    const { brief, labels: L } = ctx;
    const ev = brief.event;
    const themes = ev.themes ?? [];
    // The notes on the report's gaps are the sources slide's, with the report they are about.
    ctx.add({
      group: 'overview',
      title: ev.heading ?? L.overview,
      notes: ev.notes,
      sources: allSources(ev.sources, ...themes.map((t) => t.sources)),
      list: themes,
      weight: (t) => lines(t.text, CHIP.chars) * CHIP.line,
      origins: (_t, i) => [['event', 'themes', i, 'text']],
      fixed: [
        ['event', 'summary'],
        ['event', 'format'],
      ],
      reserved: lines(ev.summary, SUMMARY_CHARS) + (ev.format ? lines(ev.format, FORMAT_CHARS) * FORMAT_LINE : 0),
      repeated: THEMES_HEADING,
      body: (chunk, first) => ({
        summary: first ? ctx.rich(ev.summary) : null,
        facts: first && ev.format ? [{ label: L.format, value: ctx.rich(ev.format) }] : [],
        themes: chunk.map((t) => ctx.item(t)),
      }),
    });
  },
  citable: (brief) => (brief.event.themes ?? []).map((t, i) => ({ path: ['event', 'themes', i], sources: t.sources, claims: POINT_CLAIMS })),
});
