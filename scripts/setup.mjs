// npm run setup: a fresh clone on a fresh machine → ready. Idempotent, and quick when all is there.
//  1. npm packages from the lock file (never a Puppeteer browser download: that host is unreachable here);
//  2. a Chrome/Chromium for the PDF export (Debian's chromium through apt-get when run as root);
//  3. poppler-utils and qpdf, which the tests use to read the PDFs (and procps, to look for stray processes);
//     LibreOffice Impress and the Amiri font, which the tests use to read the PPTX as an office suite does;
//  4. the compiled CLI (dist/).
// Plain Node with no dependencies, since it runs before node_modules exists.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' };
const say = (msg) => console.log(`setup: ${msg}`);

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, env, ...options });
  if (result.status !== 0) {
    console.error(`setup: \`${cmd} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

const executable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};
const onPath = (name) => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

// 1. npm packages, only when the lock file changed since the last install.
const installed = path.join(root, 'node_modules', '.package-lock.json');
const lock = path.join(root, 'package-lock.json');
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  say('installing npm packages from package-lock.json');
  run('npm', ['ci', '--no-audit', '--no-fund']);
} else {
  say('npm packages up to date');
}

// 2. A browser: the same places mujaz looks (src/pdf/browser-path.ts).
function findBrowser() {
  if (process.env.PUPPETEER_EXECUTABLE_PATH && executable(process.env.PUPPETEER_EXECUTABLE_PATH)) return process.env.PUPPETEER_EXECUTABLE_PATH;
  const cache = path.join(process.env.PUPPETEER_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'puppeteer'), 'chrome');
  if (existsSync(cache)) {
    for (const build of readdirSync(cache)) {
      const candidate = path.join(cache, build, 'chrome-linux64', 'chrome');
      if (executable(candidate)) return candidate;
    }
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'].find(executable);
}

const apt = [];
if (!findBrowser()) apt.push('chromium');
if (!onPath('pdftotext') || !onPath('pdffonts') || !onPath('pdftoppm')) apt.push('poppler-utils');
if (!onPath('qpdf')) apt.push('qpdf');
if (!onPath('ps') || !onPath('pgrep')) apt.push('procps'); // the tests check that no Chromium is left
// The tests convert the PPTX with LibreOffice, as a reader who has the deck's font installed sees it.
if (!onPath('soffice')) apt.push('libreoffice-impress');
const hasAmiri = onPath('fc-list') && (spawnSync('fc-list', ['Amiri'], { encoding: 'utf8' }).stdout ?? '').includes('Amiri');
if (!hasAmiri) apt.push('fonts-hosny-amiri');

if (apt.length > 0) {
  if (isRoot && onPath('apt-get')) {
    say(`installing ${apt.join(', ')} with apt-get`);
    const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-qq'], { env: aptEnv });
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...apt], { env: aptEnv });
  } else {
    console.error(
      `setup: missing ${apt.join(', ')}.\n` +
        "  For the PDF export mujaz needs a Chrome or Chromium: install Debian/Ubuntu's `chromium` (sudo apt-get install chromium),\n" +
        '  or a Chrome Puppeteer downloads (`npx @puppeteer/browsers install chrome@stable`), or set PUPPETEER_EXECUTABLE_PATH.\n' +
        '  The tests also read PDFs with poppler-utils and qpdf, and PowerPoint files with LibreOffice and the Amiri font\n' +
        '  (sudo apt-get install poppler-utils qpdf libreoffice-impress fonts-hosny-amiri).',
    );
    process.exit(1);
  }
}
const browser = findBrowser();
say(`browser: ${browser} (${execFileSync(browser, ['--version'], { encoding: 'utf8' }).trim()})`);

// 4. The compiled CLI.
run('npm', ['run', 'build', '--silent']);
say('ready: `npm start` builds the briefs into output/, `npm test` runs the tests');
