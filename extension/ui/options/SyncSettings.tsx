// Sync settings and status. Nothing is fetched until the user chooses a
// source; choosing one asks the browser for permission to reach that host
// only (optional host permission), from this click.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { call } from '../../messaging.ts';
import type { SyncStatus } from '../../protocol.ts';
import { isLoopbackUrl, type SyncSettings as Settings } from '../../../src/sync/settings.ts';
import { useI18n, type I18n } from '../i18n.ts';
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

// The failure reason itself comes from src/sync in English: it names hosts, sizes and hashes exactly.
function describeStatus(st: SyncStatus, { t, lang }: I18n): string {
  if (!st.configured) return t('syncOff');
  if (st.running) return t('syncRunning');
  if (!st.last) return t('syncNever');
  const r = st.last.result;
  const date = (iso: string) => new Date(iso).toLocaleString(lang);
  const when = date(st.last.at);
  if (r.ok) return r.changed === 0 ? t('syncUpToDate', when, r.version) : t('syncInstalled', when, r.version, r.changed);
  const ok = st.lastSuccess ? ` ${t('syncLastSuccess', date(st.lastSuccess))}` : '';
  return `${t('syncFailed', when, r.kind, r.reason)}${ok}`;
}

export function SyncSettings() {
  const i18n = useI18n();
  const { t } = i18n;
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [message, setMessage] = useState<string>('');

  useEffect(() => {
    call('getSettings', {}).then(setSettings, (e: unknown) => setMessage(String(e)));
    call('syncStatus', {}).then(setStatus, () => undefined);
  }, []);

  if (!settings) return <p>{message || t('optLoading')}</p>;

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
      setMessage(t('syncNeedsPermission', origin));
      return;
    }
    try {
      setSettings(await call('setSettings', patch));
      setStatus(await call('syncStatus', {}));
      setMessage(t('syncSaved'));
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
        {status ? describeStatus(status, i18n) : ''}
      </p>
      <label>
        <input type="checkbox" checked={settings.enabled} onChange={(e) => void save({ enabled: e.currentTarget.checked })} />{' '}
        {t('syncKeepFresh')}
      </label>
      <fieldset>
        <legend>{t('syncSource')}</legend>
        <label>
          <input type="radio" name="source" checked={settings.source === 'feed'} onChange={() => void save({ source: 'feed' })} /> {t('syncSourceFeed')}
        </label>
        <label>
          <input type="radio" name="source" checked={settings.source === 'usaspending'} onChange={() => void save({ source: 'usaspending' })} />{' '}
          {t('syncSourceApi')}
        </label>
      </fieldset>
      <label>
        {t('syncFeedUrl')}{' '}
        <input
          type="url"
          data-field="feed-url"
          value={settings.feedUrl}
          placeholder="https://example.org/receipts/feed.json"
          onChange={(e) => void save({ feedUrl: e.currentTarget.value.trim() })}
        />
      </label>
      <label>
        {t('syncEvery')}{' '}
        <input
          type="number"
          min={1}
          max={720}
          value={settings.intervalHours}
          onChange={(e) => void save({ intervalHours: Number(e.currentTarget.value) })}
        />{' '}
        {t('syncHours')}
      </label>
      <p>
        <button type="button" disabled={!status?.configured || status.running} onClick={() => void syncNow()}>
          {t('syncNowButton')}
        </button>
      </p>
      <p aria-live="polite">{message}</p>
      <p>{t('syncPrivacy')}</p>
    </form>
  );
}
