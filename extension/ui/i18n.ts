// The interface language. By default Receipts follows the browser
// (browser.i18n.getMessage picks the locale); the reader can override it in
// the options (settings.language). An override needs the chosen locale's
// messages, and a content script cannot fetch extension files without
// web_accessible_resources (which Receipts never declares), so both
// messages.json files are bundled from assets/_locales, the one source.
import { useEffect, useState } from 'preact/hooks';
import en from '../../assets/_locales/en/messages.json';
import de from '../../assets/_locales/de/messages.json';
import type { Lang } from '../../src/report/format.ts';

export type { Lang };

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
type Messages = Record<string, Entry>;

const BUNDLED: Record<Lang, Messages> = { en: en as Messages, de: de as Messages };

export type MessageKey = keyof typeof en;

interface BrowserI18n {
  getMessage(key: string, subs?: string | string[]): string;
  getUILanguage(): string;
}

function browserI18n(): BrowserI18n | undefined {
  const g = globalThis as { browser?: { i18n?: BrowserI18n }; chrome?: { i18n?: BrowserI18n } };
  const api = g.browser?.i18n ?? g.chrome?.i18n;
  return api && typeof api.getMessage === 'function' ? api : undefined;
}

/** The browser's UI language reduced to one we ship; English otherwise. */
export function browserLang(): Lang {
  let tag = '';
  try {
    tag = browserI18n()?.getUILanguage() ?? (typeof navigator !== 'undefined' ? navigator.language : '');
  } catch {
    tag = '';
  }
  return /^de\b/i.test(tag) ? 'de' : 'en';
}

/** Chrome's messages.json format: `$NAME$` names a placeholder whose content is `$1`..`$9`. */
export function formatMessage(entry: Entry, subs: readonly string[]): string {
  const named = entry.placeholders ?? {};
  const positional = (s: string) => s.replace(/\$(\d)/g, (_, d: string) => subs[Number(d) - 1] ?? '');
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const p = named[name.toLowerCase()] ?? named[name];
      return p ? positional(p.content) : whole;
    })
    .replace(/\$\$/g, '$');
}

export interface I18n {
  lang: Lang;
  t(key: MessageKey, ...subs: Array<string | number>): string;
}

/**
 * `auto` asks browser.i18n (it knows the browser's locale); an explicit
 * language uses that locale's bundled messages. A key missing from German
 * falls back to English, never to the bare key.
 */
export function createI18n(choice: Lang | 'auto' = 'auto'): I18n {
  const api = choice === 'auto' ? browserI18n() : undefined;
  const lang: Lang = choice === 'auto' ? browserLang() : choice;
  const t = (key: MessageKey, ...raw: Array<string | number>) => {
    const subs = raw.map(String);
    if (api) {
      const m = api.getMessage(key, subs);
      if (m) return m;
    }
    const entry = BUNDLED[lang][key] ?? BUNDLED.en[key];
    return entry ? formatMessage(entry, subs) : key;
  };
  return { lang, t };
}

// One current choice per context (content script, options page, panel),
// set from settings by whoever loads them; components re-render on change.
let current: I18n = createI18n('auto');
const listeners = new Set<(i: I18n) => void>();

let currentChoice: Lang | 'auto' = 'auto';

export function setLanguage(choice: Lang | 'auto'): void {
  // Settings arrive on every load and change; an unchanged choice must not re-render the UI.
  if (choice === currentChoice) return;
  currentChoice = choice;
  current = createI18n(choice);
  listeners.forEach((l) => l(current));
}

export function getI18n(): I18n {
  return current;
}

export function useI18n(): I18n {
  const [i18n, set] = useState(current);
  useEffect(() => {
    listeners.add(set);
    set(current);
    return () => {
      listeners.delete(set);
    };
  }, []);
  return i18n;
}
