// An in-memory stand-in for the parts of the WebExtension API the UI tests
// touch (storage areas with change events). The browser itself is exercised
// by the e2e tests; this lets the settings code run unchanged under vitest.
type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void;

function area(name: string, listeners: Set<Listener>) {
  const data = new Map<string, unknown>();
  return {
    data,
    async get(key: string | string[] | null) {
      const keys = key === null ? [...data.keys()] : Array.isArray(key) ? key : [key];
      return Object.fromEntries(keys.filter((k) => data.has(k)).map((k) => [k, structuredClone(data.get(k))]));
    },
    async set(items: Record<string, unknown>) {
      const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
      for (const [k, v] of Object.entries(items)) {
        changes[k] = { oldValue: data.get(k), newValue: structuredClone(v) };
        data.set(k, structuredClone(v));
      }
      listeners.forEach((l) => l(changes, name));
    },
  };
}

export function fakeBrowser() {
  const listeners = new Set<Listener>();
  return {
    storage: {
      sync: area('sync', listeners),
      local: area('local', listeners),
      onChanged: { addListener: (l: Listener) => listeners.add(l), removeListener: (l: Listener) => listeners.delete(l) },
    },
  };
}
