/** The bench's helpers (bench/lib.mjs). No timing here: speed is measured by `npm run bench`, never asserted. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { countSlides, lengthenBrief, markdownTable, median, personIds, secondsCell, statusKb, withSlug, withTitleSuffix } from '../../bench/lib.mjs';

const bundledText = readFileSync(path.join(import.meta.dirname, '..', '..', 'briefs', 'issi-russia-roundtable.yaml'), 'utf8');

describe('bench helpers', () => {
  it('takes medians of odd and even counts, skipping failed runs', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([null, 5, undefined])).toBe(5);
    expect(median([])).toBeNull();
  });

  it('counts slides and formats cells and tables', () => {
    expect(countSlides('<section id="a"></section><section id="b"><section class="x">')).toBe(2);
    expect(secondsCell([1, 3, 2])).toBe('2.00 (1.00–3.00)');
    expect(secondsCell([null])).toBe('failed');
    expect(markdownTable(['a', 'b'], [['x|y', 1]])).toBe('| a | b |\n| --- | --- |\n| x\\|y | 1 |');
    expect(statusKb('Name:\tnode\nVmHWM:\t  123456 kB\n', 'VmHWM')).toBe(123456);
  });

  it('rewrites the slug and the title line only', () => {
    const renamed = withSlug(bundledText, 'deck-b01');
    expect(parse(renamed).slug).toBe('deck-b01');
    expect(renamed.split('\n').length).toBe(bundledText.split('\n').length);
    expect(parse(withTitleSuffix(bundledText, ' bench-edit-3')).title).toMatch(/ bench-edit-3$/);
  });

  it('lengthens a brief with unique person ids and speakers that exist', () => {
    const brief = parse(bundledText);
    const long = lengthenBrief(brief, 4, { slug: 'forty' });
    const ids = personIds(long);
    expect(new Set(ids).size).toBe(ids.length);
    expect(long.slug).toBe('forty');
    expect(long.messages).toHaveLength(brief.messages.length * 4);
    expect(long.delegations).toHaveLength(brief.delegations.length * 4);
    for (const m of long.messages) expect(ids).toContain(m.speaker);
    expect(lengthenBrief(brief, 2, { dropMessages: 3 }).messages).toHaveLength(brief.messages.length * 2 - 3);
    expect(personIds(brief)).toEqual(personIds(lengthenBrief(brief, 1)));
  });
});
