import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from './ui-fake-browser.ts';

const fake = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('webextension-polyfill', () => ({
  default: new Proxy({}, { get: (_t, k) => (fake.current as Record<string | symbol, unknown>)[k] }),
}));

const settings = await import('../../extension/settings.ts');
const { DEFAULT_USER_SETTINGS, USER_SETTINGS_KEY, USER_SETTINGS_VERSION, migrateUserSettings, getUserSettings, setUserSettings, watchUserSettings } = settings;

beforeEach(() => {
  fake.current = fakeBrowser();
});
const store = () => (fake.current as ReturnType<typeof fakeBrowser>).storage.sync;

describe('migrateUserSettings', () => {
  test('nothing stored, or garbage, gives the defaults at the current version', () => {
    for (const raw of [undefined, null, 42, 'x', [], { version: 'nine' }]) {
      expect(migrateUserSettings(raw)).toEqual(DEFAULT_USER_SETTINGS);
    }
    expect(USER_SETTINGS_VERSION).toBe(2);
    expect(DEFAULT_USER_SETTINGS.citationStyle).toBe('apa');
  });

  test('a version 1 value keeps every choice and gains the version 2 field', () => {
    const v1 = {
      version: 1,
      enabled: false,
      entityKinds: { company: true, agency: false, program: true, contract_id: true, amount: false },
      loadedCategories: { emotive: false, hyperbole: true },
      exemptWords: ['regime', 'crackdown'],
      language: 'de',
    };
    expect(migrateUserSettings(v1)).toEqual({ ...v1, version: 2, citationStyle: 'apa' });
  });

  test('locale tags and a comma-separated word list from hand edits are read, not dropped', () => {
    const m = migrateUserSettings({ version: 1, language: 'de-AT', exemptWords: 'regime, crackdown,,regime\nslammed' });
    expect(m.language).toBe('de');
    expect(m.exemptWords).toEqual(['regime', 'crackdown', 'slammed']);
    expect(migrateUserSettings({ language: 'en_US' }).language).toBe('en');
    expect(migrateUserSettings({ language: 'fr' }).language).toBe('auto');
  });

  test('ill-typed fields fall back field by field', () => {
    const m = migrateUserSettings({
      version: 2,
      enabled: 'yes',
      entityKinds: { company: 'no', agency: false, bogus: true },
      loadedCategories: { 'Bad Key!': false, appeal: 0, emotive: false },
      exemptWords: [1, '  ', 'x'.repeat(101), 'ok'],
      citationStyle: 'harvard',
    });
    expect(m.enabled).toBe(true);
    expect(m.entityKinds).toEqual({ ...DEFAULT_USER_SETTINGS.entityKinds, agency: false });
    expect(m.loadedCategories).toEqual({ emotive: false });
    expect(m.exemptWords).toEqual(['ok']);
    expect(m.citationStyle).toBe('apa');
    expect(migrateUserSettings({ citationStyle: 'csl' }).citationStyle).toBe('csl');
  });

  test('migration is idempotent', () => {
    const once = migrateUserSettings({ version: 1, language: 'de-DE', exemptWords: 'a,b', citationStyle: 'mla' });
    expect(migrateUserSettings(once)).toEqual(once);
  });
});

describe('storage.sync round trip', () => {
  test('get migrates what an older version stored; set writes the current version', async () => {
    await store().set({ [USER_SETTINGS_KEY]: { version: 1, language: 'de', exemptWords: ['regime'] } });
    const got = await getUserSettings();
    expect(got).toMatchObject({ version: 2, language: 'de', exemptWords: ['regime'], citationStyle: 'apa' });
    const next = await setUserSettings({ citationStyle: 'chicago' });
    expect(next.citationStyle).toBe('chicago');
    expect(store().data.get(USER_SETTINGS_KEY)).toEqual({ ...got, citationStyle: 'chicago' });
  });

  test('a patch cannot store an invalid value', async () => {
    const next = await setUserSettings({ language: 'xx' as never, exemptWords: ['a', 'a'] });
    expect(next.language).toBe('auto');
    expect(next.exemptWords).toEqual(['a']);
  });

  test('watchers see migrated values and stop after unsubscribing', async () => {
    const seen: string[] = [];
    const off = watchUserSettings((s) => seen.push(s.language));
    await store().set({ [USER_SETTINGS_KEY]: { version: 1, language: 'de-CH' } });
    off();
    await store().set({ [USER_SETTINGS_KEY]: { version: 1, language: 'en' } });
    expect(seen).toEqual(['de']);
  });
});
