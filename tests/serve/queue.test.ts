/** The rebuild queue: bursts coalesce, one build at a time, changes during a build are built after it. */
import { describe, expect, it } from 'vitest';
import { rebuildQueue } from '../../src/serve/queue.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('rebuildQueue', () => {
  it('coalesces a burst of changes into one build', async () => {
    const runs: string[][] = [];
    const q = rebuildQueue<string>(async (keys) => void runs.push([...keys].sort()), { quietMs: 20, maxWaitMs: 200 });
    for (const k of ['a', 'b', 'a', 'c', 'b']) q.add(k);
    await q.idle();
    expect(runs).toEqual([['a', 'b', 'c']]);
  });

  it('never runs two builds at once, and builds what changed during a build right after it', async () => {
    let running = 0;
    let most = 0;
    const gates = [deferred(), deferred()];
    const started = [deferred(), deferred()];
    const runs: string[][] = [];
    const q = rebuildQueue<string>(
      async (keys) => {
        const i = runs.length;
        runs.push([...keys]);
        running++;
        most = Math.max(most, running);
        started[i]?.resolve();
        await gates[i]?.promise;
        running--;
      },
      { quietMs: 1, maxWaitMs: 5 },
    );
    q.add('first');
    await started[0]!.promise;
    expect(q.running()).toBeDefined();
    q.add('second');
    q.add('third');
    gates[0]!.resolve();
    await started[1]!.promise;
    gates[1]!.resolve();
    await q.idle();
    expect(runs).toEqual([['first'], ['second', 'third']]);
    expect(most).toBe(1);
    expect(q.running()).toBeUndefined();
  });

  it('keeps going after a failed build, and stop() waits for the running one', async () => {
    const gate = deferred();
    const started = deferred();
    let calls = 0;
    const q = rebuildQueue<number>(
      async () => {
        calls++;
        if (calls === 1) throw new Error('broken save');
        started.resolve();
        await gate.promise;
      },
      { quietMs: 1, maxWaitMs: 5 },
    );
    q.add(1);
    await q.idle();
    q.add(2);
    await started.promise;
    let stopped = false;
    const stopping = q.stop().then(() => (stopped = true));
    q.add(3); // ignored once stopping
    await Promise.resolve();
    expect(stopped).toBe(false);
    gate.resolve();
    await stopping;
    expect(calls).toBe(2);
  });
});
