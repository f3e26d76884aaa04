// The reader's loaded-language flags (extension/flags.ts): how many are
// stored, export as JSON, delete. They never leave the computer unless the
// reader exports them.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { clearFlags, FLAGS_KEY, flagsExport, getFlags, type LoadedFlag } from '../../flags.ts';
import { useI18n } from '../i18n.ts';
import { saveFile } from '../sidepanel/download.ts';

export function Flags() {
  const { t } = useI18n();
  const [flags, setFlags] = useState<LoadedFlag[] | null>(null);
  useEffect(() => {
    const load = () => void getFlags().then(setFlags, () => setFlags([]));
    load();
    const onChange = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && FLAGS_KEY in changes) load();
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);
  if (!flags) return <p>{t('optLoading')}</p>;
  return (
    <>
      <p>{t('flagsIntro')}</p>
      <p data-field="flag-count">{t('flagsCount', flags.length)}</p>
      <p>
        <button type="button" disabled={flags.length === 0} onClick={() => saveFile(`receipts-flags-${new Date().toISOString().slice(0, 10)}.json`, flagsExport(flags), 'application/json')}>
          {t('flagsExport')}
        </button>{' '}
        <button type="button" disabled={flags.length === 0} onClick={() => void clearFlags().then(() => setFlags([]))}>
          {t('flagsClear')}
        </button>
      </p>
    </>
  );
}
