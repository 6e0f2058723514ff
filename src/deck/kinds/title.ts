/**
 * The title slide: the deck's title, what the event was, who organised it (its hosts, co-organisers,
 * partners), where and when (a day, a range or the part of a date the report gives, the Hijri date beside
 * it), and, for an event the report announces, that it is announced (as of the report, never "not yet held").
 * Each of these facts is a claim: it cites the paragraphs that state it, and the claim check looks for it there.
 */
import { briefLogos, dateSources, hijriOf, hostsOf } from '../../brief/event.js';
import type { Host, Organiser } from '../../brief/schema.js';
import { dateText, hijriShown } from '../dates.js';
import { inNumber } from '../parts.js';
import { plain, type Rich } from '../text.js';
import type { Fact } from '../view.js';
import { allSources, type Citable, type ClaimFields, defineKind } from './kind.js';

export interface TitleBody {
  /** The kind of event above the title; null when the title begins by saying it («المؤتمر العلمي الأول…» under «مؤتمر علمي»). */
  kicker: Rich | null;
  /** The hosts' logos, then the co-organisers' and partners', copied beside the deck (src/brief/event.ts briefLogos). */
  logos: { src: string; alt: string }[];
  subtitle: Rich | null;
  facts: Fact[];
}

/** A word as the title and the kind are compared: lower case, without marks (NFKD: «أ» is «ا» and a hamza), the Arabic article, «ى», «ة». */
function folded(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}|\u0640/gu, '')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/^(ال|the$)/, '');
}

/**
 * Whether the title begins with the kind of event, word for word but for the article and case: "Conference to
 * Commemorate …" is a conference, «المؤتمر العلمي الأول …» a «مؤتمر علمي»; the kind above it says it twice.
 */
export function saysKind(title: string, kind: string): boolean {
  const words = (t: string) => (t.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).map(folded).filter((w) => w !== '');
  const [t, k] = [words(title), words(kind)];
  return k.length > 0 && k.every((w, i) => t[i] === w);
}

type Relation = NonNullable<Organiser['relation']>;

/** An organiser's name, and its Latin name. */
const ORGANISER_CLAIMS = { institution: 'organiser', latin: { latinOf: 'institution' } } as const satisfies ClaimFields<Organiser>;
/** A host: its name and its centre's (each with its Latin name), its city and country. */
const HOST_CLAIMS = {
  institution: 'organiser',
  latin: { latinOf: 'institution' },
  centre: 'organiser',
  centre_latin: { latinOf: 'centre' },
  city: 'place',
  country: 'place',
} as const satisfies ClaimFields<Host>;
/** The venue: its name (a place, looked for whole) and Latin name, its city and country. */
const VENUE_CLAIMS = { name: 'place', name_latin: { latinOf: 'name' }, city: 'place', country: 'place' } as const;
/** The date's parts, or a range's two ends. */
const DATE_CLAIMS = { weekday: 'weekday', day: 'day', month: 'month', year: 'year', from: 'date-end', to: 'date-end' } as const;
/** The Hijri date's text. */
const HIJRI_CLAIMS = { text: 'hijri' } as const;

/** Characters of a list of hosts beyond which it takes a row of the band to itself. */
const WIDE = 60;

/**
 * The band's facts in its order: the hosts first, then the facts of one column, then the other wide ones,
 * each a row of its own below them (a long list of partners between the host and the date left the row
 * above it half empty: PAM's side event).
 */
function banded(facts: Fact[]): Fact[] {
  const [hosts, ...rest] = facts;
  return [hosts!, ...rest.filter((f) => !f.wide), ...rest.filter((f) => f.wide)];
}

/** How the lint says to cite a title fact written in a form that cannot cite. */
const CITE_DATE =
  'write the date with its parts and the paragraph that gives it, e.g. `date: { day: 15, month: 3, year: 2024, sources: [1] }` (a range: `{ from: …, to: …, sources: [1] }`)';
const CITE_HIJRI = 'write it with the paragraph that gives it, e.g. `hijri: { text: "18 محرم 1439 هـ", sources: [1] }`';

export const title = defineKind<TitleBody>()({
  kind: 'title',
  reads: ['title', 'subtitle', 'event'],
  scaffold: 'event',
  labels: {
    ar: {
      host: 'الجهة المضيفة',
      hosts: ['الجهة المضيفة', 'الجهتان المضيفتان', 'الجهات المضيفة'] as const,
      venue: 'المكان',
      date: 'التاريخ',
      scheduled: 'الموعد المعلن',
      dateUnknown: 'غير مذكور في التقرير',
      hostUnknown: 'غير مذكورة في التقرير',
      status: 'الحالة',
      announced: 'أعلن عنه التقرير',
      announcedOn: 'أعلن عنه التقرير الصادر في',
      coOrganisers: 'بالتعاون مع',
      partners: 'الشركاء',
      sponsors: 'برعاية',
      supporters: 'بدعم من',
    },
    en: {
      host: 'Host',
      hosts: ['Host', 'Hosts', 'Hosts'] as const,
      venue: 'Venue',
      date: 'Date',
      scheduled: 'Announced for',
      dateUnknown: 'not given in the report',
      hostUnknown: 'not given in the report',
      status: 'Status',
      announced: 'Announced in the report',
      announcedOn: 'Announced in the report of',
      coOrganisers: 'In collaboration with',
      partners: 'Partners',
      sponsors: 'Sponsors',
      supporters: 'With the support of',
    },
  },
  slides(ctx) {
    const { brief, labels: L } = ctx;
    const ev = brief.event;
    const hosts = hostsOf(brief).map(({ host: h }) =>
      h.centre_latin === undefined
        ? ctx.withLatin([h.centre, h.institution].filter(Boolean).join(L.listSeparator), h.latin)
        : [...ctx.withLatin(h.centre!, h.centre_latin), ...ctx.rich(L.listSeparator), ...ctx.withLatin(h.institution, h.latin)],
    );
    const list = (values: Rich[]): Rich => values.flatMap((v, i) => [...(i > 0 ? ctx.rich(L.listSeparator) : []), ...v]);
    const host = hostsOf(brief).find((h) => h.host.city !== undefined || h.host.country !== undefined)?.host;
    const venue = ev.venue ? [ev.venue.name, ev.venue.city, ev.venue.country] : [host?.city, host?.country];
    const place = venue.filter(Boolean).join(L.listSeparator);
    const venueName = ev.venue?.name !== undefined && ev.venue.name_latin !== undefined ? ctx.withLatin(ev.venue.name, ev.venue.name_latin) : undefined;
    const placeRich =
      venueName === undefined
        ? ctx.rich(place)
        : [
            ...venueName,
            ...ctx.rich(
              [ev.venue?.city, ev.venue?.country]
                .filter(Boolean)
                .map((t) => `${L.listSeparator}${t}`)
                .join(''),
            ),
          ];
    const announced = ev.status === 'announced';
    const day = dateText(brief, ctx.nf.digits);
    const given = hijriOf(brief)?.text;
    const hijri = given === undefined ? undefined : hijriShown(given);
    // The Hijri date as the report writes it, beside the Gregorian one, or alone when that is all it gives.
    const date = day === undefined ? (hijri ?? L.dateUnknown) : hijri ? `${day} (${hijri})` : day;
    // Announced: true as of the report, and of the report's day when the brief gives it.
    const reportDay = brief.source.date === undefined ? undefined : dateText(brief, ctx.nf.digits, brief.source.date);
    const status = reportDay === undefined ? L.announced : `${L.announcedOn} ${reportDay}`;
    // A list of several long names (hosts, partners) takes a row of its own across the band.
    const listed = (label: string, values: Rich[]): Fact => {
      const value = list(values);
      return { label, value, ...(values.length > 1 && plain(value).length > WIDE ? { wide: true } : {}) };
    };
    const organisers = (relation: Relation, label: string): Fact[] => {
      const named = (ev.organisers ?? []).filter((o) => (o.relation ?? 'co-organiser') === relation);
      if (named.length === 0) return [];
      return [
        listed(
          label,
          named.map((o) => ctx.withLatin(o.institution, o.latin)),
        ),
      ];
    };
    ctx.add({
      group: 'title',
      title: brief.title,
      notes: ev.notes,
      sources: allSources(
        ev.sources,
        ...hostsOf(brief).map((h) => h.host.sources),
        dateSources(ev.date),
        hijriOf(brief)?.sources,
        ev.venue?.sources,
        ...(ev.organisers ?? []).map((o) => o.sources),
      ),
      list: [],
      weight: () => 0,
      reserved: 0,
      fixed: [['title'], ['subtitle'], ['event', 'kind']],
      body: () => ({
        kicker: saysKind(brief.title, ev.kind) ? null : ctx.rich(ev.kind),
        logos: briefLogos(brief).map((l) => ({ src: l.asset, alt: l.alt })),
        subtitle: ctx.maybe(brief.subtitle),
        facts: banded([
          // A report that names no organiser (host: unknown) says so, as of a date it does not give.
          hosts.length > 0 ? listed(inNumber(L.hosts, hosts.length), hosts) : { label: L.host, value: ctx.rich(L.hostUnknown) },
          ...organisers('co-organiser', L.coOrganisers),
          ...organisers('partner', L.partners),
          ...organisers('sponsor', L.sponsors),
          ...organisers('supporter', L.supporters),
          ...(place ? [{ label: L.venue, value: placeRich }] : []),
          { label: announced ? L.scheduled : L.date, value: ctx.rich(date) },
          ...(announced ? [{ label: L.status, value: ctx.rich(status) }] : []),
        ]),
      }),
    });
  },
  citable: (brief) => {
    const ev = brief.event;
    const out: Citable[] = hostsOf(brief).map(({ host, path }) => ({ path, sources: host.sources, claims: HOST_CLAIMS }));
    if (ev.date !== 'unknown') {
      out.push({
        path: ['event', 'date'],
        sources: typeof ev.date === 'object' ? ev.date.sources : undefined,
        claims: DATE_CLAIMS,
        ...(typeof ev.date === 'string' ? { hint: CITE_DATE } : {}),
      });
    }
    if (ev.hijri !== undefined) {
      out.push({
        path: ['event', 'hijri'],
        sources: typeof ev.hijri === 'object' ? ev.hijri.sources : undefined,
        claims: HIJRI_CLAIMS,
        ...(typeof ev.hijri === 'string' ? { hint: CITE_HIJRI } : {}),
      });
    }
    if (ev.venue) out.push({ path: ['event', 'venue'], sources: ev.venue.sources, claims: VENUE_CLAIMS });
    (ev.organisers ?? []).forEach((o, i) => {
      out.push({ path: ['event', 'organisers', i], sources: o.sources, claims: ORGANISER_CLAIMS });
    });
    return out;
  },
  // The hosts and the organisers are known wherever a text names them; the hosts' cities and countries and
  // the venue's are the brief's own places, which paraphrase names freely.
  names: (brief) => {
    const ev = brief.event;
    const hosts = hostsOf(brief).map((h) => h.host);
    return {
      institutions: [
        ...hosts.flatMap((h) => [h.institution, h.latin, h.centre, h.centre_latin]),
        ...(ev.organisers ?? []).flatMap((o) => [o.institution, o.latin]),
      ],
      places: [...hosts.flatMap((h) => [h.city, h.country]), ev.venue?.city, ev.venue?.country],
    };
  },
  notes: (brief) => [{ path: ['event'], notes: brief.event.notes, name: 'the title and overview slides' }],
});
