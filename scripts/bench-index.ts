// Measures, in real Chromium with the built extension:
// - install time: the first `status` call on a fresh profile waits for the
//   bundled snapshot to be written to IndexedDB;
// - lookup latency: `describe` round trips from an extension page, p50/p95,
//   against the same page's round trip for `status` (the messaging floor).
// Prints numbers and ratios; asserts nothing.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from '../test/e2e/chromium.ts';

const root = resolve(import.meta.dirname, '..');
const snapshotIds = (() => {
  const dir = resolve(root, 'dist/chrome/index');
  const head = JSON.parse(readFileSync(resolve(dir, 'snapshot.json'), 'utf8')) as { recordParts?: string[]; records?: { id: string }[] };
  const records = head.records ?? (head.recordParts ?? []).flatMap((p) => JSON.parse(readFileSync(resolve(dir, p), 'utf8')) as { id: string }[]);
  return records.map((r) => r.id);
})();

const session = await launchChromium(undefined, { waitForIndex: false });
try {
  const page = await session.ctx.newPage();
  await page.goto(session.extensionUrl('extension/ui/options/index.html'));
  const installMs = (await page.evaluate(`(async () => {
    const t0 = performance.now();
    await chrome.runtime.sendMessage({ receipts: 1, type: 'status', payload: {} });
    return performance.now() - t0;
  })()`)) as number;
  const sample = Array.from({ length: 300 }, (_, i) => snapshotIds[(i * 7919) % snapshotIds.length]!);
  // Passed as a string: tsx would wrap named functions in a helper the page lacks.
  const times = (await page.evaluate(`(async (ids) => {
    const t = async (type, payload) => {
      const t0 = performance.now();
      await chrome.runtime.sendMessage({ receipts: 1, type, payload });
      return performance.now() - t0;
    };
    const floor = [];
    const lookup = [];
    for (const id of ids) {
      floor.push(await t('status', {}));
      lookup.push(await t('describe', { ids: [id] }));
    }
    return { floor, lookup };
  })(${JSON.stringify(sample)})`)) as { floor: number[]; lookup: number[] };
  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
  const f = (n: number) => n.toFixed(1).padStart(8);
  console.log(`records in the bundled index: ${snapshotIds.length}`);
  console.log(`install on a fresh profile (first status call): ${installMs.toFixed(0)} ms`);
  console.log(`                      p50 ms   p95 ms`);
  console.log(`status (floor)      ${f(pct(times.floor, 0.5))} ${f(pct(times.floor, 0.95))}`);
  console.log(`describe (lookup)   ${f(pct(times.lookup, 0.5))} ${f(pct(times.lookup, 0.95))}`);
  console.log(`lookup / floor      ${f(pct(times.lookup, 0.5) / pct(times.floor, 0.5))} ${f(pct(times.lookup, 0.95) / pct(times.floor, 0.95))}`);
} finally {
  await session.close();
}
