/**
 * The event's facts as the schema lets a brief write them, in one form for the stages that read them: its
 * hosts (one, or several on an equal footing), its Hijri date (a text, or a text that cites), its logos, and
 * the date's parts (an older brief writes a whole day as YYYY-MM-DD; a newer one the parts the report gives).
 */
import { logoAsset } from './images.js';
import type { Brief, DateParts, EventDate, Host } from './schema.js';

type Path = (string | number)[];

/** A host of the event, and where the brief writes it. */
export interface PlacedHost {
  host: Host;
  /** ['event', 'host'] for the one host, ['event', 'hosts', i] for one of several. */
  path: Path;
}

/** The event's hosts, in the brief's order (the schema sees that a brief names one at least). */
export function hostsOf(brief: Brief): PlacedHost[] {
  const { host, hosts } = brief.event;
  if (hosts) return hosts.map((h, i) => ({ host: h, path: ['event', 'hosts', i] }));
  return host && host !== 'unknown' ? [{ host, path: ['event', 'host'] }] : [];
}

/** The deck's author when the brief names none: the host, or the first-named of several (the footer has room for one). */
export function defaultAuthor(brief: Brief): string {
  return hostsOf(brief)[0]?.host.institution ?? '';
}

/** The Hijri date's text and its citations, however the brief writes it. */
export function hijriOf(brief: Brief): { text: string; sources: number[] | undefined } | undefined {
  const h = brief.event.hijri;
  if (h === undefined) return undefined;
  return typeof h === 'string' ? { text: h, sources: undefined } : { text: h.text, sources: h.sources };
}

/** A logo the brief names: the hosts', then each organiser's; where it is written and where the deck keeps it. */
export interface BriefLogo {
  file: string;
  alt: string;
  at: Path;
  asset: string;
}

/** The hosts' logos, then the organisers': the first host's is assets/logo.<ext>, the others numbered after it. */
export function briefLogos(brief: Brief): BriefLogo[] {
  const out: BriefLogo[] = [];
  const hosts = hostsOf(brief);
  hosts.forEach(({ host, path }, i) => {
    if (host.logo) out.push({ file: host.logo.file, alt: host.logo.alt, at: [...path, 'logo', 'file'], asset: logoAsset(host.logo.file, i) });
  });
  brief.event.organisers?.forEach((o, i) => {
    if (o.logo)
      out.push({ file: o.logo.file, alt: o.logo.alt, at: ['event', 'organisers', i, 'logo', 'file'], asset: logoAsset(o.logo.file, hosts.length + i) });
  });
  return out;
}

/** A date the brief gives: a single day or a range, each end as its parts; undefined when the report gives none. */
export type DateGiven = { kind: 'day'; day: DateParts } | { kind: 'range'; from: DateParts; to: DateParts };

/** A day written YYYY-MM-DD, as its parts. */
export function partsOfDay(day: string): DateParts {
  const [year, month, d] = day.split('-').map(Number);
  return { year, month, day: d };
}

const partsOf = (v: string | DateParts): DateParts => (typeof v === 'string' ? partsOfDay(v) : v);

/** The parts of a date however the brief writes it (without its citations). */
export function dateGiven(date: EventDate | string | undefined): DateGiven | undefined {
  if (date === undefined || date === 'unknown') return undefined;
  if (typeof date === 'string') return { kind: 'day', day: partsOfDay(date) };
  if ('from' in date) return { kind: 'range', from: partsOf(date.from), to: partsOf(date.to) };
  const { weekday, day, month, year } = date;
  return { kind: 'day', day: { weekday, day, month, year } };
}

/** The citations of the event's date, when the brief writes it in a form that cites. */
export function dateSources(date: EventDate): number[] | undefined {
  return typeof date === 'object' ? date.sources : undefined;
}
