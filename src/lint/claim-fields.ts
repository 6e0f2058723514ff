/**
 * What the brief tells the claim check: the fields of a cited item and what each states, as its kind
 * declares them (`claims` in src/deck/kinds/), and the names and places the brief gives, which the check
 * knows in any text (its people, from src/brief/people.ts; the institutions and places the kinds name).
 */
import { peopleOf, personById } from '../brief/people.js';
import type { Brief, DateParts } from '../brief/schema.js';
import { kindsNames } from '../deck/kinds/index.js';
import type { Citable, ClaimRole } from '../deck/kinds/kind.js';
import { tokenize } from './normalise.js';
import { PLACEHOLDER } from './placeholder.js';

type Path = (string | number)[];

/** A text of an item: the field it is in, and what it is. */
export interface Field {
  path: Path;
  text: string;
  /**
   * gloss: a Latin form beside an Arabic name, which a report in Arabic need not write; weekday, day, month,
   * year: a part of a date written as its parts; hijri: a Hijri date as the report writes it.
   */
  role: 'text' | 'person' | 'institution' | 'organiser' | 'place' | 'date' | 'gloss' | 'weekday' | 'day' | 'month' | 'year' | 'hijri';
  /** The whole date a part belongs to (a day is looked for with its month). */
  parts?: DateParts;
}

const DATE_PARTS = ['weekday', 'day', 'month', 'year'] as const;

/** The names the brief gives its people and institutions, as words. */
export interface KnownName {
  words: string[];
  kind: 'person' | 'institution';
  shown: string;
}

function valueAt(root: unknown, at: Path): unknown {
  let v: unknown = root;
  for (const k of at) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined;
  return v;
}

const arabic = (v: unknown) => typeof v === 'string' && /[\u0600-\u06FF]/.test(v);

/** The text fields of an item, in the order the brief writes them, and what each is. */
export function fieldsOf(brief: Brief, item: Citable): Field[] {
  const out: Field[] = [];
  const value = valueAt(brief, item.path);
  if (!value || typeof value !== 'object') return out;
  const o = value as Record<string, unknown>;
  const at = item.path;
  // A placeholder left from the scaffold is an error of its own (lint.ts), not a claim.
  const field = (where: Path, text: string, role: Field['role']) => {
    if (!PLACEHOLDER.test(text)) out.push({ path: where, text, role });
  };
  // What a name field is when it stands alone: a person's, an institution's, or prose.
  const alone = (role: ClaimRole | undefined): Field['role'] => (role === 'person' || role === 'institution' || role === 'organiser' ? role : 'text');
  for (const [key, v] of Object.entries(o)) {
    const role = item.claims[key];
    if (role === undefined) continue;
    if (role === 'place') {
      if (Array.isArray(v)) {
        v.forEach((r, i) => {
          if (typeof r === 'string') field([...at, key, i], r, 'place');
        });
      } else if (typeof v === 'string') field([...at, key], v, 'place');
      continue;
    }
    if (role === 'weekday' || role === 'day' || role === 'month' || role === 'year') {
      if (typeof v === 'number' || typeof v === 'string') out.push({ path: [...at, key], text: String(v), role, parts: o as DateParts });
      continue;
    }
    if (role === 'date-end') {
      // An end of a range: a day, or its parts.
      if (typeof v === 'string') field([...at, key], v, 'date');
      else if (v && typeof v === 'object') {
        const parts = v as DateParts;
        for (const part of DATE_PARTS) {
          const pv = parts[part];
          if (pv !== undefined) out.push({ path: [...at, key, part], text: String(pv), role: part, parts });
        }
      }
      continue;
    }
    if (typeof v !== 'string') continue;
    if (typeof role === 'object') {
      // A Latin form beside an Arabic name is its gloss; alone, it is the name.
      field([...at, key], v, arabic(o[role.latinOf]) ? 'gloss' : alone(item.claims[role.latinOf]));
    } else if (role === 'date') {
      if (/^\d{4}-\d\d-\d\d$/.test(v)) field([...at, key], v, 'date');
    } else if (role === 'person-id') {
      // Named by its id (a session's chair): the person's name is what the cited paragraphs must name.
      const person = personById(brief, v);
      const name = person?.name ?? person?.latin;
      if (name) field([...at, key], name, 'person');
    } else if (role === 'text' && key === 'affiliation' && INLINE_GLOSS.test(v)) {
      // «معهد ستوكهولم الدولي لأبحاث السلام (SIPRI)»: the Latin name in brackets is the affiliation's gloss.
      const m = INLINE_GLOSS.exec(v)!;
      field([...at, key], v.slice(0, m.index), 'text');
      field([...at, key], m[1]!, 'gloss');
    } else field([...at, key], v, role);
  }
  return out;
}

/** A Latin name in brackets at the end of an Arabic text: its gloss, written inline. */
const INLINE_GLOSS = /(?<=[\u0600-\u06FF][^()]*)\s*\(\s*([A-Za-z][A-Za-z .&'’-]*)\s*\)\s*$/;

/** The names the brief gives its people and institutions, and its own places (paraphrase may name them), as words. */
export function briefNames(brief: Brief): { names: KnownName[]; own: string[][] } {
  const names: KnownName[] = [];
  const add = (text: string | undefined, kind: KnownName['kind']) => {
    if (!text) return;
    const words = tokenize(text)
      .filter((t) => t.kind !== 'number')
      .map((t) => t.form);
    // One word of one or two letters is no name to look for («د.»); a name of a few words is.
    if (words.length === 0 || (words.length === 1 && words[0]!.length < 3)) return;
    if (!names.some((n) => n.words.join(' ') === words.join(' '))) names.push({ words, kind, shown: text });
  };
  for (const { person } of peopleOf(brief)) {
    add(person.name, 'person');
    add(person.latin, 'person');
    add(person.affiliation, 'institution');
  }
  const named = kindsNames(brief);
  for (const institution of named.institutions) add(institution, 'institution');
  return { names, own: named.places.map((t) => tokenize(t).map((x) => x.form)) };
}
