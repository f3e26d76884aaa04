// The reader's settings as UI components need them: the interface language
// (applied to the i18n layer) and the preferred citation style. Loaded once
// per context and kept current when the options page changes them.
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_USER_SETTINGS, getUserSettings, watchUserSettings, type UserSettings } from '../../settings.ts';
import { setLanguage } from '../i18n.ts';

let current: UserSettings | null = null;
let started = false;
const listeners = new Set<(s: UserSettings) => void>();

function apply(s: UserSettings) {
  current = s;
  setLanguage(s.language);
  listeners.forEach((l) => l(s));
}

/** Starts following the stored settings (idempotent). Failing storage leaves the defaults. */
export function followPrefs(): void {
  if (started) return;
  started = true;
  getUserSettings().then(apply, () => undefined);
  try {
    watchUserSettings(apply);
  } catch {
    // No storage API in this context: defaults stay.
  }
}

export function usePrefs(): UserSettings {
  const [s, set] = useState<UserSettings>(current ?? DEFAULT_USER_SETTINGS);
  useEffect(() => {
    followPrefs();
    listeners.add(set);
    if (current) set(current);
    return () => {
      listeners.delete(set);
    };
  }, []);
  return s;
}
