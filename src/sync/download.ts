// Bounded downloads: a size cap and a timeout on every request, so a hostile
// or broken server can neither fill memory nor hang the worker. Errors come
// out as SyncError with the kind the options page needs.
import { SyncError, type SyncEnv } from './types.ts';

export interface DownloadLimits {
  /** Abort once the body passes this many bytes. */
  maxBytes: number;
  timeoutMs: number;
  /** The byte length the signed manifest promises; checked exactly when given. */
  expectedSize?: number;
}

function hostLabel(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export async function downloadBytes(env: Pick<SyncEnv, 'fetch'>, url: string, limits: DownloadLimits): Promise<Uint8Array> {
  const ctrl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ctrl.abort();
  }, limits.timeoutMs);
  const where = hostLabel(url);
  try {
    let res: Response;
    try {
      // credentials omitted: the feed needs no cookies and must learn nothing about the user.
      res = await env.fetch(url, { signal: ctrl.signal, credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' });
    } catch (err) {
      if (timedOut) throw new SyncError('timeout', `${where} did not answer within ${Math.round(limits.timeoutMs / 1000)} s.`);
      throw new SyncError('network', `Could not reach ${where} (${err instanceof Error ? err.message : String(err)}).`);
    }
    if (!res.ok) throw new SyncError('http', `${where} answered HTTP ${res.status} for ${url}.`);
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      throw new SyncError('http', `${url} is ${declared} bytes, more than the ${limits.maxBytes}-byte limit.`);
    }
    const bytes = await readCapped(res, limits.maxBytes, url).catch((err: unknown) => {
      if (timedOut) throw new SyncError('timeout', `The download from ${where} took longer than ${Math.round(limits.timeoutMs / 1000)} s.`);
      if (err instanceof SyncError) throw err;
      throw new SyncError('truncated', `The download from ${where} broke off (${err instanceof Error ? err.message : String(err)}).`);
    });
    if (limits.expectedSize !== undefined) {
      if (bytes.length < limits.expectedSize) {
        throw new SyncError('truncated', `The download from ${where} is truncated: ${bytes.length} of ${limits.expectedSize} bytes arrived.`);
      }
      if (bytes.length > limits.expectedSize) {
        throw new SyncError('hash', `The download from ${where} is ${bytes.length} bytes, not the ${limits.expectedSize} bytes the signed manifest states.`);
      }
    }
    return bytes;
  } finally {
    clearTimeout(timer);
  }
}

async function readCapped(res: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  const tooBig = () => new SyncError('http', `${url} is larger than the ${maxBytes}-byte limit.`);
  if (!res.body) {
    const buf = new Uint8Array(await res.arrayBuffer());
    if (buf.length > maxBytes) throw tooBig();
    return buf;
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooBig();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return out;
}
