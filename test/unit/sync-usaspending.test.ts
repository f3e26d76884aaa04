import { describe, expect, test } from 'vitest';
import { records, snapshot } from './sync-fixtures.ts';
import { parseRetryAfter, searchAwards, UsaspendingClient } from '../../src/sync/usaspending-client.ts';
import { searchBodies, syncFromUsaspending, VENDORS_PER_SEARCH } from '../../src/sync/usaspending-sync.ts';
import type { Snapshot, VendorRecord } from '../../src/model/types.ts';

const NOW = new Date('2026-03-01T12:00:00Z');

function env(handler: (url: string, body: Record<string, unknown> | undefined) => Response) {
  const calls: { url: string; body: Record<string, unknown> | undefined }[] = [];
  const sleeps: number[] = [];
  const fetchFn = (async (input: string | URL | Request, init?: RequestInit) => {
    const body = init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : undefined;
    calls.push({ url: String(input), body });
    return handler(String(input), body);
  }) as typeof fetch;
  return { calls, sleeps, fetch: fetchFn, now: () => NOW, sleep: async (ms: number) => void sleeps.push(ms) };
}
const json = (v: unknown, init?: ResponseInit) => new Response(JSON.stringify(v), init);

describe('paging', () => {
  test('pages by `page` inside the 50,000-row window, then by last record', async () => {
    let n = 0;
    const e = env(() => {
      n++;
      return json({ results: [{ generated_internal_id: `CONT_AWD_${n}_7012_-NONE-_-NONE-` }], page_metadata: { hasNext: n < 503, last_record_unique_id: n, last_record_sort_value: `2026-01-${n}` } });
    });
    const client = new UsaspendingClient(e, { maxRequests: 1000 });
    let rows = 0;
    for await (const _ of searchAwards(client, { filters: {} })) rows++;
    expect(rows).toBe(503);
    expect(e.calls[0]?.body).toMatchObject({ page: 1, limit: 100 });
    expect(e.calls[499]?.body).toMatchObject({ page: 500 });
    expect(e.calls[499]?.body).not.toHaveProperty('last_record_unique_id');
    // Page 500 ends the window (500 × 100 = 50,000); the next request continues from its last record.
    expect(e.calls[500]?.body).toMatchObject({ last_record_unique_id: 500, last_record_sort_value: '2026-01-500' });
    expect(e.calls[500]?.body).not.toHaveProperty('page');
    expect(e.calls[502]?.body).toMatchObject({ last_record_unique_id: 502 });
  });

  test('the request budget stops a run with a clear reason', async () => {
    const e = env(() => json({ results: [{}], page_metadata: { hasNext: true } }));
    const client = new UsaspendingClient(e, { maxRequests: 3 });
    const drain = async () => {
      for await (const _ of searchAwards(client, { filters: {} }));
    };
    await expect(drain()).rejects.toThrow(/after 3 requests/);
    expect(e.calls).toHaveLength(3);
  });
});

describe('backoff', () => {
  test('Retry-After seconds and HTTP dates are honoured; no real waiting', async () => {
    const answers = [
      () => new Response('', { status: 429, headers: { 'retry-after': '7' } }),
      () => new Response('', { status: 503, headers: { 'retry-after': new Date(NOW.getTime() + 30_000).toUTCString() } }),
      () => new Response('', { status: 503 }),
      () => json({ ok: 1 }),
    ];
    const e = env(() => answers.shift()!());
    const client = new UsaspendingClient(e, { maxRequests: 10, baseDelayMs: 1000 });
    expect(await client.get('/api/v2/awards/x/')).toEqual({ ok: 1 });
    expect(e.sleeps).toEqual([7000, 30_000, 4000]); // third retry: exponential 1000 × 2²
  });

  test('parseRetryAfter', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 12:01:00 GMT', NOW)).toBe(60_000);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
  });

  test('HTTP 500 fails without retry', async () => {
    const e = env(() => new Response('', { status: 500 }));
    await expect(new UsaspendingClient(e, { maxRequests: 10 }).get('/x')).rejects.toMatchObject({ kind: 'http' });
    expect(e.calls).toHaveLength(1);
  });
});

describe('syncFromUsaspending', () => {
  const KEY = 'CONT_AWD_70CMSD18C00000001_7012_-NONE-_-NONE-';
  const NEW = 'CONT_AWD_70CMSD26C00000009_7012_-NONE-_-NONE-';
  const detail = (key: string, obligation: number) => ({
    generated_unique_award_id: key, piid: key.split('_')[2], total_obligation: obligation, base_and_all_options: obligation * 2,
    description: 'DATA ANALYSIS PLATFORM', date_signed: '2026-02-01',
    period_of_performance: { start_date: '2026-02-01', end_date: '2027-01-31', last_modified_date: '2026-02-20 10:00:00' },
    recipient: { recipient_name: 'PALANTIR USG INC', recipient_uei: 'fsy4lvsbgwb7' },
    awarding_agency: { toptier_agency: { code: '070', name: 'Department of Homeland Security' }, subtier_agency: { code: '7012', name: 'U.S. Immigration and Customs Enforcement' } },
    latest_transaction_contract_data: { extent_competed: 'C', extent_competed_description: 'NOT COMPETED', number_of_offers_received: '1', other_than_full_and_open: 'ONE' },
  });

  test('updates changed awards, adds new ones, links them; requests name only index vendors and agencies', async () => {
    const live = snapshot('v1');
    let installed: Snapshot | undefined;
    const e = env((url) => {
      if (url.endsWith('/api/v2/search/spending_by_award/')) {
        return json({ results: [{ generated_internal_id: KEY }, { generated_internal_id: NEW }, { generated_internal_id: 'ASST_NON_1' }], page_metadata: { hasNext: false } });
      }
      if (url.includes(encodeURIComponent(KEY))) return json(detail(KEY, 5_000_000));
      if (url.includes(encodeURIComponent(NEW))) return json(detail(NEW, 42));
      return new Response('', { status: 404 });
    });
    const result = await syncFromUsaspending({
      ...e, since: '2026-01-01',
      loadLive: async () => ({ manifest: live.manifest, records: live.records, dictionary: live.dictionary }),
      install: async (s) => void (installed = s),
    });
    expect(result).toMatchObject({ ok: true, changed: 2 });
    expect(installed?.manifest.version).toBe(result.ok ? result.version : '');
    const byId = new Map(installed!.records.map((r) => [r.id, r]));
    const updated = byId.get(`award:${KEY}`);
    expect(updated).toMatchObject({ vendorId: 'vendor:uei:FSY4LVSBGWB7', agencyId: 'agency:7000', subAgencyId: 'agency:7012', values: { obligated: 5_000_000, ceiling: 10_000_000 } });
    expect(updated?.kind === 'award' && updated.competition.extentCompeted).toEqual({ code: 'C', recorded: 'NOT COMPETED' });
    expect(updated?.provenance.asOf).toBe('2026-02-20');
    const vendor = byId.get('vendor:uei:FSY4LVSBGWB7');
    expect(vendor?.kind === 'vendor' && vendor.awardIds).toContain(`award:${NEW}`);

    const searches = e.calls.filter((c) => c.body);
    expect(searches).toHaveLength(1); // one vendor with awards in the fixture
    const body = searches[0]!.body!;
    expect(body.filters).toEqual({
      award_type_codes: ['A', 'B', 'C', 'D'],
      recipient_search_text: ['FSY4LVSBGWB7'],
      time_period: [{ start_date: '2026-01-01', end_date: '2026-03-01', date_type: 'last_modified_date' }],
      agencies: [{ type: 'awarding', tier: 'subtier', name: 'U.S. Immigration and Customs Enforcement' }],
    });
    // Nothing but the index's own identifiers: every string in every body comes from the index or the fixed query.
    const allowed = new Set(['FSY4LVSBGWB7', 'U.S. Immigration and Customs Enforcement', 'awarding', 'subtier', 'A', 'B', 'C', 'D', '2026-01-01', '2026-03-01', 'last_modified_date', 'Last Modified Date', 'desc', 'Award ID', 'Recipient Name', 'Recipient UEI', 'generated_internal_id']);
    const strings = (v: unknown): string[] => (typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : []);
    for (const c of searches) for (const s of strings(c.body)) expect(allowed).toContain(s);
    for (const c of e.calls) expect(c.url.startsWith('https://api.usaspending.gov/api/v2/')).toBe(true);
  });

  test('vendors are searched in batches: every vendor once, at most VENDORS_PER_SEARCH per request', () => {
    const vendors = Array.from({ length: 2 * VENDORS_PER_SEARCH + 3 }, (_, i) => ({
      ...(records()[0] as VendorRecord),
      id: `vendor:uei:V${i}`,
      identifiers: { uei: `UEI${String(i).padStart(9, '0')}` },
    }));
    const bodies = searchBodies(vendors, '2026-01-01', '2026-03-01') as { filters: { recipient_search_text: string[] } }[];
    expect(bodies).toHaveLength(3);
    for (const b of bodies) expect(b.filters.recipient_search_text.length).toBeLessThanOrEqual(VENDORS_PER_SEARCH);
    expect(bodies.flatMap((b) => b.filters.recipient_search_text).sort()).toEqual(vendors.map((v) => v.identifiers.uei).sort());
  });

  test('no changes: nothing is installed', async () => {
    const live = snapshot('v1');
    const e = env(() => json({ results: [], page_metadata: { hasNext: false } }));
    let installs = 0;
    const result = await syncFromUsaspending({ ...e, since: '2026-01-01', loadLive: async () => ({ ...live, dictionary: live.dictionary }), install: async () => void installs++ });
    expect(result).toEqual({ ok: true, version: 'v1', changed: 0 });
    expect(installs).toBe(0);
  });

  test('network failure yields kind network', async () => {
    const live = snapshot('v1');
    const e = env(() => {
      throw new TypeError('Failed to fetch');
    });
    const result = await syncFromUsaspending({ ...e, since: '2026-01-01', loadLive: async () => ({ ...live, dictionary: live.dictionary }), install: async () => undefined, client: { maxRetries: 1 } });
    expect(result).toMatchObject({ ok: false, kind: 'network', reason: expect.stringMatching(/Could not reach USAspending/) });
  });
});
