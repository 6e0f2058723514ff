/** writeVariant (./variants.ts) for one test file, whose folders are removed after the file's tests. */
import { afterAll } from 'vitest';
import { removeDir } from './build.js';
import { writeVariant } from './variants.js';

export function ownVariants(): typeof writeVariant {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map(removeDir));
  });
  return async (...args) => {
    const made = await writeVariant(...args);
    dirs.push(made.dir);
    return made;
  };
}
