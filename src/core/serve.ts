/**
 * Serve mode (`mujaz serve BRIEF`), the authoring loop: builds the deck (HTML only) into a private temporary
 * output root, serves it on 127.0.0.1, watches the brief, the files it names and the templates, rebuilds on
 * every save (bursts coalesced, one build at a time) and reloads the open pages on the same slide. A broken
 * save keeps the last good deck on screen, with its problems over it and in the terminal.
 */
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { formatDiagnostic, MujazError, type Diagnostic } from '../errors.js';
import { templatesDir } from '../paths.js';
import { makeTempDir } from '../temp.js';
import { resetTemplates } from '../render/render.js';
import type { Reporter } from '../reporter.js';
import { openBrowser } from '../serve/open.js';
import { rebuildQueue } from '../serve/queue.js';
import { startPreviewServer, type PreviewServer, type Problem } from '../serve/server.js';
import { isTemplate, untilAborted, watchFiles, type Watcher } from '../serve/watch.js';
import { outputOptions } from '../outputs/index.js';
import { buildBrief } from './pipeline.js';
import { asMujazError, failedLine } from './results.js';

export interface ServeOptions {
  port: number;
  open?: boolean;
  reporter: Reporter;
  signal: AbortSignal;
}

type Change = 'brief' | 'templates';

/** `file:line:col: message`, the way the terminal prints it (first line of formatDiagnostic). */
export function problemOf(d: Diagnostic): Problem {
  const p: Problem = { text: formatDiagnostic({ ...d, hint: undefined, sourceLine: undefined }) };
  if (d.hint) p.hint = d.hint;
  return p;
}

export async function serveBrief(brief: string, options: ServeOptions): Promise<void> {
  const { reporter, signal } = options;
  const info = await stat(brief).catch(() => undefined);
  if (!info?.isFile()) {
    throw new MujazError('USAGE', `no brief at ${brief}`, { hint: 'name a .yaml brief; `mujaz init SLUG` creates a new one' });
  }
  if (signal.aborted) return;
  let server: PreviewServer | undefined;
  let watcher: Watcher | undefined;
  // The preview is private to this server: a temporary output root, removed on exit, so it never touches
  // output/ (nor waits on the lock of a `mujaz build` running there).
  const outRoot = await makeTempDir('mujaz-preview-', "the preview's output folder");

  const rebuild = async (changes: Set<Change>): Promise<void> => {
    if (signal.aborted || !server) return;
    if (changes.has('templates')) resetTemplates();
    performance.clearMarks(); // a long preview keeps the marks of its last rebuild only
    const started = performance.now();
    try {
      const result = await buildBrief(brief, { outRoot, outputs: outputOptions({ pdf: false }), signal });
      result.warnings.forEach((w) => reporter.warn(w));
      server.showDeck(result.dir);
      watcher?.add(result.inputs);
      reporter.info(`✓ ${brief}: ${result.slides} slides in ${Math.round(performance.now() - started)} ms; reloading`);
    } catch (caught) {
      if (signal.aborted) return;
      const error = asMujazError(caught);
      error.diagnostics.forEach((d) => reporter.warn(d));
      reporter.info(failedLine(brief, error, 'the last good deck stays on screen'));
      const problems =
        error.diagnostics.length > 0 ? error.diagnostics.map(problemOf) : [{ text: `${brief}: ${error.message}`, ...(error.hint ? { hint: error.hint } : {}) }];
      server.showProblems(problems);
    }
  };

  const queue = rebuildQueue<Change>(rebuild);
  try {
    server = await startPreviewServer({ port: options.port, gate: () => queue.running() });
    const briefPath = path.resolve(brief);
    // The report and logo the brief names join the watch with the first good build.
    watcher = await watchFiles([briefPath, templatesDir], (file) => queue.add(isTemplate(file) ? 'templates' : 'brief'), signal);
    queue.add('brief');
    await queue.idle();
    if (signal.aborted) return;
    reporter.out(server.url);
    reporter.info(`mujaz: serving ${brief} at ${server.url} (preview built in ${outRoot}); rebuilding on every save, Ctrl-C to stop`);
    if (options.open) openBrowser(server.url, reporter);
    await untilAborted(signal);
  } finally {
    await queue.stop();
    await watcher?.close();
    await server?.close();
    await rm(outRoot, { recursive: true, force: true }).catch(() => undefined);
  }
}
