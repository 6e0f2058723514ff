/** Briefs of the older forms keep working, with a warning that names the form made for them since. */
import path from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadBriefText } from '../../src/brief/load.js';
import { olderForms } from '../../src/lint/forms.js';
import { bundledBrief } from '../support/build.js';
import { type BriefObject, bundledObject } from '../support/variants.js';

async function warnings(brief: BriefObject): Promise<string[]> {
  const text = stringify(brief, { lineWidth: 0 });
  const loaded = await loadBriefText(path.join(path.dirname(bundledBrief), 'variant.yaml'), Buffer.from(text));
  return olderForms(loaded).map((d) => `${d.severity} ${text.split('\n')[d.line - 1]!.trim()} | ${d.message} | ${d.hint}`);
}

describe('older forms', () => {
  it('finds none in the bundled brief', async () => {
    expect(await warnings(await bundledObject())).toEqual([]);
  });

  it("points a Latin name written in a name's parentheses to latin:, at that name", async () => {
    const b = await bundledObject();
    b.delegations[0].members[0].name = 'سيرغي ريابكوف (Sergey Ryabkov)';
    b.event.host.institution = 'معهد الدراسات الاستراتيجية (ISSI)';
    const found = await warnings(b);
    expect(found).toHaveLength(2);
    expect(found.find((w) => w.includes('Sergey'))).toMatch(
      /^warning name: سيرغي ريابكوف \(Sergey Ryabkov\) \| .*"Sergey Ryabkov" inside the name \| write it as `latin: Sergey Ryabkov`/,
    );
    expect(found.find((w) => w.includes('ISSI'))).toMatch(/^warning institution: .* \| .*"ISSI"/);
    // Written as the new form, nothing to say.
    b.delegations[0].members[0].name = 'سيرغي ريابكوف';
    b.delegations[0].members[0].latin = 'Sergey Ryabkov';
    b.event.host.institution = 'معهد الدراسات الاستراتيجية';
    expect(await warnings(b)).toEqual([]);
  });

  it('points a delegation of one person and no side to people, at the delegation', async () => {
    const b = await bundledObject();
    b.delegations[0].members = [b.delegations[0].members[0]];
    delete b.delegations[0].side;
    const [w] = await warnings(b);
    expect(w).toMatch(/^warning - id: russia \| delegations\[0\]: ".+" is a delegation of one person \| .*`people:` with their `part`/);
  });
});
