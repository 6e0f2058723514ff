/** How results are told: one formatter for every mode (build, watch, serve). */
import { describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/core/pipeline.js';
import { asMujazError, batchError, builtLine, failedLine, summaryTable, type Outcome } from '../../src/core/results.js';
import { MujazError } from '../../src/errors.js';

const result = (slug: string, pages: number | null, extra: Partial<BuildResult> = {}): BuildResult => ({
  file: `briefs/${slug}.yaml`,
  slug,
  dir: `output/${slug}`,
  slides: 14,
  pages,
  warnings: [],
  files: [],
  inputs: [],
  ...extra,
});

describe('results', () => {
  it('tells a built brief with its slides, its PDF and its time', () => {
    expect(builtLine(result('a', 14), 2104)).toBe('✓ briefs/a.yaml → output/a (14 slides, 14-page PDF, 2.10 s)');
    expect(builtLine(result('a', null), 450)).toBe('✓ briefs/a.yaml → output/a (14 slides, 0.45 s)');
  });

  it('tells a failure once, without repeating the file, with its hint and what was kept', () => {
    const error = new MujazError('INVALID_INPUT', 'briefs/a.yaml: 2 problems found');
    expect(failedLine('briefs/a.yaml', error)).toBe('✗ briefs/a.yaml: 2 problems found');
    expect(failedLine('briefs/a.yaml', error, 'the previous output is kept')).toBe('✗ briefs/a.yaml: 2 problems found (the previous output is kept)');
    const hinted = new MujazError('BUILD_FAILED', 'the browser closed', { hint: 'run it again' });
    expect(failedLine('briefs/a.yaml', hinted)).toBe('✗ briefs/a.yaml: the browser closed (hint: run it again)');
  });

  it('makes the unexpected a failed build to report, keeping the cause', () => {
    const cause = new TypeError('x is undefined');
    const error = asMujazError(cause);
    expect(error.code).toBe('BUILD_FAILED');
    expect(error.message).toBe('unexpected error: x is undefined');
    expect(error.cause).toBe(cause);
    const own = new MujazError('USAGE', 'no');
    expect(asMujazError(own)).toBe(own);
  });

  it('ends a batch with the exit code of its worst failure, or nothing', () => {
    const ok: Outcome = { file: 'a', result: result('a', 14), ms: 1 };
    const invalid: Outcome = { file: 'b', error: new MujazError('INVALID_INPUT', 'b: bad'), ms: 1 };
    const broken: Outcome = { file: 'c', error: new MujazError('BUILD_FAILED', 'c: broke'), ms: 1 };
    expect(batchError([ok])).toBeUndefined();
    expect(batchError([ok, broken])?.code).toBe('BUILD_FAILED');
    expect(batchError([ok, broken, invalid])).toMatchObject({ code: 'INVALID_INPUT', message: '2 of 3 briefs failed: c, b' });
    expect(batchError([broken])?.message).toBe('build failed');
  });

  it('tabulates a batch in the order given', () => {
    const lines = summaryTable([
      { file: 'a', result: result('alpha', 14), ms: 2000 },
      { file: 'briefs/b.yaml', error: new MujazError('INVALID_INPUT', 'bad'), ms: 100 },
    ]);
    expect(lines[0]).toMatch(/^deck\s+slides\s+pages\s+time\s+status$/);
    expect(lines[2]).toMatch(/^alpha\s+14\s+14\s+2\.00 s\s+ok$/);
    expect(lines[3]).toMatch(/^briefs\/b\.yaml\s+-\s+-\s+0\.10 s\s+FAILED$/);
  });
});
