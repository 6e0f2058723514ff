/**
 * Watch mode (`mujaz build --watch`): builds every brief once, then rebuilds a brief (HTML and PDF) on every
 * good save of it or of a file it names, and every brief when a template changes. A bad save prints its
 * problems and keeps the previous output (a failed build never touches it). One build at a time; ends on
 * Ctrl-C.
 */
import path from 'node:path';
import { filesNamedBy, loadBrief } from '../brief/load.js';
import { templatesDir } from '../paths.js';
import { resetTemplates } from '../render/render.js';
import { rebuildQueue } from '../serve/queue.js';
import { isTemplate, namedFiles, untilAborted, watchFiles, type Watcher } from '../serve/watch.js';
import { runBatch, type BatchOptions } from './batch.js';
import { asMujazError, failedLine } from './results.js';

const TEMPLATES = Symbol('templates');
const ALL = Symbol('all');
type Change = string | typeof TEMPLATES | typeof ALL;

const KEPT = 'the previous output is kept';

export async function watchBriefs(files: readonly string[], options: BatchOptions): Promise<void> {
  const { reporter, signal } = options;
  // Which briefs a changed file belongs to: the brief itself, or the report/logo it names.
  const owners = new Map<string, Set<string>>();
  const own = (file: string, brief: string) => {
    const key = path.resolve(file);
    if (!owners.has(key)) owners.set(key, new Set());
    owners.get(key)!.add(brief);
  };
  const track = (brief: string, named: string[]) => {
    named.forEach((f) => own(f, brief));
    return named;
  };
  for (const file of files) own(file, file);

  let watcher: Watcher | undefined;

  const rebuild = async (changes: Set<Change>): Promise<void> => {
    if (signal.aborted) return;
    if (changes.has(TEMPLATES)) resetTemplates();
    performance.clearMarks(); // a long watch keeps the marks of its last rebuild only
    const wanted = new Set<string>();
    for (const c of changes) if (typeof c === 'string') owners.get(c)?.forEach((b) => wanted.add(b));
    const briefs = changes.has(TEMPLATES) || changes.has(ALL) ? files : files.filter((f) => wanted.has(f));
    // Check first, so a bad save costs no browser start; good ones are built (with their PDF) together.
    const good: string[] = [];
    for (const brief of briefs) {
      try {
        watcher?.add(track(brief, filesNamedBy(await loadBrief(brief))));
        good.push(brief);
      } catch (caught) {
        const error = asMujazError(caught);
        error.diagnostics.forEach((d) => reporter.warn(d));
        reporter.info(failedLine(brief, error, KEPT));
      }
    }
    if (good.length === 0 || signal.aborted) return;
    // Each round of builds starts its own browser (a browser does not outlive the builds it printed).
    await runBatch(good, { ...options, browser: { ...options.browser, spawned: undefined } }).catch((caught: unknown) => {
      if (!signal.aborted) reporter.info(`✗ ${asMujazError(caught).message}`);
    });
  };

  const queue = rebuildQueue<Change>(rebuild);
  try {
    const named = (await Promise.all(files.map(async (f) => track(f, await namedFiles(f))))).flat();
    watcher = await watchFiles([...files, ...named, templatesDir], (file) => queue.add(isTemplate(file) ? TEMPLATES : path.resolve(file)), signal);
    if (signal.aborted) return;
    // The first build goes through the queue too, so a save during it waits for it.
    queue.add(ALL);
    await queue.idle();
    if (signal.aborted) return;
    reporter.info(`mujaz: watching ${files.length} brief${files.length === 1 ? '' : 's'} and the templates; rebuilding on every good save (Ctrl-C to stop)`);
    await untilAborted(signal);
  } finally {
    await queue.stop();
    await watcher?.close();
  }
}
