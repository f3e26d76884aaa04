// Deterministic JSON: object keys sorted, undefined dropped, no whitespace.
// The same value always serialises to the same bytes, which is what makes the
// snapshot's content hash (and its version) reproducible.

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : sortKeys(v)));
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort()) {
      const v = o[k];
      if (v !== undefined) out[k] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/**
 * An array too large to hold: `each` emits its items, each already in canonical
 * JSON, in order. emitCanonical writes it exactly as it would write the array.
 */
export class StreamedArray {
  constructor(readonly each: (emitItem: (canonicalItem: string) => void) => void) {}
}

/**
 * Streams the canonical JSON of an object whose top-level array values may be
 * large (the snapshot's records): same bytes as `canonicalJson(value)`, but
 * emitted piece by piece, so no single string ever holds the whole snapshot.
 */
export function emitCanonical(value: Record<string, unknown>, emit: (piece: string) => void): void {
  let first = true;
  emit('{');
  for (const k of Object.keys(value).sort()) {
    const v = value[k];
    if (v === undefined) continue;
    emit(`${first ? '' : ','}${JSON.stringify(k)}:`);
    first = false;
    if (v instanceof StreamedArray) {
      emit('[');
      let i = 0;
      v.each((item) => emit((i++ ? ',' : '') + item));
      emit(']');
    } else if (Array.isArray(v)) {
      emit('[');
      v.forEach((item, i) => emit((i ? ',' : '') + (item === undefined ? 'null' : canonicalJson(item))));
      emit(']');
    } else {
      emit(canonicalJson(v));
    }
  }
  emit('}');
}
