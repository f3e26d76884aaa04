// The reader's preferences, in browser.storage.sync so they follow the
// browser profile. One key, versioned: `migrateUserSettings` turns whatever an
// older version (or a hand edit) left there into valid settings, so a bad
// value never breaks the content script. Sync settings live under their own
// key (src/sync/settings.ts).
import browser from 'webextension-polyfill';
import type { MentionKind } from '../src/model/types.ts';

export const USER_SETTINGS_KEY = 'receiptsUser';
export const USER_SETTINGS_VERSION = 1;

export type UiLanguage = 'auto' | 'en' | 'de';

export interface UserSettings {
  version: typeof USER_SETTINGS_VERSION;
  /** Master switch: off means no scan, no highlight, no UI on any page. */
  enabled: boolean;
  /** Which kinds of mention are highlighted. */
  entityKinds: Record<MentionKind, boolean>;
  /** Loaded-language categories by id (src/loaded); absent ids are on. */
  loadedCategories: Record<string, boolean>;
  /** Words the reader never wants highlighted as loaded language (case-insensitive). */
  exemptWords: string[];
  /** Interface language; 'auto' follows the browser. */
  language: UiLanguage;
}

export const DEFAULT_USER_SETTINGS: UserSettings = {
  version: USER_SETTINGS_VERSION,
  enabled: true,
  entityKinds: { company: true, agency: true, program: true, contract_id: true, amount: true },
  loadedCategories: {},
  exemptWords: [],
  language: 'auto',
};

const MAX_EXEMPT = 500;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Any stored value → valid settings; unknown or ill-typed fields fall back to defaults. */
export function migrateUserSettings(raw: unknown): UserSettings {
  const out: UserSettings = structuredClone(DEFAULT_USER_SETTINGS);
  if (!isRecord(raw)) return out;
  if (typeof raw.enabled === 'boolean') out.enabled = raw.enabled;
  if (isRecord(raw.entityKinds)) {
    for (const k of Object.keys(out.entityKinds) as MentionKind[]) {
      const v = raw.entityKinds[k];
      if (typeof v === 'boolean') out.entityKinds[k] = v;
    }
  }
  if (isRecord(raw.loadedCategories)) {
    for (const [k, v] of Object.entries(raw.loadedCategories)) {
      if (typeof v === 'boolean' && /^[a-z][a-z0-9-]{0,40}$/.test(k)) out.loadedCategories[k] = v;
    }
  }
  if (Array.isArray(raw.exemptWords)) {
    const words = raw.exemptWords.filter((w): w is string => typeof w === 'string').map((w) => w.trim()).filter((w) => w.length > 0 && w.length <= 100);
    out.exemptWords = [...new Set(words)].slice(0, MAX_EXEMPT);
  }
  if (raw.language === 'en' || raw.language === 'de' || raw.language === 'auto') out.language = raw.language;
  return out;
}

export async function getUserSettings(): Promise<UserSettings> {
  const stored = await browser.storage.sync.get(USER_SETTINGS_KEY);
  return migrateUserSettings(stored[USER_SETTINGS_KEY]);
}

export async function setUserSettings(patch: Partial<UserSettings>): Promise<UserSettings> {
  const next = migrateUserSettings({ ...(await getUserSettings()), ...patch });
  await browser.storage.sync.set({ [USER_SETTINGS_KEY]: next });
  return next;
}

/** Calls `cb` with the new settings whenever they change in any context; returns an unsubscribe. */
export function watchUserSettings(cb: (s: UserSettings) => void): () => void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area === 'sync' && changes[USER_SETTINGS_KEY]) cb(migrateUserSettings(changes[USER_SETTINGS_KEY].newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
