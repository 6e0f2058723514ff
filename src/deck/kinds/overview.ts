/** The overview: the event in a sentence or two, its format, its themes as chips, and its attendees when they are few. */
import type { Rich } from '../text.js';
import type { Fact, Item } from '../view.js';
import { allSources, CHIP, defineKind, lines, POINT_CLAIMS } from './kind.js';
import { fewAttendees, participants } from './participants.js';

export interface OverviewBody {
  summary: Rich | null;
  facts: Fact[];
  themes: Item[];
  /** Few attendees, when they are all the brief says of the participants (./participants.ts fewAttendees). */
  attendees: Item[];
  /** Their heading: the participants' own (`participants.heading`), else «الحضور» / "Attendees". */
  attendeesLabel: string;
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
    const attendees = fewAttendees(brief) ?? [];
    const attendeeLines = attendees.length > 0 ? THEMES_HEADING + attendees.reduce((n, a) => n + lines(a.text, CHIP.chars) * CHIP.line, 0) : 0;
    // The notes on the report's gaps are the sources slide's, with the report they are about.
    ctx.add({
      group: 'overview',
      title: ev.heading ?? L.overview,
      notes: [ev.notes, attendees.length > 0 ? brief.participants?.notes : undefined].filter((n) => n !== undefined).join('\n\n') || undefined,
      sources: allSources(ev.sources, ...themes.map((t) => t.sources), ...attendees.map((a) => a.sources)),
      list: themes,
      weight: (t) => lines(t.text, CHIP.chars) * CHIP.line,
      origins: (_t, i) => [['event', 'themes', i, 'text']],
      fixed: [['event', 'summary'], ['event', 'format'], ...attendees.map((_a, j) => ['participants', 'attendees', j, 'text'])],
      reserved: lines(ev.summary, SUMMARY_CHARS) + (ev.format ? lines(ev.format, FORMAT_CHARS) * FORMAT_LINE : 0) + attendeeLines,
      repeated: THEMES_HEADING,
      // The event at a glance is one slide: set a step smaller rather than continued.
      oneSlide: true,
      body: (chunk, first) => ({
        summary: first ? ctx.rich(ev.summary) : null,
        facts: first && ev.format ? [{ label: L.format, value: ctx.rich(ev.format) }] : [],
        themes: chunk.map((t) => ctx.item(t)),
        attendees: first ? attendees.map((a) => ctx.item(a)) : [],
        attendeesLabel: brief.participants?.heading ?? participants.labels[brief.lang].attendees,
      }),
    });
  },
  citable: (brief) => (brief.event.themes ?? []).map((t, i) => ({ path: ['event', 'themes', i], sources: t.sources, claims: POINT_CLAIMS })),
});
