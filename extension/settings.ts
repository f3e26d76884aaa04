// The reader's preferences, in browser.storage.sync so they follow the
// browser profile. One key, versioned: `migrateUserSettings` turns whatever an
// older version (or a hand edit) left there into valid settings, so a bad
// value never breaks the content script. Sync settings live under their own
// key (src/sync/settings.ts).
import browser from 'webextension-polyfill';
import { migrateUserSettings, USER_SETTINGS_KEY, type UserSettings } from './user-settings.ts';

export * from './user-settings.ts';

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
