/**
 * The brief's schema: the one source of truth. The `Brief` type is inferred from it and
 * schema/brief.schema.json is generated from it (`mujaz schema`).
 *
 * It describes briefings in general: any number of delegations, people, messages, topics and concerns.
 * Sections a report may lack are optional.
 */
import { z } from 'zod';
import { BIDI, CONTROL, HIDDEN, INVISIBLE, SURROGATE } from './characters.js';

/** Limits are generous for a brief and small enough that no brief can exhaust memory or the layout. */
export const LIMITS = {
  shortText: 200,
  text: 1200,
  notes: 4000,
  listItems: 200,
  sources: 30,
  paragraph: 9999,
} as const;

/**
 * Help beside a field, for the messages about it (kept out of the JSON Schema, which the global registry
 * feeds). schema-at.ts reads it from the schema node at an issue's path; a `.describe()` copy inherits it.
 */
export interface FieldHelp {
  /** How to write a value the field accepts: shown when the value breaks the field's own rule. */
  hint?: string;
  /** The value is one line (an id, a link, a path): a tab or line break in it is a control character. */
  oneLine?: boolean;
  /** Shown instead of the character rule's hint when the value holds a control character. */
  controlHint?: string;
  /** Why a control character matters here, added to that message. */
  controlWhy?: string;
}

export const fieldHelp = z.registry<FieldHelp>();

function text(max: number = LIMITS.text) {
  return z
    .string()
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(max, { message: `is longer than ${max} characters; split it or shorten it` })
    .regex(BIDI.absent, { message: BIDI.message })
    .regex(CONTROL.absent, { message: CONTROL.message })
    .regex(SURROGATE.absent, { message: SURROGATE.message });
}

function name() {
  return text(LIMITS.shortText).regex(HIDDEN.absent, { message: HIDDEN.message });
}

function list<T extends z.ZodType>(item: T, max: number = LIMITS.listItems) {
  return z
    .array(item)
    .min(1, { message: 'must list at least one item' })
    .max(max, { message: `has more than ${max} items` });
}

export const SLUG = /^[a-z0-9-]{1,64}$/;

const id = z
  .string()
  .regex(/^[a-z0-9-]{1,64}$/, {
    message: 'must be lower-case latin letters, digits and hyphens (at most 64), e.g. "sohail-mahmood"',
  })
  .describe('An identifier other parts of the brief use to refer to this entry.')
  .register(fieldHelp, { hint: 'use lower-case latin letters, digits and hyphens, e.g. "sohail-mahmood"', oneLine: true });

const paragraph = z
  .int()
  .min(1)
  .max(LIMITS.paragraph)
  .register(fieldHelp, { hint: 'paragraphs are numbered from 1 (paragraph N is the N-th non-empty line of the report)' });

const sources = z
  .array(paragraph)
  .min(1, { message: 'must cite at least one paragraph' })
  .max(LIMITS.sources)
  .describe('Paragraphs of the source report this item comes from (paragraph N = the N-th non-empty line).');

const notes = text(LIMITS.notes).describe('Speaker notes for the slide this section becomes.');

/** Only https: and mailto: links survive; javascript:, data:, vbscript: and the rest are errors. */
const link = z
  .string()
  .trim()
  .max(2000)
  .regex(INVISIBLE.absent, { message: INVISIBLE.message })
  .regex(/^(https:\/\/[^\s<>"']+|mailto:[^\s<>"':]+@[^\s<>"']+)$/i, {
    message: 'must be an https: or mailto: link (other schemes such as javascript: or data: are refused)',
  })
  .register(fieldHelp, {
    hint: 'write the full address, starting with https:// (or mailto: for an e-mail address)',
    oneLine: true,
    controlHint: INVISIBLE.hint,
    controlWhy: "browsers ignore such characters, so they can hide a link's scheme",
  });

/** A file named by a brief: relative to the brief's folder, never outside it (checked again on disk). */
const relativeFile = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .regex(INVISIBLE.absent, { message: INVISIBLE.message })
  .regex(/^(?![/\\])(?![a-zA-Z]:)(?!.*(?:^|[/\\])\.\.(?:[/\\]|$))[^\0]+$/, {
    message: 'must be a path inside the brief\'s folder (no leading "/", no "..")',
  })
  .register(fieldHelp, {
    hint: 'name the file relative to the brief\'s folder, e.g. "images/logo.png"; it must be inside that folder',
    oneLine: true,
    controlHint: INVISIBLE.hint,
  });

export const Point = z
  .strictObject({
    text: text(),
    sources: sources.optional(),
  })
  .describe('One statement, with the report paragraphs it comes from.');

/** A person's part in the event, as the report states it. */
export const PARTS = ['keynote', 'speaker', 'panellist', 'presenter', 'chair', 'moderator', 'opening', 'welcome', 'closing', 'patron', 'rapporteur'] as const;
export type Part = (typeof PARTS)[number];

const part = z
  .enum(PARTS)
  .describe(
    'Their part in the event, as the report states it: keynote, speaker, panellist, presenter, chair, moderator, opening, welcome, closing, patron ("in the presence of"), rapporteur.',
  );

/** A name in Latin letters, beside one in Arabic (or alone in an English brief). */
function latinName() {
  return name().regex(/[A-Za-z]/, { message: 'must be written in Latin letters' });
}

export const Person = z
  .strictObject({
    id,
    name: name().optional().describe('The name as the report gives it. Leave out for a group ("senior officials").'),
    latin: latinName().optional().describe('The name in Latin letters, when the report gives it: shown isolated beside the name.'),
    title: name().optional().describe('Honorific or rank as the report gives it, e.g. "السفير".'),
    role: text(LIMITS.shortText * 2)
      .optional()
      .describe('The role exactly as the report gives it. Leave out when the report gives none.'),
    affiliation: text(LIMITS.shortText * 2)
      .optional()
      .describe('The institution the person comes from, as the report gives it.'),
    affiliation_latin: latinName()
      .optional()
      .describe('The affiliation\'s name in Latin letters, e.g. "SIPRI": shown isolated beside it; a gloss an Arabic report need not write.'),
    part: part.optional(),
    session: id.optional().describe('The id of the session (in sessions) the person took part in.'),
    sources: sources.optional(),
  })
  .refine((p) => p.name !== undefined || p.role !== undefined || p.latin !== undefined, {
    message: 'gives neither a name nor a role',
    params: { hint: 'write the name the report gives (name:), or for a group it does not name, its role (role:)' },
  })
  .describe('A person, or a group of people the report does not name.');

/** Years before this cannot be the Gregorian date of an event a brief is written about. */
export const FIRST_YEAR = 1900;

const day = z.iso.date({ message: 'must be a date as YYYY-MM-DD, or "unknown"' }).refine((v) => Number(v.slice(0, 4)) >= FIRST_YEAR, {
  message: `is not a Gregorian date of this event (the year is before ${FIRST_YEAR}); a Hijri date written as YYYY-MM-DD looks like this`,
  params: { hint: 'write the Gregorian date here, and the Hijri date as the report writes it in event.hijri, e.g. hijri: "18 محرم 1439 هـ"' },
});

/** The days of the week, as a brief names them (in English, whatever the brief's language). */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The last day of a month (of a leap year when the year is not given). */
function monthDays(month: number, year: number | undefined): number {
  return new Date(Date.UTC(year ?? 2024, month, 0)).getUTCDate();
}

/**
 * A date as the report gives it, whole or in part: a weekday, a day, a month, a year, or any of them
 * together («الأربعاء 9 تشرين الأول»: weekday, day and month; "March 2024": month and year).
 */
const dateParts = {
  weekday: z.enum(WEEKDAYS).optional().describe('The day of the week the report names, in English: sunday … saturday.'),
  day: z.int().min(1).max(31).optional().describe('The day of the month, 1–31.'),
  month: z.int().min(1).max(12).optional().describe('The month, 1–12.'),
  year: z.int().min(FIRST_YEAR).max(2200).optional().describe('The Gregorian year (the Hijri date goes in event.hijri).'),
};
type DateParts = { weekday?: Weekday | undefined; day?: number | undefined; month?: number | undefined; year?: number | undefined };

/** What is wrong with a date's parts, if anything: none given, a day and a year without the month, a day the month lacks. */
export function datePartsProblem(d: DateParts): { message: string; hint: string } | undefined {
  if (d.weekday === undefined && d.day === undefined && d.month === undefined && d.year === undefined) {
    return { message: 'gives no part of a date', hint: 'write the parts the report gives: weekday, day, month, year; or date: unknown when it gives none' };
  }
  if (d.day !== undefined && d.year !== undefined && d.month === undefined) {
    return { message: 'gives a day and a year without the month', hint: 'write the month (month: 1–12) as the report gives it' };
  }
  if (d.day !== undefined && d.month !== undefined && d.day > monthDays(d.month, d.year)) {
    return {
      message: `has no day ${d.day} in month ${d.month}${d.year === undefined ? '' : ` of ${d.year}`}`,
      hint: 'write the day and month as the report gives them',
    };
  }
  return undefined;
}

/** The weekday a whole date was, when the brief names another (the lint's: a wrong day is the claim check's). */
export function weekdayProblem(d: DateParts): string | undefined {
  if (d.weekday === undefined || d.day === undefined || d.month === undefined || d.year === undefined) return undefined;
  const real = WEEKDAYS[new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()]!;
  return real === d.weekday ? undefined : `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')} was a ${real}, not a ${d.weekday}`;
}

function withParts<T extends z.ZodType<DateParts>>(schema: T): T {
  return schema.superRefine((d, ctx) => {
    const problem = datePartsProblem(d);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.message, params: { hint: problem.hint } });
  }) as unknown as T;
}

/** One end of a range: a whole day (YYYY-MM-DD) or the parts the report gives. */
const rangeEnd = z.union([day, withParts(z.strictObject(dateParts))]);

/** An end of a range as parts, for comparing the two ends (undefined where the end does not give it). */
function endParts(v: string | DateParts): DateParts {
  if (typeof v !== 'string') return v;
  const [y, m, d] = v.split('-').map(Number);
  return { year: y, month: m, day: d };
}

/** A range's first end comes before its last: compared on the parts both give. */
function ordered(from: string | DateParts, to: string | DateParts): boolean {
  const a = endParts(from);
  const b = endParts(to);
  const key = (p: DateParts) => [
    a.year !== undefined && b.year !== undefined ? p.year! : 0,
    a.month !== undefined && b.month !== undefined ? p.month! : 0,
    a.day !== undefined && b.day !== undefined ? p.day! : 0,
  ];
  const [x, y] = [key(a), key(b)];
  for (let i = 0; i < 3; i++) if (x[i]! !== y[i]!) return x[i]! < y[i]!;
  return false;
}

export const Session = z.strictObject({
  id,
  title: text(LIMITS.shortText).describe('The session\'s title as the report gives it, e.g. "الجلسة الافتتاحية".'),
  subject: text(LIMITS.shortText)
    .optional()
    .describe('What the session was about, as the report says, e.g. "سايكس بيكو ومخاطر تقسيم الوطن العربي". Shown in the programme.'),
  chair: id
    .optional()
    .describe(
      'The id of the person who chaired or moderated it (in people, delegations or participants); their part (chair or moderator) names what they did.',
    ),
  date: day.optional().describe('The day of the session, in a multi-day event.'),
  time: text(LIMITS.shortText).optional().describe('The time as the report gives it, e.g. "10:00–11:30" or "الساعة العاشرة صباحا".'),
  notes: notes.optional(),
  sources: sources.optional(),
});

export const MessageGroup = z.strictObject({
  speaker: id
    .describe('The id of a person in people, delegations or participants.')
    .register(fieldHelp, { hint: 'use the id of a person in people, delegations or participants, e.g. "sohail-mahmood"' }),
  session: id.optional().describe('The id of the session (in sessions) these messages were given in.'),
  occasion: text(LIMITS.shortText).optional().describe('e.g. "الكلمة الترحيبية".'),
  heading: text(LIMITS.shortText).optional().describe('A heading the report gives to these messages.'),
  points: list(Point),
  notes: notes.optional(),
});

export const Topic = z.strictObject({
  text: text(),
  regions: list(name(), 50).optional().describe('Regions the report names under this topic.'),
  sources: sources.optional(),
});

export const Concern = z.strictObject({
  name: name().describe('The technology, e.g. "الذكاء الاصطناعي".'),
  latin: name().optional().describe('Its common latin name or acronym, e.g. "AI"; shown isolated.'),
  text: text().optional().describe('What the report says about it. Leave out when it says nothing more.'),
  sources: sources.optional(),
});

const Image = z.strictObject({
  file: relativeFile.describe('An image beside the brief (png, jpg or webp).'),
  alt: text(LIMITS.shortText).describe('Alternative text: required so that the deck stays accessible.'),
});

const ReportGap = z.strictObject({
  paragraphs: sources,
  note: text().describe('What the report is missing; the brief notes it and does not fill it.'),
});

/**
 * An institution besides the host: a co-organiser («بالتعاون مع», "with"), a partner, a sponsor («برعاية», under
 * its patronage) or a supporter («بدعم من», "with the support of": it gave support, not its patronage).
 */
export const Organiser = z.strictObject({
  institution: name(),
  latin: latinName().optional().describe('Its name in Latin letters; shown isolated beside it.'),
  relation: z.enum(['co-organiser', 'partner', 'sponsor', 'supporter']).optional().describe('How it took part. Default: co-organiser.'),
  logo: Image.optional(),
  url: link.optional(),
  sources: sources.optional(),
});

export const Delegation = z.strictObject({
  id,
  name: name().describe('e.g. "الوفد الروسي".'),
  side: name().optional().describe('The country or institution the delegation represents.'),
  side_latin: latinName().optional().describe('The side\'s name in Latin letters, e.g. "ISSI"; shown isolated beside it.'),
  members: list(Person),
  notes: notes.optional(),
  sources: sources.optional(),
});

const date = z
  .union([
    z.literal('unknown'),
    day,
    z
      .strictObject({
        from: rangeEnd.describe('The first day: YYYY-MM-DD, or the parts the report gives ({ day: 3, month: 3 }).'),
        to: rangeEnd.describe('The last day, written as the first.'),
        sources: sources.optional(),
      })
      .refine((r) => ordered(r.from, r.to), {
        message: 'ends before it starts, or on the same day',
        params: { hint: 'write the first day in from: and a later day in to: (a single day is written as date: { day, month, year })' },
      }),
    withParts(z.strictObject({ ...dateParts, sources: sources.optional() })),
  ])
  .describe(
    'The date of the event as the report gives it: its parts ({ weekday, day, month, year, sources }: all of them, or only those the report gives), a range ({ from, to, sources }), a day (YYYY-MM-DD, the older form, which cannot cite), or "unknown" when the report gives no date at all. Never guess.',
  )
  .register(fieldHelp, {
    hint: 'write the parts the report gives, e.g. { day: 15, month: 3, year: 2024, sources: [1] } or { weekday: friday, day: 15, month: 3, sources: [1] }, a range as { from: 2008-10-12, to: 2008-10-14, sources: [2] }, or "unknown" when the report gives no date',
  });

/** The Hijri date as the report writes it: a text, or the text and the paragraphs that give it. */
const hijri = z
  .union([
    text(LIMITS.shortText),
    z.strictObject({
      text: text(LIMITS.shortText).describe('The Hijri date exactly as the report writes it, e.g. "18 محرم 1439 هـ".'),
      sources: sources.optional(),
    }),
  ])
  .describe('The Hijri date exactly as the report writes it, e.g. { text: "18 محرم 1439 هـ", sources: [1] }; shown beside the Gregorian one.');

/** An institution that organised the event, on an equal footing with any other host. */
export const Host = z.strictObject({
  institution: name(),
  latin: latinName().optional().describe('Its name in Latin letters; shown isolated beside it.'),
  centre: name().optional().describe('The centre or department of the institution that organised it.'),
  centre_latin: latinName().optional().describe("The centre's name in Latin letters; shown isolated beside it."),
  city: name().optional(),
  country: name().optional(),
  logo: Image.optional(),
  url: link.optional(),
  sources: sources.optional(),
});

/** A heading set by the brief instead of the one mujaz gives a slide. */
const heading = () => text(LIMITS.shortText).describe("The slide's heading, instead of the one mujaz writes from its content.");

export const Brief = z
  .strictObject({
    slug: z
      .string()
      .regex(SLUG, { message: 'must match ^[a-z0-9-]{1,64}$ (it names the output folder)' })
      .describe('Names the output: output/<slug>/.')
      .register(fieldHelp, { hint: 'use lower-case latin letters, digits and hyphens, e.g. "issi-russia-roundtable"', oneLine: true }),
    draft: z
      .boolean()
      .optional()
      .describe(
        'true: the brief is a draft (`mujaz init --from` writes one) not yet reviewed against its report. Every slide and page shows a draft marking and `check --strict` fails until the line is removed.',
      ),
    lang: z.enum(['ar', 'en']).default('ar').describe('The language of the brief.'),
    dir: z.enum(['rtl', 'ltr']).default('rtl').describe('The writing direction of the brief.'),
    digits: z
      .enum(['arab', 'latn'])
      .optional()
      .describe('Digits for slide and paragraph numbers: arab (٠١٢) or latn (012). Default: arab for ar, latn for en.'),
    theme: relativeFile
      .optional()
      .describe("A theme file (the organisation's colours, font, logos, footer and marking), relative to the brief's folder, e.g. themes/issi.yaml."),
    title: text(LIMITS.shortText).describe('The deck title.'),
    subtitle: text(LIMITS.shortText).optional(),
    author: name().optional().describe('Who prepared the brief (PDF author). Default: the host institution (the first-named of several).'),
    keywords: list(name(), 30).optional(),
    created: z.iso.date().optional().describe('Creation date stamped in the PDF; fixed so builds are reproducible.'),
    source: z.strictObject({
      title: text(LIMITS.shortText).describe('The report the brief is distilled from.'),
      file: relativeFile.optional().describe('The report as UTF-8 text beside the brief; citations are checked against it.'),
      url: link.optional(),
      date: day.optional().describe('When the report was published (YYYY-MM-DD): an announced event is shown as announced in the report of that day.'),
      gaps: list(ReportGap, 20).optional().describe('Places where the report itself is incomplete.'),
    }),
    event: z.strictObject({
      kind: text(LIMITS.shortText).describe('What it was, e.g. "مائدة مستديرة".'),
      summary: text().describe('One or two sentences on the event.'),
      status: z
        .enum(['held', 'announced'])
        .optional()
        .describe('held (the default): the report tells of the event; announced: it announces an event still to come.'),
      date,
      date_format: z
        .enum(['day-month-year', 'month-day-year'])
        .optional()
        .describe('How an English brief writes dates: day-month-year (the default, "25 October 2024") or month-day-year ("October 25, 2024").'),
      hijri: hijri.optional(),
      host: z
        .union([Host, z.literal('unknown')])
        .optional()
        .describe('The institution that organised the event (or hosts: for several on an equal footing); unknown when the report names none.'),
      hosts: list(Host, 20)
        .optional()
        .describe('Institutions that organised the event jointly, on an equal footing ("jointly organized by A, B and C"), instead of host:.'),
      organisers: list(Organiser, 20).optional().describe('Co-organisers, partners, sponsors and supporters besides the host.'),
      venue: z
        .strictObject({
          name: name().optional().describe('The place, e.g. a hotel or a conference hall.'),
          name_latin: latinName().optional().describe("The place's name in Latin letters; shown isolated beside it."),
          city: name().optional(),
          country: name().optional(),
          sources: sources.optional(),
        })
        .optional()
        .describe('Where it took place, when that is not simply the host.'),
      heading: heading().optional(),
      format: text().optional(),
      themes: list(Point, 30).optional(),
      notes: notes.optional(),
      sources: sources.optional(),
    }),
    people: list(Person, 100).optional().describe('Who spoke or took part outside any delegation: speakers, panellists, chairs, patrons.'),
    people_heading: heading().optional(),
    sessions: list(Session, 30).optional().describe('The sessions of a multi-session event, in order.'),
    delegations: list(Delegation, 20).optional(),
    participants: z
      .strictObject({
        heading: heading().optional(),
        moderator: Person.optional(),
        joined: list(Person, 50).optional().describe('Officials who joined the discussion.'),
        attendees: list(Point, 50).optional().describe('Groups who attended.'),
        notes: notes.optional(),
      })
      .optional(),
    messages: list(MessageGroup, 50).optional(),
    discussion: z
      .strictObject({
        heading: heading().optional(),
        intro: text().optional(),
        topics: list(Topic, 50),
        notes: notes.optional(),
      })
      .optional(),
    technologies: z
      .strictObject({
        heading: heading().optional(),
        intro: text().optional(),
        concerns: list(Concern, 30),
        notes: notes.optional(),
      })
      .optional(),
    conclusions: z
      .strictObject({
        heading: heading().optional(),
        points: list(Point, 50),
        notes: notes.optional(),
      })
      .optional(),
    sources_notes: notes.optional().describe('Speaker notes for the sources slide.'),
    sources_heading: heading().optional(),
    shrink_to_fit: z.boolean().optional().describe('Set a slide in smaller type when one of its texts is too long for it, instead of failing the build.'),
  })
  .superRefine((b, ctx) => {
    const { host, hosts } = b.event;
    if ((host === undefined) === (hosts === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['event', host === undefined ? 'host' : 'hosts'],
        message: host === undefined ? 'names no host: write host: (or hosts: for several)' : 'gives both host: and hosts:',
        params: {
          hint:
            host === undefined
              ? 'write host: { institution: … } with the institution that organised the event, or host: unknown when the report names none'
              : 'list every host under hosts: and remove host:',
        },
      });
    }
  })
  .describe('A mujaz brief: one event distilled from one report.');

export type Brief = z.infer<typeof Brief>;
export type Person = z.infer<typeof Person>;
export type Point = z.infer<typeof Point>;
export type Concern = z.infer<typeof Concern>;
export type Topic = z.infer<typeof Topic>;
export type MessageGroup = z.infer<typeof MessageGroup>;
export type Delegation = z.infer<typeof Delegation>;
export type Session = z.infer<typeof Session>;
export type Organiser = z.infer<typeof Organiser>;
export type Host = z.infer<typeof Host>;
export type EventDate = Brief['event']['date'];
export type { DateParts };

/** The fonts mujaz bundles (templates/fonts/), by the name a theme gives them. */
export const FONTS = ['amiri'] as const;

const colour = z
  .string()
  .trim()
  .regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, { message: 'must be a colour written as #rrggbb (or #rgb)' })
  .register(fieldHelp, { hint: 'write the colour in hexadecimal, e.g. "#0d2c4b"', oneLine: true });

/** The default theme's colours: what a theme file leaves out. */
export const DEFAULT_COLOURS = {
  primary: '#0d2c4b',
  accent: '#8a5a00',
  text: '#17212b',
  muted: '#4a5866',
  background: '#ffffff',
  band: '#f3f5f7',
} as const;

/**
 * A theme file: an organisation's look, shared by its briefs (a brief names it in `theme:`). Every key is
 * optional; what it leaves out is the default theme's.
 */
export const Theme = z.strictObject({
  name: text(LIMITS.shortText).optional().describe('What the theme is, for people reading the file.'),
  colours: z
    .strictObject({
      primary: colour.optional().describe('Titles, rules and the title slide: the main colour.'),
      accent: colour.optional().describe('Markers, sub-headings, the event kind on the title slide.'),
      text: colour.optional().describe('Body text.'),
      muted: colour.optional().describe('Secondary text: titles of people, citations, the footer.'),
      background: colour.optional().describe('The slide.'),
      band: colour.optional().describe("Boxes on the slide: chips, cards, the title slide's band."),
    })
    .optional(),
  font: z.enum(FONTS).optional().describe('Which of the bundled fonts sets the deck (default: amiri).'),
  logos: list(Image, 3)
    .optional()
    .describe("The organisation's logos, beside the theme file: shown on the title slide, the first also in every slide's footer."),
  footer: name().optional().describe("The footer's text on every slide, instead of the brief's author."),
  marking: text(60).optional().describe('A marking shown on every slide and every page of the PDFs, e.g. «للاستخدام الداخلي», "Chatham House Rule", "Draft".'),
});
export type Theme = z.infer<typeof Theme>;

/** The JSON Schema editors use for completion and errors while typing. */
export function briefJsonSchema(): Record<string, unknown> {
  return jsonSchema(Brief, 'mujaz brief');
}

/** The same for a theme file (schema/theme.schema.json). */
export function themeJsonSchema(): Record<string, unknown> {
  return jsonSchema(Theme, 'mujaz theme');
}

function jsonSchema(root: z.ZodType, title: string): Record<string, unknown> {
  const schema = z.toJSONSchema(root, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return { $schema: schema.$schema, title, ...schema };
}
