// Options: the reader's preferences, where Receipts runs, the index's status
// (so a reader can see what the extension knows and how old it is) and sync.
import { useEffect, useState } from 'preact/hooks';
import { getUserSettings, watchUserSettings, type UserSettings } from '../../settings.ts';
import { setLanguage, useI18n } from '../i18n.ts';
import { General, Kinds, Loaded, usePreferencesSaver } from './Preferences.tsx';
import { Sites } from './Sites.tsx';
import { Flags } from './Flags.tsx';
import { IndexStatus } from './IndexStatus.tsx';
import { SyncSettings } from './SyncSettings.tsx';

export function Options() {
  const i18n = useI18n();
  const { t } = i18n;
  const [settings, setSettings] = useState<UserSettings | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    const apply = (s: UserSettings) => {
      setSettings(s);
      setLanguage(s.language);
    };
    getUserSettings().then(apply, (e: unknown) => setMessage(String(e)));
    return watchUserSettings(apply);
  }, []);
  useEffect(() => {
    document.documentElement.lang = i18n.lang;
    document.title = t('optPageTitle');
  }, [i18n]);
  const save = usePreferencesSaver(
    settings ?? ({} as UserSettings),
    (s) => {
      setSettings(s);
      setLanguage(s.language);
      setMessage(t('optSaved'));
    },
    setMessage,
  );
  const onSave = (p: Partial<UserSettings>) => void save(p);
  return (
    <>
      <h1>Receipts</h1>
      <section aria-labelledby="general-h">
        <h2 id="general-h">{t('optGeneralH')}</h2>
        {settings ? <General settings={settings} save={onSave} /> : <p>{t('optLoading')}</p>}
        <p role="status" data-field="prefs-status">
          {message}
        </p>
      </section>
      <section aria-labelledby="sites-h">
        <h2 id="sites-h">{t('optSitesH')}</h2>
        <Sites />
      </section>
      <section aria-labelledby="kinds-h">
        <h2 id="kinds-h">{t('optKindsH')}</h2>
        {settings ? <Kinds settings={settings} save={onSave} /> : null}
        {settings ? <Loaded settings={settings} save={onSave} /> : null}
      </section>
      <section aria-labelledby="flags-h">
        <h2 id="flags-h">{t('flagsH')}</h2>
        <Flags />
      </section>
      <section aria-labelledby="index-h">
        <h2 id="index-h">{t('optIndexH')}</h2>
        <IndexStatus />
      </section>
      <section aria-labelledby="sync-h">
        <h2 id="sync-h">{t('optSyncH')}</h2>
        <SyncSettings />
      </section>
      <section aria-labelledby="net-h">
        <h2 id="net-h">{t('optNetH')}</h2>
        <p>{t('optNetText')}</p>
      </section>
    </>
  );
}
