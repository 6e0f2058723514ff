/**
 * Which Chrome/Chromium to drive, in this order: --browser or PUPPETEER_EXECUTABLE_PATH, Puppeteer's own
 * downloaded browser, a system Chrome/Chromium.
 */
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MujazError } from '../errors.js';

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export const NO_BROWSER_HINT =
  'install one: `sudo apt-get install chromium` (Debian/Ubuntu), or `npx @puppeteer/browsers install chrome@stable` ' +
  'for a Chrome Puppeteer downloads, or point PUPPETEER_EXECUTABLE_PATH (or --browser) at a Chrome/Chromium you have';

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Chrome builds that `@puppeteer/browsers` installed in Puppeteer's cache, newest first. */
function puppeteerCacheBrowsers(): string[] {
  const cache = process.env.PUPPETEER_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'puppeteer');
  const found: string[] = [];
  for (const kind of ['chrome', 'chrome-headless-shell']) {
    const dir = path.join(cache, kind);
    if (!existsSync(dir)) continue;
    for (const build of readdirSync(dir).sort().reverse()) {
      for (const rel of ['chrome-linux64/chrome', 'chrome-headless-shell-linux64/chrome-headless-shell']) {
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

export function findBrowser(explicit?: string): BrowserChoice {
  const fromEnv = process.env.PUPPETEER_EXECUTABLE_PATH;
  const given = explicit ?? (fromEnv ? fromEnv : undefined);
  if (given !== undefined) {
    if (!executable(given)) {
      throw new MujazError('NO_BROWSER', `the browser ${given} (from ${explicit ? '--browser' : 'PUPPETEER_EXECUTABLE_PATH'}) does not exist or cannot be run`, {
        hint: NO_BROWSER_HINT,
      });
    }
    return { path: given, source: explicit ? 'option' : 'environment' };
  }
  const own = puppeteerCacheBrowsers()[0];
  if (own) return { path: own, source: 'puppeteer' };
  const system = SYSTEM_BROWSERS.find(executable);
  if (system) return { path: system, source: 'system' };
  throw new MujazError('NO_BROWSER', 'no Chrome or Chromium found to export the PDF with (the HTML deck was still written)', {
    hint: NO_BROWSER_HINT,
  });
}
