/**
 * The event's date in words, in the deck's language and digits, as the report gives it: a day, a range of
 * days («١٢–١٤ أكتوبر ٢٠٠٨», "12–14 October 2008"), or a part of a date (a weekday, a day and a month
 * without the year, a month and a year); unknown when the report gives none. English is day-month-year unless
 * the brief asks otherwise.
 */
import { dateGiven } from '../brief/event.js';
import type { Brief, DateParts, EventDate, Weekday } from '../brief/schema.js';
import { WEEKDAYS } from '../brief/schema.js';
import type { Digits } from './numbers.js';

type Shown = Intl.DateTimeFormatOptions;

function formatter(brief: Brief, digits: Digits, options: Shown): Intl.DateTimeFormat {
  const locale = brief.lang === 'ar' ? 'ar' : brief.event.date_format === 'month-day-year' ? 'en-US' : 'en-GB';
  return new Intl.DateTimeFormat(`${locale}-u-nu-${digits}`, { ...options, timeZone: 'UTC' });
}

/** What of a date is shown: the parts it gives. */
function shown(d: DateParts): Shown {
  const o: Shown = {};
  if (d.weekday !== undefined) o.weekday = 'long';
  if (d.day !== undefined) o.day = 'numeric';
  if (d.month !== undefined) o.month = 'long';
  if (d.year !== undefined) o.year = 'numeric';
  return o;
}

/**
 * A day that has the parts given (a year, month and day the report gives; the weekday it names), for the
 * formatter to write them: only the parts given are shown.
 */
function reference(d: DateParts): Date {
  const month = (d.month ?? 1) - 1;
  const day = d.day ?? 1;
  if (d.weekday === undefined || d.year !== undefined) return new Date(Date.UTC(d.year ?? 2024, month, day));
  const want = WEEKDAYS.indexOf(d.weekday);
  if (d.day === undefined) {
    // A weekday alone (or with a month): any day of that weekday.
    const start = new Date(Date.UTC(2024, month, 1));
    return new Date(start.getTime() + ((want - start.getUTCDay() + 7) % 7) * 86_400_000);
  }
  for (let year = 2024; year > 1990; year--) {
    const date = new Date(Date.UTC(year, month, day));
    if (date.getUTCDay() === want && date.getUTCDate() === day) return date;
  }
  return new Date(Date.UTC(2024, month, day));
}

function weekdayName(brief: Brief, digits: Digits, weekday: Weekday): string {
  return formatter(brief, digits, { weekday: 'long' }).format(reference({ weekday }));
}

/** A day written from its parts. */
function dayText(brief: Brief, digits: Digits, d: DateParts): string {
  // A day of the month without its month, after its weekday or alone: «الأربعاء ٩», "Wednesday 9".
  if (d.day !== undefined && d.month === undefined) {
    const n = new Intl.NumberFormat(`${brief.lang === 'ar' ? 'ar' : 'en'}-u-nu-${digits}`, { useGrouping: false }).format(d.day);
    return d.weekday === undefined ? n : `${weekdayName(brief, digits, d.weekday)} ${n}`;
  }
  // A weekday and a month without the day: the weekday, then the month.
  if (d.weekday !== undefined && d.day === undefined && d.month !== undefined) {
    const sep = brief.lang === 'ar' ? '، ' : ', ';
    return `${weekdayName(brief, digits, d.weekday)}${sep}${dayText(brief, digits, { month: d.month, year: d.year })}`;
  }
  return formatter(brief, digits, shown(d)).format(reference(d));
}

/** Two ends that give the same parts, each with a day and a month: one range, written by the formatter. */
function sameShape(a: DateParts, b: DateParts): boolean {
  const keys = ['weekday', 'day', 'month', 'year'] as const;
  return a.day !== undefined && a.month !== undefined && keys.every((k) => (a[k] === undefined) === (b[k] === undefined));
}

/** The date as the deck writes it; undefined when the report gives none. */
export function dateText(brief: Brief, digits: Digits, date: EventDate | string = brief.event.date): string | undefined {
  const given = dateGiven(date);
  if (given === undefined) return undefined;
  if (given.kind === 'day') return dayText(brief, digits, given.day);
  const { from, to } = given;
  if (!sameShape(from, to)) return `${dayText(brief, digits, from)} – ${dayText(brief, digits, to)}`;
  const [a, b] = [reference(from), reference(to)];
  const text = formatter(brief, digits, shown(from))
    .formatRange(a, b)
    .replace(/\u2009/g, ' ');
  // A range within one month reads "12–14 October 2008": no space around the dash between its two days.
  // Across months or years the dash stands between two dates, spaced: "30 September – 2 October 2008".
  return from.month === to.month && from.year === to.year ? text.replace(/([0-9\u0660-\u0669]) ?– ?([0-9\u0660-\u0669])/, '$1–$2') : text;
}

/**
 * The Hijri date as the report writes it, set to be read: the year's letter «ه» after a figure written «هـ»
 * (beside Arabic-Indic digits a bare «ه» reads as «٥»: «١٤٣٠ه»). (Not kept from breaking at the spaces of a
 * date in figures: the deck's font has no no-break space, and Chromium drew one in a fallback font, whose
 * text no reader could then put in order.)
 */
export function hijriShown(text: string): string {
  return text.replace(/(?<=[0-9\u0660-\u0669\u06F0-\u06F9]\s?)\u0647(?![\u0621-\u064A\u0640])/g, '\u0647\u0640');
}
