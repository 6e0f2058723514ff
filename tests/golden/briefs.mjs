// The briefs whose output tests/golden/ keeps (scripts/golden.mjs writes it, unchanged.test.ts checks it).
import { execFileSync } from 'node:child_process';

export const GOLDEN_BRIEFS = [
  { brief: 'briefs/issi-russia-roundtable.yaml', slug: 'issi-russia-roundtable', handout: true },
  { brief: 'tests/deck/briefs/english.yaml', slug: 'english-brief', handout: false },
  { brief: 'tests/deck/briefs/gulf-workshop.yaml', slug: 'gulf-maritime-workshop', handout: false },
  { brief: 'tests/deck/briefs/minimal.yaml', slug: 'minimal-brief', handout: false },
];

/** The version line of the Chromium the build uses (found as mujaz finds it). */
export async function chromiumVersion() {
  const { findBrowser } = await import('../../dist/browser/find.js');
  const browser = findBrowser().path;
  return execFileSync(browser, ['--version'], { encoding: 'utf8' })
    .replace(/\s+built on.*$/s, '')
    .trim();
}
