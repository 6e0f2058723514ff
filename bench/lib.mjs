/**
 * Pure helpers of `npm run bench` (scripts/bench.mjs): statistics, generated briefs, the Markdown table.
 * No I/O here, so tests/bench can check them without a browser.
 */

/** The median of a list of numbers (the mean of the middle two for an even count); null for none. */
export function median(values) {
  const xs = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

/** How many slides a built deck has: its `<section id=` elements. */
export function countSlides(html) {
  return (html.match(/<section id=/g) ?? []).length;
}

/** The brief's text with its top-level `slug:` replaced (the rest of the file untouched). */
export function withSlug(text, slug) {
  if (!/^slug:.*$/m.test(text)) throw new Error('the brief has no top-level slug: line');
  return text.replace(/^slug:.*$/m, `slug: ${slug}`);
}

/** The brief's text with `suffix` appended to its top-level `title:` (a one-line title). */
export function withTitleSuffix(text, suffix) {
  if (!/^title: .+$/m.test(text)) throw new Error('the brief has no one-line top-level title: line');
  return text.replace(/^title: (.+)$/m, (_, t) => `title: ${t}${suffix}`);
}

const copyId = (id, n) => (n === 0 ? id : `${id}-x${n + 1}`);
const repeat = (list, copies, f) => (Array.isArray(list) ? Array.from({ length: copies }, (_, n) => list.map((item) => f(item, n))).flat() : list);

/**
 * A longer brief from a parsed one: every list `copies` times over. People in delegations and `joined` get
 * unique ids in each copy (`id-x2`, `id-x3`, …), and each copy of a message names its copy's speaker; the
 * moderator is not copied. The last `dropMessages` messages are left out, to fine-tune the slide count.
 */
export function lengthenBrief(brief, copies, { dropMessages = 0, slug } = {}) {
  if (!Number.isInteger(copies) || copies < 1) throw new Error('copies must be a whole number ≥ 1');
  const b = structuredClone(brief);
  const copied = new Set();
  for (const d of brief.delegations ?? []) for (const m of d.members ?? []) copied.add(m.id);
  for (const m of brief.participants?.joined ?? []) copied.add(m.id);
  const clone = (x) => structuredClone(x);

  if (slug) b.slug = slug;
  if (b.event?.themes) b.event.themes = repeat(brief.event.themes, copies, clone);
  b.delegations = repeat(brief.delegations, copies, (d, n) => ({
    ...clone(d),
    ...(d.id ? { id: copyId(d.id, n) } : {}),
    members: d.members.map((m) => ({ ...clone(m), id: copyId(m.id, n) })),
  }));
  if (b.participants) {
    b.participants.joined = repeat(brief.participants.joined, copies, (m, n) => ({ ...clone(m), id: copyId(m.id, n) }));
    b.participants.attendees = repeat(brief.participants.attendees, copies, clone);
  }
  b.messages = repeat(brief.messages, copies, (m, n) => ({ ...clone(m), speaker: copied.has(m.speaker) ? copyId(m.speaker, n) : m.speaker }));
  if (Array.isArray(b.messages) && dropMessages > 0) b.messages = b.messages.slice(0, Math.max(1, b.messages.length - dropMessages));
  if (b.discussion) b.discussion.topics = repeat(brief.discussion.topics, copies, clone);
  if (b.technologies) b.technologies.concerns = repeat(brief.technologies.concerns, copies, clone);
  if (b.conclusions) b.conclusions.points = repeat(brief.conclusions.points, copies, clone);
  for (const key of Object.keys(b)) if (b[key] === undefined) delete b[key];
  return b;
}

/** The person ids of a parsed brief, in order (duplicates kept, so a test can find them). */
export function personIds(brief) {
  return [
    ...(brief.delegations ?? []).flatMap((d) => d.members.map((m) => m.id)),
    ...(brief.participants?.moderator ? [brief.participants.moderator.id] : []),
    ...(brief.participants?.joined ?? []).map((m) => m.id),
  ];
}

/** `/proc/<pid>/status` text → a field in kB (VmHWM, VmRSS, …), or null. */
export function statusKb(text, field) {
  const m = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(text);
  return m ? Number(m[1]) : null;
}

/** A cell for seconds: `3.52 (3.41–3.90)`; "failed" when no run succeeded. */
export function secondsCell(values) {
  const ok = values.filter((v) => typeof v === 'number');
  if (ok.length === 0) return 'failed';
  const f = (v) => v.toFixed(2);
  return ok.length === 1 ? f(ok[0]) : `${f(median(ok))} (${f(Math.min(...ok))}–${f(Math.max(...ok))})`;
}

/** A Markdown table from a header and rows of cells (pipes in cells escaped). */
export function markdownTable(head, rows) {
  const cell = (c) =>
    String(c ?? '')
      .replace(/\|/g, '\\|')
      .replace(/\n/g, ' ');
  return [head, head.map(() => '---'), ...rows].map((r) => `| ${r.map(cell).join(' | ')} |`).join('\n');
}

/** ✅ / ❌ for a value against a target, "—" when either is missing. */
export function mark(value, test) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return test(value) ? '✅' : '❌';
}
