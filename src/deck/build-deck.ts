/**
 * Brief → Deck: the kinds of the registry (src/deck/kinds/), in order, each plan their slides; a list too
 * long for one slide continues on further slides; then every slide is numbered. All the deck's decisions
 * live here and in the kinds; templates only print the result.
 */
import { defaultAuthor } from '../brief/event.js';
import { peopleOf } from '../brief/people.js';
import type { Brief, Person, Point } from '../brief/schema.js';
import { DEFAULT_THEME, type LoadedTheme } from '../brief/theme.js';
import { KINDS, type Slide } from './kinds/index.js';
import type { DeckContext, Planned, SlidePlan } from './kinds/kind.js';
import { labelsFor, type Labels } from './labels.js';
import { SLIDE, type Deck } from './model.js';
import { numberFormat, type NumberFormat, writeDigits } from './numbers.js';
import { type Programme, programmeOf } from './programme.js';
import { BODY_LINES, chunkByWeight, type FitScale } from './split.js';
import { plain, toRuns, type Rich } from './text.js';
import type { Item, PersonView } from './view.js';

/** The fixed date stamped in a PDF when the brief gives none: fixed, so builds are reproducible. */
export const DEFAULT_CREATED = '2000-01-01';

export interface DeckOptions {
  /** Per list group, a factor on how much goes on one slide: lowered by the fit stage after an overflow, raised for a group spread over more slides than it needs. */
  fit?: FitScale;
  /** Groups set in smaller type (the brief allowed shrinking text that would not fit otherwise). */
  smaller?: ReadonlySet<string>;
  /** Groups of one slide set a step larger, since they hold little (the fit stage picks them). */
  larger?: ReadonlySet<string>;
  /** Groups of one slide set closer, a line or two too long for it at the body's spacing (the fit stage picks them). */
  snug?: ReadonlySet<string>;
  /** Groups whose long texts are shown by their first sentence, the whole in the speaker notes (the fit stage picks them). */
  shortened?: ReadonlySet<string>;
  /** The brief's theme (src/brief/theme.ts); the default theme when not given. */
  theme?: LoadedTheme;
}

/** How much more a slide set a step smaller holds. */
const SMALLER_GAIN = 1.3;
/** How much more a slide set closer holds (line height 1.6 → 1.45, closer items: templates/theme/mujaz.css). */
const SNUG_GAIN = 1.08;

/** A slide before numbering: the number needs the final count. */
type Draft = Omit<Slide, 'number' | 'continuation' | 'bookmark' | 'id'> & Planned & { parts: number };

function splitNotes(notes: string | undefined): string[] {
  if (!notes) return [];
  return notes
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '');
}

/** What every kind gets to plan its slides with; it collects the drafts. */
class DeckBuilder implements DeckContext<Labels, unknown> {
  readonly labels: Labels;
  readonly nf: NumberFormat;
  readonly drafts: Draft[] = [];
  private readonly people = new Map<string, Person>();
  private kind: Slide['kind'] = 'title';
  private plan: Programme | undefined;

  constructor(
    readonly brief: Brief,
    private readonly fit: FitScale,
    private readonly smaller: ReadonlySet<string>,
    private readonly larger: ReadonlySet<string>,
    private readonly short: ReadonlySet<string>,
    private readonly snug: ReadonlySet<string>,
  ) {
    this.labels = labelsFor(brief.lang);
    this.nf = numberFormat(brief.lang, brief.digits);
    for (const { person } of peopleOf(brief)) this.people.set(person.id, person);
  }

  rich(text: string): Rich {
    return toRuns(text, this.brief.dir, this.nf.digits);
  }

  maybe(text: string | undefined): Rich | null {
    return text === undefined ? null : this.rich(text);
  }

  cite(sources: readonly number[] | undefined): string | null {
    if (!sources || sources.length === 0) return null;
    const label = new Set(sources).size === 1 ? this.labels.paragraph : this.labels.paragraphs;
    return `${label} ${this.nf.list(sources, this.labels.listSeparator)}`;
  }

  item(p: Point): Item {
    return { text: this.rich(p.text), cite: this.cite(p.sources) };
  }

  /** The name a person is shown by: in an English deck the Latin name is the name; in an Arabic one it stands beside it. */
  private shownName(p: Person): string | undefined {
    return this.brief.lang === 'en' ? (p.latin ?? p.name) : (p.name ?? p.latin);
  }

  /** The affiliation, with its Latin name beside it (an English deck shows the Latin name alone). */
  private affiliationText(p: Person): string | undefined {
    const latin = p.affiliation_latin;
    if (latin === undefined || p.affiliation === undefined) return p.affiliation ?? latin;
    return this.brief.lang === 'en' ? latin : `${p.affiliation} ${latin}`;
  }

  person(p: Person): PersonView {
    const name = this.shownName(p);
    const latin = this.brief.lang !== 'en' && p.name !== undefined && p.latin !== undefined ? p.latin : undefined;
    const about = [p.role, this.affiliationText(p)].filter((t): t is string => t !== undefined);
    const primary = name ?? about.shift() ?? '';
    return {
      title: this.maybe(p.title),
      primary: this.rich(primary),
      latin: this.maybe(latin),
      secondary: about.length > 0 ? this.rich(about.join(this.labels.listSeparator)) : null,
      cite: this.cite(p.sources),
    };
  }

  personText(p: Person): string {
    return [p.title, p.name, p.latin, p.role, this.affiliationText(p)].filter(Boolean).join(' ');
  }

  personName(p: Person): string {
    return this.shownName(p) ?? p.role ?? '';
  }

  personById(id: string): Person | undefined {
    return this.people.get(id);
  }

  withLatin(text: string, latin: string | undefined): Rich {
    if (latin === undefined || latin === text) return this.rich(text);
    return this.brief.lang === 'en' ? this.rich(latin) : [...this.rich(text), ...this.rich(` ${latin}`)];
  }

  gaps(): Item[] {
    return (this.brief.source.gaps ?? []).map((g) => ({ text: this.rich(g.note), cite: this.cite(g.paragraphs) }));
  }

  programme(): Programme {
    this.plan ??= programmeOf(this.brief, (id) => this.personById(id));
    return this.plan;
  }

  shortened(group: string): boolean {
    return this.short.has(group);
  }

  planned(): readonly Planned[] {
    return this.drafts;
  }

  /** Plans the slides of each kind in turn. */
  planAll(): void {
    for (const kind of KINDS) {
      this.kind = kind.kind;
      (kind.slides as (ctx: DeckContext<Labels, unknown>) => void)(this);
    }
  }

  addAs<T, B2>(kind: { kind: string }, plan: SlidePlan<T, B2>): void {
    const own = this.kind;
    this.kind = kind.kind as Slide['kind'];
    try {
      this.add(plan);
    } finally {
      this.kind = own;
    }
  }

  /** Adds one slide, or several when its list is too long for one: this is where a continuation is cut. */
  add<T>(plan: SlidePlan<T, unknown>): void {
    let smaller = this.smaller.has(plan.group);
    const origins = new Map<T, ReturnType<NonNullable<typeof plan.origins>>>(plan.list.map((item, i) => [item, plan.origins?.(item, i) ?? []]));
    const cut = (gain: number) => {
      const each = BODY_LINES * (this.fit[plan.group] ?? 1) * gain - (plan.repeated ?? 0);
      return plan.list.length === 0 ? [[]] : chunkByWeight(plan.list, plan.weight, each - plan.reserved, each);
    };
    const snug = !smaller && this.snug.has(plan.group);
    let chunks: T[][] = cut(smaller ? SMALLER_GAIN : snug ? SNUG_GAIN : 1);
    // A group that would rather be smaller than continue is set smaller when that keeps it on one slide.
    if (plan.oneSlide && !smaller && chunks.length > 1) {
      const denser = cut(SMALLER_GAIN);
      if (denser.length === 1) [smaller, chunks] = [true, denser];
    }
    const title = this.rich(plan.title);
    const sources = [...new Set(plan.sources)].sort((a, b) => a - b);
    // A group of one slide may be set a step larger; one that continues keeps the body type on every slide.
    const larger = chunks.length === 1 && !smaller && this.larger.has(plan.group);
    chunks.forEach((chunk, i) => {
      const used = chunk.reduce((n, item) => n + plan.weight(item), (i === 0 ? plan.reserved : 0) + (plan.repeated ?? 0));
      this.drafts.push({
        kind: this.kind,
        group: plan.group,
        title,
        titleText: plain(title),
        notes: splitNotes(plan.notes).map((p) => this.rich(p)),
        sources,
        citeLine: this.cite(plan.sources),
        smaller,
        larger,
        snug: snug && chunks.length === 1,
        estimate: Math.min(1, used / BODY_LINES),
        items: chunk.length,
        origins: [...(i === 0 ? (plan.fixed ?? []) : []), ...chunk.flatMap((item) => origins.get(item) ?? [])],
        body: plan.body(chunk, i === 0),
        level: plan.level ?? 0,
        part: i + 1,
        parts: chunks.length,
      } as Draft);
    });
  }

  /** The drafts numbered: ids, "continued 2 of 3", "3 of 12", and the PDFs' bookmarks. */
  finish(): Slide[] {
    const total = this.drafts.length;
    // No two bookmarks alike: groups whose slides share a title are numbered, "(2)", "(3)", in deck order.
    const groupsByTitle = new Map<string, string[]>();
    for (const d of this.drafts) {
      const groups = groupsByTitle.get(d.titleText) ?? [];
      if (!groups.includes(d.group)) groups.push(d.group);
      groupsByTitle.set(d.titleText, groups);
    }
    const bookmarkTitle = (d: Draft) => {
      const groups = groupsByTitle.get(d.titleText)!;
      return groups.length > 1 ? `${d.titleText} (${this.nf.format(groups.indexOf(d.group) + 1)})` : d.titleText;
    };
    // A numbered title may still read as another slide's own ("Key messages (2)"): then the next number.
    const taken = new Set<string>();
    const unique = (text: string) => {
      let out = text;
      for (let n = 2; taken.has(out); n++) out = `${text} (${this.nf.format(n)})`;
      taken.add(out);
      return out;
    };
    return this.drafts.map((d, i) => {
      const { part, parts, ...rest } = d;
      const continuation = parts > 1 && part > 1 ? `${this.labels.continued} ${this.nf.format(part)} ${this.labels.of} ${this.nf.format(parts)}` : null;
      return {
        ...rest,
        id: parts > 1 ? `${d.group}-${part}` : d.group,
        continuation,
        bookmark: unique(continuation ? `${bookmarkTitle(d)} (${continuation})` : bookmarkTitle(d)),
        number: `${this.nf.format(i + 1)} ${this.labels.of} ${this.nf.format(total)}`,
      } as Slide;
    });
  }
}

export function buildDeck(brief: Brief, options: DeckOptions = {}): Deck {
  const b = new DeckBuilder(
    brief,
    options.fit ?? {},
    options.smaller ?? new Set(),
    options.larger ?? new Set(),
    options.shortened ?? new Set(),
    options.snug ?? new Set(),
  );
  b.planAll();
  const author = brief.author ?? defaultAuthor(brief);
  const theme = options.theme ?? DEFAULT_THEME;
  // A draft (`draft: true`) says so where a theme's marking stands, before the theme's own marking if it has one.
  const marking = brief.draft ? [b.labels.draft, theme.theme.marking].filter((m) => m !== undefined).join(' · ') : theme.theme.marking;
  const logos = theme.logos.map((l, i) => ({ src: l.asset, alt: theme.theme.logos?.[i]?.alt ?? '' }));
  return {
    lang: brief.lang,
    dir: brief.dir,
    digits: b.nf.digits,
    slug: brief.slug,
    title: brief.title,
    description: brief.event.summary.replace(/\s+/g, ' '),
    author,
    keywords: brief.keywords ?? [],
    created: brief.created ?? DEFAULT_CREATED,
    footer: b.rich(theme.theme.footer ?? author),
    brand: {
      marking: b.maybe(marking),
      logos,
      footerLogo: logos[0] ?? null,
      markingText: marking === undefined ? null : writeDigits(marking, b.nf.digits),
      font: theme.theme.font ?? 'amiri',
      colours: theme.colours,
    },
    size: SLIDE,
    labels: b.labels,
    slides: b.finish(),
  };
}
