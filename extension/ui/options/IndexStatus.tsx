// The index section of the options page: which version is live, how many
// records of each trust tier it holds, and how old its data is. It reloads
// when a sync finishes (SyncSettings dispatches INDEX_CHANGED), so the page
// never shows a version that is no longer live.
import { useEffect, useState } from 'preact/hooks';
import { call } from '../../messaging.ts';
import type { IndexStatus as Status } from '../../protocol.ts';
import { useI18n, type I18n } from '../i18n.ts';

export const INDEX_CHANGED = 'receipts-index-changed';

/** Whole days between an ISO date and now; undefined when the date is unreadable. */
export function ageInDays(isoDate: string | undefined, now = new Date()): number | undefined {
  const t = isoDate ? Date.parse(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate) : NaN;
  return Number.isNaN(t) ? undefined : Math.max(0, Math.floor((now.getTime() - t) / 864e5));
}

function age(t: I18n['t'], days: number | undefined): string {
  if (days === undefined) return t('optAgeUnknown');
  return days === 0 ? t('optAgeToday') : days === 1 ? t('optAgeDay') : t('optAgeDays', days);
}

export function IndexStatus() {
  const { t } = useI18n();
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const load = () => call('status', {}).then(setStatus, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    void load();
    window.addEventListener(INDEX_CHANGED, load);
    return () => window.removeEventListener(INDEX_CHANGED, load);
  }, []);
  if (error) return <p role="alert">{error}</p>;
  if (!status) return <p>{t('optLoading')}</p>;
  if (!status.ready) return <p role="alert">{t('optIndexUnavailable', status.error ?? '')}</p>;
  const c = status.counts;
  return (
    <dl>
      <dt>{t('optVersion')}</dt>
      <dd data-field="version">{status.version}</dd>
      <dt>{t('optBuilt')}</dt>
      <dd data-field="created">{status.created}</dd>
      <dt>{t('optDataAsOf')}</dt>
      <dd data-field="data-age">
        {status.dataAsOf ? t('optDataAsOfValue', status.dataAsOf, age(t, ageInDays(status.dataAsOf))) : t('optUnknown')}
      </dd>
      <dt>{t('optRecords')}</dt>
      <dd data-field="counts">
        {c ? t('optRecordsCount', c.byTier.primary.toLocaleString(), c.byTier.reported.toLocaleString()) : '—'}
      </dd>
    </dl>
  );
}
