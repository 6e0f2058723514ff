/**
 * The event's date in words, in the deck's language and digits: a day, a range of days («١٢–١٤ أكتوبر
 * ٢٠٠٨», "12–14 October 2008"), or unknown; English day-month-year unless the brief asks otherwise.
 */
import type { Brief } from '../brief/schema.js';
import type { Digits } from './numbers.js';

type EventDate = Brief['event']['date'];

function formatter(brief: Brief, digits: Digits): Intl.DateTimeFormat {
  const locale = brief.lang === 'ar' ? 'ar' : brief.event.date_format === 'month-day-year' ? 'en-US' : 'en-GB';
  return new Intl.DateTimeFormat(`${locale}-u-nu-${digits}`, { dateStyle: 'long', timeZone: 'UTC' });
}

/** The date as the deck writes it; undefined when the report gives none. */
export function dateText(brief: Brief, digits: Digits, date: EventDate = brief.event.date): string | undefined {
  if (date === 'unknown') return undefined;
  const f = formatter(brief, digits);
  if (typeof date === 'string') return f.format(new Date(date));
  const text = f.formatRange(new Date(date.from), new Date(date.to)).replace(/\u2009/g, ' ');
  // A range within one month reads "12–14 October 2008": no space around the dash between its two days.
  // Across months or years the dash stands between two dates, spaced: "30 September – 2 October 2008".
  return date.from.slice(0, 7) === date.to.slice(0, 7) ? text.replace(/([0-9\u0660-\u0669]) ?– ?([0-9\u0660-\u0669])/, '$1–$2') : text;
}
