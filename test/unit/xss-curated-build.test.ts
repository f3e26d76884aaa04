// Poisoned curated input through the index builder and the describe path
// (issue 8d). A curated file whose every text field holds a hostile string,
// whose ids and keys are prototype names, and whose source keys name
// Object.prototype members: the build must not throw or pollute, keep the
// strings verbatim, never turn an inherited member into a source, and the
// compiled dictionary and `describe` must work on the result.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildIndex, type BuildResult } from '../../src/index/build.ts';
import { compileDictionary, findMentions, loadDictionary, type SerializedDictionary } from '../../src/match/index.ts';
import { validateSnapshot } from '../../src/sync/validate.ts';
import type { IndexRecord, Snapshot } from '../../src/model/types.ts';
import { describe as describeIds } from '../../src/query/describe.ts';
import { MemoryReader } from '../../src/query/reader.ts';
import { MEGABYTE, PROTOTYPE_KEYS, XSS_VECTORS, prototypeFingerprint } from '../fixtures/hostile/vectors.ts';

// Vectors usable as names: the 1 MB one is a separate file below, to keep the dictionary small.
const NAMES = XSS_VECTORS.filter((v) => v !== MEGABYTE);
const CLEAN = prototypeFingerprint();

function curatedFile(): unknown {
  const sources: Record<string, unknown> = {};
  NAMES.forEach((v, i) => {
    sources[`s${i}`] = { url: v, title: v, retrieved: '2026-11-01', tier: 'reported' };
  });
  return {
    sources,
    agencies: NAMES.map((v, i) => ({
      id: i < PROTOTYPE_KEYS.length ? PROTOTYPE_KEYS[i] : `agency:x${i}`, code: v, name: `Agency ${v}`, acronyms: [], ambiguousAcronyms: [v],
      aliases: [`Poisonagency${i}`, v], sourceKeys: [`s${i}`, 'no-such-key'],
    })),
    vendors: NAMES.map((v, i) => ({
      key: i < PROTOTYPE_KEYS.length ? PROTOTYPE_KEYS[i] : `vendor-${i}`, name: `Vendor ${v}`, cik: v, aliases: [`Poisonvendor${i}`, v],
      weakAliases: [v], ambiguousAliases: [v], previousNames: [v], recipientNames: [v], parentKey: '__proto__',
      sourceKeys: [`s${i}`],
    })),
    programs: NAMES.map((v, i) => ({
      id: `program:p${i}`, name: `Program ${v}`, aliases: [`Poisonprogram${i}`], ambiguousAliases: [v],
      description: { en: v, de: v }, vendorKeys: ['__proto__', 'constructor', `vendor-${i}`], agencyIds: ['__proto__', 'constructor'],
      awardPiids: [v, '__proto__'],
      modifications: [{ piid: v, number: v, description: v, note: v, sourceKeys: [`s${i}`] }],
      sourceKeys: [`s${i}`],
    })),
  };
}

let dir: string;
let built: BuildResult;
let snap: Snapshot;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'receipts-poisoned-'));
  await writeFile(join(dir, 'poisoned.json'), JSON.stringify(curatedFile()));
  await writeFile(
    join(dir, 'huge.json'),
    JSON.stringify({ sources: { h: { url: MEGABYTE, title: MEGABYTE, retrieved: '2026-11-01', tier: 'reported' } }, agencies: [], programs: [], vendors: [{ key: 'huge', name: MEGABYTE, aliases: ['Hugevendor'], weakAliases: [], ambiguousAliases: [], previousNames: [], recipientNames: [], sourceKeys: ['h'] }] }),
  );
  built = await buildIndex([dir], { created: '2026-11-29', retrieved: '2026-11-29', dictionary: true });
  snap = built.snapshot;
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe(`the builder on a poisoned curated file (${NAMES.length} vectors in every field, plus a 1 MB record)`, () => {
  test('builds without polluting Object.prototype', () => {
    expect(prototypeFingerprint()).toBe(CLEAN);
    expect(snap.records.length).toBeGreaterThan(NAMES.length);
    expect(snap.dictionary).toBeTruthy();
  });

  test('names and descriptions are kept verbatim', () => {
    const names = new Set(snap.records.map((r) => r.name));
    const descriptions = new Set(snap.records.flatMap((r) => (r.kind === 'program' ? [r.description.en] : [])));
    for (const v of NAMES) {
      // Programs are keyed by id, so each survives; vendors with case-equal aliases may be merged by the builder.
      expect(names.has(`Program ${v}`), v.slice(0, 40)).toBe(true);
      expect(descriptions.has(v), v.slice(0, 40)).toBe(true);
    }
    expect(snap.records.some((r) => r.name === MEGABYTE)).toBe(true);
  });

  test('every source has a string url and title', () => {
    for (const r of snap.records) {
      for (const s of r.provenance.sources) {
        expect(typeof s.url, `${r.id} has a source without a url`).toBe('string');
        expect(typeof s.title, `${r.id} has a source without a title`).toBe('string');
      }
    }
  });

  test('the built snapshot passes the same validation a synced snapshot must pass (no reserved ids)', () => {
    // The builder takes curated ids as written; an agency id "__proto__" or "constructor" ends up as a record id.
    expect(() => validateSnapshot(JSON.parse(JSON.stringify(snap)))).not.toThrow();
  });

  test('describe() over the built index returns the poisoned records as data, without pollution', async () => {
    const reader = new MemoryReader(snap);
    const ids = snap.records.map((r) => r.id);
    const { records, missing } = await describeIds(reader, [...ids, ...PROTOTYPE_KEYS]);
    for (const id of ids) expect(records[id]?.id).toBe(id);
    // Unknown ids are reported missing, never answered from Object.prototype.
    for (const k of PROTOTYPE_KEYS) if (!ids.includes(k)) expect(missing).toContain(k);
    expect(Object.getPrototypeOf(records)).toBeNull();
    expect(prototypeFingerprint()).toBe(CLEAN);
  });

  test('the compiled dictionary finds the poisoned entities by their plain aliases and returns exact slices', () => {
    const dict = loadDictionary(snap.dictionary as SerializedDictionary);
    // Vectors that spell a prototype member are left out here: see the next describe block.
    const plain = NAMES.filter((v) => !/proto|constructor/i.test(v));
    const text = NAMES.map((_, i) => `Poisonvendor${i} und Poisonprogram${i}.`).join('\n\n') + `\n\n${plain.join(' ')} Hugevendor`;
    const ms = findMentions(text, dict);
    for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.text);
    const byId = new Map<string, IndexRecord>(snap.records.map((r) => [r.id, r]));
    const found = ms.filter((m) => m.id && byId.has(m.id));
    expect(found.length).toBeGreaterThanOrEqual(NAMES.length * 2);
  });
});

describe('source keys that name Object.prototype members', () => {
  // src/index/curated.ts looks sources up with table[key]: "constructor" finds
  // Object, "__proto__" finds Object.prototype. Such a key must be reported as
  // unknown, like any other, not become a source without a url.
  test.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('sourceKeys ["%s"] is reported as unknown, and the build succeeds', async (key) => {
    const d = await mkdtemp(join(tmpdir(), 'receipts-protokey-'));
    try {
      await writeFile(
        join(d, 'c.json'),
        JSON.stringify({ sources: { ok: { url: 'https://www.sec.gov/x', title: 'x', retrieved: '2026-11-01', tier: 'primary' } }, agencies: [], programs: [], vendors: [{ key: 'v', name: 'Protovendor', aliases: ['Protovendor'], weakAliases: [], ambiguousAliases: [], previousNames: [], recipientNames: [], sourceKeys: ['ok', key] }] }),
      );
      const { snapshot } = await buildIndex([d], { created: '2026-11-29', retrieved: '2026-11-29', dictionary: false });
      const v = snapshot.records.find((r) => r.name === 'Protovendor')!;
      expect(v.provenance.sources.map((s) => s.url)).toEqual(['https://www.sec.gov/x']);
      expect(prototypeFingerprint()).toBe(CLEAN);
    } finally {
      await rm(d, { recursive: true, force: true });
    }
  });
});

describe('ambiguous aliases that spell an Object.prototype member', () => {
  // src/match/disambiguate.ts reads NEGATIVE_CUES[aliasKey]: for the key
  // "constructor" that is Object, for "__proto__" Object.prototype, and
  // `neg.before` is not iterable. One such alias in the index and one such word
  // on a page must not make the whole page's matching throw.
  test.each(['constructor', '__proto__'])('an ambiguous alias "%s" on a page does not throw', (alias) => {
    const dict = compileDictionary([
      { alias, entityId: 'vendor:poison', kind: 'company', caseSensitive: false, needsContext: true },
      { alias: 'Palantir', entityId: 'vendor:palantir', kind: 'company', caseSensitive: false, needsContext: false },
    ]);
    const text = `Palantir and the ${alias} signed a contract.`;
    expect(() => findMentions(text, dict)).not.toThrow();
    expect(findMentions(text, dict).map((m) => m.text)).toContain('Palantir');
  });
});
