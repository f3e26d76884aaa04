import { defineConfig } from 'vitest/config';

// Tier 3: the built extension in real browsers. One file at a time: each
// launches its own browser and the machine has two cores.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
