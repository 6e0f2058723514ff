/**
 * The briefs whose decks the whole suite shares: the bundled brief, every fixture brief and the variants
 * below, built once per run (tests/support/global-setup.ts) with every output (deck, PDF, handout,
 * PowerPoint, PNGs). A test that needs one of these decks reads it from there (tests/support/suite.ts), and a
 * test that damages a deck works on a copy.
 */
import { readdirSync } from 'node:fs';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PNG } from 'pngjs';
import { parse, stringify } from 'yaml';

const root = path.resolve(import.meta.dirname, '..', '..');
export const bundledBriefFile = path.join(root, 'briefs', 'issi-russia-roundtable.yaml');
export const fixtureBriefsDir = path.join(root, 'tests', 'deck', 'briefs');

/** The fixture briefs (tests/deck/briefs/*.yaml), in name order. */
export const fixtureBriefs: readonly string[] = readdirSync(fixtureBriefsDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => path.join(fixtureBriefsDir, f));

/** The flags of the suite's one build: every output there is. */
export const SUITE_FLAGS = ['--handout', '--pptx', '--png'] as const;

/** A plain PNG of one colour (a logo for a test). */
export function colourPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const png = new PNG({ width, height });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([...rgb, 255], i);
  return PNG.sync.write(png);
}

/**
 * Writes the suite's variants of the bundled brief into `dir` (with the bundled report beside them) and gives
 * their files. `with-logos`: a host's and an organiser's logo, pictures on the title slide.
 */
export async function writeSuiteVariants(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  await cp(path.join(path.dirname(bundledBriefFile), 'sources'), path.join(dir, 'sources'), { recursive: true });
  const brief = parse(await readFile(bundledBriefFile, 'utf8'));
  brief.slug = 'with-logos';
  brief.event.host.logo = { file: 'host.png', alt: 'شعار المعهد' };
  brief.event.organisers = [{ institution: 'مركز شريك', relation: 'co-organiser', logo: { file: 'partner.png', alt: 'شعار الشريك' }, sources: [2] }];
  const file = path.join(dir, 'with-logos.yaml');
  await writeFile(file, stringify(brief, { lineWidth: 0 }));
  await writeFile(path.join(dir, 'host.png'), colourPng(160, 80, [13, 44, 75]));
  await writeFile(path.join(dir, 'partner.png'), colourPng(80, 80, [138, 90, 0]));
  return [file];
}
