/**
 * The shape of src/: a pipeline of stage folders where nothing flows back up. Each folder imports only from
 * the stages before it in the declared order (type-only and lazy imports included), no module imports itself
 * through others, and only the entry point prints or exits.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/build.js';

const src = path.join(repoRoot, 'src');
const files = readdirSync(src, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => path.join(src, f));

/** The files of src/ a module imports, statically or lazily, types included. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
  return specs.map((s) => path.resolve(path.dirname(file), s.replace(/\.js$/, '.ts')));
}

/**
 * The stages in their order, each a folder of src/ (or a file at its top): a module may import from its own
 * folder and from the stages before its own, never after. Stages on one line are side by side and import
 * nothing of each other; the ground (the first line) is what every stage stands on.
 */
const ORDER: readonly (readonly string[])[] = [
  ['errors', 'paths', 'owner', 'reporter', 'temp', 'latin', 'sentences'],
  ['brief'],
  ['deck'],
  ['lint'],
  ['draft'],
  ['browser'],
  ['fit'],
  ['render'],
  ['write'],
  ['assets'],
  ['pdf', 'png', 'pptx'],
  ['outputs'],
  ['catalogue'],
  ['serve'],
  ['core'],
  ['commands'],
  ['cli', 'index'],
];

/** The stage a file of src/ belongs to: its folder, or its name at the top. */
function stageOf(file: string): string {
  const [first, ...rest] = path.relative(src, file).split(path.sep);
  return rest.length > 0 ? first! : first!.replace(/\.ts$/, '');
}

const rank = new Map(ORDER.flatMap((stages, i) => stages.map((s) => [s, i] as const)));

describe('src/', () => {
  it('imports only from the stages before each stage, in the declared order', () => {
    const stages = new Set(files.map(stageOf));
    // Every folder and top-level file has its place in the order.
    expect([...stages].filter((s) => !rank.has(s))).toEqual([]);
    const backwards: string[] = [];
    for (const file of files) {
      const from = stageOf(file);
      for (const target of importsOf(file)) {
        const to = stageOf(target);
        if (to === from) continue;
        const [a, b] = [rank.get(from)!, rank.get(to)!];
        if (b < a || (a === 0 && b === 0)) continue;
        backwards.push(`${path.relative(src, file)} → ${path.relative(src, target)} (${to} is not before ${from})`);
      }
    }
    expect(backwards).toEqual([]);
    // The check sees the stages' imports at all (a broken pattern would find none).
    expect(importsOf(path.join(src, 'core', 'pipeline.ts')).map(stageOf)).toEqual(expect.arrayContaining(['brief', 'deck', 'fit', 'render', 'outputs']));
  });

  it('has no import circle', () => {
    const graph = new Map(files.map((f) => [f, importsOf(f)]));
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (f: string, trail: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        circles.push([...trail.slice(trail.indexOf(f)), f].map((p) => path.relative(src, p)).join(' → '));
        return;
      }
      state.set(f, 'open');
      for (const next of graph.get(f) ?? []) visit(next, [...trail, f]);
      state.set(f, 'done');
    };
    for (const f of files) visit(f, []);
    expect(circles).toEqual([]);
    // The check sees imports at all (a broken pattern would find none).
    expect(importsOf(path.join(src, 'core', 'pipeline.ts')).length).toBeGreaterThan(10);
  });

  it('prints and exits only in cli.ts', () => {
    const offenders = files
      .filter((f) => !f.endsWith(`${path.sep}cli.ts`))
      .filter((f) => /\bconsole\.(log|error|warn|info)\(|process\.exit\(|process\.(stdout|stderr)\.write\(|process\.exitCode\s*=/.test(readFileSync(f, 'utf8')))
      .map((f) => path.relative(src, f));
    expect(offenders).toEqual([]);
  });

  it('has a test folder for every source folder', () => {
    const folders = readdirSync(src, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    const tests = new Set(readdirSync(path.join(repoRoot, 'tests')));
    expect(folders.filter((f) => !tests.has(f))).toEqual([]);
  });
});
