/**
 * A likely wrong citation: an item whose content words its cited paragraphs do not share (none of them, or
 * little of what another paragraph of the report says nearly all of).
 */
import type { Field } from './claim-fields.js';
import { tokenize } from './normalise.js';
import { isStop, type Paragraph, type ReportIndex } from './report-index.js';

/** Content words of an item. */
export function contentWords(fields: readonly Field[]): string[] {
  const words = new Set<string>();
  for (const f of fields) {
    if (f.role !== 'text' && f.role !== 'person' && f.role !== 'institution' && f.role !== 'organiser') continue;
    for (const t of tokenize(f.text)) if (t.kind !== 'number' && !isStop(t.form) && t.form.length >= 2) words.add(t.form);
  }
  return [...words];
}

/** Below this share of its words (weighted) found in its paragraphs, an item may cite the wrong one… */
const WEAK = 0.5;
/** …if another paragraph has this share at least, and this much more. */
const STRONG = 0.8;
const MARGIN = 0.4;

/**
 * How an item's content words are spread over the report: the share its cited paragraphs have, and the
 * paragraph that has far more, if one does. A word weighs more the fewer paragraphs have it; a word the report
 * never uses (the brief's own paraphrase) weighs nothing.
 */
export function citationFit(words: readonly string[], cites: readonly Paragraph[], index: ReportIndex): { shares: boolean; better?: Paragraph } {
  const count = index.paragraphs.length;
  const weighted = words.map((w) => {
    const where = index.similar(w);
    return { where, weight: where.size === 0 ? 0 : Math.log(1 + count / where.size) };
  });
  const shares = weighted.some((w) => cites.some((p) => w.where.has(p.n)));
  const total = weighted.reduce((s, w) => s + w.weight, 0);
  if (total === 0) return { shares };
  const share = (has: (n: number) => boolean) => weighted.filter((w) => [...w.where].some(has)).reduce((s, w) => s + w.weight, 0) / total;
  const own = share((n) => cites.some((p) => p.n === n));
  if (own >= WEAK) return { shares };
  // Each paragraph's share, added up word by word: time in proportion to where the words are.
  const per = new Map<number, number>();
  for (const w of weighted) for (const n of w.where) per.set(n, (per.get(n) ?? 0) + w.weight);
  let better: { p: Paragraph; s: number } | undefined;
  for (const [n, sum] of per) {
    const s = sum / total;
    if (cites.some((p) => p.n === n)) continue;
    if (s >= STRONG && s - own >= MARGIN && (!better || s > better.s)) better = { p: index.paragraphs[n - 1]!, s };
  }
  return better ? { shares, better: better.p } : { shares };
}
