#!/usr/bin/env node
/**
 * `npm run bench` (issue 8): how fast and how big mujaz is on this machine, against the simplest ways to
 * get the same PDF. Whole-process wall times (spawn → exit), variants interleaved A,B,C,A,B,C… in one run so
 * drift hits all alike, one warm-up then BENCH_RUNS (5) timed rounds, medians. Nothing here asserts a time:
 * the script prints a Markdown table (also bench/results.md) and writes every run to bench/results.json.
 *
 * Expects a compiled dist/ (npm run bench builds it). Env: CHROMIUM (default /usr/bin/chromium),
 * BENCH_RUNS (5), BENCH_TIMEOUT_MS (120000, the bound on any one child), BENCH_ONLY (e.g. "1,4,6"),
 * BENCH_KEEP=1 (keep bench/tmp/scratch-*). A run with BENCH_ONLY or BENCH_RUNS writes bench/tmp/results-partial.*.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, symlinkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { countSlides, lengthenBrief, mark, markdownTable, median, secondsCell, statusKb, withSlug, withTitleSuffix } from '../bench/lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = path.join(ROOT, 'bench');
const MINIMAL = path.join(BENCH, 'minimal-export.mjs');
const BRIEF = path.join(ROOT, 'briefs', 'issi-russia-roundtable.yaml');
const SOURCES = path.join(ROOT, 'briefs', 'sources');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const WARMUP = 1;
const TIMEOUT = Number(process.env.BENCH_TIMEOUT_MS ?? 120_000);
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((s) => s.trim())) : null;
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Every process the bench starts (and all their descendants) carries this in its environment: the sweep finds them by it. */
const MARK = `MUJAZ_BENCH_RUN=${process.pid}-${Date.now()}`;

const TMP = path.join(BENCH, 'tmp');
mkdirSync(TMP, { recursive: true });
const SCRATCH = mkdtempSync(path.join(TMP, 'scratch-'));
const SYS_TMP = path.join(SCRATCH, 'os-tmp'); // TMPDIR of every child: Chromium profiles, serve's preview root
mkdirSync(SYS_TMP);
/**
 * The mujaz that is measured: a snapshot of bin/, dist/, templates/ and package.json taken at the start (with
 * node_modules linked), so a `tsc` or an edit running beside the bench cannot change it half-way through.
 * BENCH_SNAPSHOT=0 runs bin/mujaz.js in place.
 */
function snapshot() {
  if (process.env.BENCH_SNAPSHOT === '0') return ROOT;
  const app = path.join(SCRATCH, 'app');
  for (const part of ['bin', 'dist', 'templates', 'package.json']) cpSync(path.join(ROOT, part), path.join(app, part), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(app, 'node_modules'), 'dir');
  return app;
}
const APP = snapshot();
const BIN = path.join(APP, 'bin', 'mujaz.js');
const ENV = { ...process.env, TMPDIR: SYS_TMP, PUPPETEER_EXECUTABLE_PATH: CHROMIUM, [MARK.split('=')[0]]: MARK.split('=')[1] };
delete ENV.DEBUG;

const log = (line) => process.stderr.write(`${line}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let seq = 0;
const scratch = (name) => path.join(SCRATCH, `${name}-${++seq}`);

// ---------------------------------------------------------------------------------------------------------
// Processes: spawn, time, bound, sweep.

/** Pids of live processes carrying MARK (zombies have an empty environ and are skipped). */
function markedPids() {
  const out = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${name}/environ`, 'latin1').split('\0').includes(MARK)) out.push(Number(name));
    } catch {
      // gone, or not ours to read
    }
  }
  return out;
}

const sweepLog = [];
/** Waits up to `graceMs` for marked processes to end by themselves, then kills what is left. Returns the count killed. */
async function sweep(what, graceMs = 1500) {
  const until = Date.now() + graceMs;
  let left = markedPids();
  while (left.length > 0 && Date.now() < until) {
    await sleep(50);
    left = markedPids();
  }
  for (const pid of left) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  if (left.length > 0) {
    const names = left.map((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      } catch {
        return String(pid);
      }
    });
    sweepLog.push({ after: what, killed: left.length, names });
    log(`  ! ${left.length} process(es) still running ${graceMs} ms after ${what} exited (killed): ${names.join(', ')}`);
  }
  return left.length;
}

let current; // the running child, killed on Ctrl-C

/** Runs a command in its own process group; resolves with wall seconds from spawn to exit. Killed after TIMEOUT. */
function run(cmd, args, { env = ENV, cwd = ROOT } = {}) {
  return new Promise((resolve, reject) => {
    let stderr = '';
    let stdout = '';
    const started = performance.now();
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    current = child;
    child.stdout.on('data', (d) => (stdout = (stdout + d).slice(-20_000)));
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-20_000)));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // gone
      }
    }, TIMEOUT);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('exit', (code, signal) => {
      const seconds = (performance.now() - started) / 1000;
      clearTimeout(timer);
      current = undefined;
      if (code === 0) resolve({ seconds, stdout, stderr });
      else {
        const why = signal ? `killed by ${signal}${seconds * 1000 >= TIMEOUT ? ` after the ${TIMEOUT / 1000} s bound` : ''}` : `exit code ${code}`;
        const e = new Error(
          `${path.basename(cmd)} ${args
            .slice(0, 3)
            .map((a) => path.basename(String(a)))
            .join(' ')}…: ${why}\n${stderr.trim().split('\n').slice(-6).join('\n')}`,
        );
        reject(e);
      }
    });
  });
}

const mujaz = (args, opts) => run(process.execPath, [BIN, ...args], opts);

function pdfPages(file) {
  const r = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  const m = /^Pages:\s+(\d+)/m.exec(r.stdout ?? '');
  return m ? Number(m[1]) : null;
}

// ---------------------------------------------------------------------------------------------------------
// The three ways to a PDF.

/** `mujaz build BRIEF --out TMP` (extra args e.g. --jobs); the output is removed after. */
async function mujazBuild(brief, extra = []) {
  const out = scratch('out');
  try {
    const r = await mujaz(['build', brief, '--out', out, ...extra]);
    return { seconds: r.seconds };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The bench's own Chromium (the serve and catalogue rows), in a profile of its own. */
async function launchChromium(profile, extra = {}) {
  const { default: puppeteer } = await import('puppeteer-core');
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    pipe: true,
    userDataDir: profile,
    args: CHROMIUM_FLAGS,
    env: ENV,
    timeout: 60_000,
    ...extra,
  });
}

/** bench/minimal-export.mjs on an already-built deck. */
async function minimalExport(deckDir) {
  const pdf = `${scratch('minimal')}.pdf`;
  try {
    const r = await run(process.execPath, [MINIMAL, path.join(deckDir, 'index.html'), pdf, CHROMIUM]);
    return { seconds: r.seconds, pages: pdfPages(pdf) };
  } finally {
    rmSync(pdf, { force: true });
  }
}

/** Chromium's own --print-to-pdf, with a fresh profile. */
async function chromiumPrint(deckDir) {
  const pdf = `${scratch('cli')}.pdf`;
  const profile = scratch('cli-profile');
  const url = `${pathToFileURL(path.join(deckDir, 'index.html')).href}?print-pdf`;
  try {
    const r = await run(CHROMIUM, [
      '--headless',
      ...CHROMIUM_FLAGS,
      `--user-data-dir=${profile}`,
      `--print-to-pdf=${pdf}`,
      '--no-pdf-header-footer',
      '--virtual-time-budget=10000',
      url,
    ]);
    return { seconds: r.seconds, pages: pdfPages(pdf) };
  } finally {
    rmSync(pdf, { force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * One warm-up round then RUNS timed rounds; in each round every variant runs once, in order. A failed run is
 * recorded (null) and the bench goes on.
 */
async function interleaved(title, variants) {
  log(`\n${title}`);
  const runs = Object.fromEntries(variants.map((v) => [v.key, { warmup: [], timed: [], extra: [], errors: [], load1: [] }]));
  for (let round = 0; round < WARMUP + RUNS; round++) {
    const warm = round < WARMUP;
    for (const v of variants) {
      const slot = runs[v.key];
      try {
        const r = await v.fn();
        (warm ? slot.warmup : slot.timed).push(r.seconds);
        if (!warm) slot.load1.push(Math.round(os.loadavg()[0] * 100) / 100);
        const { seconds, ...extra } = r;
        if (Object.keys(extra).length > 0 && !warm) slot.extra.push(extra);
        log(`  ${warm ? 'warm-up' : `run ${round}/${RUNS}`}  ${v.key.padEnd(18)} ${r.seconds.toFixed(3)} s${r.pages != null ? `  (${r.pages} pages)` : ''}`);
      } catch (error) {
        (warm ? slot.warmup : slot.timed).push(null);
        slot.errors.push(String(error.message ?? error));
        log(`  ${v.key}: FAILED: ${error.message ?? error}`);
      }
      await sweep(v.key);
    }
  }
  for (const v of variants) runs[v.key].median = median(runs[v.key].timed);
  return runs;
}

// ---------------------------------------------------------------------------------------------------------
// Inputs.

function copySources(dir) {
  cpSync(SOURCES, path.join(dir, 'sources'), { recursive: true });
}

/** Builds the deck (with its PDF) once, to have its final HTML for the exports; returns the deck folder. */
async function prebuild(brief, name, extra = []) {
  const out = path.join(SCRATCH, 'decks', name);
  await mujaz(['build', brief, '--out', out, ...extra]);
  await sweep(`prebuild ${name}`);
  return out;
}

function deckDirOf(outRoot, slug) {
  return path.join(outRoot, slug);
}

/** bench/tmp/forty/<slug>.yaml: the bundled brief with its lists multiplied until the deck has about 40 slides. */
async function makeFortySlideBrief() {
  const dir = path.join(TMP, 'forty');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copySources(dir);
  const brief = parseYaml(readFileSync(BRIEF, 'utf8'));
  const file = path.join(dir, 'issi-russia-roundtable-forty.yaml');
  const count = async (copies, dropMessages) => {
    writeFileSync(file, stringifyYaml(lengthenBrief(brief, copies, { dropMessages, slug: 'issi-russia-roundtable-forty' }), { lineWidth: 0 }));
    const out = scratch('count');
    try {
      await mujaz(['build', file, '--out', out, '--no-pdf']);
      return countSlides(readFileSync(path.join(out, 'issi-russia-roundtable-forty', 'index.html'), 'utf8'));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  };
  const tried = [];
  let copies = 1;
  let slides = await count(copies, 0);
  tried.push({ copies, dropMessages: 0, slides });
  while (slides < 38 && copies < 12) {
    copies++;
    slides = await count(copies, 0);
    tried.push({ copies, dropMessages: 0, slides });
  }
  let drop = 0;
  while (slides > 42 && drop < 40) {
    drop++;
    slides = await count(copies, drop);
    tried.push({ copies, dropMessages: drop, slides });
  }
  log(`  40-slide brief: ${copies}× the lists${drop ? `, ${drop} message(s) left out` : ''} → ${slides} slides (${file})`);
  return { file, slides, copies, dropMessages: drop, tried };
}

/** bench/tmp/batch/: ten copies of the bundled brief with different slugs, and sources/. */
function makeBatch() {
  const dir = path.join(TMP, 'batch');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copySources(dir);
  const text = readFileSync(BRIEF, 'utf8');
  const slugs = [];
  for (let i = 1; i <= 10; i++) {
    const slug = `issi-russia-roundtable-b${String(i).padStart(2, '0')}`;
    writeFileSync(path.join(dir, `${slug}.yaml`), withSlug(text, slug));
    slugs.push(slug);
  }
  return { dir, slugs };
}

// ---------------------------------------------------------------------------------------------------------
// serve: edit → the new title in the open page.

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function serveLatency() {
  const result = { available: false, reason: '', runs: { warmup: [], timed: [] }, rebuildMs: [] };
  if (!existsSync(path.join(ROOT, 'src', 'commands', 'serve.ts')) || !existsSync(path.join(APP, 'dist', 'commands', 'serve.js'))) {
    result.reason = 'src/commands/serve.ts (or its compiled dist/commands/serve.js) does not exist';
    return result;
  }
  const dir = path.join(TMP, 'serve');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copySources(dir);
  const brief = path.join(dir, 'issi-russia-roundtable.yaml');
  const original = readFileSync(BRIEF, 'utf8');
  writeFileSync(brief, original);
  const port = await freePort();

  let stderr = '';
  const child = spawn(process.execPath, [BIN, 'serve', brief, '--port', String(port)], {
    cwd: ROOT,
    env: ENV,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  current = child;
  let exited = false;
  child.on('exit', () => (exited = true));
  child.stderr.on('data', (d) => {
    stderr += d;
    for (const m of String(d).matchAll(/slides in (\d+) ms/g)) result.rebuildMs.push(Number(m[1]));
  });
  const url = await new Promise((resolve) => {
    let out = '';
    const timer = setTimeout(() => resolve(null), 60_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', () => {
      clearTimeout(timer);
      resolve(null);
    });
  });

  let browser;
  const profile = scratch('serve-profile');
  try {
    if (!url) {
      result.reason = `\`mujaz serve\` printed no URL within 60 s${exited ? ' (it exited)' : ''}: ${stderr.trim().split('\n').slice(-3).join(' / ')}`;
      return result;
    }
    browser = await launchChromium(profile, { protocolTimeout: 60_000 });
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    // The page reports (with its own clock) each edit number it shows; it survives reloads.
    const seen = new Map();
    const waiters = new Map();
    await page.exposeFunction('__benchSeen', (n, at) => {
      if (seen.has(n)) return;
      seen.set(n, at);
      waiters.get(n)?.(at);
    });
    await page.evaluateOnNewDocument(() => {
      const check = () => {
        const m = document.body && /bench-edit-(\d+)/.exec(document.body.textContent ?? '');
        if (m && window.__benchLast !== m[1]) {
          window.__benchLast = m[1];
          window.__benchSeen(Number(m[1]), Date.now());
        }
      };
      new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
      document.addEventListener('DOMContentLoaded', check);
    });
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await sleep(1000);
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const n = i + 1;
      const shown = new Promise((resolve) => {
        waiters.set(n, resolve);
        setTimeout(() => resolve(null), 30_000).unref();
      });
      const wrote = Date.now();
      writeFileSync(brief, withTitleSuffix(original, ` bench-edit-${n}`));
      const at = await shown;
      const ms = at === null ? null : at - wrote;
      (i < WARMUP ? result.runs.warmup : result.runs.timed).push(ms === null ? null : ms / 1000);
      log(`  ${i < WARMUP ? 'warm-up' : `run ${i}/${RUNS}`}  edit → new title shown  ${ms === null ? 'not seen within 30 s' : `${ms} ms`}`);
      await sleep(800); // let the rebuild, the reload and reveal settle before the next save
    }
    result.available = result.runs.timed.some((v) => v !== null);
    if (!result.available) result.reason = 'the page never showed an edited title';
    result.median = median(result.runs.timed);
    return result;
  } catch (error) {
    result.reason = `failed: ${String(error.message ?? error).split('\n')[0]}`;
    return result;
  } finally {
    if (browser) await Promise.race([browser.close().catch(() => undefined), sleep(10_000)]); // the sweep kills what is left
    if (!exited) {
      child.kill('SIGTERM');
      const until = Date.now() + 10_000;
      while (!exited && Date.now() < until) await sleep(50);
      if (!exited) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // gone
        }
        result.note = '`mujaz serve` did not stop within 10 s of SIGTERM (killed)';
      }
    }
    current = undefined;
    rmSync(profile, { recursive: true, force: true });
    await sweep('serve');
  }
}

// ---------------------------------------------------------------------------------------------------------
// The briefing library (issue 30): the catalogue of 100 decks, written and searched.

/**
 * An output folder of 100 decks: the bundled brief built once (HTML only), its folder's marker, deck and
 * record copied under 100 slugs, each with its own title and date. The catalogue reads only the records.
 */
async function makeHundredDecks() {
  const base = await prebuild(BRIEF, 'catalogue-base', ['--no-pdf']);
  const deck = path.join(base, 'issi-russia-roundtable');
  const record = JSON.parse(readFileSync(path.join(deck, 'mujaz-deck.json'), 'utf8'));
  const out = path.join(SCRATCH, 'decks', 'hundred');
  for (let i = 1; i <= 100; i++) {
    const slug = `deck-${String(i).padStart(3, '0')}`;
    const dir = path.join(out, slug);
    mkdirSync(dir, { recursive: true });
    for (const f of ['.mujaz', 'index.html']) cpSync(path.join(deck, f), path.join(dir, f));
    const date = new Date(Date.UTC(2015, 0, 1) + i * 23 * 86_400_000).toISOString().slice(0, 10);
    writeFileSync(path.join(dir, 'mujaz-deck.json'), `${JSON.stringify({ ...record, slug, title: `${record.title} (${i})`, date }, null, 1)}\n`);
  }
  return out;
}

/** The catalogue of `out` written again in this process (dist/catalogue/catalogue.js), from scratch. */
async function writeCatalogueOnce(out) {
  const { writeCatalogue } = await import(pathToFileURL(path.join(APP, 'dist', 'catalogue', 'catalogue.js')).href);
  rmSync(path.join(out, 'index.html'), { force: true });
  const started = performance.now();
  const cpu = process.cpuUsage();
  const r = await writeCatalogue(out);
  const used = process.cpuUsage(cpu);
  // Its CPU time too: on a loaded machine the wall time is mostly waiting for a core.
  return { seconds: (performance.now() - started) / 1000, cpu: (used.user + used.system) / 1e6, decks: r?.decks };
}

/**
 * `mujaz build --no-pdf` of the bundled brief into `out` (its deck replaced, the catalogue rewritten), with
 * the process's CPU time (GNU time, when there), which a loaded machine changes far less than the wall time.
 */
async function buildInto(out) {
  const args = [BIN, 'build', BRIEF, '--no-pdf', '--out', out];
  const timeBin = existsSync('/usr/bin/time');
  const r = timeBin ? await run('/usr/bin/time', ['-f', 'cpu %U %S', process.execPath, ...args]) : await run(process.execPath, args);
  const m = /cpu ([0-9.]+) ([0-9.]+)/.exec(r.stderr);
  return { seconds: r.seconds, ...(m ? { cpu: Number(m[1]) + Number(m[2]) } : {}) };
}

/** The same into an empty folder, removed after. */
async function buildIntoEmpty() {
  const out = scratch('out');
  try {
    return await buildInto(out);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * The catalogue of 100 decks in Chromium: the time from navigation to the search being ready, and each
 * keystroke of a few queries typed letter by letter, from the input event to the narrowed list laid out.
 */
async function catalogueSearch(out) {
  const profile = scratch('catalogue-profile');
  const browser = await launchChromium(profile);
  const queries = ['البرت خوريف', 'الاسلحه الاسرع من الصوت', 'ضبط التسلح', 'hypersonic weapons', 'zanzibar'];
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const ready = [];
    const keys = [];
    for (let round = 0; round < WARMUP + RUNS; round++) {
      const started = performance.now();
      await page.goto(pathToFileURL(path.join(out, 'index.html')).href, { waitUntil: 'load' });
      await page.waitForSelector('html[data-catalogue-ready]');
      if (round >= WARMUP) ready.push((performance.now() - started) / 1000);
      const times = await page.evaluate((qs) => {
        const input = document.getElementById('catalogue-search');
        const out = [];
        for (const q of qs) {
          for (let n = 1; n <= q.length; n++) {
            const t = performance.now();
            input.value = q.slice(0, n);
            input.dispatchEvent(new Event('input'));
            void document.body.offsetHeight; // the narrowed list laid out
            out.push(performance.now() - t);
          }
        }
        return out;
      }, queries);
      if (round >= WARMUP) keys.push(...times);
    }
    const sorted = [...keys].sort((a, b) => a - b);
    return { ready, keystrokeMs: keys, median: median(keys), p95: sorted[Math.floor(sorted.length * 0.95)], max: sorted[sorted.length - 1], queries };
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Memory: the mujaz node process's VmHWM (read at its 'exit' by a preload), /usr/bin/time %M, Chromium sampled.

function chromiumMemory() {
  let rss = 0;
  let pss = 0;
  const hwm = new Map();
  for (const pid of markedPids()) {
    try {
      const comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      if (!/chrom/i.test(comm)) continue;
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      rss += statusKb(status, 'VmRSS') ?? 0;
      hwm.set(pid, statusKb(status, 'VmHWM') ?? 0);
      pss += statusKb(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'), 'Pss') ?? 0;
    } catch {
      // gone
    }
  }
  return { rss, pss, hwm };
}

async function memory(runs = 3) {
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const hook = path.join(BENCH, 'hwm-preload.mjs');
  const out = { nodeVmHWM_MB: [], timeMaxRSS_MB: [], chromiumPeakPss_MB: [], chromiumPeakRss_MB: [], chromiumSumHWM_MB: [], timeBin };
  for (let i = 0; i < runs; i++) {
    const hwmFile = scratch('hwm');
    const timeFile = scratch('time');
    const outDir = scratch('out');
    const env = { ...ENV, MUJAZ_BENCH_HWM_FILE: hwmFile };
    const nodeArgs = ['--import', pathToFileURL(hook).href, BIN, 'build', BRIEF, '--out', outDir];
    let peakPss = 0;
    let peakRss = 0;
    const hwmByPid = new Map();
    const sampler = setInterval(() => {
      const m = chromiumMemory();
      peakPss = Math.max(peakPss, m.pss);
      peakRss = Math.max(peakRss, m.rss);
      for (const [pid, kb] of m.hwm) hwmByPid.set(pid, Math.max(kb, hwmByPid.get(pid) ?? 0));
    }, 100);
    try {
      if (timeBin) await run(timeBin, ['-f', '%M', '-o', timeFile, process.execPath, ...nodeArgs], { env });
      else await run(process.execPath, nodeArgs, { env });
      out.nodeVmHWM_MB.push(Number(readFileSync(hwmFile, 'utf8')) / 1024);
      if (timeBin) out.timeMaxRSS_MB.push(Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()) / 1024);
      out.chromiumPeakPss_MB.push(peakPss / 1024);
      out.chromiumPeakRss_MB.push(peakRss / 1024);
      out.chromiumSumHWM_MB.push([...hwmByPid.values()].reduce((a, b) => a + b, 0) / 1024);
      log(
        `  run ${i + 1}/${runs}  node VmHWM ${(out.nodeVmHWM_MB.at(-1)).toFixed(0)} MB; Chromium peak PSS ${(peakPss / 1024).toFixed(0)} MB (sampled every 100 ms)`,
      );
    } catch (error) {
      log(`  memory run FAILED: ${error.message}`);
    } finally {
      clearInterval(sampler);
      rmSync(outDir, { recursive: true, force: true });
      rmSync(hwmFile, { force: true });
      rmSync(timeFile, { force: true });
      await sweep('memory run');
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------

function machine() {
  const cpus = os.cpus();
  const chromium = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8', env: ENV }).stdout?.trim().split('\n').pop() ?? 'unknown';
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() || 'unknown';
  const dirty = (spawnSync('git', ['status', '--porcelain', '--', 'src', 'templates'], { cwd: ROOT, encoding: 'utf8' }).stdout ?? '')
    .split('\n')
    .filter(Boolean).length;
  const pkg = (name) => JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
  return {
    cores: cpus.length,
    model: cpus[0]?.model ?? 'unknown',
    memoryGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium,
    puppeteerCore: pkg('puppeteer-core'),
    commit: `${git}${dirty ? ` + ${dirty} uncommitted file(s) in src/ and templates/` : ''}`,
    date: new Date().toISOString(),
    loadavgAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

const fmtRatio = (r) => (r === null || r === undefined ? '—' : r.toFixed(2));
const ratio = (a, b) => (a != null && b != null && b > 0 ? a / b : null);

async function main() {
  if (!existsSync(path.join(APP, 'dist', 'cli.js'))) throw new Error('dist/ is missing: run `npm run build` (npm run bench does)');
  const want = (n) => !ONLY || ONLY.has(String(n));
  const info = machine();
  log(`mujaz bench: ${info.cores}× ${info.model}, ${info.memoryGB} GB, Node ${info.node}, ${info.chromium}; load average ${info.loadavgAtStart.join(' ')}`);
  log(`scratch: ${SCRATCH}; ${WARMUP} warm-up + ${RUNS} timed runs per variant, interleaved`);
  await sweep('start', 0);
  const results = { machine: info, settings: { warmup: WARMUP, runs: RUNS, timeoutMs: TIMEOUT, chromiumFlags: CHROMIUM_FLAGS }, groups: {} };
  const rows = [];
  const row = (what, value, vsBaseline, target, pass) => rows.push([what, value, vsBaseline, target, pass]);

  // 1 and 2: one deck, three ways.
  const single = async (n, label, brief, slug) => {
    const deck = deckDirOf(await prebuild(brief, slug), slug);
    const slides = countSlides(readFileSync(path.join(deck, 'index.html'), 'utf8'));
    const pages = pdfPages(path.join(deck, `${slug}.pdf`));
    const g = await interleaved(`${n}. ${label}: mujaz build vs minimal Puppeteer export vs chromium --print-to-pdf`, [
      { key: 'mujaz build', fn: () => mujazBuild(brief) },
      { key: 'minimal export', fn: () => minimalExport(deck) },
      { key: 'chromium --print', fn: () => chromiumPrint(deck) },
    ]);
    results.groups[n] = { label, slides, pages, runs: g };
    const base = g['minimal export'].median;
    const r = ratio(g['mujaz build'].median, base);
    const minPages = g['minimal export'].extra[0]?.pages;
    const cliPages = g['chromium --print'].extra.map((e) => e.pages ?? '?');
    const cliNote = cliPages.every((p) => p === pages)
      ? `${pages} pages`
      : `pages per run: ${cliPages.join(', ')}; it prints when the virtual-time budget ends, ready or not`;
    row(
      `${n}. \`mujaz build\`, ${label} (${slides} slides, ${pages}-page PDF), YAML→HTML→PDF`,
      secondsCell(g['mujaz build'].timed),
      `${fmtRatio(r)} × minimal`,
      '≤ 1.0 × minimal',
      mark(r, (x) => x <= 1.0),
    );
    row(`${n}a. minimal Puppeteer export of the same HTML (${minPages ?? '?'} pages) — baseline`, secondsCell(g['minimal export'].timed), '1.00', '—', '—');
    row(
      `${n}b. \`chromium --headless --print-to-pdf\` (${cliNote}; a baseline for time only)`,
      secondsCell(g['chromium --print'].timed),
      `${fmtRatio(ratio(g['chromium --print'].median, base))} × minimal`,
      '—',
      '—',
    );
  };
  if (want(1)) await single(1, 'bundled brief', BRIEF, 'issi-russia-roundtable');
  if (want(2)) {
    log('\n2. generating the 40-slide brief');
    const forty = await makeFortySlideBrief();
    results.fortySlideBrief = { ...forty, file: path.relative(ROOT, forty.file) };
    await single(2, 'generated 40-slide brief', forty.file, 'issi-russia-roundtable-forty');
  }

  // 3: ten briefs in one process vs ten minimal exports.
  if (want(3)) {
    const batch = makeBatch();
    const outRoot = await prebuild(batch.dir, 'batch', ['--jobs', '2']);
    const decks = batch.slugs.map((s) => deckDirOf(outRoot, s));
    const g = await interleaved('3. batch of ten briefs: one `mujaz build <folder>` (--jobs 2, 3) vs ten minimal exports one after another', [
      { key: 'batch --jobs 2', fn: () => mujazBuild(batch.dir, ['--jobs', '2']) },
      { key: 'batch --jobs 3', fn: () => mujazBuild(batch.dir, ['--jobs', '3']) },
      {
        key: '10 minimal exports',
        fn: async () => {
          const each = [];
          for (const d of decks) each.push((await minimalExport(d)).seconds);
          return { seconds: each.reduce((a, b) => a + b, 0), each };
        },
      },
    ]);
    results.groups[3] = { label: 'batch of ten bundled briefs', folder: path.relative(ROOT, batch.dir), runs: g };
    const base = g['10 minimal exports'].median;
    for (const j of [2, 3]) {
      const r = ratio(g[`batch --jobs ${j}`].median, base);
      row(
        `3. one \`mujaz build <folder of 10 briefs>\`, --jobs ${j}`,
        secondsCell(g[`batch --jobs ${j}`].timed),
        `${fmtRatio(r)} × ten minimal`,
        '≤ 0.25 × ten minimal',
        mark(r, (x) => x <= 0.25),
      );
    }
    row('3a. ten minimal exports, one after another (sum) — baseline', secondsCell(g['10 minimal exports'].timed), '1.00', '—', '—');
  }

  // 4: the HTML-only build, with Node's own start-up and the CLI's load for reference.
  if (want(4)) {
    const g = await interleaved('4. HTML-only build (--no-pdf), with `node -e 0` and `mujaz --version` for reference', [
      { key: 'build --no-pdf', fn: () => mujazBuild(BRIEF, ['--no-pdf']) },
      { key: 'mujaz --version', fn: () => mujaz(['--version']) },
      { key: 'node -e 0', fn: () => run(process.execPath, ['-e', '0']) },
    ]);
    results.groups[4] = { label: 'HTML-only build of the bundled brief', runs: g };
    const m = g['build --no-pdf'].median;
    row(
      '4. `mujaz build --no-pdf`, bundled brief (HTML only)',
      secondsCell(g['build --no-pdf'].timed),
      '—',
      '< 0.3 s',
      mark(m, (x) => x < 0.3),
    );
    row('4a. `mujaz --version` (Node start + CLI load), reference', secondsCell(g['mujaz --version'].timed), '—', '—', '—');
    row('4b. `node -e 0` (Node start), reference', secondsCell(g['node -e 0'].timed), '—', '—', '—');
  }

  // 5: serve.
  if (want(5)) {
    log('\n5. `mujaz serve`: save → new title shown in the page');
    const s = await serveLatency();
    results.serve = s;
    if (s.available) {
      const rebuild = median(s.rebuildMs.slice(-RUNS));
      row(
        `5. \`mujaz serve\`: save → new title in the open page${rebuild !== null ? ` (of which the rebuild, as serve reports it: ${rebuild} ms median)` : ''}`,
        secondsCell(s.runs.timed),
        '—',
        '< 0.3 s',
        mark(s.median, (x) => x < 0.3),
      );
    } else {
      log(`  serve: not available (${s.reason})`);
      row('5. `mujaz serve`: save → new title in the open page', 'serve: not available', '—', '< 0.3 s', '—');
    }
  }

  // 6: memory.
  if (want(6)) {
    log('\n6. peak memory of `mujaz build` (bundled brief, with PDF)');
    const m = await memory(3);
    results.memory = m;
    const node = median(m.nodeVmHWM_MB);
    row(
      '6. peak memory (VmHWM) of the `mujaz build` node process, bundled brief',
      node === null ? 'failed' : `${node.toFixed(0)} MB`,
      '—',
      '< 200 MB',
      mark(node, (x) => x < 200),
    );
    if (m.timeBin) {
      row('6a. `/usr/bin/time -f %M` (largest single process incl. reaped Chromium children)', `${median(m.timeMaxRSS_MB)?.toFixed(0)} MB`, '—', '—', '—');
    }
    const pss = median(m.chromiumPeakPss_MB);
    row(
      '6b. Chromium, all its processes: peak total PSS (sampled every 100 ms)',
      pss === null ? '—' : `${pss.toFixed(0)} MB (RSS sum ${median(m.chromiumPeakRss_MB).toFixed(0)} MB)`,
      '—',
      '—',
      '—',
    );
  }

  // 7 and 8: the briefing library of 100 decks.
  if (want(7) || want(8)) {
    log('\n7. the catalogue of 100 decks (output/index.html)');
    const hundred = await makeHundredDecks();
    if (want(7)) {
      const g = await interleaved('7. the catalogue of 100 decks written (in process), and a build into a folder of 100 decks vs an empty one', [
        { key: 'write catalogue', fn: () => writeCatalogueOnce(hundred) },
        { key: 'build into 100', fn: () => buildInto(hundred) },
        { key: 'build into empty', fn: () => buildIntoEmpty() },
      ]);
      const size = readFileSync(path.join(hundred, 'index.html')).length;
      results.groups[7] = { label: 'catalogue of 100 decks', indexBytes: size, runs: g };
      const cpu = median(g['write catalogue'].extra.map((e) => e.cpu));
      row(
        `7. the catalogue of 100 decks written (read 100 records, index, render, write; index.html ${(size / 1e6).toFixed(1)} MB; CPU time ${cpu?.toFixed(2)} s)`,
        secondsCell(g['write catalogue'].timed),
        '—',
        '< 0.5 s CPU',
        mark(cpu, (x) => x < 0.5),
      );
      const beyond = g['build into 100'].median - g['build into empty'].median;
      const cpuOf = (key) => median(g[key].extra.map((e) => e.cpu));
      const [cpu100, cpuEmpty] = [cpuOf('build into 100'), cpuOf('build into empty')];
      const cpuBeyond = cpu100 !== null && cpuEmpty !== null ? cpu100 - cpuEmpty : null;
      row(
        `7a. \`mujaz build --no-pdf\` into a folder of 100 decks (the catalogue rewritten)${cpuBeyond !== null ? `; CPU time ${cpu100.toFixed(2)} s, +${cpuBeyond.toFixed(2)} s beyond 7b` : ''}`,
        secondsCell(g['build into 100'].timed),
        `+${beyond.toFixed(2)} s beyond 7b`,
        '< 0.5 s CPU beyond 7b',
        mark(cpuBeyond ?? beyond, (x) => x < 0.5),
      );
      row(
        `7b. \`mujaz build --no-pdf\` into an empty folder${cpuEmpty !== null ? `; CPU time ${cpuEmpty.toFixed(2)} s` : ''}`,
        secondsCell(g['build into empty'].timed),
        '—',
        '—',
        '—',
      );
    }
    if (want(8)) {
      log('\n8. searching the catalogue of 100 decks in Chromium, as one types');
      const s = await catalogueSearch(hundred);
      results.catalogueSearch = s;
      row('8. the catalogue of 100 decks opened: navigation → search ready', secondsCell(s.ready), '—', '—', '—');
      row(
        `8a. one keystroke in the search box, 100 decks (${s.keystrokeMs.length} keystrokes of ${s.queries.length} queries): median, p95 ${s.p95.toFixed(1)} ms, max ${s.max.toFixed(1)} ms`,
        `${s.median.toFixed(1)} ms`,
        '—',
        '< 50 ms',
        mark(s.p95, (x) => x < 50),
      );
    }
  }

  // 9: drafting a brief from a report (`mujaz init --from`): the fixture reports one after another, over 2,000 words.
  if (want(9)) {
    const dir = scratch('draft');
    mkdirSync(dir, { recursive: true });
    const reports = [
      path.join(SOURCES, 'issi-russia-roundtable.ar.txt'),
      ...['deck', 'lint'].flatMap((d) => {
        const at = path.join(ROOT, 'tests', d, 'briefs', 'sources');
        return readdirSync(at).map((f) => path.join(at, f));
      }),
    ].sort();
    let text = '';
    while (text.split(/\s+/).filter(Boolean).length < 2000) text += `${reports.map((f) => readFileSync(f, 'utf8').trim()).join('\n')}\n`;
    const report = path.join(dir, 'report.txt');
    writeFileSync(report, text);
    const words = text.split(/\s+/).filter(Boolean).length;
    const g = await interleaved(`9. \`mujaz init --from\`: a report of ${words} words drafted into a brief, with \`mujaz --version\` for reference`, [
      { key: 'init --from', fn: () => mujaz(['init', 'bench-draft', '--from', report, '--dir', path.join(dir, 'briefs'), '--force']) },
      { key: 'mujaz --version', fn: () => mujaz(['--version']) },
    ]);
    results.groups[9] = { label: `init --from, a report of ${words} words`, runs: g };
    row(
      `9. \`mujaz init --from\`, a report of ${words} words (the fixture reports together): drafted, claim-checked, written`,
      secondsCell(g['init --from'].timed),
      '—',
      '< 1 s',
      mark(g['init --from'].median, (x) => x < 1),
    );
    row('9a. `mujaz --version` (Node start + CLI load), reference', secondsCell(g['mujaz --version'].timed), '—', '—', '—');
  }

  results.machine.loadavgAtEnd = os.loadavg().map((x) => Math.round(x * 100) / 100);
  results.leftoverProcessesKilled = sweepLog;
  const leftAtEnd = markedPids().length;
  results.processesLeftAtEnd = leftAtEnd;

  const md = [
    '## Benchmark (`npm run bench`)',
    '',
    `Measured ${info.date.slice(0, 10)} on ${info.cores}× ${info.model}, ${info.memoryGB} GB RAM, ${info.os}; Node ${info.node}; ${info.chromium}; puppeteer-core ${info.puppeteerCore}; mujaz ${info.commit}.`,
    `Whole-process wall time (spawn → exit), median of ${RUNS} runs after ${WARMUP} warm-up, variants interleaved; (min–max) in brackets. Load average ${info.loadavgAtStart.join(' / ')} at start, ${results.machine.loadavgAtEnd.join(' / ')} at end.`,
    '',
    markdownTable(['what', 'median s (min–max)', 'ratio vs baseline', 'target', 'pass'], rows),
    '',
    `Raw numbers: bench/results.json.${sweepLog.length ? ` ${sweepLog.reduce((a, b) => a + b.killed, 0)} stray process(es) were found after runs and killed (see results.json).` : ''}`,
    '',
  ].join('\n');
  results.table = md;
  // A partial or shortened run (BENCH_ONLY, BENCH_RUNS) never replaces the full results the README quotes.
  const full = !ONLY && RUNS === 5;
  const dest = full ? BENCH : TMP;
  writeFileSync(path.join(dest, full ? 'results.json' : 'results-partial.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(dest, full ? 'results.md' : 'results-partial.md'), md);
  if (!full) log(`\n(partial run: written to ${path.relative(ROOT, dest)}/results-partial.*, bench/results.* left as they were)`);
  process.stdout.write(`\n${md}`);
}

let cleaned = false;
function cleanup() {
  if (cleaned) return;
  cleaned = true;
  if (current?.pid) {
    try {
      process.kill(-current.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  for (const pid of markedPids()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  if (!process.env.BENCH_KEEP) rmSync(SCRATCH, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    log(`\nbench: ${sig}, cleaning up`);
    cleanup();
    process.exit(130);
  });
}

try {
  await main();
} catch (error) {
  log(`bench: ${error.stack ?? error}`);
  process.exitCode = 1;
} finally {
  await sweep('the bench', 2000);
  cleanup();
}
