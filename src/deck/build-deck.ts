/**
 * Brief → Deck: which slides, in what order, with what on them. Long lists continue on further slides.
 * All the deck's decisions live here; templates only print the result.
 */
import type { Brief, Person, Point } from '../brief/schema.js';
import { labelsFor, type Labels } from './labels.js';
import type { BriefPath, Deck, Item, PersonView, Slide, SlideBody, SlideKind } from './model.js';
import { numberFormat, type NumberFormat } from './numbers.js';
import { BODY_LINES, chunkByWeight, type FitScale } from './split.js';
import { plain, toRuns, type Rich } from './text.js';

/** A slide before numbering: the number needs the final count. */
type Draft = Omit<Slide, 'number' | 'is' | 'continuation' | 'id'> & { part: number; parts: number; idBase: string };

export interface DeckOptions {
  /** Per list group, a factor (≤ 1) that shrinks how much goes on one slide; raised by measuring. */
  fit?: FitScale;
  /** The fixed date stamped into the PDF when the brief gives none. */
  defaultCreated?: string;
  /** Groups set in smaller type (the brief allowed shrinking text that would not fit otherwise). */
  dense?: ReadonlySet<string>;
}

/** How much more a slide holds in the smaller type of a dense slide. */
const DENSE_GAIN = 1.3;
/** The most concern cards side by side (the grid's columns in templates/theme/mujaz.css). */
const CARDS_PER_ROW = 3;

class DeckBuilder {
  readonly labels: Labels;
  readonly nf: NumberFormat;
  readonly dir: 'rtl' | 'ltr';
  readonly drafts: Draft[] = [];
  readonly people = new Map<string, Person>();

  constructor(
    readonly brief: Brief,
    readonly fit: FitScale,
    readonly dense: ReadonlySet<string>,
  ) {
    this.labels = labelsFor(brief.lang);
    this.nf = numberFormat(brief.lang, brief.digits);
    this.dir = brief.dir;
    for (const d of brief.delegations ?? []) for (const m of d.members) this.people.set(m.id, m);
    if (brief.participants?.moderator) this.people.set(brief.participants.moderator.id, brief.participants.moderator);
    for (const m of brief.participants?.joined ?? []) this.people.set(m.id, m);
  }

  rich(text: string): Rich {
    return toRuns(text, this.dir, this.nf.digits);
  }

  maybe(text: string | undefined): Rich | null {
    return text === undefined ? null : this.rich(text);
  }

  cite(sources: readonly number[] | undefined): string | null {
    if (!sources || sources.length === 0) return null;
    const label = sources.length === 1 ? this.labels.paragraph : this.labels.paragraphs;
    return `${label} ${this.nf.list(sources, this.labels.listSeparator)}`;
  }

  item(p: Point): Item {
    return { text: this.rich(p.text), cite: this.cite(p.sources) };
  }

  person(p: Person): PersonView {
    return {
      title: this.maybe(p.title),
      primary: this.rich(p.name ?? p.role),
      secondary: p.name === undefined ? null : this.rich(p.role),
      cite: this.cite(p.sources),
    };
  }

  personText(p: Person): string {
    return [p.title, p.name, p.role].filter(Boolean).join(' ');
  }

  /** Adds one slide, or several when its list is too long for one. */
  add<T>(spec: {
    kind: SlideKind;
    group: string;
    title: string;
    notes: string | undefined;
    sources: number[];
    list: T[];
    weight: (item: T) => number;
    /** Lines the slide's fixed parts (headings, intro) take from the body. */
    reserved: number;
    body: (chunk: T[], first: boolean) => SlideBody;
    /** Where each list item's texts come from in the brief (a row of cards holds several). */
    origins?: (item: T, index: number) => BriefPath[];
    /** Where the fixed texts of the first slide come from. */
    fixed?: BriefPath[];
  }): void {
    const dense = this.dense.has(spec.group);
    const budget = BODY_LINES * (this.fit[spec.group] ?? 1) * (dense ? DENSE_GAIN : 1);
    const origins = new Map<T, BriefPath[]>(spec.list.map((item, i) => [item, spec.origins?.(item, i) ?? []]));
    const chunks: T[][] = spec.list.length === 0 ? [[]] : chunkByWeight(spec.list, spec.weight, budget - spec.reserved, budget);
    chunks.forEach((chunk, i) => {
      const title = this.rich(spec.title);
      this.drafts.push({
        idBase: spec.group,
        kind: spec.kind,
        group: spec.group,
        title,
        titleText: plain(title),
        notes: splitNotes(spec.notes),
        sources: [...new Set(spec.sources)].sort((a, b) => a - b),
        citeLine: this.cite(spec.sources),
        dense,
        items: chunk.length,
        origins: [...(i === 0 ? (spec.fixed ?? []) : []), ...chunk.flatMap((item) => origins.get(item) ?? [])],
        body: spec.body(chunk, i === 0),
        part: i + 1,
        parts: chunks.length,
      });
    });
  }

  finish(): Slide[] {
    const total = this.drafts.length;
    return this.drafts.map((d, i) => {
      const { part, parts, idBase, ...rest } = d;
      const continuation = parts > 1 && part > 1 ? `${this.labels.continued} ${this.nf.format(part)} ${this.labels.of} ${this.nf.format(parts)}` : null;
      return {
        ...rest,
        id: parts > 1 ? `${idBase}-${part}` : idBase,
        is: { [d.kind]: true },
        continuation,
        number: `${this.nf.format(i + 1)} ${this.labels.of} ${this.nf.format(total)}`,
      };
    });
  }
}

/** Where assets/ keeps the logo (src/assets/assets.ts copies it there under this name). */
export function logoAsset(file: string): string {
  const ext = /\.[a-z0-9]+$/i.exec(file)?.[0]?.toLowerCase() ?? '';
  return `assets/logo${ext}`;
}

function splitNotes(notes: string | undefined): string[] {
  if (!notes) return [];
  return notes
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '');
}

/** Rough lines a text takes in the body type: the fitting step in Chromium corrects any misjudgement. */
function lines(text: string, perLine = 88): number {
  return Math.max(1, Math.ceil(Array.from(text).length / perLine));
}

function allSources(...lists: (readonly number[] | undefined)[]): number[] {
  return lists.flatMap((l) => l ?? []);
}

export function buildDeck(brief: Brief, options: DeckOptions = {}): Deck {
  const b = new DeckBuilder(brief, options.fit ?? {}, options.dense ?? new Set());
  const L = b.labels;
  const ev = brief.event;
  const host = [ev.host.centre, ev.host.institution].filter(Boolean).join(L.listSeparator);
  const place = [ev.host.city, ev.host.country].filter(Boolean).join(L.listSeparator);
  const date = ev.date === 'unknown' ? L.dateUnknown : new Intl.DateTimeFormat(`${brief.lang}-u-nu-${b.nf.digits}`, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(ev.date));

  b.add({
    kind: 'title', group: 'title', title: brief.title, notes: ev.notes, sources: ev.sources ?? [], list: [], weight: () => 0, reserved: 0,
    fixed: [['title'], ['subtitle'], ['event', 'kind']],
    body: () => ({
      kicker: b.rich(ev.kind),
      logo: ev.host.logo ? { src: logoAsset(ev.host.logo.file), alt: ev.host.logo.alt } : null,
      subtitle: b.maybe(brief.subtitle),
      facts: [
        { label: L.host, value: b.rich(host) },
        ...(place ? [{ label: L.venue, value: b.rich(place) }] : []),
        { label: L.date, value: b.rich(date) },
      ],
    }),
  });

  const themes = ev.themes ?? [];
  const gaps = (brief.source.gaps ?? []).map((g) => ({ text: b.rich(g.note), cite: b.cite(g.paragraphs) }));
  b.add({
    kind: 'overview', group: 'overview', title: L.overview, notes: ev.notes,
    sources: allSources(ev.sources, ...themes.map((t) => t.sources), ...(brief.source.gaps ?? []).map((g) => g.paragraphs)),
    list: themes, weight: (t) => lines(t.text, 40) * 0.35,
    origins: (_t, i) => [['event', 'themes', i, 'text']], fixed: [['event', 'summary'], ['event', 'format']],
    reserved: lines(ev.summary, 84) + (ev.format ? lines(ev.format, 100) * 0.85 : 0) + gaps.reduce((n, g) => n + lines(plain(g.text), 105) * 0.8 + 0.8, 0) + 1.3,
    body: (chunk, first) => ({
      summary: first ? b.rich(ev.summary) : null,
      facts: first && ev.format ? [{ label: L.format, value: b.rich(ev.format) }] : [],
      themes: chunk.map((t) => b.item(t)),
      gaps: first ? gaps : [],
    }),
  });

  (brief.delegations ?? []).forEach((d, i) => {
    b.add({
      kind: 'delegation', group: `delegation-${i + 1}`, title: d.name, notes: d.notes,
      sources: allSources(d.sources, ...d.members.map((m) => m.sources)),
      list: d.members, weight: (m) => lines(b.personText(m), 80) + 0.5, reserved: d.side ? 1.3 : 0,
      origins: (_m, j) => [['delegations', i, 'members', j, 'role']],
      body: (chunk) => ({ side: b.maybe(d.side), members: chunk.map((m) => b.person(m)) }),
    });
  });

  const pa = brief.participants;
  if (pa) {
    type Entry = { kind: 'joined'; p: Person } | { kind: 'attendee'; p: Point };
    const entries: Entry[] = [
      ...(pa.joined ?? []).map((p): Entry => ({ kind: 'joined', p })),
      ...(pa.attendees ?? []).map((p): Entry => ({ kind: 'attendee', p })),
    ];
    b.add({
      kind: 'participants', group: 'participants', title: L.participants, notes: pa.notes,
      sources: allSources(pa.moderator?.sources, ...(pa.joined ?? []).map((j) => j.sources), ...(pa.attendees ?? []).map((a) => a.sources)),
      list: entries, weight: (e) => (e.kind === 'joined' ? lines(b.personText(e.p)) + 1.1 : lines(e.p.text, 40) * 0.35),
      origins: (e, j) => [e.kind === 'joined' ? ['participants', 'joined', j, 'role'] : ['participants', 'attendees', j - (pa.joined?.length ?? 0), 'text']],
      reserved: (pa.moderator ? lines(b.personText(pa.moderator)) + 1.2 : 0) + 1.2,
      body: (chunk, first) => ({
        moderator: first && pa.moderator ? b.person(pa.moderator) : null,
        joined: chunk.flatMap((e) => (e.kind === 'joined' ? [b.person(e.p)] : [])),
        attendees: chunk.flatMap((e) => (e.kind === 'attendee' ? [b.item(e.p)] : [])),
      }),
    });
  }

  (brief.messages ?? []).forEach((m, i) => {
    const speaker = b.people.get(m.speaker);
    if (!speaker) return; // references are checked when the brief is loaded
    b.add({
      kind: 'messages', group: `messages-${i + 1}`, title: m.heading ?? L.messages, notes: m.notes,
      sources: allSources(...m.points.map((p) => p.sources)),
      list: m.points, weight: (p) => lines(p.text) + 0.27, reserved: 1.4,
      origins: (_p, j) => [['messages', i, 'points', j, 'text']],
      body: (chunk) => ({ speaker: b.person(speaker), occasion: b.maybe(m.occasion), points: chunk.map((p) => b.item(p)) }),
    });
  });

  const di = brief.discussion;
  if (di) {
    b.add({
      kind: 'discussion', group: 'discussion', title: L.discussion, notes: di.notes,
      sources: allSources(...di.topics.map((t) => t.sources)),
      list: di.topics, weight: (t) => lines(t.text) + (t.regions ? 0.9 : 0) + 0.27, reserved: di.intro ? lines(di.intro) + 0.5 : 0,
      origins: (_t, j) => [['discussion', 'topics', j, 'text']], fixed: [['discussion', 'intro']],
      body: (chunk, first) => ({
        intro: first ? b.maybe(di.intro) : null,
        topics: chunk.map((t) => ({ ...b.item(t), regions: (t.regions ?? []).map((r) => b.rich(r)), regionsLabel: L.regions })),
      }),
    });
  }

  const te = brief.technologies;
  if (te) {
    // The concerns are cards in a grid of at most CARDS_PER_ROW columns (templates/theme/mujaz.css): a slide
    // holds whole rows, and a row is as tall as its tallest card (about 4.65 lines with a name, its Latin
    // name and a citation; a text adds its lines at the card's narrower measure and smaller type).
    const cards = te.concerns.map((c, j) => ({ c, j, marker: b.nf.format(j + 1) }));
    const rows: (typeof cards)[] = [];
    for (let k = 0; k < cards.length; k += CARDS_PER_ROW) rows.push(cards.slice(k, k + CARDS_PER_ROW));
    b.add({
      kind: 'technologies', group: 'technologies', title: L.technologies, notes: te.notes,
      sources: allSources(...te.concerns.map((c) => c.sources)),
      list: rows,
      weight: (row) => Math.max(...row.map(({ c }) => 4.65 + (c.text ? lines(c.text, 28) * 0.83 : 0))) + 0.48,
      reserved: te.intro ? lines(te.intro) + 0.5 : 0,
      origins: (row) => row.map(({ j }) => ['technologies', 'concerns', j, 'text']), fixed: [['technologies', 'intro']],
      body: (chunk, first) => ({
        intro: first ? b.maybe(te.intro) : null,
        concerns: chunk.flat().map(({ c, marker }) => ({ name: b.rich(c.name), latin: b.maybe(c.latin), text: b.maybe(c.text), cite: b.cite(c.sources), marker })),
      }),
    });
  }

  const co = brief.conclusions;
  if (co) {
    b.add({
      kind: 'conclusions', group: 'conclusions', title: L.conclusions, notes: co.notes,
      sources: allSources(...co.points.map((p) => p.sources)),
      list: co.points, weight: (p) => lines(p.text) + 0.27, reserved: 0,
      origins: (_p, j) => [['conclusions', 'points', j, 'text']],
      body: (chunk) => ({ points: chunk.map((p) => b.item(p)) }),
    });
  }

  // The sources slide lists, for each slide so far, the paragraphs it cites.
  const cited = b.drafts.filter((d) => d.sources.length > 0 && d.part === 1);
  // Consecutive slides with the same title (a speaker's several message groups) share one row.
  const rows: { title: string; rich: Rich; sources: number[] }[] = [];
  for (const d of cited) {
    const all = b.drafts.filter((x) => x.group === d.group).flatMap((x) => x.sources);
    const last = rows[rows.length - 1];
    if (last && last.title === d.titleText) last.sources.push(...all);
    else rows.push({ title: d.titleText, rich: d.title, sources: all });
  }
  const entries = rows.map((r) => ({ slide: r.rich, paragraphs: b.nf.list(r.sources, L.listSeparator) }));
  b.add({
    kind: 'sources', group: 'sources', title: L.sources, notes: brief.sources_notes, sources: [],
    list: entries, weight: () => 0.84, reserved: 2.2 + gaps.reduce((n, g) => n + lines(plain(g.text), 105) * 0.8 + 0.8, 0),
    body: (chunk, first) => ({
      report: b.rich(brief.source.title),
      url: first ? (brief.source.url ?? null) : null,
      entries: chunk,
      gaps: first ? gaps : [],
    }),
  });

  const author = brief.author ?? ev.host.institution;
  return {
    lang: brief.lang,
    dir: brief.dir,
    digits: b.nf.digits,
    slug: brief.slug,
    title: brief.title,
    description: ev.summary.replace(/\s+/g, ' '),
    author,
    keywords: brief.keywords ?? [],
    created: brief.created ?? options.defaultCreated ?? '2000-01-01',
    footer: b.rich(author),
    labels: L,
    slides: b.finish(),
  };
}

