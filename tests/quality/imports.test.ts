/**
 * The shape of src/: a pipeline of stage folders where nothing flows back up. No module imports itself
 * through others (type-only imports included), and only the entry point prints or exits.
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

describe('src/', () => {
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
