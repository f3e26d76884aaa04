// Reader flags on loaded-language highlights: "this is not loaded language"
// (a false highlight) and "this is, and you missed it" (selected text). They
// stay in storage.local (never synced, never sent) and can be exported as
// JSON, so a reader or a newsroom can hand them to the lexicon maintainers.
import browser from 'webextension-polyfill';

export const FLAGS_KEY = 'receiptsFlags';
/** Oldest flags are dropped beyond this, so a busy reader cannot fill storage. */
export const MAX_FLAGS = 2000;
const MAX_TEXT = 300;

export interface LoadedFlag {
  kind: 'false-highlight' | 'missed';
  /** The words flagged, as on the page. */
  text: string;
  /** The detector's category for a false highlight. */
  category?: string;
  /** The sentence around it, so the flag can be judged later. */
  context?: string;
  lang?: string;
  /** Page address without query or fragment: enough to find the article, not the reader's session. */
  page?: string;
  at: string;
}

function clip(s: unknown, n = MAX_TEXT): string | undefined {
  return typeof s === 'string' && s.trim() ? s.trim().slice(0, n) : undefined;
}

/** Strips query and fragment; anything that is not an http(s) URL is dropped. */
export function pageKey(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? `${u.origin}${u.pathname}` : undefined;
  } catch {
    return undefined;
  }
}

/** Any stored or received value → a valid flag, or undefined. */
export function toFlag(v: unknown): LoadedFlag | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Record<string, unknown>;
  const text = clip(o.text);
  if ((o.kind !== 'false-highlight' && o.kind !== 'missed') || !text) return undefined;
  const at = typeof o.at === 'string' && !Number.isNaN(Date.parse(o.at)) ? o.at : new Date().toISOString();
  const flag: LoadedFlag = { kind: o.kind, text, at };
  const category = clip(o.category, 40);
  const context = clip(o.context, 1000);
  const lang = o.lang === 'en' || o.lang === 'de' ? o.lang : undefined;
  const page = pageKey(typeof o.page === 'string' ? o.page : undefined);
  return { ...flag, ...(category ? { category } : {}), ...(context ? { context } : {}), ...(lang ? { lang } : {}), ...(page ? { page } : {}) };
}

export async function getFlags(): Promise<LoadedFlag[]> {
  const raw = (await browser.storage.local.get(FLAGS_KEY))[FLAGS_KEY];
  return Array.isArray(raw) ? raw.map(toFlag).filter((f): f is LoadedFlag => f !== undefined) : [];
}

export async function addFlag(input: unknown): Promise<LoadedFlag> {
  const flag = toFlag(input);
  if (!flag) throw new Error('Not a valid flag: it needs a kind and the flagged words.');
  const all = [...(await getFlags()), flag].slice(-MAX_FLAGS);
  await browser.storage.local.set({ [FLAGS_KEY]: all });
  return flag;
}

export async function clearFlags(): Promise<void> {
  await browser.storage.local.remove(FLAGS_KEY);
}

/** The export file: self-describing, so it can be read without Receipts. */
export function flagsExport(flags: readonly LoadedFlag[], now = new Date()): string {
  return `${JSON.stringify({ format: 'receipts-loaded-language-flags', version: 1, exported: now.toISOString(), flags }, null, 2)}\n`;
}
