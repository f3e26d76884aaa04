// The page session's scan queue (extension/content/scan-queue.ts): one job at
// a time, bursts gathered, full passes absorbing partial ones, bounded retries.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ScanQueue } from '../../extension/content/scan-queue.ts';

const node = (name: string) => ({ name }) as unknown as Node;

function setup(opts: { fail?: (call: number) => boolean; retry?: boolean } = {}) {
  const controller = new AbortController();
  const calls: { full: boolean; roots: string[] }[] = [];
  let release: (() => void) | null = null;
  let hold = false;
  const queue = new ScanQueue({
    signal: controller.signal,
    run: (full, roots) => {
      calls.push({ full, roots: roots.map((r) => (r as unknown as { name: string }).name) });
      if (opts.fail?.(calls.length)) return Promise.reject(new Error(`job ${calls.length} failed`));
      if (!hold) return Promise.resolve();
      return new Promise<void>((ok) => (release = ok));
    },
    failed: () => opts.retry ?? true,
  });
  return {
    queue,
    calls,
    controller,
    holdJobs: () => (hold = true),
    finishJob: async () => {
      hold = false;
      release?.();
      await vi.advanceTimersByTimeAsync(0);
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('ScanQueue', () => {
  test('a burst of changes is gathered into one job after a quiet spell', async () => {
    const { queue, calls } = setup();
    queue.schedule([node('a')]);
    await vi.advanceTimersByTimeAsync(200);
    queue.schedule([node('b')]);
    await vi.advanceTimersByTimeAsync(200);
    expect(calls).toEqual([]); // the timer restarts with each change
    await vi.advanceTimersByTimeAsync(100);
    expect(calls).toEqual([{ full: false, roots: ['a', 'b'] }]);
  });

  test('one job at a time; what arrives meanwhile runs next, and a full pass absorbs partial ones', async () => {
    const q = setup();
    q.holdJobs();
    q.queue.request(false, [node('a')]);
    expect(q.calls.length).toBe(1);
    q.queue.request(false, [node('b')]);
    q.queue.request(true);
    expect(q.calls.length).toBe(1); // still running
    await q.finishJob();
    expect(q.calls).toEqual([
      { full: false, roots: ['a'] },
      { full: true, roots: ['b'] },
    ]);
  });

  test('idle() waits for queued and running work, then resolves', async () => {
    const q = setup();
    let idle = false;
    await q.queue.idle(); // nothing queued: at once
    q.holdJobs();
    q.queue.schedule([node('a')]);
    void q.queue.idle().then(() => (idle = true));
    await vi.advanceTimersByTimeAsync(300);
    expect(q.calls.length).toBe(1);
    expect(idle).toBe(false);
    await q.finishJob();
    expect(idle).toBe(true);
  });

  test('a failed job is retried as a full pass, at most three times', async () => {
    const q = setup({ fail: () => true });
    q.queue.request(false, [node('a')]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(q.calls.map((c) => c.full)).toEqual([false, true, true, true]);
  });

  test('a success resets the retry count; no retry when the session says so', async () => {
    const q = setup({ fail: (n) => n <= 3 || n === 5 });
    q.queue.request(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(q.calls.length).toBe(4); // three failures, the third retry succeeds
    q.queue.request(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(q.calls.length).toBe(6); // the fifth fails and, the count being reset, is retried
    const none = setup({ fail: () => true, retry: false });
    none.queue.request(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(none.calls.length).toBe(1);
  });

  test('after stop() and abort nothing runs, and idle waiters are released', async () => {
    const q = setup();
    q.queue.schedule([node('a')]);
    let idle = false;
    void q.queue.idle().then(() => (idle = true));
    q.controller.abort();
    q.queue.stop();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(idle).toBe(true);
    q.queue.request(true);
    expect(q.calls).toEqual([]);
  });
});
