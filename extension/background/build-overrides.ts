// Test builds only. The sync e2e test (test/e2e/chromium-sync.test.ts) builds
// the extension with RECEIPTS_TEST_OVERRIDES set, so the worker trusts a feed
// key whose private half the test holds, talks to a local USAspending-shaped
// server, and times out in seconds rather than minutes. A release build has no
// overrides: vite replaces the constant with `undefined` and the branch is
// dropped (scripts/build.ts refuses to build a release with them set).
declare const __RECEIPTS_TEST_OVERRIDES__: string | undefined;

export interface BuildOverrides {
  feedPublicKey?: string;
  usaspendingBase?: string;
  timeoutMs?: number;
}

function read(): BuildOverrides {
  if (typeof __RECEIPTS_TEST_OVERRIDES__ !== 'string') return {};
  const o = JSON.parse(__RECEIPTS_TEST_OVERRIDES__) as BuildOverrides;
  return o && typeof o === 'object' ? o : {};
}

export const overrides: BuildOverrides = read();
