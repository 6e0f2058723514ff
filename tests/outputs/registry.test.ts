/**
 * The registry of outputs (src/outputs/): each output asked for by its flag, the options completed once, and
 * the order the pipeline writes them in — Chromium kept busy, the rest done while it prints — followed step
 * by step with outputs that record what happens (the scheduling is what is tested; the outputs' own files
 * are tested by the PDF, PNG and PowerPoint tests on the suite's decks).
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Browser } from '../../src/browser/browser.js';
import { writeOutputs } from '../../src/core/schedule.js';
import { OUTPUT_FLAGS } from '../../src/outputs/flags.js';
import { OUTPUTS, type Output, type OutputJob, outputOptions, requested } from '../../src/outputs/index.js';
import { PRINT_PAGE } from '../../src/render/pages.js';
import { runCli } from '../support/build.js';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('the registry', () => {
  it('lists each output once, the HTML deck first, and gives a flag to every option', () => {
    const ids = OUTPUTS.map((o) => o.id);
    expect(ids).toEqual(['html', 'pdf', 'png', 'handout', 'pptx']);
    const fields = Object.keys(outputOptions({ pdf: true })).sort();
    expect(OUTPUT_FLAGS.map((f) => f.field).sort()).toEqual(fields);
  });

  it('completes the options once: nothing but the PDF unless asked, a scale asks for the PNGs', () => {
    expect(outputOptions({ pdf: true })).toEqual({ pdf: true, handout: false, pptx: false, png: false, scale: 1 });
    expect(outputOptions({ pdf: false, scale: 2 })).toEqual({ pdf: false, handout: false, pptx: false, png: true, scale: 2 });
    // Completed options completed again are the same (a scale of 1 given with png: false stays without PNGs).
    const done = outputOptions({ pdf: true, png: false, scale: 1 });
    expect(outputOptions(done)).toEqual(done);
  });

  it('asks for the outputs the options name, in the order they are written; the handout comes with the PDF', () => {
    const ids = (o: Parameters<typeof outputOptions>[0]) => requested(outputOptions(o)).map((x) => x.id);
    expect(ids({ pdf: true })).toEqual(['html', 'pdf']);
    expect(ids({ pdf: false })).toEqual(['html']);
    expect(ids({ pdf: true, handout: true, pptx: true, png: true })).toEqual(['html', 'pdf', 'png', 'handout', 'pptx']);
    expect(ids({ pdf: false, handout: true })).toEqual(['html']);
    expect(requested(outputOptions({ pdf: false, pptx: true })).some((o) => o.browser)).toBe(false);
  });

  it('puts each flag on `mujaz build`', async () => {
    const help = await runCli(['build', '--help']);
    expect(help.code).toBe(0);
    for (const f of OUTPUT_FLAGS) expect(help.stdout).toContain(f.flags);
    const bad = await runCli(['build', 'x.yaml', '--scale', '9']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--scale.*expected a number from 1 to 4/);
  });
});

describe('the schedule', () => {
  /** An output that records when it starts and ends, and what it runs alongside its browser work. */
  function recorder(log: string[]) {
    const tick = () => new Promise((r) => setTimeout(r, 5));
    const make = (id: Output['id'], browser: boolean, finishes: boolean, usesAlongside: boolean): Output => ({
      id,
      browser,
      wanted: () => true,
      async write(_job, alongside) {
        log.push(`${id} start`);
        if (usesAlongside) await Promise.all([tick(), alongside()]);
        else await tick();
        log.push(`${id} end`);
        if (!finishes) return id === 'png' ? { pngs: ['x-01.png'] } : undefined;
        return async () => {
          log.push(`${id} finish`);
          return id === 'pdf' ? { pages: 3 } : undefined;
        };
      },
    });
    return make;
  }

  async function job(): Promise<OutputJob> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'mujaz-schedule-'));
    dirs.push(dir);
    await writeFile(path.join(dir, PRINT_PAGE), '<!doctype html>');
    // The schedule only asks whether there is a browser: the outputs here print nothing.
    return { dir, browser: {} as Browser } as OutputJob;
  }

  it('writes the HTML deck and the PowerPoint while the PDF prints, finishes each PDF while the next prints', async () => {
    const log: string[] = [];
    const make = recorder(log);
    const outputs = [
      make('html', false, false, false),
      make('pdf', true, true, true),
      make('png', true, false, false),
      make('handout', true, true, true),
      make('pptx', false, false, false),
    ];
    let printedAt = -1;
    const j = await job();
    const made = await writeOutputs(outputs, j, () => {
      printedAt = log.length;
    });
    expect(log).toEqual([
      'pdf start',
      'html start',
      'html end',
      'pptx start',
      'pptx end',
      'pdf end',
      'png start',
      'png end',
      'handout start',
      'pdf finish',
      'handout end',
      'handout finish',
    ]);
    // The browser is let go after the last print, before the last PDF is finished; the print page is gone.
    expect(printedAt).toBe(log.indexOf('handout end') + 1);
    expect(await readdir(j.dir)).toEqual([]);
    expect(made).toEqual({ pages: 3, pngs: ['x-01.png'] });
  });

  it('without a browser, writes only what needs none, and keeps the print page out of it', async () => {
    const log: string[] = [];
    const make = recorder(log);
    const j = { ...(await job()), browser: undefined } as OutputJob;
    let printed = 0;
    await writeOutputs([make('html', false, false, false), make('pdf', true, true, true), make('pptx', false, false, false)], j, () => printed++);
    expect(log).toEqual(['html start', 'html end', 'pptx start', 'pptx end']);
    expect(printed).toBe(0);
  });

  it('runs what was left alongside an output that takes no work alongside it, once, after it', async () => {
    const log: string[] = [];
    const make = recorder(log);
    await writeOutputs([make('html', false, false, false), make('png', true, false, false)], await job());
    expect(log).toEqual(['png start', 'png end', 'html start', 'html end']);
  });
});
