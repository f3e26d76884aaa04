import { beforeEach, describe, expect, test, vi } from 'vitest';

const store = new Map<string, unknown>();
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      local: {
        get: async (k: string) => (store.has(k) ? { [k]: structuredClone(store.get(k)) } : {}),
        set: async (o: Record<string, unknown>) => void Object.entries(o).forEach(([k, v]) => store.set(k, structuredClone(v))),
        remove: async (k: string) => void store.delete(k),
      },
    },
  },
}));

const { addFlag, clearFlags, flagsExport, getFlags, MAX_FLAGS, pageKey, toFlag } = await import('../../extension/flags.ts');

beforeEach(() => store.clear());

describe('loaded-language flags', () => {
  test('a false highlight and a missed phrase are stored and exported as JSON', async () => {
    await addFlag({ kind: 'false-highlight', text: 'klare', category: 'intensifier', context: 'Das ist eine klare Sache.', lang: 'de', page: 'https://news.example/a?session=secret#x', at: '2026-11-29T10:00:00Z' });
    await addFlag({ kind: 'missed', text: 'ein Desaster', page: 'https://news.example/b', at: '2026-11-29T10:01:00Z' });
    const flags = await getFlags();
    expect(flags).toHaveLength(2);
    expect(flags[0]).toMatchObject({ kind: 'false-highlight', text: 'klare', category: 'intensifier', page: 'https://news.example/a' });
    const out = JSON.parse(flagsExport(flags, new Date('2026-11-29T12:00:00Z')));
    expect(out).toMatchObject({ format: 'receipts-loaded-language-flags', version: 1, exported: '2026-11-29T12:00:00.000Z' });
    expect(out.flags).toEqual(flags);
    await clearFlags();
    expect(await getFlags()).toEqual([]);
  });

  test('the query string and fragment never reach storage; non-web pages are dropped', () => {
    expect(pageKey('https://x.example/p/1?utm=1&token=abc#c')).toBe('https://x.example/p/1');
    expect(pageKey('chrome-extension://abc/review.html')).toBeUndefined();
    expect(pageKey('javascript:alert(1)')).toBeUndefined();
  });

  test.each([null, 1, 'x', {}, { kind: 'other', text: 'a' }, { kind: 'missed', text: '   ' }, { kind: 'missed' }])('refuses %j', async (bad) => {
    expect(toFlag(bad)).toBeUndefined();
    await expect(addFlag(bad)).rejects.toThrow(/Not a valid flag/);
  });

  test('hostile values are clipped and typed; storage stays bounded', async () => {
    const f = toFlag({ kind: 'missed', text: 'x'.repeat(10_000), category: { evil: 1 }, lang: 'xx', page: 'data:text/html,<script>', at: 'not a date', __proto__: { polluted: true } });
    expect(f?.text.length).toBe(300);
    expect(f).not.toHaveProperty('category');
    expect(f).not.toHaveProperty('lang');
    expect(f).not.toHaveProperty('page');
    expect(Number.isNaN(Date.parse(f!.at))).toBe(false);
    store.set('receiptsFlags', Array.from({ length: MAX_FLAGS }, (_, i) => ({ kind: 'missed', text: `w${i}`, at: '2026-01-01T00:00:00Z' })));
    await addFlag({ kind: 'missed', text: 'newest' });
    const flags = await getFlags();
    expect(flags).toHaveLength(MAX_FLAGS);
    expect(flags.at(-1)?.text).toBe('newest');
    expect(flags[0]?.text).toBe('w1');
  });
});
