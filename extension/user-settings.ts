// The reader's preferences as data: the type, the defaults and the migration
// from whatever an older version (or a hand edit) stored. No extension API
// here, so Node tests and scripts can use the very same defaults;
// settings.ts keeps them in browser.storage.sync.
import type { MentionKind } from '../src/model/types.ts';
import { isJsonObject } from '../src/model/json.ts';

export const USER_SETTINGS_KEY = 'receiptsUser';
export const USER_SETTINGS_VERSION = 2;

export type UiLanguage = 'auto' | 'en' | 'de';

/** How the popover's "Cite" copies the primary record. */
export type CitationStyle = 'apa' | 'mla' | 'chicago' | 'csl';
export const CITATION_STYLES: readonly CitationStyle[] = ['apa', 'mla', 'chicago', 'csl'];

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
  /** Since version 2: the citation style the popover offers first. */
  citationStyle: CitationStyle;
}

export const DEFAULT_USER_SETTINGS: UserSettings = {
  version: USER_SETTINGS_VERSION,
  enabled: true,
  entityKinds: { company: true, agency: true, program: true, contract_id: true, amount: true },
  loadedCategories: {},
  exemptWords: [],
  language: 'auto',
  citationStyle: 'apa',
};

const MAX_EXEMPT = 500;

/** A BCP 47 tag ("de-DE", "en_US") or our own value → one we ship; unknown → undefined. */
function uiLanguage(v: unknown): UiLanguage | undefined {
  if (v === 'auto') return 'auto';
  if (typeof v !== 'string') return undefined;
  const m = /^(en|de)(?:[-_][A-Za-z]{2,4})?$/i.exec(v.trim());
  return m ? (m[1]!.toLowerCase() as 'en' | 'de') : undefined;
}

/**
 * Any stored value → valid settings; unknown or ill-typed fields fall back to defaults.
 * Version 1 had no citation style (it gets the default) and a hand edit or an
 * early build may have left a locale tag ("de-DE") or a comma-separated string
 * of exempt words; both are read rather than dropped.
 */
export function migrateUserSettings(raw: unknown): UserSettings {
  const out: UserSettings = structuredClone(DEFAULT_USER_SETTINGS);
  if (!isJsonObject(raw)) return out;
  if (typeof raw.enabled === 'boolean') out.enabled = raw.enabled;
  if (isJsonObject(raw.entityKinds)) {
    for (const k of Object.keys(out.entityKinds) as MentionKind[]) {
      const v = raw.entityKinds[k];
      if (typeof v === 'boolean') out.entityKinds[k] = v;
    }
  }
  if (isJsonObject(raw.loadedCategories)) {
    for (const [k, v] of Object.entries(raw.loadedCategories)) {
      if (typeof v === 'boolean' && /^[a-z][a-z0-9-]{0,40}$/.test(k)) out.loadedCategories[k] = v;
    }
  }
  const exempt = typeof raw.exemptWords === 'string' ? raw.exemptWords.split(/[,\n]/) : raw.exemptWords;
  if (Array.isArray(exempt)) {
    const words = exempt.filter((w): w is string => typeof w === 'string').map((w) => w.trim()).filter((w) => w.length > 0 && w.length <= 100);
    out.exemptWords = [...new Set(words)].slice(0, MAX_EXEMPT);
  }
  out.language = uiLanguage(raw.language) ?? out.language;
  if (typeof raw.citationStyle === 'string' && (CITATION_STYLES as readonly string[]).includes(raw.citationStyle)) {
    out.citationStyle = raw.citationStyle as CitationStyle;
  }
  return out;
}
