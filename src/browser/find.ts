/**
 * Which Chrome/Chromium to drive, in this order: --browser, PUPPETEER_EXECUTABLE_PATH, a Chrome that
 * Puppeteer's tools downloaded into its cache, a system Chrome/Chromium. Never imports Puppeteer.
 */
import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MujazError } from '../errors.js';

export const SYSTEM_BROWSERS: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** Where each kind of browser sits inside one build folder of Puppeteer's cache (`@puppeteer/browsers` layout). */
const CACHE_LAYOUT: Record<string, string[]> = {
  chrome: [
    'chrome-linux64/chrome',
    'chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
    'chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
    'chrome-win64/chrome.exe',
  ],
  'chrome-headless-shell': [
    'chrome-headless-shell-linux64/chrome-headless-shell',
    'chrome-headless-shell-mac-arm64/chrome-headless-shell',
    'chrome-headless-shell-mac-x64/chrome-headless-shell',
    'chrome-headless-shell-win64/chrome-headless-shell.exe',
  ],
};

export const NO_BROWSER_HINT =
  'get one any of these ways: name it with --browser /path/to/chrome; or set PUPPETEER_EXECUTABLE_PATH to it; ' +
  "or download Puppeteer's Chrome with `npx @puppeteer/browsers install chrome@stable --path ~/.cache/puppeteer`; " +
  'or install a system Chromium (`sudo apt-get install chromium` on Debian/Ubuntu)';

/** A regular file this process may run (a folder has the x bit too, but is no browser). */
function executable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function puppeteerCacheDir(): string {
  return process.env.PUPPETEER_CACHE_DIR || path.join(os.homedir(), '.cache', 'puppeteer');
}

/** Chrome builds that `@puppeteer/browsers` installed in Puppeteer's cache: full Chrome first, newest first. */
export function puppeteerCacheBrowsers(cache = puppeteerCacheDir()): string[] {
  const found: string[] = [];
  const newestFirst = (a: string, b: string) => b.localeCompare(a, 'en', { numeric: true });
  for (const [kind, layouts] of Object.entries(CACHE_LAYOUT)) {
    const dir = path.join(cache, kind);
    if (!existsSync(dir)) continue;
    let builds: string[];
    try {
      builds = readdirSync(dir).sort(newestFirst);
    } catch {
      continue;
    }
    for (const build of builds) {
      for (const rel of layouts) {
        const candidate = path.join(dir, build, rel);
        if (executable(candidate)) found.push(candidate);
      }
    }
  }
  return found;
}

export interface BrowserChoice {
  path: string;
  source: 'option' | 'environment' | 'puppeteer' | 'system';
}

/**
 * @param explicit the --browser option
 * @param system the system locations to try last (tests pass their own)
 */
export function findBrowser(explicit?: string, system: readonly string[] = SYSTEM_BROWSERS): BrowserChoice {
  const fromEnv = process.env.PUPPETEER_EXECUTABLE_PATH;
  const given = explicit || fromEnv || undefined;
  if (given !== undefined) {
    const from = explicit ? '--browser' : 'PUPPETEER_EXECUTABLE_PATH';
    if (!executable(given)) {
      throw new MujazError(
        'NO_BROWSER',
        `cannot export the PDF: the browser ${given} (from ${from}) does not exist or is not a program (nothing was written; \`--no-pdf\` builds the HTML deck alone)`,
        {
          hint: NO_BROWSER_HINT,
        },
      );
    }
    return { path: given, source: explicit ? 'option' : 'environment' };
  }
  const own = puppeteerCacheBrowsers()[0];
  if (own) return { path: own, source: 'puppeteer' };
  const found = system.find(executable);
  if (found) return { path: found, source: 'system' };
  throw new MujazError('NO_BROWSER', 'cannot export the PDF: no Chrome or Chromium found (nothing was written; `--no-pdf` builds the HTML deck alone)', {
    hint: NO_BROWSER_HINT,
  });
}
