/**
 * Starts Chromium at once, before the brief is read and before Puppeteer is even loaded, so that the
 * browser's start-up (the larger part of an export) overlaps mujaz's own work. Node built-ins only: this
 * module must load in a few milliseconds. Puppeteer attaches later through the DevTools pipe.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { MujazError } from '../errors.js';
import { ownerFromTag, ownerIsDead, ownerTag } from '../owner.js';
import { packageRoot } from '../paths.js';
import { makeTempDirSync, temporaryFolderError } from '../temp.js';
import { findBrowser, type BrowserChoice } from './find.js';

/**
 * Puppeteer's own launch flags (`puppeteer.defaultArgs()`: among them no throttling of background tabs, as
 * two decks print at once, tagged PDFs and a fixed colour profile), as the installed puppeteer-core gives
 * them: `npm run build` writes them to dist/puppeteer-args.json (scripts/puppeteer-args.mjs), so that this
 * module, which bin/mujaz.js loads before anything else, needs Node's built-ins only; without the build
 * they are asked of puppeteer-core itself.
 */
export function puppeteerArgs(): string[] {
  let args: string[];
  try {
    args = JSON.parse(readFileSync(PUPPETEER_ARGS_FILE, 'utf8')) as string[];
  } catch {
    const { defaultArgs } = createRequire(import.meta.url)('puppeteer-core') as { defaultArgs(o: { headless: boolean }): string[] };
    args = defaultArgs({ headless: true });
  }
  // Its last argument is the page to open, about:blank: mujaz names it after its own flags.
  return args.filter((a) => a.startsWith('-'));
}

/** Where `npm run build` writes Puppeteer's launch flags. */
export const PUPPETEER_ARGS_FILE = path.join(packageRoot, 'dist', 'puppeteer-args.json');

/**
 * mujaz's own, besides Puppeteer's: no GPU, and none of the networking Chromium would otherwise keep trying
 * on a machine that reaches no other host; hinting off, so glyphs are placed the same on every machine; and
 * file access between the deck's own files.
 */
export const MUJAZ_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--disable-component-update',
  '--no-default-browser-check',
  '--font-render-hinting=none',
  '--allow-file-access-from-files',
];

/**
 * Chromium's features mujaz turns off, besides those Puppeteer does. Chromium (13x and later) starts the
 * address bar's popups even when headless, as pages of its own interface (chrome://omnibox-popup.top-chrome/,
 * each in a renderer process of its own), and keeps a spare renderer process ready for the next site: two or
 * three renderers started and loaded for nothing, on the same processors as mujaz's own work while the deck is
 * read, laid out and printed. mujaz's pages show the files of a deck's folder and nothing else. Turned off, a
 * build starts one renderer where it started three, and takes about a sixth less time (README, "Benchmarks").
 * A Chromium that does not know a feature's name ignores it.
 */
export const MUJAZ_DISABLED_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'WebUIOmniboxFullPopup', 'SpareRendererForSitePerProcess'];

const DISABLE_FEATURES = '--disable-features=';

/**
 * `args` with `features` added to its `--disable-features` (Chromium reads only one such switch: a second
 * would undo Puppeteer's list), or given one if it has none.
 */
export function withFeaturesOff(args: readonly string[], features: readonly string[]): string[] {
  const at = args.findIndex((a) => a.startsWith(DISABLE_FEATURES));
  if (at < 0) return [...args, `${DISABLE_FEATURES}${features.join(',')}`];
  const listed = args[at]!.slice(DISABLE_FEATURES.length).split(',').filter(Boolean);
  const merged = [...listed, ...features.filter((f) => !listed.includes(f))];
  return args.map((a, i) => (i === at ? `${DISABLE_FEATURES}${merged.join(',')}` : a));
}

/** Every flag Chromium is started with, but its profile and the DevTools pipe. */
export function chromiumArgs(): string[] {
  return withFeaturesOff([...puppeteerArgs(), ...MUJAZ_ARGS], MUJAZ_DISABLED_FEATURES);
}

export const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** How a browser process ended: its exit code or signal, or the error that kept it from starting. */
export interface BrowserExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  error?: Error;
}

export interface SpawnedBrowser {
  choice: BrowserChoice;
  proc: ChildProcess;
  /** The Chromium profile folder (mujaz-chromium-*), removed by kill(). */
  profile: string;
  /** DevTools pipe: what mujaz writes to, and reads from. */
  pipeWrite: Writable;
  pipeRead: Readable;
  /** Settles when the browser process has ended (watched from the moment it was started), never rejects. */
  exited: Promise<BrowserExit>;
  /** How it ended, once it has. */
  exit(): BrowserExit | undefined;
  /** The last of what it wrote on stderr (its own words on why it could not start). */
  stderr(): string;
  /** Kills the browser's whole process group and removes its profile. Safe to call twice. */
  kill(): void;
  /** The same, once the browser has exited, removing the profile without blocking the thread (mujaz may still be writing PDFs). */
  stop(): Promise<void>;
}

/** How much of the browser's stderr is kept (its last bytes: Chromium logs a good deal before failing). */
const STDERR_KEPT = 16 * 1024;

/**
 * Each profile says which mujaz process made it (its id and start time, in a file beside Chromium's own):
 * a run killed with `kill -9` cannot remove its own, so each run removes those whose owner is dead
 * (src/owner.ts). Not in the folder's name: Chromium's socket path inside the profile must stay under the
 * system's limit of 107 bytes.
 */
const PROFILE_PREFIX = 'mujaz-chromium-';
const PROFILE_OWNER = 'mujaz-owner';
/** The longest temporary folder Chromium's socket fits under: 107 bytes less "/org.chromium.Chromium.XXXXXX/SingletonSocket". */
const MAX_SCRATCH_PATH = 107 - 46;
/** Where Chromium's temporary folder goes when the profile is too deep for its socket (a short path). */
const SHORT_TMP = '/tmp';
/** Its name there: a profile's prefix, so that the orphans' sweep knows it by its owner tag too. */
const SCRATCH_PREFIX = `${PROFILE_PREFIX}tmp-`;

/**
 * Removes the Chromium profiles (and short temporary folders) that runs killed before they could clean up
 * left in `dir`: those whose owner tag names a process that is gone.
 */
export async function removeOrphanProfiles(dir = os.tmpdir()): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(PROFILE_PREFIX)) continue;
    const tag = await readFile(path.join(dir, name, PROFILE_OWNER), 'utf8').catch(() => undefined);
    const owner = tag === undefined ? undefined : ownerFromTag(tag.trim());
    if (!owner || !ownerIsDead(owner)) continue;
    await rm(path.join(dir, name), { recursive: true, force: true, maxRetries: 3, retryDelay: 50 }).then(
      () => removed.push(name),
      () => undefined,
    );
  }
  return removed;
}

/** Starts Chromium with the DevTools pipe on fds 3 and 4 (what Puppeteer's own launcher does with `pipe: true`). */
export function spawnBrowser(executable?: string): SpawnedBrowser {
  const choice = findBrowser(executable);
  const profile = makeTempDirSync(PROFILE_PREFIX, "the browser's profile");
  // Profiles of runs killed before they could remove theirs (and their short folders in /tmp): removed
  // while this browser starts.
  removeOrphanProfiles().catch(() => undefined);
  if (path.resolve(os.tmpdir()) !== SHORT_TMP) removeOrphanProfiles(SHORT_TMP).catch(() => undefined);
  const args = [...chromiumArgs(), `--user-data-dir=${profile}`, '--remote-debugging-pipe', 'about:blank'];
  if (runningAsRoot) args.push('--no-sandbox');
  // Whatever Chromium writes outside its profile goes inside it, and is removed with it: its temporary
  // folders (org.chromium.Chromium.*, left in the system's temporary folder by every run otherwise) and its
  // configuration (a crash-reports file under ~/.config). Its font cache (~/.cache) stays shared.
  // Chromium puts a socket in its temporary folder (…/org.chromium.Chromium.XXXXXX/SingletonSocket), and a
  // socket's path is at most 107 bytes: under a long TMPDIR the profile's own folder is too deep for it, and
  // Chromium aborts ("Socket path too long"). Then a short folder in /tmp serves, removed with the profile.
  const inside = path.join(profile, 'tmp');
  let scratch = inside;
  try {
    writeFileSync(path.join(profile, PROFILE_OWNER), ownerTag());
    if (Buffer.byteLength(inside) <= MAX_SCRATCH_PATH || !existsSync('/tmp')) mkdirSync(inside);
    else {
      // Tagged as the profile is: a run killed before it could remove it leaves it to the next run.
      scratch = mkdtempSync(path.join(SHORT_TMP, SCRATCH_PREFIX));
      writeFileSync(path.join(scratch, PROFILE_OWNER), ownerTag());
    }
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw temporaryFolderError(error, "the browser's profile");
  }
  const removeScratch = () => {
    if (scratch !== inside) rmSync(scratch, { recursive: true, force: true });
  };
  const env = { ...process.env, TMPDIR: scratch, XDG_CONFIG_HOME: path.join(profile, 'config') };
  const proc = spawn(choice.path, args, {
    env,
    // Its own process group, so that one kill reaches the renderers and zygotes too.
    detached: process.platform !== 'win32',
    // stderr is read from the first moment: a browser that cannot start says why there (a missing library).
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
  });
  let said = '';
  proc.stderr?.on('data', (chunk: Buffer) => {
    said = (said + chunk.toString('utf8')).slice(-STDERR_KEPT);
  });
  proc.stderr?.on('error', () => undefined);
  // Reading it must not keep mujaz running: the browser is killed when mujaz is done with it.
  (proc.stderr as unknown as { unref?: () => void } | null)?.unref?.();
  let ended: BrowserExit | undefined;
  const exited = new Promise<BrowserExit>((resolve) => {
    const end = (exit: BrowserExit) => {
      ended ??= exit;
      resolve(ended);
    };
    proc.once('exit', (code, signal) => end({ code, signal }));
    // It could not be started at all (a script whose interpreter is missing, a file not for this machine).
    proc.once('error', (error) => end({ code: null, signal: null, error }));
  });
  let killed = false;
  const killGroup = () => {
    killed = true;
    process.off('exit', kill);
    try {
      if (proc.pid) process.kill(-proc.pid, 'SIGKILL');
    } catch {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    }
  };
  // A profile Chromium was still writing as it died may stay behind, in the system's temporary folder.
  const removal = { recursive: true, force: true, maxRetries: 5, retryDelay: 50 } as const;
  const kill = () => {
    if (killed) return;
    killGroup();
    try {
      rmSync(profile, removal);
      removeScratch();
    } catch {
      // left behind (see above); the next run removes it
    }
  };
  const stop = async () => {
    if (killed) return;
    killGroup();
    // Once it is gone (bounded), so that no Chromium still writing into its profile leaves a part of it.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise<void>((resolve) => (timer = setTimeout(resolve, 3000).unref()))]);
    clearTimeout(timer);
    await rm(profile, removal).catch(() => undefined);
    if (scratch !== inside) await rm(scratch, removal).catch(() => undefined);
  };
  // If mujaz itself ends (an uncaught error, process.exit), the browser must not outlive it.
  process.once('exit', kill);
  return {
    choice,
    proc,
    profile,
    pipeWrite: proc.stdio[3] as Writable,
    pipeRead: proc.stdio[4] as Readable,
    exited,
    exit: () => ended,
    stderr: () => said,
    kill,
    stop,
  };
}

/** The last lines a browser wrote on stderr, for a message (its own words on why it stopped). */
export function lastWords(stderr: string, lines = 6): string {
  const kept = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return kept
    .slice(-lines)
    .map((l) => (l.length > 400 ? `${l.slice(0, 400)}…` : l))
    .join('\n    ');
}

/** A browser that ended before it answered: what it said, and what to do. */
export function startFailure(started: Pick<SpawnedBrowser, 'choice' | 'stderr'>, exit: BrowserExit): MujazError {
  const how = exit.error
    ? `it could not be run (${exit.error.message})`
    : exit.signal
      ? `it was killed by ${exit.signal} before it was ready`
      : `it exited with code ${exit.code} before it was ready`;
  const words = lastWords(started.stderr());
  const from = started.choice.source === 'environment' ? ' (from PUPPETEER_EXECUTABLE_PATH)' : started.choice.source === 'option' ? ' (from --browser)' : '';
  const message = `cannot export the PDF: the browser ${started.choice.path}${from} does not start: ${how}${words ? `; it said:\n    ${words}` : ' and said nothing'}`;
  return new MujazError('NO_BROWSER', message, {
    cause: exit.error,
    hint:
      `check that it runs (\`${started.choice.path} --headless --version\`); install Chromium (\`sudo apt-get install chromium\` on Debian/Ubuntu, or \`npm run setup\`) ` +
      'or point PUPPETEER_EXECUTABLE_PATH (or --browser) at a Chrome/Chromium that runs; nothing was written; `--no-pdf` builds the HTML deck alone',
  });
}

/** Starts the browser if one is found; otherwise leaves it to the export to report how to get one. */
export function spawnEarly(executable?: string): SpawnedBrowser | undefined {
  try {
    return spawnBrowser(executable);
  } catch {
    return undefined;
  }
}

/** Puppeteer's ConnectionTransport over the DevTools pipe: messages are JSON separated by NUL bytes. */
export class PipeTransport {
  onmessage?: (message: string) => void;
  onclose?: () => void;
  private pending: Buffer[] = [];
  private closed = false;

  constructor(
    private readonly pipeWrite: Writable,
    pipeRead: Readable,
  ) {
    pipeRead.on('data', (chunk: Buffer) => this.dispatch(chunk));
    pipeRead.on('close', () => this.close());
    pipeRead.on('error', () => this.close());
    pipeWrite.on('error', () => this.close());
  }

  send(message: string): void {
    if (this.closed) return;
    this.pipeWrite.write(message);
    this.pipeWrite.write('\0');
  }

  private dispatch(chunk: Buffer): void {
    let start = 0;
    for (let end = chunk.indexOf(0); end !== -1; end = chunk.indexOf(0, start)) {
      this.pending.push(chunk.subarray(start, end));
      const message = Buffer.concat(this.pending).toString('utf8');
      this.pending = [];
      start = end + 1;
      this.onmessage?.(message);
    }
    if (start < chunk.length) this.pending.push(chunk.subarray(start));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onclose?.();
  }
}
