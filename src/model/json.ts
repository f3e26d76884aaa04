// Untrusted data (messages between contexts, stored settings, sync payloads,
// API responses) is checked before use; this is the one test for "a plain
// JSON object", so every validator means the same by it.
export type JsonObject = Record<string, unknown>;

/** True for an object that is neither null nor an array. */
export function isJsonObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
