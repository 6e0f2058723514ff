/** The title slide: the deck's title, what the event was, the host, the place and the date. */
import type { Rich } from '../text.js';
import type { Fact } from '../view.js';
import { logoAsset } from '../logo.js';
import { defineKind } from './kind.js';

export interface TitleBody {
  kicker: Rich;
  /** The host's logo, copied beside the deck as assets/logo.<ext>. */
  logo: { src: string; alt: string } | null;
  subtitle: Rich | null;
  facts: Fact[];
}

export const title = defineKind<TitleBody>()({
  kind: 'title',
  reads: ['title', 'subtitle', 'event'],
  scaffold: 'event',
  labels: {
    ar: { host: 'الجهة المضيفة', venue: 'المكان', date: 'التاريخ', dateUnknown: 'غير مذكور في التقرير' },
    en: { host: 'Host', venue: 'Venue', date: 'Date', dateUnknown: 'not given in the report' },
  },
  slides(ctx) {
    const { brief, labels: L } = ctx;
    const ev = brief.event;
    const host = [ev.host.centre, ev.host.institution].filter(Boolean).join(L.listSeparator);
    const place = [ev.host.city, ev.host.country].filter(Boolean).join(L.listSeparator);
    const date =
      ev.date === 'unknown'
        ? L.dateUnknown
        : new Intl.DateTimeFormat(`${brief.lang}-u-nu-${ctx.nf.digits}`, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(ev.date));
    ctx.add({
      group: 'title',
      title: brief.title,
      notes: ev.notes,
      sources: ev.sources ?? [],
      list: [],
      weight: () => 0,
      reserved: 0,
      fixed: [['title'], ['subtitle'], ['event', 'kind']],
      body: () => ({
        kicker: ctx.rich(ev.kind),
        logo: ev.host.logo ? { src: logoAsset(ev.host.logo.file), alt: ev.host.logo.alt } : null,
        subtitle: ctx.maybe(brief.subtitle),
        facts: [
          { label: L.host, value: ctx.rich(host) },
          ...(place ? [{ label: L.venue, value: ctx.rich(place) }] : []),
          { label: L.date, value: ctx.rich(date) },
        ],
      }),
    });
  },
  notes: (brief) => [{ path: ['event'], notes: brief.event.notes, name: 'the title and overview slides' }],
});
