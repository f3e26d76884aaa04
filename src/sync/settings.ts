// Sync settings as stored in browser.storage.sync. Pure: normalising and the
// "is a source configured" rule live here so they are tested without a browser.
// The default makes no network request at all: a feed URL must be entered, or
// the USAspending source chosen, before anything is fetched.

export interface SyncSettings {
  enabled: boolean;
  source: 'feed' | 'usaspending';
  /** https (or loopback http) URL of the feed manifest; empty means no feed configured. */
  feedUrl: string;
  intervalHours: number;
}

export const DEFAULT_SYNC_SETTINGS: SyncSettings = { enabled: true, source: 'feed', feedUrl: '', intervalHours: 24 };
export const MIN_INTERVAL_HOURS = 1;
export const MAX_INTERVAL_HOURS = 24 * 30;

/** Loopback hosts are secure contexts (a newsroom may run its feed on the same machine), so plain http is accepted for them. */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isLoopbackUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return u.protocol === 'http:' && LOOPBACK.has(u.hostname);
  } catch {
    return false;
  }
}

export function isFeedUrl(v: string): boolean {
  if (v === '') return true;
  if (v.length > 2000) return false;
  try {
    return new URL(v).protocol === 'https:' || isLoopbackUrl(v);
  } catch {
    return false;
  }
}

/** Validates a partial update from the options page; unknown keys are refused. */
export function isSettingsPatch(p: unknown): p is Partial<SyncSettings> {
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return false;
  const o = p as Record<string, unknown>;
  for (const [k, v] of Object.entries(o)) {
    if (k === 'enabled' && typeof v === 'boolean') continue;
    if (k === 'source' && (v === 'feed' || v === 'usaspending')) continue;
    if (k === 'feedUrl' && typeof v === 'string' && isFeedUrl(v.trim())) continue;
    if (k === 'intervalHours' && typeof v === 'number' && Number.isInteger(v) && v >= MIN_INTERVAL_HOURS && v <= MAX_INTERVAL_HOURS) continue;
    return false;
  }
  return true;
}

/** Whatever is in storage (possibly from an older version or hand-edited) → valid settings. */
export function normalizeSettings(raw: unknown): SyncSettings {
  const out = { ...DEFAULT_SYNC_SETTINGS };
  if (typeof raw !== 'object' || raw === null) return out;
  for (const [k, v] of Object.entries(raw)) {
    if (isSettingsPatch({ [k]: v })) Object.assign(out, { [k]: typeof v === 'string' ? v.trim() : v });
  }
  return out;
}

/** True only when the user has chosen where to sync from. */
export function syncConfigured(s: SyncSettings): boolean {
  return s.enabled && (s.source === 'usaspending' || s.feedUrl !== '');
}
