import { afterEach, describe, expect, test } from 'vitest';
import en from '../../assets/_locales/en/messages.json';
import de from '../../assets/_locales/de/messages.json';
import { createI18n, formatMessage, setLanguage, getI18n } from '../../extension/ui/i18n.ts';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
const EN = en as Record<string, Entry>;
const DE = de as Record<string, Entry>;

afterEach(() => {
  delete (globalThis as { chrome?: unknown }).chrome;
});

describe('messages.json', () => {
  test('English and German hold the same keys', () => {
    expect(Object.keys(DE).sort()).toEqual(Object.keys(EN).sort());
  });
  test('each message uses only the placeholders it declares, the same in both languages', () => {
    for (const [key, e] of Object.entries(EN)) {
      const used = (m: Entry) => [...m.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((x) => x[1]!.toLowerCase()).sort();
      const d = DE[key]!;
      expect(used(e), key).toEqual(Object.keys(e.placeholders ?? {}).sort());
      expect(used(d), key).toEqual(used(e));
    }
  });
  test('keys are valid Chrome message names', () => {
    for (const key of Object.keys(EN)) expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
  });
});

describe('formatMessage and createI18n', () => {
  test('named placeholders take positional substitutions; $$ is a dollar', () => {
    expect(formatMessage({ message: 'Costs $$$AMOUNT$ to $WHO$', placeholders: { amount: { content: '$1' }, who: { content: '$2' } } }, ['5', 'ICE'])).toBe('Costs $5 to ICE');
  });
  test('an explicit language uses its bundled messages', () => {
    expect(createI18n('de').t('venAwardMany', 3)).toBe('3 Aufträge');
    expect(createI18n('en').t('venAwardMany', 3)).toBe('3 awards');
    expect(createI18n('de').lang).toBe('de');
  });
  test("'auto' asks browser.i18n and follows the browser's language", () => {
    const calls: string[] = [];
    (globalThis as { chrome?: unknown }).chrome = {
      i18n: {
        getMessage: (k: string, subs: string[]) => (calls.push(k), k === 'popClose' ? 'Schließen' : ''),
        getUILanguage: () => 'de-DE',
      },
    };
    const i = createI18n('auto');
    expect(i.lang).toBe('de');
    expect(i.t('popClose')).toBe('Schließen');
    // Where the browser has no message, the bundled one of the same language answers.
    expect(i.t('popNext')).toBe('Weiter');
    expect(calls).toEqual(['popClose', 'popNext']);
  });
  test('setLanguage switches the current i18n', () => {
    setLanguage('de');
    expect(getI18n().t('popClose')).toBe('Schließen');
    setLanguage('en');
    expect(getI18n().t('popClose')).toBe('Close');
  });
});
