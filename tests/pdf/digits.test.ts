/**
 * Digits that keep their meaning, in real Chromium (issue 16): in an Arabic deck, digits joined to Latin
 * letters stay as written (P5+1, COVID-19, S-400) while the others become Arabic-Indic, with «٫» and «٪»;
 * the speaker notes and the handout's notes use the deck's digits; a report paragraph quoted in the handout
 * stays exactly as the report wrote it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, runCli } from '../support/build.js';
import { bundledObject, writeVariant } from '../support/variants.js';
import { pdftotext, SLUG, slidesOf } from './support.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map(removeDir));
});

const POINT = 'ومجموعة P5+1 وجائحة COVID-19 ومنظومة S-400 بنسبة 12.5% عام 2024';
const NOTE = 'وذكر التقرير نسبة 12.5% عام 2024 ومجموعة P5+1.';
/** Paragraph 21 of the report, as this test rewrites it: with Western digits of its own. */
const PARAGRAPH = 'تم التأكيد في عام 2024 وبنسبة 12.5% على أن باكستان وروسيا تشتركان في مصالح متقاربة.';

let deckText = '';
let notes = '';
let handoutText = '';

beforeAll(async () => {
  const b = await bundledObject();
  b.conclusions.points[0].text = `${b.conclusions.points[0].text} ${POINT}`;
  b.conclusions.notes = `${b.conclusions.notes} ${NOTE}`;
  const { dir, file } = await writeVariant(b, 'digits');
  dirs.push(dir);
  const report = path.join(dir, 'sources', `${SLUG}.ar.txt`);
  const lines = (await readFile(report, 'utf8')).split('\n');
  const at = lines.findIndex((l) => l.startsWith('تم التأكيد على أن باكستان'));
  lines[at] = PARAGRAPH;
  await writeFile(report, lines.join('\n'));
  const out = path.join(dir, 'out');
  const result = await runCli(['build', file, '--out', out, '--handout']);
  expect(result.code, result.stderr).toBe(0);
  const deck = path.join(out, SLUG);
  deckText = await pdftotext(path.join(deck, `${SLUG}.pdf`));
  const slide = slidesOf(await readFile(path.join(deck, 'index.html'), 'utf8')).find((s) => s.notes.includes('P5+1'));
  notes = slide?.notes ?? '';
  handoutText = await pdftotext(path.join(deck, `${SLUG}-handout.pdf`));
});

describe('digits in an Arabic deck, printed by Chromium', () => {
  it('shows P5+1, COVID-19 and S-400 as written', () => {
    for (const name of ['P5+1', 'COVID-19', 'S-400']) expect(deckText).toContain(name);
    expect(deckText).not.toMatch(/P5\+١|COVID-١٩|S-٤٠٠|P٥/);
  });

  it('writes the other digits as Arabic-Indic, with the Arabic decimal separator and percent sign', () => {
    expect(deckText).toContain('٢٠٢٤');
    expect(deckText).toMatch(/١٢٫٥|٥٫١٢/);
    expect(deckText).toContain('٪');
    expect(deckText).not.toMatch(/12\.5|2024|%/);
  });

  it("writes the speaker notes in the deck's digits, Latin names as written", () => {
    // (the number is isolated in its own <bdi>: the helper reads a tag as a space)
    expect(notes).toMatch(/١٢٫٥ ?٪/);
    expect(notes).toContain('٢٠٢٤');
    expect(notes).toContain('P5+1');
    expect(notes).not.toMatch(/12\.5|2024/);
  });

  it("writes the handout's notes in the deck's digits, and quotes the report as it wrote it", () => {
    const noteAt = handoutText.indexOf('وذكر التقرير');
    expect(noteAt).toBeGreaterThan(0);
    expect(handoutText.slice(noteAt, noteAt + 120)).toMatch(/٢٠٢٤/);
    // The quoted paragraph keeps its Western digits and its «%» (poppler sets a right-to-left mark, and may
    // set a space, between a number and the sign after it; before issue 15 it read the sign first).
    expect(handoutText).toContain('2024');
    expect(handoutText).toMatch(/12\.5[\u200f\u202a-\u202c ]*%/);
  });
});
