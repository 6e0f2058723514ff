// Writes tests/golden/: the output of the bundled brief (HTML, deck PDF, handout) and of the fixture briefs
// (HTML, deck PDF), as built by this checkout, with the Chromium that printed the PDFs. The test
// tests/golden/unchanged.test.ts builds them again and compares. Run it only when an output change is meant:
//   npm run build && node scripts/golden.mjs
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GOLDEN_BRIEFS, chromiumVersion } from '../tests/golden/briefs.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const golden = path.join(root, 'tests', 'golden');
const out = mkdtempSync(path.join(os.tmpdir(), 'mujaz-golden-'));
try {
  for (const { brief, slug, handout } of GOLDEN_BRIEFS) {
    execFileSync(process.execPath, [path.join(root, 'bin', 'mujaz.js'), 'build', brief, '--out', out, ...(handout ? ['--handout'] : [])], {
      cwd: root,
      stdio: 'inherit',
    });
    const dir = path.join(golden, slug);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const f of ['index.html', `${slug}.pdf`, ...(handout ? [`${slug}-handout.pdf`] : [])]) cpSync(path.join(out, slug, f), path.join(dir, f));
  }
  writeFileSync(path.join(golden, 'chromium.txt'), `${await chromiumVersion()}\n`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
