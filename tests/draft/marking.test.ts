/**
 * A draft says it is one: `mujaz init --from` on a real report writes `draft: true`; the deck built from it
 * shows «مسودة» on every slide where a theme's marking stands, and `check --strict` refuses it until the
 * analyst removes the line.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, repoRoot, runCli, tempDir } from '../support/build.js';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('mujaz-draft-');
});
afterAll(async () => {
  await removeDir(dir);
});

/** The placeholders filled in as their own words: what an analyst does before building. */
const fillIn = (text: string) =>
  text
    .split('\n')
    .map((l) => (l.trimStart().startsWith('#') ? l : l.replace(/"\[([^\]"]+)\]"/g, '"$1"')))
    .join('\n');

describe('a draft brief', () => {
  it('is marked on every slide, and check --strict refuses it until the mark is removed', async () => {
    const report = path.join(repoRoot, 'tests', 'deck', 'briefs', 'sources', 'gulf-workshop.ar.txt');
    const made = await runCli(['init', 'gulf-draft', '--dir', 'briefs', '--from', report], { cwd: dir });
    expect(made.code, made.stderr).toBe(0);
    expect(made.stderr).toMatch(/drafted briefs\/gulf-draft\.yaml from the report: 10 people/);
    const file = path.join(dir, 'briefs', 'gulf-draft.yaml');
    const text = fillIn(await readFile(file, 'utf8'));
    expect(text).toMatch(/\ndraft: true\n/);
    await writeFile(file, text);

    const built = await runCli(['build', '--no-pdf', '--out', 'out', 'briefs/gulf-draft.yaml'], { cwd: dir });
    expect(built.code, built.stderr).toBe(0);
    const html = await readFile(path.join(dir, 'out', 'gulf-draft', 'index.html'), 'utf8');
    // Each slide (templates/partials/slide.hbs) opens with its frame and the marking.
    const slides = html.split(/<section id="[^"]+" class="slide /).slice(1);
    expect(slides.length).toBeGreaterThan(3);
    for (const s of slides) expect(s).toMatch(/^[^>]*>\s*<div class="frame">\s*<p class="marking">مسودة<\/p>/);

    const strict = await runCli(['check', '--strict', 'briefs/gulf-draft.yaml'], { cwd: dir });
    expect(strict.code).not.toBe(0);
    expect(strict.stderr).toMatch(/draft: the brief is a draft/);
    // Reviewed: the mark removed, nothing else changed, the claim check has nothing to say of any drafted value.
    await writeFile(file, text.replace(/\ndraft: true\n/, '\n'));
    const reviewed = await runCli(['check', 'briefs/gulf-draft.yaml'], { cwd: dir });
    expect(reviewed.code, reviewed.stderr).toBe(0);
    expect(reviewed.stderr).not.toMatch(/is not in paragraph|is the citation right/);
    const html2 = await runCli(['build', '--no-pdf', '--out', 'out', 'briefs/gulf-draft.yaml'], { cwd: dir });
    expect(html2.code, html2.stderr).toBe(0);
    expect(await readFile(path.join(dir, 'out', 'gulf-draft', 'index.html'), 'utf8')).not.toContain('class="marking"');
  });
});
