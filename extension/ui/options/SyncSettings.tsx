// Sync settings and status. Nothing is fetched until the user chooses a
// source; choosing one asks the browser for permission to reach that host
// only (optional host permission), from this click.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { call } from '../../messaging.ts';
import type { SyncStatus } from '../../protocol.ts';
import { isLoopbackUrl, type SyncSettings as Settings } from '../../../src/sync/settings.ts';
import { INDEX_CHANGED } from './IndexStatus.tsx';

const USASPENDING_ORIGIN = 'https://api.usaspending.gov/*';

/** The host permission a source needs; null when none is needed (a loopback feed answers with CORS headers). */
function originPattern(s: Settings): string | null {
  if (s.source === 'usaspending') return USASPENDING_ORIGIN;
  if (isLoopbackUrl(s.feedUrl)) return null;
  try {
    return s.feedUrl ? `${new URL(s.feedUrl).origin}/*` : null;
  } catch {
    return null;
  }
}

function describeStatus(st: SyncStatus): string {
  if (!st.configured) return 'Sync is off: no source is configured, so Receipts makes no network request.';
  if (st.running) return 'Sync is running…';
  if (!st.last) return 'No sync has run yet.';
  const r = st.last.result;
  const when = new Date(st.last.at).toLocaleString();
  const ok = st.lastSuccess && !r.ok ? ` Last successful sync: ${new Date(st.lastSuccess).toLocaleString()}.` : '';
  if (r.ok) return r.changed === 0 ? `Last sync ${when}: the index ${r.version} is up to date.` : `Last sync ${when}: index ${r.version} installed (${r.changed} records changed).`;
  return `Last sync ${when} failed (${r.kind}): ${r.reason} The previous index is still in use.${ok}`;
}

export function SyncSettings() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [message, setMessage] = useState<string>('');

  useEffect(() => {
    call('getSettings', {}).then(setSettings, (e: unknown) => setMessage(String(e)));
    call('syncStatus', {}).then(setStatus, () => undefined);
  }, []);

  if (!settings) return <p>{message || 'Loading…'}</p>;

  const syncNow = async () => {
    setStatus(status ? { ...status, running: true } : status);
    try {
      setStatus(await call('syncNow', {}));
      window.dispatchEvent(new Event(INDEX_CHANGED)); // the live version may have changed
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };

  const save = async (patch: Partial<Settings>) => {
    const next = { ...settings, ...patch };
    const origin = originPattern(next);
    // The permission prompt needs this user gesture; only the chosen host is asked for.
    if (origin && next.enabled && !(await browser.permissions.request({ origins: [origin] }))) {
      setMessage(`Receipts needs permission to reach ${origin} to sync from it. Nothing was changed.`);
      return;
    }
    try {
      setSettings(await call('setSettings', patch));
      setStatus(await call('syncStatus', {}));
      setMessage('Saved.');
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <form onSubmit={(e) => e.preventDefault()}>
      <p
        data-field="sync-status"
        role="status"
        data-running={status?.running ? 'true' : 'false'}
        data-at={status?.last?.at ?? ''}
        data-result={status?.last ? (status.last.result.ok ? 'ok' : status.last.result.kind) : ''}
      >
        {status ? describeStatus(status) : ''}
      </p>
      <label>
        <input type="checkbox" checked={settings.enabled} onChange={(e) => void save({ enabled: e.currentTarget.checked })} /> Keep the
        index fresh
      </label>
      <fieldset>
        <legend>Source</legend>
        <label>
          <input type="radio" name="source" checked={settings.source === 'feed'} onChange={() => void save({ source: 'feed' })} /> Signed
          snapshot feed
        </label>
        <label>
          <input type="radio" name="source" checked={settings.source === 'usaspending'} onChange={() => void save({ source: 'usaspending' })} />{' '}
          USAspending API (only the index's own vendors and agencies are queried)
        </label>
      </fieldset>
      <label>
        Feed URL (https; http only on this computer){' '}
        <input
          type="url"
          value={settings.feedUrl}
          placeholder="https://example.org/receipts/feed.json"
          onChange={(e) => void save({ feedUrl: e.currentTarget.value.trim() })}
        />
      </label>
      <label>
        Every{' '}
        <input
          type="number"
          min={1}
          max={720}
          value={settings.intervalHours}
          onChange={(e) => void save({ intervalHours: Number(e.currentTarget.value) })}
        />{' '}
        hours
      </label>
      <p>
        <button type="button" disabled={!status?.configured || status.running} onClick={() => void syncNow()}>
          Sync now
        </button>
      </p>
      <p aria-live="polite">{message}</p>
      <p>A sync downloads the index. It never sends what you read: requests name only the feed, or the vendors and agencies already in the index.</p>
    </form>
  );
}
