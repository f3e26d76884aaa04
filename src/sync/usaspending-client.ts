// A small USAspending API client: JSON POST/GET with a per-run request budget,
// exponential backoff, and Retry-After honoured on 429/503. Time is injected
// (`sleep`, `now`) so tests run without waiting.
import { SyncError, type SyncEnv } from './types.ts';

export const USASPENDING_API = 'https://api.usaspending.gov';

export interface ClientOptions {
  baseUrl?: string;
  /** Hard cap on HTTP requests per sync run, retries included. */
  maxRequests: number;
  maxRetries?: number;
  timeoutMs?: number;
  /** First backoff delay; doubles per retry. */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: Date): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

export class UsaspendingClient {
  requests = 0;
  private readonly base: string;

  constructor(
    private readonly env: SyncEnv,
    private readonly opts: ClientOptions,
  ) {
    this.base = opts.baseUrl ?? USASPENDING_API;
  }

  post(path: string, body: unknown): Promise<unknown> {
    return this.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  }

  get(path: string): Promise<unknown> {
    return this.request(path, { method: 'GET' });
  }

  private async request(path: string, init: RequestInit): Promise<unknown> {
    const url = `${this.base}${path}`;
    const maxRetries = this.opts.maxRetries ?? 4;
    const maxDelay = this.opts.maxDelayMs ?? 120_000;
    for (let attempt = 0; ; attempt++) {
      if (this.requests >= this.opts.maxRequests) {
        throw new SyncError('http', `The sync stopped after ${this.opts.maxRequests} requests to USAspending (the per-run limit); the previous index is still in use.`);
      }
      this.requests++;
      const backoff = Math.min(maxDelay, (this.opts.baseDelayMs ?? 1000) * 2 ** attempt);
      let res: Response;
      try {
        res = await this.once(url, init);
      } catch (err) {
        if (attempt >= maxRetries) throw err;
        await this.env.sleep(backoff);
        continue;
      }
      if (res.ok) {
        try {
          return await res.json();
        } catch {
          throw new SyncError('schema', `USAspending returned a response that is not JSON for ${path}.`);
        }
      }
      if ((res.status === 429 || res.status === 503) && attempt < maxRetries) {
        const wait = parseRetryAfter(res.headers.get('retry-after'), this.env.now());
        await this.env.sleep(Math.min(maxDelay, wait ?? backoff));
        continue;
      }
      throw new SyncError('http', `USAspending answered HTTP ${res.status} for ${path}.`);
    }
  }

  private async once(url: string, init: RequestInit): Promise<Response> {
    const ctrl = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      ctrl.abort();
    }, this.opts.timeoutMs ?? 60_000);
    try {
      // No cookies, no referrer: the request says nothing about the user or the page they read.
      return await this.env.fetch(url, { ...init, signal: ctrl.signal, credentials: 'omit', referrerPolicy: 'no-referrer' });
    } catch (err) {
      if (timedOut) throw new SyncError('timeout', `USAspending did not answer within ${Math.round((this.opts.timeoutMs ?? 60_000) / 1000)} s.`);
      throw new SyncError('network', `Could not reach USAspending (${err instanceof Error ? err.message : String(err)}).`);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** USAspending serves at most this many rows through `page`; beyond it, keyset paging. */
export const PAGE_WINDOW = 50_000;
export const PAGE_LIMIT = 100;

interface PageMetadata {
  hasNext?: unknown;
  last_record_unique_id?: unknown;
  last_record_sort_value?: unknown;
}

/**
 * Every result row of a spending_by_award search. Pages by `page` until the
 * 50,000-row window would be exceeded, then by `last_record_unique_id` /
 * `last_record_sort_value` from the previous page, with the sort unchanged.
 */
export async function* searchAwards(client: UsaspendingClient, body: Record<string, unknown>): AsyncGenerator<unknown> {
  let page = 1;
  let keyset: { id: unknown; sort: unknown } | undefined;
  for (;;) {
    const req: Record<string, unknown> = { ...body, limit: PAGE_LIMIT };
    if (keyset) {
      req.last_record_unique_id = keyset.id;
      req.last_record_sort_value = keyset.sort;
    } else req.page = page;
    const res = (await client.post('/api/v2/search/spending_by_award/', req)) as { results?: unknown; page_metadata?: PageMetadata };
    if (!res || !Array.isArray(res.results)) throw new SyncError('schema', 'USAspending search results are not in the expected format.');
    yield* res.results;
    const meta = res.page_metadata ?? {};
    if (meta.hasNext !== true || res.results.length === 0) return;
    if (keyset || page * PAGE_LIMIT >= PAGE_WINDOW) {
      if (meta.last_record_unique_id === undefined || meta.last_record_sort_value === undefined) {
        throw new SyncError('schema', 'USAspending did not give a last-record key for paging past 50,000 results.');
      }
      keyset = { id: meta.last_record_unique_id, sort: meta.last_record_sort_value };
    } else page++;
  }
}
