/** Variants of the bundled brief, written with its report beside them into a temporary folder. */
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { bundledBrief, tempDir } from './build.js';

// biome-ignore lint/suspicious/noExplicitAny: tests edit the brief as plain YAML data, field by field
export type BriefObject = any;

export async function bundledObject(): Promise<BriefObject> {
  return parse(await readFile(bundledBrief, 'utf8'));
}

/** Writes `brief` (an object or YAML text) as <tmp>/<name>.yaml with the bundled sources/ beside it. */
export async function writeVariant(brief: BriefObject | string, name = 'variant'): Promise<{ dir: string; file: string }> {
  const dir = await tempDir('mujaz-variant-');
  await cp(path.join(path.dirname(bundledBrief), 'sources'), path.join(dir, 'sources'), { recursive: true });
  const file = path.join(dir, `${name}.yaml`);
  await writeFile(file, typeof brief === 'string' ? brief : stringify(brief, { lineWidth: 0 }));
  return { dir, file };
}

/** Every list in the brief made `times` longer (ids kept unique, so the brief stays valid). */
export function lengthenLists(brief: BriefObject, times: number): BriefObject {
  const copy = structuredClone(brief);
  const grow = <T>(list: T[] | undefined, renameIds = false): T[] | undefined => {
    if (!list) return list;
    const out: T[] = [];
    for (let k = 0; k < times; k++) {
      for (const item of list) {
        const c = structuredClone(item) as T & { id?: string };
        if (renameIds && k > 0 && c.id) c.id = `${c.id}-${k}`;
        out.push(c);
      }
    }
    return out;
  };
  copy.event.themes = grow(copy.event.themes);
  for (const d of copy.delegations) d.members = grow(d.members, true);
  copy.participants.joined = grow(copy.participants.joined, true);
  copy.participants.attendees = grow(copy.participants.attendees);
  for (const m of copy.messages) m.points = grow(m.points);
  copy.messages = grow(copy.messages);
  copy.discussion.topics = grow(copy.discussion.topics);
  copy.technologies.concerns = grow(copy.technologies.concerns);
  copy.conclusions.points = grow(copy.conclusions.points);
  copy.delegations = grow(copy.delegations, true);
  // Delegations repeated need unique member ids too.
  copy.delegations.forEach((d: { id: string; members: { id: string }[] }, i: number) => {
    if (i >= brief.delegations.length) d.members.forEach((m) => (m.id = `${m.id}-d${i}`));
  });
  return copy;
}
