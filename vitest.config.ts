import { defineConfig } from 'vitest/config';

// Two cores: browser tests run two files at a time at most. Generous timeouts bound real Chromium work;
// speed is measured by `npm run bench`, never asserted here.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The suite's shared decks, its one Chromium and its temporary folder (tests/support/global-setup.ts).
    globalSetup: ['tests/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
