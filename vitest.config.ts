import { defineConfig } from 'vitest/config';

// Tier 1 (Node) and tier 2 (happy-dom, opted into per file with
// `// @vitest-environment happy-dom`). Browser tests live in test/e2e and run
// through scripts/test-e2e.ts, not vitest, so a unit run never needs a browser.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    pool: 'threads',
    testTimeout: 20_000,
  },
});
