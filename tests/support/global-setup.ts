/**
 * Once per `npm test`, before any test file:
 *  - one temporary folder for the whole run, given to every test process as TMPDIR and removed at the end,
 *    so a run leaves nothing behind in the system's temporary folder;
 *  - the suite's decks (tests/support/suite-briefs.ts), built by the real `mujaz` executable in one batch with
 *    every output, which the tests read instead of building the same decks again;
 *  - one Chromium for the tests' own checks (screenshots, axe, navigation), which each test file reaches
 *    through its own browser context (tests/support/suite.ts).
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import type { TestProject } from 'vitest/node';
import { findBrowser } from '../../src/browser/find.js';
import { CHROMIUM_ARGS } from './chromium-args.js';
import { bundledBriefFile, fixtureBriefs, SUITE_FLAGS, writeSuiteVariants } from './suite-briefs.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder the suite's decks were built into: `<decks>/<slug>/`. */
    suiteDecks: string;
    /** The suite's briefs, in the order built. */
    suiteBriefs: string[];
    /** The DevTools endpoint of the suite's Chromium. */
    chromiumEndpoint: string;
    /** The run's temporary folder (also TMPDIR). */
    suiteTmp: string;
  }
}

const cli = path.resolve(import.meta.dirname, '..', '..', 'bin', 'mujaz.js');

function buildSuite(briefs: string[], out: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'build', ...briefs, '--out', out, ...SUITE_FLAGS, '--jobs', '2'], {
      env: { ...env, CI: 'true' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`the suite's decks did not build (exit ${code}):\n${stderr}`))));
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const systemTmpDir = os.tmpdir();
  const mujazIn = async (dir: string) => new Set((await readdir(dir).catch(() => [])).filter((n) => n.startsWith('mujaz-')));
  const before = await mujazIn(systemTmpDir);
  const run = await mkdtemp(path.join(systemTmpDir, 'mujaz-suite-'));
  const tmp = path.join(run, 'tmp');
  const decks = path.join(run, 'decks');
  await mkdir(tmp);
  // Test processes are started after this, and inherit it.
  const systemTmp = process.env.TMPDIR;
  process.env.TMPDIR = tmp;

  let browser: Browser | undefined;
  try {
    const briefs = [bundledBriefFile, ...fixtureBriefs, ...(await writeSuiteVariants(path.join(run, 'variants')))];
    const launching = puppeteer.launch({ executablePath: findBrowser().path, args: CHROMIUM_ARGS, headless: true });
    launching.catch(() => undefined);
    await buildSuite(briefs, decks, process.env);
    browser = await launching;
    project.provide('suiteDecks', decks);
    project.provide('suiteBriefs', briefs);
    project.provide('chromiumEndpoint', browser.wsEndpoint());
    project.provide('suiteTmp', tmp);
  } catch (error) {
    await browser?.close();
    await rm(run, { recursive: true, force: true });
    throw error;
  }

  return async () => {
    await browser?.close();
    const left = await readdir(tmp).catch(() => []);
    if (left.length > 0) console.warn(`tests left ${left.length} entries in the run's temporary folder: ${left.slice(0, 10).join(', ')}`);
    await rm(run, { recursive: true, force: true });
    // Chromium's short temporary folders go to /tmp when a test's TMPDIR is too deep for its socket.
    const strays = [...(await mujazIn(systemTmpDir))].filter((n) => !before.has(n));
    if (strays.length > 0) console.warn(`tests left ${strays.length} entries in ${systemTmpDir}: ${strays.slice(0, 10).join(', ')}`);
    if (systemTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = systemTmp;
  };
}
