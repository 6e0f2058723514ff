/**
 * Rebuilds on file changes: bursts of events are coalesced (a short quiet period, bounded so a stream of
 * events cannot starve the build), and one build runs at a time. Changes arriving during a build are
 * collected and built right after it.
 */
export interface RebuildQueueOptions {
  /** Quiet time after the last event before building. */
  quietMs: number;
  /** Longest an event waits for quiet before the build starts anyway. */
  maxWaitMs: number;
}

export interface RebuildQueue<K> {
  /** Records a change; a build follows. */
  add(key: K): void;
  /** Resolves when no build is running and none is waiting. */
  idle(): Promise<void>;
  /** The running build, if any (requests wait for it, so they never see a half-swapped folder). */
  running(): Promise<void> | undefined;
  /** Drops waiting changes and waits for a running build to end. */
  stop(): Promise<void>;
}

export const DEFAULT_QUEUE: RebuildQueueOptions = { quietMs: 40, maxWaitMs: 250 };

export function rebuildQueue<K>(task: (keys: Set<K>) => Promise<void>, options: RebuildQueueOptions = DEFAULT_QUEUE): RebuildQueue<K> {
  let pending = new Set<K>();
  let timer: NodeJS.Timeout | undefined;
  let firstEventAt = 0;
  let current: Promise<void> | undefined;
  let stopped = false;
  let idleWaiters: (() => void)[] = [];

  const settleIdle = () => {
    if (current || timer || pending.size > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    waiters.forEach((w) => w());
  };

  const run = () => {
    timer = undefined;
    if (stopped || current || pending.size === 0) {
      settleIdle();
      return;
    }
    const keys = pending;
    pending = new Set();
    current = (async () => {
      try {
        await task(keys);
      } catch {
        // the task reports its own failures; the queue keeps going
      }
    })().finally(() => {
      current = undefined;
      // Changes saved during the build were already quiet long enough: build them now.
      if (!stopped && pending.size > 0 && !timer) run();
      else settleIdle();
    });
  };

  return {
    add(key) {
      if (stopped) return;
      const now = Date.now();
      if (pending.size === 0 && !timer) firstEventAt = now;
      pending.add(key);
      if (current) return; // built when the running build ends
      if (timer) clearTimeout(timer);
      const wait = Math.max(0, Math.min(options.quietMs, firstEventAt + options.maxWaitMs - now));
      timer = setTimeout(run, wait);
    },
    idle() {
      if (!current && !timer && pending.size === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    running: () => current,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      pending.clear();
      await current;
      settleIdle();
    },
  };
}
