/**
 * The title slide: the deck's title, what the event was, who organised it (the host, co-organisers,
 * partners), where and when (a day or a range, the Hijri date beside it), and whether it is still to come.
 */
import type { Organiser } from '../../brief/schema.js';
import { dateText } from '../dates.js';
import { logoAsset } from '../../brief/images.js';
import type { Rich } from '../text.js';
import type { Fact } from '../view.js';
import { allSources, type ClaimFields, defineKind } from './kind.js';

export interface TitleBody {
  kicker: Rich;
  /** The host's logo, then the co-organisers' and partners', copied beside the deck (src/brief/images.ts logoAsset). */
  logos: { src: string; alt: string }[];
  subtitle: Rich | null;
  facts: Fact[];
}

type Relation = NonNullable<Organiser['relation']>;

/** An organiser's name, and its Latin name. */
const ORGANISER_CLAIMS = { institution: 'institution', latin: { latinOf: 'institution' } } as const satisfies ClaimFields<Organiser>;

export const title = defineKind<TitleBody>()({
  kind: 'title',
  reads: ['title', 'subtitle', 'event'],
  scaffold: 'event',
  labels: {
    ar: {
      host: 'الجهة المضيفة',
      venue: 'المكان',
      date: 'التاريخ',
      scheduled: 'الموعد المقرر',
      dateUnknown: 'غير مذكور في التقرير',
      status: 'الحالة',
      announced: 'حدث مُعلن عنه لم ينعقد بعد',
      coOrganisers: 'بالتعاون مع',
      partners: 'الشركاء',
      sponsors: 'برعاية',
    },
    en: {
      host: 'Host',
      venue: 'Venue',
      date: 'Date',
      scheduled: 'Scheduled for',
      dateUnknown: 'not given in the report',
      status: 'Status',
      announced: 'announced, not yet held',
      coOrganisers: 'With',
      partners: 'Partners',
      sponsors: 'Sponsors',
    },
  },
  slides(ctx) {
    const { brief, labels: L } = ctx;
    const ev = brief.event;
    const host = ctx.withLatin([ev.host.centre, ev.host.institution].filter(Boolean).join(L.listSeparator), ev.host.latin);
    const venue = ev.venue ? [ev.venue.name, ev.venue.city, ev.venue.country] : [ev.host.city, ev.host.country];
    const place = venue.filter(Boolean).join(L.listSeparator);
    const announced = ev.status === 'announced';
    const day = dateText(brief, ctx.nf.digits);
    // The Hijri date as the report writes it, beside the Gregorian one, or alone when that is all it gives.
    const date = day === undefined ? (ev.hijri ?? L.dateUnknown) : ev.hijri ? `${day} (${ev.hijri})` : day;
    const organisers = (relation: Relation, label: string): Fact[] => {
      const named = (ev.organisers ?? []).filter((o) => (o.relation ?? 'co-organiser') === relation);
      if (named.length === 0) return [];
      const value = named.flatMap((o, i) => [...(i > 0 ? ctx.rich(L.listSeparator) : []), ...ctx.withLatin(o.institution, o.latin)]);
      return [{ label, value }];
    };
    ctx.add({
      group: 'title',
      title: brief.title,
      notes: ev.notes,
      sources: allSources(ev.sources, ev.venue?.sources, ...(ev.organisers ?? []).map((o) => o.sources)),
      list: [],
      weight: () => 0,
      reserved: 0,
      fixed: [['title'], ['subtitle'], ['event', 'kind']],
      body: () => ({
        kicker: ctx.rich(ev.kind),
        logos: [
          ...(ev.host.logo ? [{ src: logoAsset(ev.host.logo.file), alt: ev.host.logo.alt }] : []),
          ...(ev.organisers ?? []).flatMap((o, i) => (o.logo ? [{ src: logoAsset(o.logo.file, i + 1), alt: o.logo.alt }] : [])),
        ],
        subtitle: ctx.maybe(brief.subtitle),
        facts: [
          { label: L.host, value: host },
          ...organisers('co-organiser', L.coOrganisers),
          ...organisers('partner', L.partners),
          ...organisers('sponsor', L.sponsors),
          ...(place ? [{ label: L.venue, value: ctx.rich(place) }] : []),
          { label: announced ? L.scheduled : L.date, value: ctx.rich(date) },
          ...(announced ? [{ label: L.status, value: ctx.rich(L.announced) }] : []),
        ],
      }),
    });
  },
  citable: (brief) => (brief.event.organisers ?? []).map((o, i) => ({ path: ['event', 'organisers', i], sources: o.sources, claims: ORGANISER_CLAIMS })),
  // The host and the organisers are known wherever a text names them; the host's city and country and the
  // venue's are the brief's own places, which paraphrase names freely.
  names: (brief) => {
    const ev = brief.event;
    return {
      institutions: [ev.host.institution, ev.host.latin, ev.host.centre, ...(ev.organisers ?? []).flatMap((o) => [o.institution, o.latin])],
      places: [ev.host.city, ev.host.country, ev.venue?.city, ev.venue?.country],
    };
  },
  notes: (brief) => [{ path: ['event'], notes: brief.event.notes, name: 'the title and overview slides' }],
});
