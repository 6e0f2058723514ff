// Preloaded into the `mujaz build` process by scripts/bench.mjs (node --import): at exit, writes the
// process's peak resident memory (VmHWM, kB) to $MUJAZ_BENCH_HWM_FILE. Changes nothing else.
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.env.MUJAZ_BENCH_HWM_FILE;
if (file) {
  process.on('exit', () => {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) writeFileSync(file, m[1]);
  });
}
