/**
 * A draft as a brief's YAML: the one place that writes it. The brief's data comes from `briefOf` (draft.ts);
 * here each drafted value gets a `# drafted from ¶N` comment above it, the mark `draft: true` its comment, and
 * the report's numbered paragraphs the header comment, as the scaffold lists them.
 *
 * `drafted` names where each drafted value is and its paragraph: a value that cites the report in its own
 * `sources:` field (people, sessions, points) and one that cannot yet (the event's kind, title, host, date,
 * Hijri date: when their schema gains `sources:`, set it in `briefOf` and keep the comment here).
 */
import { Document, isMap, isScalar, isSeq, type Node, visit, type YAMLMap } from 'yaml';
import { briefOf, type Draft } from './draft.js';

type Path = (string | number)[];

const WORDS = {
  ar: {
    draft: 'مسودة استخلصها «mujaz init --from» من التقرير: راجع كل قيمة عليها «drafted from ¶N» مقابل الفقرة، ثم احذف هذا السطر.',
    strict: 'ما دام السطر هنا تحمل كل شريحة وصفحة علامة «مسودة» ويرفض «mujaz check --strict» الموجز.',
    placeholders: 'كل قيمة بين قوسين معقوفين "[هكذا]" لم يجدها المستخلص واضحة في التقرير: ضع مكانها ما يقوله التقرير أو احذف الحقل.',
    paragraphs: 'فقرات التقرير مرقمة للاستشهاد بها في sources',
    end: 'نهاية الفقرات',
    partDate: (w: string) => `يذكر التقرير «${w}» دون السنة: لا يُخمَّن التاريخ`,
  },
  en: {
    draft: 'A draft made by `mujaz init --from` from the report: check each value marked "drafted from ¶N" against its paragraph, then delete this line.',
    strict: 'While this line is here every slide and page is marked "Draft" and `mujaz check --strict` refuses the brief.',
    placeholders: 'Each value in square brackets "[like this]" was not plain in the report: write what the report says, or delete the field.',
    paragraphs: "the report's paragraphs, numbered for citing in sources",
    end: 'end of the paragraphs',
    partDate: (w: string) => `the report gives "${w}" without the year: the date is not guessed`,
  },
} as const;

/** Where each drafted value stands in the brief, with the paragraph(s) it came from. */
function drafted(draft: Draft): { at: Path; from: number[] }[] {
  const out: { at: Path; from: number[] }[] = [];
  const ev = draft.event;
  if (ev.title) out.push({ at: ['title'], from: [ev.title.n] });
  if (ev.kind) out.push({ at: ['event', 'kind'], from: [ev.kind.n] });
  if (ev.date) out.push({ at: ['event', 'date'], from: [ev.date.n] });
  else if (ev.partDate?.day !== undefined || ev.partDate?.weekday !== undefined) out.push({ at: ['event', 'date'], from: [ev.partDate.n] });
  if (ev.hijri) out.push({ at: ['event', 'hijri'], from: [ev.hijri.n] });
  if (ev.host) out.push({ at: ['event', 'host'], from: [ev.host.n] });
  ev.organisers.forEach((o, i) => out.push({ at: ['event', 'organisers', i], from: [o.n] }));
  if (ev.venue) out.push({ at: ['event', 'venue'], from: [ev.venue.n] });
  ev.themes.forEach((t, i) => out.push({ at: ['event', 'themes', i], from: [t.n] }));
  draft.people.forEach((p, i) => out.push({ at: ['people', i], from: p.sources }));
  draft.sessions.forEach((s, i) => out.push({ at: ['sessions', i], from: s.sources }));
  draft.messages.forEach((m, i) => m.points.forEach((p, j) => out.push({ at: ['messages', i, 'points', j], from: p.sources })));
  return out;
}

/** A one-line comment: no line breaks, no control or bidi characters. */
const oneLine = (text: string) => text.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu, ' ').trimEnd();

export interface EmitOptions {
  slug: string;
  sourceFile: string;
  schemaPath: string;
  paragraphs: readonly string[];
}

/** The draft as the text of a brief. */
export function emitDraft(draft: Draft, options: EmitOptions): string {
  const words = WORDS[draft.lang];
  const doc = new Document(briefOf(draft, options.slug, options.sourceFile));
  // Citations on one line: `sources: [4, 5]`.
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === 'sources' && isSeq(pair.value)) pair.value.flow = true;
    },
  });
  const note = (at: Path, comment: string) => {
    const node = doc.getIn(at, true) as Node | undefined;
    const parentAt = at.slice(0, -1);
    const parent = (parentAt.length ? doc.getIn(parentAt, true) : doc.contents) as unknown;
    // A map's key carries the comment of its value: the line reads «# …» then «key: value».
    if (isMap(parent)) {
      const pair = (parent as YAMLMap).items.find((p) => (p.key as { value?: unknown })?.value === at[at.length - 1]);
      const key = pair?.key as Node | undefined;
      if (key) key.commentBefore = key.commentBefore ? `${key.commentBefore}\n${comment}` : comment;
      return;
    }
    if (isSeq(parent) && node) node.commentBefore = node.commentBefore ? `${node.commentBefore}\n${comment}` : comment;
  };
  for (const d of drafted(draft)) note(d.at, ` drafted from ${[...new Set(d.from)].map((n) => `¶${n}`).join(', ')}`);
  note(['draft'], ` ${words.draft}\n ${words.strict}`);
  // A year alone is noted beside `date: unknown` (a day and a month are the date itself).
  if (draft.event.partDate && draft.event.partDate.day === undefined && draft.event.partDate.weekday === undefined)
    note(['event', 'date'], ` ${words.partDate(draft.event.partDate.value)} (¶${draft.event.partDate.n})`);
  const header = [
    ` yaml-language-server: $schema=${options.schemaPath}`,
    '',
    ` ${words.placeholders}`,
    '',
    ` ─── ${words.paragraphs} (${options.sourceFile}) ───`,
    ...options.paragraphs.map((p, i) => ` [${i + 1}] ${oneLine(p)}`),
    ` ─── ${words.end} (${options.paragraphs.length}) ───`,
  ];
  doc.commentBefore = header.join('\n');
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n+$/, '\n');
}
