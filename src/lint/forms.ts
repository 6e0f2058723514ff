/**
 * Briefs written before a form existed keep working; the lint points at what now has a form of its own:
 * a Latin name written inside a name's parentheses («دان سميث (Dan Smith)», now `latin:`), and a
 * "delegation" of one person with no side (a lone speaker, now a person in `people:` with a `part`).
 */
import type { LoadedBrief } from '../brief/load.js';
import { diagnosticForPath } from '../brief/locate.js';
import { hostsOf } from '../brief/event.js';
import { peopleOf } from '../brief/people.js';
import type { Diagnostic } from '../errors.js';

type Path = (string | number)[];

/** "Arabic words (Latin words)": the Latin form of a name written inline. */
const INLINE_LATIN = /[\u0600-\u06FF][^()]*\(\s*([A-Za-z][A-Za-z .'’-]*)\s*\)\s*$/;

export function olderForms(loaded: LoadedBrief): Diagnostic[] {
  const b = loaded.brief;
  const out: Diagnostic[] = [];
  const warn = (at: Path, message: string, hint: string) => out.push(diagnosticForPath(loaded.source, loaded.doc, at, message, hint, 'warning'));
  const people: { at: Path; name?: string | undefined; latin?: string | undefined }[] = peopleOf(b).map(({ person: p, path }) => ({
    at: [...path, 'name'],
    name: p.name,
    latin: p.latin,
  }));
  const institutions: { at: Path; name: string; latin?: string | undefined }[] = [
    ...hostsOf(b).map(({ host, path }) => ({ at: [...path, 'institution'], name: host.institution, latin: host.latin })),
    ...(b.event.organisers ?? []).map((o, i) => ({ at: ['event', 'organisers', i, 'institution'], name: o.institution, latin: o.latin })),
  ];
  for (const { at, name, latin } of [...people, ...institutions]) {
    const inline = name === undefined || latin !== undefined ? null : INLINE_LATIN.exec(name);
    if (inline) {
      warn(
        at,
        `writes the Latin name "${inline[1]}" inside the name`,
        `write it as \`latin: ${inline[1]}\` beside the name (the deck isolates it), and the name without it`,
      );
    }
  }
  for (const { person: p, path } of peopleOf(b)) {
    const inline = p.affiliation === undefined || p.affiliation_latin !== undefined ? null : INLINE_LATIN.exec(p.affiliation);
    if (inline) {
      warn(
        [...path, 'affiliation'],
        `writes the Latin name "${inline[1]}" inside the affiliation`,
        `write it as \`affiliation_latin: ${inline[1]}\` beside the affiliation (the deck isolates it), and the affiliation without it`,
      );
    }
  }
  (b.delegations ?? []).forEach((d, i) => {
    if (d.members.length === 1 && d.side === undefined) {
      warn(
        ['delegations', i],
        `"${d.name}" is a delegation of one person`,
        'if the report names a speaker rather than a delegation, list them under `people:` with their `part` (keynote, speaker, panellist, presenter, …)',
      );
    }
  });
  return out;
}
