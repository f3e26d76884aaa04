// Poisoned sync payloads (issue 8c): snapshots and deltas as they arrive over
// the network, parsed by the sync's own parseJson and checked by validate.ts.
// Prototype keys are refused as record ids and as a record's own key; no
// payload, accepted or refused, changes Object.prototype; hostile strings in
// text fields are kept verbatim (the popover test proves they render as text).
import { afterEach, describe, expect, test } from 'vitest';
import type { IndexRecord } from '../../src/model/types.ts';
import { applyDelta } from '../../src/sync/delta.ts';
import { SyncError } from '../../src/sync/types.ts';
import { parseJson, validateDelta, validateFeedManifest, validateRecords, validateSnapshot } from '../../src/sync/validate.ts';
import { PROTOTYPE_KEYS, XSS_VECTORS, prototypeFingerprint } from '../fixtures/hostile/vectors.ts';
import { records, snapshot } from './sync-fixtures.ts';

const CLEAN = prototypeFingerprint();
afterEach(() => {
  expect(prototypeFingerprint()).toBe(CLEAN);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

const bytes = (json: string) => new TextEncoder().encode(json);
const refused = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(SyncError);
    expect((err as SyncError).kind).toBe('schema');
    return true;
  }
  return false;
};

/** JSON text of a valid snapshot with `inject` spliced into the first record's JSON (after its opening brace). */
function snapshotJson(inject: string, where: 'top' | 'manifest' | 'record' | 'identifiers' | 'values' | 'provenance'): string {
  const s = JSON.stringify(snapshot('v1'));
  const marks: Record<typeof where, string> = {
    top: '{"manifest"',
    manifest: '"manifest":{',
    record: '"records":[{',
    identifiers: '"identifiers":{',
    values: '"values":{',
    provenance: '"provenance":{',
  };
  const m = marks[where];
  const at = s.indexOf(m);
  expect(at).toBeGreaterThanOrEqual(0);
  const cut = at + m.length - (where === 'top' ? m.length - 1 : 0);
  const sep = s[cut] === '}' ? '' : ',';
  return `${s.slice(0, cut)}${inject}${sep}${s.slice(cut)}`;
}

const POLLUTERS = [
  '"__proto__":{"polluted":"yes","isAdmin":true}',
  '"constructor":{"prototype":{"polluted":"yes"}}',
  '"prototype":{"polluted":"yes"}',
];

describe('prototype pollution through sync payloads', () => {
  const places = ['top', 'manifest', 'record', 'identifiers', 'values', 'provenance'] as const;
  test.each(places.flatMap((p) => POLLUTERS.map((k) => [p, k] as const)))('snapshot, %s gets %s: Object.prototype unchanged', (place, inject) => {
    const parsed = parseJson(bytes(snapshotJson(inject, place)), 'index snapshot');
    const wasRefused = refused(() => validateSnapshot(parsed));
    // A record that carries its own __proto__ key is refused outright.
    if (place === 'record' && inject.startsWith('"__proto__"')) expect(wasRefused).toBe(true);
    if (!wasRefused) {
      // Accepted payloads go on through the paths that copy them (spread, Map, applyDelta).
      const snap = validateSnapshot(parsed);
      const copies = snap.records.map((r) => ({ ...r }));
      const delta = validateDelta(JSON.parse(JSON.stringify({ from: 'v1', to: 'v2', upsert: copies, remove: [], dictionary: {} })));
      applyDelta({ manifest: snap.manifest, records: snap.records }, delta, '2026-11-29', 'f'.repeat(64));
    }
  });

  test.each(PROTOTYPE_KEYS)('a record with id "%s" is refused where it would alias Object.prototype', (id) => {
    const recs = JSON.parse(JSON.stringify(records())) as IndexRecord[];
    recs[0]!.id = id;
    const wasRefused = refused(() => validateRecords(recs, 'index snapshot'));
    if (['__proto__', 'constructor', 'prototype'].includes(id)) expect(wasRefused).toBe(true);
  });

  test('a delta whose upsert carries a __proto__ key is refused; Object.prototype unchanged', () => {
    const json = `{"from":"v1","to":"v2","remove":[],"dictionary":{},"upsert":[{"__proto__":{"polluted":1},${JSON.stringify(records()[1]).slice(1)}]}`;
    expect(refused(() => validateDelta(parseJson(bytes(json), 'index delta')))).toBe(true);
  });

  test('a delta with __proto__ at its top level or in remove[] does not pollute', () => {
    const json = `{"__proto__":{"polluted":1},"from":"v1","to":"v2","remove":["__proto__","constructor"],"dictionary":{"__proto__":{"polluted":1}},"upsert":[]}`;
    const d = validateDelta(parseJson(bytes(json), 'index delta'));
    const live = snapshot('v1');
    const next = applyDelta(live, d, '2026-11-29', 'f'.repeat(64));
    expect(next.records.length).toBe(live.records.length);
  });

  test('a feed manifest with prototype keys is validated without pollution', () => {
    const json = `{"__proto__":{"polluted":1},"format":1,"version":"v2","created":"2026-11-29","size":10,"sha256":"${'a'.repeat(64)}","signature":"x","url":"snap.json","delta":{"__proto__":{"polluted":1},"from":"v1","url":"d.json","size":1,"sha256":"${'b'.repeat(64)}"}}`;
    validateFeedManifest(parseJson(bytes(json), 'feed manifest'));
  });
});

describe(`hostile strings in every text field of a synced snapshot (${XSS_VECTORS.length} vectors)`, () => {
  test('validation keeps them verbatim (as data, never interpreted) or refuses the payload', () => {
    for (const v of XSS_VECTORS) {
      const recs = records().map((r) => ({ ...r, name: v, provenance: { ...r.provenance, sources: [{ url: v, title: v, retrieved: v }] } }));
      const snap = validateSnapshot(JSON.parse(JSON.stringify(snapshot('v1', recs))));
      expect(snap.records.every((r) => r.name === v && r.provenance.sources[0]!.url === v)).toBe(true);
    }
  });

  test('malformed shapes are refused, not installed', () => {
    const bad: unknown[] = [
      null, [], 'x', { manifest: { format: 2 } },
      { ...snapshot('v1'), records: [{ id: 'x', kind: 'script', name: 'x', provenance: { tier: 'primary', sources: [] } }] },
      { ...snapshot('v1'), records: [{ ...records()[0], provenance: { tier: 'trusted', sources: [] } }] },
      { ...snapshot('v1'), records: [{ ...records()[0], aliases: 'Palantir' }] },
      { ...snapshot('v1'), records: [{ ...records()[0], id: 'x'.repeat(301) }] },
      { ...snapshot('v1'), records: [records()[0], records()[0]] },
      { ...snapshot('v1'), manifest: { ...snapshot('v1').manifest, version: '../../etc' } },
      { ...snapshot('v1'), dictionary: null },
    ];
    for (const b of bad) expect(refused(() => validateSnapshot(JSON.parse(JSON.stringify(b)))), JSON.stringify(b).slice(0, 80)).toBe(true);
  });

  test('bytes that are not UTF-8 JSON are refused', () => {
    for (const b of [new Uint8Array([0xff, 0xfe, 0x00]), bytes('{"a":'), bytes('\u0000'), new Uint8Array([0xc0, 0xaf])]) {
      expect(refused(() => parseJson(b, 'index snapshot'))).toBe(true);
    }
  });
});
