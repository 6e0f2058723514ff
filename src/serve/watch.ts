/** File watching shared by `mujaz serve` and `mujaz build --watch`: chokidar, ready before the first build. */
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { filesNamedBy, loadBrief } from '../brief/load.js';
import { templatesDir } from '../paths.js';

export interface Watcher {
  /** Starts watching more paths (files a brief names). */
  add(paths: string[]): void;
  close(): Promise<void>;
}

/** Is `file` a template (deck, partials, theme, runtime)? Then the compiled templates must be dropped. */
export function isTemplate(file: string): boolean {
  const rel = path.relative(templatesDir, path.resolve(file));
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Watches `paths` (files or folders); `onChange` gets the absolute path of every added, changed or removed file. */
export async function watchFiles(paths: string[], onChange: (file: string) => void, signal?: AbortSignal): Promise<Watcher> {
  const watched = new Set(paths.map((p) => path.resolve(p)));
  // An editor that saves in place empties the file before writing it: a change is reported once the file has
  // stopped growing, so a rebuild never reads a brief half-written (an "empty brief" flashing on screen).
  const watcher: FSWatcher = watch([...watched], { ignoreInitial: true, persistent: true, awaitWriteFinish: { stabilityThreshold: 30, pollInterval: 10 } });
  watcher.on('all', (event, file) => {
    if (event === 'add' || event === 'change' || event === 'unlink') onChange(path.resolve(file));
  });
  watcher.on('error', () => undefined); // a vanished folder is not fatal; the build reports missing files
  await new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      signal?.removeEventListener('abort', done);
      resolve();
    };
    watcher.once('ready', done);
    signal?.addEventListener('abort', done, { once: true });
  });
  return {
    add(more) {
      const fresh = more.map((p) => path.resolve(p)).filter((p) => !watched.has(p));
      fresh.forEach((p) => watched.add(p));
      if (fresh.length > 0) watcher.add(fresh);
    },
    close: () => watcher.close(),
  };
}

/**
 * The files a brief names (its report and its logo), read leniently from the YAML so they are watched even
 * while the brief is broken elsewhere. Only paths inside the brief's folder; the build checks them properly.
 */
export async function namedFiles(brief: string): Promise<string[]> {
  // Through the loader, so the brief's limits (size, nesting, aliases) and path checks apply here too.
  return loadBrief(brief).then(filesNamedBy, () => []);
}

/** Resolves when the command is interrupted (Ctrl-C): serve and build --watch run until then. */
export function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
