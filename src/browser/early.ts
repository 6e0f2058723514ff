/**
 * What bin/mujaz.js runs before it loads the command line: for a build that will print PDFs, Chromium is
 * started at once, so that its start-up (the larger part of a single build) overlaps Node loading mujaz.
 * This reads argv only as a hint, conservatively: anything but a plain `build` with no option that turns the
 * PDF off (or asks for help) starts nothing, and commander still parses the arguments. A browser started
 * here that the command does not use is stopped by the core (src/core/core.ts).
 */
import { spawnEarly, type SpawnedBrowser } from './launch.js';

export interface EarlyBrowser {
  spawned: SpawnedBrowser;
  /** The --browser value it was started with (undefined: the default one). */
  requested: string | undefined;
}

const NO_EARLY_START = new Set(['--no-pdf', '-w', '--watch', '-h', '--help', '-V', '--version', '--']);

/** Whether argv is a build that will print PDFs, and with which --browser: `{ requested }`, else undefined. */
export function earlyStartFor(argv: readonly string[]): { requested: string | undefined } | undefined {
  if (argv[0] !== 'build' || argv.some((a) => NO_EARLY_START.has(a))) return undefined;
  let requested: string | undefined;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--browser') requested = argv[++i] ?? '';
    else if (arg.startsWith('--browser=')) requested = arg.slice('--browser='.length);
  }
  return requested === '' ? undefined : { requested };
}

export function startEarly(argv: readonly string[]): EarlyBrowser | undefined {
  const start = earlyStartFor(argv);
  const spawned = start && spawnEarly(start.requested);
  if (spawned) performance.mark('chromium started early');
  return spawned ? { spawned, requested: start.requested } : undefined;
}
