import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/compile.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser tests each start a Chromium: two at a time suits a 2-core machine.
    maxWorkers: 2,
  },
});
