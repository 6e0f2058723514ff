/**
 * The brief's schema: the one source of truth. The `Brief` type is inferred from it and
 * schema/brief.schema.json is generated from it (`mujaz schema`).
 *
 * It describes briefings in general: any number of delegations, people, messages, topics and concerns.
 * Sections a report may lack are optional.
 */
import { z } from 'zod';
import { BIDI, CONTROL, INVISIBLE, ZERO_WIDTH } from './characters.js';

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
 * feeds). validate.ts reads it from the schema node at an issue's path; a `.describe()` copy inherits it.
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
    .regex(CONTROL.absent, { message: CONTROL.message });
}

function name() {
  return text(LIMITS.shortText).regex(ZERO_WIDTH.absent, { message: ZERO_WIDTH.message });
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

export const Person = z
  .strictObject({
    id,
    name: name().optional().describe('The name as the report gives it. Leave out for a group ("senior officials").'),
    title: name().optional().describe('Honorific or rank as the report gives it, e.g. "السفير".'),
    role: text(LIMITS.shortText * 2).describe('The role exactly as the report gives it.'),
    sources: sources.optional(),
  })
  .describe('A person, or a group of people the report does not name.');

export const Delegation = z.strictObject({
  id,
  name: name().describe('e.g. "الوفد الروسي".'),
  side: name().optional().describe('The country or institution the delegation represents.'),
  members: list(Person),
  notes: notes.optional(),
  sources: sources.optional(),
});

export const MessageGroup = z.strictObject({
  speaker: id
    .describe('The id of a person in delegations or participants.')
    .register(fieldHelp, { hint: 'use the id of a person in delegations or participants, e.g. "sohail-mahmood"' }),
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

const date = z
  .union([z.literal('unknown'), z.iso.date({ message: 'must be a date as YYYY-MM-DD, or "unknown"' })])
  .describe('The date of the event, or "unknown" when the report does not give it. Never guess.')
  .register(fieldHelp, { hint: 'write the date as YYYY-MM-DD, e.g. 2024-03-15, or "unknown" when the report does not give it' });

export const Brief = z
  .strictObject({
    slug: z
      .string()
      .regex(SLUG, { message: 'must match ^[a-z0-9-]{1,64}$ (it names the output folder)' })
      .describe('Names the output: output/<slug>/.')
      .register(fieldHelp, { hint: 'use lower-case latin letters, digits and hyphens, e.g. "issi-russia-roundtable"', oneLine: true }),
    lang: z.enum(['ar', 'en']).default('ar').describe('The language of the brief.'),
    dir: z.enum(['rtl', 'ltr']).default('rtl').describe('The writing direction of the brief.'),
    digits: z
      .enum(['arab', 'latn'])
      .optional()
      .describe('Digits for slide and paragraph numbers: arab (٠١٢) or latn (012). Default: arab for ar, latn for en.'),
    title: text(LIMITS.shortText).describe('The deck title.'),
    subtitle: text(LIMITS.shortText).optional(),
    author: name().optional().describe('Who prepared the brief (PDF author). Default: the host institution.'),
    keywords: list(name(), 30).optional(),
    created: z.iso.date().optional().describe('Creation date stamped in the PDF; fixed so builds are reproducible.'),
    source: z.strictObject({
      title: text(LIMITS.shortText).describe('The report the brief is distilled from.'),
      file: relativeFile.optional().describe('The report as UTF-8 text beside the brief; citations are checked against it.'),
      url: link.optional(),
      gaps: list(ReportGap, 20).optional().describe('Places where the report itself is incomplete.'),
    }),
    event: z.strictObject({
      kind: text(LIMITS.shortText).describe('What it was, e.g. "مائدة مستديرة".'),
      summary: text().describe('One or two sentences on the event.'),
      date,
      host: z.strictObject({
        institution: name(),
        centre: name().optional(),
        city: name().optional(),
        country: name().optional(),
        logo: Image.optional(),
        url: link.optional(),
      }),
      format: text().optional(),
      themes: list(Point, 30).optional(),
      notes: notes.optional(),
      sources: sources.optional(),
    }),
    delegations: list(Delegation, 20).optional(),
    participants: z
      .strictObject({
        moderator: Person.optional(),
        joined: list(Person, 50).optional().describe('Officials who joined the discussion.'),
        attendees: list(Point, 50).optional().describe('Groups who attended.'),
        notes: notes.optional(),
      })
      .optional(),
    messages: list(MessageGroup, 50).optional(),
    discussion: z
      .strictObject({
        intro: text().optional(),
        topics: list(Topic, 50),
        notes: notes.optional(),
      })
      .optional(),
    technologies: z
      .strictObject({
        intro: text().optional(),
        concerns: list(Concern, 30),
        notes: notes.optional(),
      })
      .optional(),
    conclusions: z
      .strictObject({
        points: list(Point, 50),
        notes: notes.optional(),
      })
      .optional(),
    sources_notes: notes.optional().describe('Speaker notes for the sources slide.'),
    shrink_to_fit: z.boolean().optional().describe('Set a slide in smaller type when one of its texts is too long for it, instead of failing the build.'),
  })
  .describe('A mujaz brief: one event distilled from one report.');

export type Brief = z.infer<typeof Brief>;
export type Person = z.infer<typeof Person>;
export type Point = z.infer<typeof Point>;
export type Concern = z.infer<typeof Concern>;
export type Topic = z.infer<typeof Topic>;
export type MessageGroup = z.infer<typeof MessageGroup>;
export type Delegation = z.infer<typeof Delegation>;

/** The JSON Schema editors use for completion and errors while typing. */
export function briefJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Brief, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    title: 'mujaz brief',
    ...schema,
  };
}
