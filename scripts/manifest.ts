// Turns the root manifest.json into a browser's manifest. Keys (and string
// list items) prefixed `chrome:` or `firefox:` apply to that browser only, at any depth, so the
// two manifests cannot drift apart in the keys they share.
export type Browser = 'chrome' | 'firefox';

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

function select(value: Json, browser: Browser): Json {
  // A string item in a list may carry the prefix too ("chrome:sidePanel" in
  // permissions): it is kept, unprefixed, for that browser only.
  if (Array.isArray(value)) {
    return value
      .filter((v) => typeof v !== 'string' || !/^(chrome|firefox):/.test(v) || v.startsWith(`${browser}:`))
      .map((v) => (typeof v === 'string' ? v.replace(/^(chrome|firefox):/, '') : select(v, browser)));
  }
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, Json> = {};
  for (const [key, v] of Object.entries(value)) {
    const m = /^(chrome|firefox):(.+)$/.exec(key);
    if (m) {
      if (m[1] === browser) out[m[2]!] = select(v, browser);
    } else {
      out[key] = select(v, browser);
    }
  }
  return out;
}

export function manifestFor(base: Record<string, unknown>, browser: Browser, version: string): Record<string, unknown> {
  const m = select(base as Json, browser) as Record<string, unknown>;
  m.version = version;
  return m;
}
