/**
 * The claim check: every item that cites the report is checked against the paragraphs it cites. The kinds
 * say what each field of an item states (claim-fields.ts); the facts it states must occur in those paragraphs
 * (facts.ts); an item whose words are hardly in them is reported as a likely wrong citation (citation-fit.ts).
 */
import type { Document } from 'yaml';
import { hostsOf } from '../brief/event.js';
import type { LoadedBrief } from '../brief/load.js';
import type { Brief } from '../brief/schema.js';
import { pathInWords } from '../brief/locate.js';
import { diagnosticAt, type SourceText } from '../brief/source-text.js';
import { citableItems } from '../deck/kinds/index.js';
import type { Diagnostic } from '../errors.js';
import { citationFit, contentWords } from './citation-fit.js';
import { datesOf } from './dates.js';
import { briefNames, fieldsOf } from './claim-fields.js';
import { type Context, type Fact, factsOf } from './facts.js';
import { type Paragraph, ReportIndex } from './report-index.js';

type Path = (string | number)[];

/** How much of a cited paragraph a finding quotes. */
const QUOTED = 60;

/** "paragraph 9 («وفي كلمته…»)", "paragraphs 14 and 15 («…»; «…»)". */
function cited(paragraphs: readonly Paragraph[]): string {
  const start = (p: Paragraph) => {
    const chars = Array.from(p.text);
    return `«${chars.length > QUOTED ? `${chars.slice(0, QUOTED).join('').trimEnd()}…` : p.text}»`;
  };
  const ns = paragraphs.map((p) => p.n);
  const which = ns.length === 1 ? `paragraph ${ns[0]}` : `paragraphs ${ns.slice(0, -1).join(', ')} and ${ns[ns.length - 1]}`;
  return `${which} (${paragraphs.slice(0, 2).map(start).join('; ')}${paragraphs.length > 2 ? '; …' : ''})`;
}

/** The node of a path, for the place of a finding inside a field. */
function rangeOf(doc: Document.Parsed, at: Path): [number, number] | undefined {
  const node = doc.getIn(at, true) as { range?: [number, number, number] } | undefined;
  return node?.range ? [node.range[0], node.range[1]] : undefined;
}

/** Where `written` stands in the brief's text of the field at `at`, or the field's start. */
function placeOf(src: SourceText, doc: Document.Parsed, at: Path, written: string): [number, number] {
  const range = rangeOf(doc, at) ?? rangeOf(doc, at.slice(0, -1)) ?? [0, 1];
  const inBrief = src.text.slice(range[0], range[1]);
  const i = written === '' ? -1 : inBrief.indexOf(written);
  return i >= 0 ? [range[0] + i, range[0] + i + written.length] : range;
}

/** What the claim check refuses in an item: a fact of one of its fields that its paragraphs do not state, or its citation. */
export interface ClaimFinding {
  /** The cited item (e.g. ['people', 2]). */
  item: Path;
  /** The field the fact is in, or the item's `sources` for a likely wrong citation. */
  at: Path;
  /** A fact not found: its words in the field's text (for a citation: undefined). */
  fact?: { what: string; written: string };
  cites: Paragraph[];
  /** A paragraph that says far more of the item (a likely wrong citation). */
  better?: Paragraph;
}

/** Whether a report is in Arabic (else Arabic words of a brief are not looked for in it). */
export function arabicReport(index: ReportIndex): boolean {
  let arabic = 0;
  let latin = 0;
  for (const p of index.paragraphs) for (const t of p.tokens) t.kind === 'arabic' ? arabic++ : t.kind === 'latin' && latin++;
  return arabic * 4 >= latin;
}

/**
 * Everything the claim check refuses in a brief against its report's paragraphs, item by item: `mujaz check`
 * reports each at its place, and the drafter (src/draft/) drops each from a draft.
 */
export function claimFindings(brief: Brief, index: ReportIndex): ClaimFinding[] {
  const ctx: Context = { index, ...briefNames(brief), arabicReport: arabicReport(index) };
  const out: ClaimFinding[] = [];
  for (const item of citableItems(brief)) {
    const sources = Array.isArray(item.sources) ? (item.sources as number[]) : [];
    const cites = [...new Set(sources)].map((n) => index.paragraphs[n - 1]).filter((p): p is Paragraph => p !== undefined);
    if (cites.length === 0) continue;
    const fields = fieldsOf(brief, item);
    let flagged = false;
    for (const field of fields) {
      // One finding for a span of the text: «السفير سهيل محمود» is one name, not a title's word and a name.
      const reported: Fact[] = [];
      for (const fact of factsOf(field, ctx)) {
        if (cites.some((p) => fact.found(p))) continue;
        if (reported.some((r) => r.what === fact.what || (fact.start < r.end && r.start < fact.end))) continue;
        reported.push(fact);
        flagged = true;
        out.push({ item: item.path, at: field.path, fact: { what: fact.what, written: field.text.slice(fact.start, fact.end) }, cites });
      }
    }
    if (flagged || (!ctx.arabicReport && fields.some((f) => /[\u0600-\u06FF]/.test(f.text)))) continue;
    // A likely wrong citation: none of the item's words in its paragraphs, or another paragraph that has them all.
    const words = contentWords(fields);
    if (words.length === 0) continue;
    const fit = citationFit(words, cites, index);
    if (fit.shares && !fit.better) continue;
    out.push({ item: item.path, at: [...item.path, 'sources'], cites, ...(fit.better ? { better: fit.better } : {}) });
  }
  return out;
}

export function checkClaims(loaded: LoadedBrief): Diagnostic[] {
  const report = loaded.report;
  if (!report || report.paragraphs.length === 0) return [];
  const { brief, source: src, doc } = loaded;
  const index = new ReportIndex(report.paragraphs);
  const out: Diagnostic[] = [];
  const warn = (at: Path, [start, end]: readonly [number, number], message: string, hint: string) =>
    out.push(diagnosticAt(src, start, end, `${pathInWords(at)}: ${message}`, hint, 'warning'));
  // "unknown" where the paragraphs about the event give a day: the slide would say «غير مذكور في التقرير».
  if (brief.event.date === 'unknown') {
    const about = [...(brief.event.sources ?? []), ...hostsOf(brief).flatMap((h) => h.host.sources ?? []), ...(brief.event.venue?.sources ?? [])];
    const ns = about.length > 0 ? [...new Set(about)].sort((a, b) => a - b) : [1, 2];
    for (const p of ns.map((n) => index.paragraphs[n - 1]).filter((x): x is Paragraph => x !== undefined)) {
      const d = datesOf(p);
      const named = [...d.gregorian, ...d.hijri].find((m) => m.day !== undefined);
      if (!named) continue;
      warn(
        ['event', 'date'],
        rangeOf(doc, ['event', 'date']) ?? [0, 1],
        `is "unknown", but paragraph ${p.n} gives a date («${p.text.slice(named.start, named.end)}»), and the slide would say it is not given in the report`,
        `write the parts of the date the report gives, e.g. \`date: { day: 15, month: 3, sources: [${p.n}] }\` (with the weekday or year when it gives them)`,
      );
      break;
    }
  }

  for (const f of claimFindings(brief, index)) {
    if (f.fact) {
      warn(
        f.at,
        placeOf(src, doc, f.at, f.fact.written),
        `${f.fact.what} is not in ${cited(f.cites)}, which it cites`,
        'cite the paragraph of the report that says it, or take it out if the report does not say it',
      );
      continue;
    }
    const range = rangeOf(doc, f.at) ?? rangeOf(doc, f.item) ?? [0, 1];
    warn(
      f.at,
      range,
      f.better
        ? `the item's words are hardly in ${cited(f.cites)}, which it cites, and nearly all in paragraph ${f.better.n} (${cited([f.better]).replace(/^paragraph \d+ \(|\)$/g, '')}): is the citation right?`
        : `the item shares no word with ${cited(f.cites)}, which it cites: is the citation right?`,
      f.better ? `cite paragraph ${f.better.n} if the item comes from it` : 'cite the paragraph the item comes from',
    );
  }
  return out;
}
