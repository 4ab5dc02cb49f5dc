import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{packages,services,workers}/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // OCR tests are CPU-heavy: two files at a time on a 2-core machine.
    maxWorkers: 2,
    pool: 'forks',
  },
});
