/**
 * The entry point: the only file that reads argv, prints, and decides the exit code.
 * Exit codes: 0 success, 1 invalid input or failed build, 2 usage, 130 interrupted.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { formatDiagnostic, MujazError, printable, type Diagnostic } from './errors.js';
import type { EarlyBrowser } from './browser/early.js';
import { Core } from './core/core.js';
import type { Reporter } from './reporter.js';
import { OUTPUT_FLAGS, type OutputFlag } from './outputs/flags.js';

const VERSION = '0.1.0';

/**
 * Live lines on a terminal (one per deck, rewritten in place); plain lines in CI and in pipes. Every line
 * passes through printable(): text from a file (a report's paragraph quoted in a warning, a brief's line
 * under its error) never reaches the terminal with a control character it would act on.
 */
async function makeReporter(): Promise<Reporter> {
  const live = Boolean(process.stderr.isTTY) && !process.env.CI;
  const tasks = new Map<string, { line: string; final: boolean }>();
  // Loaded only for a terminal: pipes and CI get plain lines and skip the module.
  const draw = live ? (await import('log-update')).createLogUpdate(process.stderr) : undefined;
  const redraw = () => draw?.([...tasks.values()].map((t) => t.line).join('\n'));
  const err = (text: string) => {
    if (!draw) {
      process.stderr.write(`${printable(text)}\n`);
      return;
    }
    // Print above the live lines, then draw them again.
    draw.clear();
    process.stderr.write(`${printable(text)}\n`);
    redraw();
  };
  return {
    out: (line) => process.stdout.write(`${printable(line)}\n`),
    info: err,
    warn: (d: Diagnostic) => err(formatDiagnostic(d)),
    progress(key, line, final = false) {
      if (!draw) {
        process.stderr.write(`${printable(line)}\n`);
        return;
      }
      tasks.set(key, { line: printable(line), final });
      redraw();
      if ([...tasks.values()].every((t) => t.final)) {
        draw.done();
        tasks.clear();
      }
    },
  };
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new InvalidArgumentError('expected a whole number from 1 to 65535');
  return n;
}

/** An output's flag (src/outputs/flags.ts) as a commander option. */
function outputOption(flag: OutputFlag): Option {
  const option = new Option(flag.flags, flag.description);
  const { parse } = flag;
  if (!parse) return option;
  return option.argParser((value: string) => {
    try {
      return parse(value);
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message);
    }
  });
}

function program(reporter: Reporter, core: Core, signal: AbortSignal): Command {
  const cli = new Command('mujaz')
    .description('Arabic YAML briefs → right-to-left reveal.js decks and searchable PDF handouts')
    .version(VERSION)
    .exitOverride()
    .showHelpAfterError('(run mujaz --help for usage)')
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(printable(s)) });

  cli
    .command('check')
    .description('validate briefs without building; print every problem as file:line:col')
    .argument('<brief...>', 'brief files, folders or globs')
    .option('--strict', 'treat warnings as errors')
    .action(async (briefs: string[], opts: { strict?: boolean }) => {
      const { checkCommand } = await import('./commands/check.js');
      await checkCommand(core, briefs, opts);
    });

  const build = cli
    .command('build')
    .description('build decks (HTML, assets, PDF) into OUT/<slug>/')
    .argument('<brief...>', 'brief files, folders or globs')
    .option('-o, --out <dir>', 'output root', 'output');
  for (const flag of OUTPUT_FLAGS) build.addOption(outputOption(flag));
  build
    .option('--browser <path>', 'Chrome/Chromium executable (default: PUPPETEER_EXECUTABLE_PATH, then one found)')
    .addOption(new Option('-j, --jobs <n>', 'decks exported at once').argParser(positiveInt).default(2))
    .option('-w, --watch', 'rebuild on every good save')
    .option('--strict', 'treat warnings as errors')
    .action(async (briefs: string[], opts) => {
      const { buildCommand } = await import('./commands/build.js');
      await buildCommand(core, briefs, opts);
    });

  cli
    .command('serve')
    .description('build a deck, serve it on 127.0.0.1 and reload it on every save')
    .argument('<brief>', 'the brief to preview')
    .addOption(new Option('-p, --port <n>', 'port').argParser(positiveInt).default(4321))
    .option('--open', 'open the deck in the default browser')
    .action(async (brief: string, opts) => {
      const { serveCommand } = await import('./commands/serve.js');
      await serveCommand(core, brief, opts);
    });

  cli
    .command('init')
    .description('scaffold briefs/SLUG.yaml with every section and comments')
    .argument('<slug>', "the new brief's slug (a-z, 0-9, -)")
    .addOption(
      new Option('--lang <lang>', "the language of the brief, its comments and placeholders (default: ar; with --from, the report's)").choices(['ar', 'en']),
    )
    .option('--from <report>', 'a report (UTF-8 text) whose numbered paragraphs go into a comment block')
    .option('--dir <dir>', 'folder for the brief', 'briefs')
    .option('--force', 'overwrite an existing brief')
    .action(async (slug: string, opts) => {
      const { initCommand } = await import('./commands/init.js');
      await initCommand(slug, opts, reporter, signal);
    });

  cli
    .command('schema')
    .description('print the JSON Schema of a brief (or, with --theme, of a theme file)')
    .option('--theme', 'the schema of a theme file')
    .action(async (opts: { theme?: boolean }) => {
      const { schemaCommand } = await import('./commands/schema.js');
      schemaCommand(reporter, opts);
    });

  return cli;
}

/** Runs mujaz with `argv` (without node and the script) and returns the exit code. */
export async function main(argv: string[], early?: EarlyBrowser): Promise<number> {
  const reporter = await makeReporter();
  const controller = new AbortController();
  let interrupted = false;
  const onSignal = () => {
    if (interrupted) process.exit(130); // a second Ctrl-C: leave now
    interrupted = true;
    reporter.info('mujaz: interrupted, cleaning up…');
    controller.abort(new MujazError('INTERRUPTED', 'interrupted'));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal); // a closed terminal: clean up as for Ctrl-C
  // The core owns the browser: whatever happens, none is left running when main returns.
  await using core = new Core({ reporter, signal: controller.signal, early });
  try {
    await program(reporter, core, controller.signal).parseAsync(argv, { from: 'user' });
    return interrupted ? 130 : 0;
  } catch (error) {
    return report(error, reporter, interrupted);
  } finally {
    if (process.env.MUJAZ_TRACE) trace(reporter);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
  }
}

/** MUJAZ_TRACE=1: the stages' performance marks, in ms since the process started (for `npm run bench`). */
function trace(reporter: Reporter): void {
  for (const m of performance.getEntriesByType('mark')) reporter.info(`trace ${m.startTime.toFixed(0).padStart(6)} ms  ${m.name}`);
}

function report(error: unknown, reporter: Reporter, interrupted: boolean): number {
  if (error instanceof CommanderError) {
    // Help and version asked for are successes; help shown because a command is missing, and everything
    // else commander rejects, is a usage error.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
    if (error.code === 'commander.help') return error.exitCode === 0 ? 0 : 2;
    return 2;
  }
  if (error instanceof MujazError) {
    for (const d of error.diagnostics) reporter.info(formatDiagnostic(d));
    reporter.info(`mujaz: ${error.message}`);
    if (error.hint) reporter.info(`  hint: ${error.hint}`);
    if (process.env.MUJAZ_DEBUG && error.cause) reporter.info(String((error.cause as Error).stack ?? error.cause));
    return error.exitCode;
  }
  if (interrupted) return 130;
  const e = error as Error;
  reporter.info(`mujaz: unexpected error: ${e?.message ?? String(error)}`);
  reporter.info(process.env.MUJAZ_DEBUG ? String(e?.stack) : '  (set MUJAZ_DEBUG=1 for details; please report this)');
  return 1;
}
