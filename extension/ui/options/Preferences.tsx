// The reader's preferences (extension/settings.ts, storage.sync): master
// switch, interface language, citation style, which entity kinds and which
// loaded-language categories are highlighted, and words never highlighted.
import { useState } from 'preact/hooks';
import type { MentionKind } from '../../../src/model/types.ts';
import { LOADED_CATEGORIES } from '../../../src/loaded/categories.ts';
import { CITATION_STYLES, setUserSettings, type CitationStyle, type UiLanguage, type UserSettings } from '../../settings.ts';
import { useI18n, type MessageKey } from '../i18n.ts';
import { KIND_KEY } from '../shared/kinds.ts';

const STYLE_LABEL: Record<CitationStyle, string> = { apa: 'APA', mla: 'MLA', chicago: 'Chicago', csl: 'CSL-JSON' };
const LANGS: Array<[UiLanguage, MessageKey]> = [
  ['auto', 'optLangAuto'],
  ['en', 'optLangEn'],
  ['de', 'optLangDe'],
];

export function usePreferencesSaver(settings: UserSettings, onSaved: (s: UserSettings) => void, onError: (m: string) => void) {
  return (patch: Partial<UserSettings>) =>
    setUserSettings({ ...settings, ...patch }).then(onSaved, (e: unknown) => onError(e instanceof Error ? e.message : String(e)));
}

export function General({ settings, save }: { settings: UserSettings; save: (p: Partial<UserSettings>) => void }) {
  const { t } = useI18n();
  return (
    <>
      <label class="check">
        <input type="checkbox" checked={settings.enabled} onChange={(e) => save({ enabled: e.currentTarget.checked })} /> {t('optEnabled')}
      </label>
      <p class="row">
        <label for="lang">{t('optLanguage')}</label>
        <select id="lang" value={settings.language} onChange={(e) => save({ language: e.currentTarget.value as UiLanguage })}>
          {LANGS.map(([v, key]) => (
            <option key={v} value={v} lang={v === 'de' ? 'de' : v === 'en' ? 'en' : undefined}>
              {t(key)}
            </option>
          ))}
        </select>
      </p>
      <p class="row">
        <label for="cite">{t('optCiteStyle')}</label>
        <select id="cite" value={settings.citationStyle} onChange={(e) => save({ citationStyle: e.currentTarget.value as CitationStyle })}>
          {CITATION_STYLES.map((s) => (
            <option key={s} value={s}>
              {STYLE_LABEL[s]}
            </option>
          ))}
        </select>
      </p>
    </>
  );
}

export function Kinds({ settings, save }: { settings: UserSettings; save: (p: Partial<UserSettings>) => void }) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend>{t('optKindsLegend')}</legend>
      {(Object.keys(KIND_KEY) as MentionKind[]).map((k) => (
        <label class="check" key={k}>
          <input
            type="checkbox"
            data-kind={k}
            checked={settings.entityKinds[k]}
            onChange={(e) => save({ entityKinds: { ...settings.entityKinds, [k]: e.currentTarget.checked } })}
          />{' '}
          {t(KIND_KEY[k])}
        </label>
      ))}
    </fieldset>
  );
}

export function Loaded({ settings, save }: { settings: UserSettings; save: (p: Partial<UserSettings>) => void }) {
  const { t, lang } = useI18n();
  const [word, setWord] = useState('');
  const add = (e: Event) => {
    e.preventDefault();
    const w = word.trim();
    if (!w) return;
    save({ exemptWords: [...settings.exemptWords, w] });
    setWord('');
  };
  return (
    <>
      <fieldset>
        <legend>{t('optLoadedH')}</legend>
        {LOADED_CATEGORIES.map((c) => (
          <label class="check" key={c.id} title={c.reason[lang]}>
            <input
              type="checkbox"
              data-category={c.id}
              checked={settings.loadedCategories[c.id] !== false}
              onChange={(e) => save({ loadedCategories: { ...settings.loadedCategories, [c.id]: e.currentTarget.checked } })}
            />{' '}
            {c.label[lang]}
          </label>
        ))}
      </fieldset>
      <h3 id="exempt-h">{t('optExemptH')}</h3>
      {settings.exemptWords.length === 0 ? <p>{t('optExemptNone')}</p> : null}
      <ul data-field="exempt-words" aria-labelledby="exempt-h">
        {settings.exemptWords.map((w) => (
          <li key={w}>
            <span>{w}</span>{' '}
            <button type="button" aria-label={t('optExemptRemove', w)} onClick={() => save({ exemptWords: settings.exemptWords.filter((x) => x !== w) })}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form class="row" onSubmit={add}>
        <label for="exempt-input">{t('optExemptLabel')}</label>
        <input id="exempt-input" type="text" value={word} maxLength={100} onInput={(e) => setWord(e.currentTarget.value)} />
        <button type="submit">{t('optExemptAdd')}</button>
      </form>
    </>
  );
}
