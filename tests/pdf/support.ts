/**
 * Helpers for the PDF tests: read PDFs with poppler, qpdf and pdf.js, measure how much Arabic survives
 * text extraction, hash output folders, and watch the process tree for Chromium.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { cliPath, repoRoot, type CliResult } from '../support/build.js';

export const SLUG = 'issi-russia-roundtable';

/** Runs a program to completion (bounded), resolving with its exit code and output; never rejects on exit code. */
export function run(cmd: string, args: string[], options: { timeoutMs?: number; env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile(
      cmd,
      args,
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        timeout: options.timeoutMs ?? 60_000,
        killSignal: 'SIGKILL',
        env: { ...process.env, ...options.env },
        cwd: options.cwd ?? repoRoot,
      },
      (error, stdout, stderr) => {
        const e = error as (NodeJS.ErrnoException & { code?: number | string; signal?: NodeJS.Signals }) | null;
        if (e && typeof e.code === 'string') return reject(e); // could not start it at all
        resolve({ code: e ? (typeof e.code === 'number' ? e.code : 1) : 0, signal: e?.signal ?? null, stdout, stderr });
      },
    );
  });
}

export async function must(cmd: string, args: string[]): Promise<string> {
  const r = await run(cmd, args);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
  return r.stdout;
}

// ---------------------------------------------------------------- PDF readers

export async function pdfinfo(file: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const line of (await must('pdfinfo', [file])).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) out[m[1]!.trim()] = m[2]!.trim();
  }
  return out;
}

export interface FontRow {
  name: string;
  type: string;
  encoding: string;
  emb: string;
  sub: string;
  uni: string;
}

/** `pdffonts` rows, split by the column widths its dashed line gives. */
export async function pdffonts(file: string): Promise<FontRow[]> {
  const lines = (await must('pdffonts', [file])).split('\n');
  const dashes = lines[1] ?? '';
  const cols: [number, number][] = [];
  for (const m of dashes.matchAll(/-+/g)) cols.push([m.index!, m.index! + m[0].length]);
  return lines
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const c = cols.map(([a, b], i) => l.slice(a, i === cols.length - 1 ? undefined : b + 1).trim());
      return { name: c[0]!, type: c[1]!, encoding: c[2]!, emb: c[3]!, sub: c[4]!, uni: c[5]! };
    });
}

export async function pdftotext(file: string, pages?: { first: number; last: number }): Promise<string> {
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  return must('pdftotext', ['-enc', 'UTF-8', ...range, file, '-']);
}

/** The PDF as qpdf's JSON (objects, pages, outlines). */
export async function qpdfJson(file: string, ...keys: string[]): Promise<Record<string, unknown>> {
  return JSON.parse(await must('qpdf', ['--json', ...keys.map((k) => `--json-key=${k}`), file])) as Record<string, unknown>;
}

export interface Outline {
  title: string;
  destpageposfrom1: number;
  kids: Outline[];
}

export async function outlines(file: string): Promise<Outline[]> {
  return (await qpdfJson(file, 'outlines')).outlines as Outline[];
}

/** The catalog dictionary (the trailer's /Root) as qpdf prints it. */
export async function catalog(file: string): Promise<string> {
  const trailer = await must('qpdf', ['--show-object=trailer', file]);
  const root = /\/Root (\d+) (\d+) R/.exec(trailer);
  if (!root) throw new Error(`no /Root in the trailer of ${file}: ${trailer}`);
  return must('qpdf', [`--show-object=${root[1]},${root[2]}`, file]);
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsModule: Promise<PdfJs> | undefined;

export async function openWithPdfJs(file: string) {
  pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdfjs = await pdfjsModule;
  const data = new Uint8Array(await readFile(file));
  return pdfjs.getDocument({ data, disableFontFace: true, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
}

/**
 * pdf.js text of every page, two ways: `spaced` joins the items' str with ' ' (a '\n' instead after an item
 * with hasEOL); `tight` joins them with nothing but that '\n' (pdf.js gives most spaces as items of their own).
 */
export async function pdfjsText(file: string): Promise<{ spaced: string; tight: string }> {
  const doc = await openWithPdfJs(file);
  let spaced = '';
  let tight = '';
  try {
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      for (const item of content.items) {
        if (!('str' in item)) continue;
        spaced += item.str + (item.hasEOL ? '\n' : ' ');
        tight += item.str + (item.hasEOL ? '\n' : '');
      }
      spaced += '\n';
      tight += '\n';
    }
  } finally {
    await doc.destroy();
  }
  return { spaced, tight };
}

// ---------------------------------------------------------------- Arabic words

/** Tashkeel (U+064B–065F), superscript alef (U+0670) and tatweel (U+0640) go; the letters stay as they are. */
export function stripMarks(text: string): string {
  return text.replace(/[\u064B-\u065F\u0670\u0640]/g, '');
}

/**
 * Arabic punctuation (، ؛ ؟ ٪ ٫ ٬ ٭ ۔), Arabic-Indic digits and the Arabic letter mark sit in the Arabic
 * block but are not letters of a word: they separate words, as a space does. (Readers put them apart from
 * the word they follow: pdftotext writes "آباد ،", and a number list "١، ٢، ٤" as "٤ ،٢ ،١".)
 */
const NOT_LETTERS = /[\u060C\u061B\u061C\u061F\u066A-\u066D\u06D4\u0660-\u0669\u06F0-\u06F9]/g;

/** The Arabic words of a text: runs of /[\u0600-\u06FF]+/ once marks are stripped and non-letters split. */
export function arabicWords(text: string): string[] {
  return (
    stripMarks(text)
      .replace(NOT_LETTERS, ' ')
      .match(/[\u0600-\u06FF]+/g) ?? []
  );
}

/** The same runs without splitting at punctuation and digits (reported for information only). */
export function arabicTokens(text: string): string[] {
  return stripMarks(text).match(/[\u0600-\u06FF]+/g) ?? [];
}

export interface Recall {
  recall: number;
  matched: number;
  total: number;
  missed: string[];
}

/** How many of the reference word occurrences the extracted text has (multiset intersection / reference). */
export function recall(reference: string[], extracted: string[]): Recall {
  const have = new Map<string, number>();
  for (const w of extracted) have.set(w, (have.get(w) ?? 0) + 1);
  let matched = 0;
  const missed: string[] = [];
  for (const w of reference) {
    const n = have.get(w) ?? 0;
    if (n > 0) {
      matched++;
      have.set(w, n - 1);
    } else missed.push(w);
  }
  return { recall: reference.length ? matched / reference.length : 1, matched, total: reference.length, missed };
}

/** The text of HTML character references and entities (the ones mujaz's templates write). */
export function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
}

export interface SlideHtml {
  id: string;
  /** The slide's visible text (speaker notes left out). */
  text: string;
  /** The heading text (h1/h2 with id "<slide>-title"). */
  title: string;
  /** The continuation label ("تابع ٢ من ٢"), if the slide continues a previous one. */
  continuation: string | null;
  notes: string;
}

const textOf = (html: string) =>
  decodeEntities(html.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();

/** The `section.slide` elements of a built deck (slides never nest sections). */
export function slidesOf(html: string): SlideHtml[] {
  const out: SlideHtml[] = [];
  for (const m of html.matchAll(/<section\b([^>]*)>([\s\S]*?)<\/section>/g)) {
    const attrs = m[1]!;
    if (!/\bclass="slide\b/.test(attrs)) continue;
    const id = /\bid="([^"]+)"/.exec(attrs)?.[1] ?? '';
    const body = m[2]!;
    const notes = [...body.matchAll(/<aside class="notes">([\s\S]*?)<\/aside>/g)].map((n) => textOf(n[1]!)).join(' ');
    const visible = body.replace(/<aside class="notes">[\s\S]*?<\/aside>/g, ' ');
    const title = new RegExp(`<h[12][^>]*\\bid="${id}-title"[^>]*>([\\s\\S]*?)</h[12]>`).exec(visible)?.[1];
    const continuation = /<span class="continuation">([\s\S]*?)<\/span>/.exec(visible)?.[1];
    out.push({ id, text: textOf(visible), title: title ? textOf(title) : '', continuation: continuation ? textOf(continuation) : null, notes });
  }
  return out;
}

/** Collapses whitespace, drops marks and bidi controls, for comparing running text with extracted text. */
export function flat(text: string): string {
  return stripMarks(text)
    .replace(/[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

// ---------------------------------------------------------------- folders

/** Every path under `dir` (folders too) with a hash of each file's bytes. */
export async function hashTree(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const lines: string[] = [];
  for (const e of entries) {
    const full = path.join(e.parentPath, e.name);
    const rel = path.relative(dir, full);
    if (e.isDirectory()) lines.push(`d ${rel}`);
    else
      lines.push(
        `f ${rel} ${createHash('sha256')
          .update(await readFile(full))
          .digest('hex')}`,
      );
  }
  return lines.sort().join('\n');
}

// ---------------------------------------------------------------- processes

export interface Proc {
  pid: number;
  ppid: number;
  pgid: number;
  stat: string;
  args: string;
}

/** Live processes (zombies left out: they are dead, only not yet reaped by whoever adopted them). */
export async function processes(): Promise<Proc[]> {
  const out = await must('ps', ['-e', '-ww', '-o', 'pid=,ppid=,pgid=,stat=,args=']);
  return out
    .split('\n')
    .map((l) => /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), pgid: Number(m[3]), stat: m[4]!, args: m[5]! }))
    .filter((p) => !p.stat.startsWith('Z'));
}

export function descendants(all: Proc[], root: number): Proc[] {
  const out: Proc[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    for (const p of all) {
      if (p.ppid !== pid) continue;
      out.push(p);
      queue.push(p.pid);
    }
  }
  return out;
}

export interface Chromium {
  /** The browser's main process (the leader of its process group). */
  pid: number;
  /** Its --user-data-dir, a mujaz-chromium-* folder. */
  profile: string;
  /** How many renderer processes it has now. */
  renderers: number;
}

const PROFILE = /--user-data-dir=(\S*mujaz-chromium-[^\s]+)/;

/** The Chromium that process `parent` started, if it is running. */
export async function chromiumOf(parent: number): Promise<Chromium | undefined> {
  const all = await processes();
  const tree = descendants(all, parent);
  const main = tree.find((p) => PROFILE.test(p.args) && !/--type=/.test(p.args));
  if (!main) return undefined;
  const profile = PROFILE.exec(main.args)![1]!;
  const renderers = tree.filter((p) => p.args.includes('--type=renderer') && !p.args.includes('--top-chrome-webui')).length;
  return { pid: main.pid, profile, renderers };
}

/** Processes still alive of that Chromium: by its profile folder or by its process group. */
export async function leftovers(chromium: Pick<Chromium, 'pid' | 'profile'>): Promise<Proc[]> {
  return (await processes()).filter((p) => p.args.includes(chromium.profile) || p.pgid === chromium.pid);
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false | null>, timeoutMs = 30_000, everyMs = 50): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`gave up waiting for ${what} after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** `list()` once it is empty, or as it is when `timeoutMs` has passed (polled every 100 ms). */
async function untilEmpty<T>(list: () => Promise<T[]>, timeoutMs: number): Promise<T[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const left = await list();
    if (left.length === 0 || Date.now() > until) return left;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until nothing of that Chromium is left (its processes exit on their own or were killed). */
export async function noneLeft(chromium: Pick<Chromium, 'pid' | 'profile'>, timeoutMs = 15_000): Promise<Proc[]> {
  return untilEmpty(() => leftovers(chromium), timeoutMs);
}

/**
 * The processes whose command line mentions `text` (a run's TMPDIR), once none is left or `timeoutMs` has
 * passed. Chromium's crash handler runs in a process group of its own, outside the group mujaz kills, and
 * exits on its own once the browser is gone: it is given the time the browser's processes are.
 */
export async function stillRunning(text: string, timeoutMs = 15_000): Promise<Proc[]> {
  return untilEmpty(async () => (await processes()).filter((p) => p.args.includes(text)), timeoutMs);
}

export interface Spawned {
  child: ChildProcess;
  done: Promise<CliResult>;
  stderr(): string;
}

/** Starts `mujaz ARGS` in its own process group (like a shell job, so a "Ctrl-C" can go to the group). */
export function spawnCli(args: string[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Spawned {
  const child = spawn(process.execPath, [cliPath, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { child, done, stderr: () => stderr };
}

/** Temporary build folders left beside the decks (.mujaz-tmp-*), and PDFs outside a deck folder. */
export async function strays(outRoot: string): Promise<string[]> {
  const names = await readdir(outRoot).catch(() => [] as string[]);
  return names.filter((n) => n.startsWith('.mujaz-tmp-') || n.endsWith('.pdf'));
}

export interface PageTags {
  page: number;
  /** Characters (white space aside) inside marked content that the page's structure tree points at. */
  tagged: number;
  /** Characters inside /Artifact: the page furniture (running footer, page number, marking; src/pdf/ua/). */
  artifact: number;
  /** Characters neither tagged nor in an artifact. */
  untagged: number;
}

/** How much of each page's text the structure tree (the tags) covers, read with pdf.js. */
export async function tagCoverage(file: string): Promise<PageTags[]> {
  const doc = await openWithPdfJs(file);
  const out: PageTags[] = [];
  try {
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const ids = new Set<string>();
      const walk = (node: unknown): void => {
        if (!node || typeof node !== 'object') return;
        const n = node as { type?: string; id?: string; children?: unknown[] };
        if (n.type === 'content' && n.id) ids.add(n.id);
        n.children?.forEach(walk);
      };
      walk(await page.getStructTree());
      const content = await page.getTextContent({ includeMarkedContent: true });
      const stack: { id: string | null; tag: string }[] = [];
      let tagged = 0;
      let artifact = 0;
      let untagged = 0;
      for (const item of content.items) {
        if ('type' in item) {
          if (item.type === 'endMarkedContent') stack.pop();
          else stack.push({ id: item.id ?? null, tag: (item as { tag?: string }).tag ?? '' });
          continue;
        }
        // Counted in characters, not items: pdf.js gives a line of one font as one item (issue 15), a word
        // before, so a count of items would weigh a lone untagged marker («١») as much as a tagged line.
        const chars = item.str.replace(/\s/g, '').length;
        if (!chars) continue;
        if (stack.some(({ id }) => id !== null && ids.has(id))) tagged += chars;
        else if (stack.some(({ tag }) => tag === 'Artifact')) artifact += chars;
        else untagged += chars;
      }
      out.push({ page: i, tagged, artifact, untagged });
    }
  } finally {
    await doc.destroy();
  }
  return out;
}
