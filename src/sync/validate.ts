// Strict shape checks for everything that arrives over the network. The
// signature proves who made a file, not that our code can use it: a record
// missing an array the UI iterates would break the popover later, so it is
// refused here, before anything is written.
import type { IndexRecord, RecordKind, Snapshot } from '../model/types.ts';
import { SyncError } from './types.ts';
import { isJsonObject } from '../model/json.ts';

export interface FeedManifest {
  format: 1;
  version: string;
  created: string;
  size: number;
  sha256: string;
  signature: string;
  url: string;
  delta?: { from: string; url: string; size: number; sha256: string };
}

export interface SnapshotDelta {
  from: string;
  to: string;
  upsert: IndexRecord[];
  remove: string[];
  dictionary: unknown;
}

type Obj = Record<string, unknown>;
const KINDS: ReadonlySet<string> = new Set<RecordKind>(['vendor', 'agency', 'program', 'award']);
/** Ids that would alias Object.prototype members if a record map were ever a plain object. */
const FORBIDDEN_IDS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
const SHA256 = /^[0-9a-f]{64}$/i;
const VERSION = /^[\w.-]{1,64}$/;

const isStr = (v: unknown): v is string => typeof v === 'string';
const isSize = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const strArray = (v: unknown): boolean => Array.isArray(v) && [...v].every(isStr);

function fail(what: string, why: string): never {
  throw new SyncError('schema', `The ${what} is not in the expected format (${why}); it was not installed.`);
}

export function parseJson(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (err) {
    return fail(what, `not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export function validateFeedManifest(v: unknown): FeedManifest {
  const what = 'feed manifest';
  if (!isJsonObject(v)) fail(what, 'not an object');
  if (v.format !== 1) fail(what, `format ${String(v.format)} is not 1`);
  if (!isStr(v.version) || !VERSION.test(v.version)) fail(what, 'bad version');
  if (!isStr(v.created)) fail(what, 'no created date');
  if (!isSize(v.size)) fail(what, 'bad size');
  if (!isStr(v.sha256) || !SHA256.test(v.sha256)) fail(what, 'bad sha256');
  if (!isStr(v.signature) || v.signature.length === 0) fail(what, 'no signature');
  if (!isStr(v.url) || v.url.length === 0) fail(what, 'no snapshot url');
  if (v.delta !== undefined) {
    const d = v.delta;
    if (!isJsonObject(d) || !isStr(d.from) || !VERSION.test(d.from) || !isStr(d.url) || !isSize(d.size) || !isStr(d.sha256) || !SHA256.test(d.sha256)) {
      fail(what, 'bad delta entry');
    }
  }
  return v as unknown as FeedManifest;
}

function checkRecord(r: unknown, i: number, what: string): asserts r is IndexRecord {
  const at = `record ${i}`;
  if (!isJsonObject(r)) fail(what, `${at} is not an object`);
  if (Object.prototype.hasOwnProperty.call(r, '__proto__')) fail(what, `${at} has a __proto__ key`);
  if (!isStr(r.id) || r.id.length === 0 || r.id.length > 300) fail(what, `${at} has no usable id`);
  if (FORBIDDEN_IDS.has(r.id)) fail(what, `${at} has the reserved id "${r.id}"`);
  if (!isStr(r.kind) || !KINDS.has(r.kind)) fail(what, `${at} has unknown kind ${JSON.stringify(r.kind)}`);
  if (!isStr(r.name)) fail(what, `${at} has no name`);
  const p = r.provenance;
  if (!isJsonObject(p) || (p.tier !== 'primary' && p.tier !== 'reported') || !Array.isArray(p.sources)) {
    fail(what, `${at} has no valid provenance`);
  }
  const arrays: Record<RecordKind, string[]> = {
    vendor: ['aliases', 'weakAliases', 'previousNames', 'subsidiaryIds', 'awardIds'],
    agency: ['acronyms', 'aliases', 'awardIds'],
    program: ['aliases', 'vendorIds', 'agencyIds', 'awardIds', 'modificationIds'],
    award: [],
  };
  for (const k of arrays[r.kind as RecordKind]) if (!strArray(r[k])) fail(what, `${at} (${r.id}) lacks ${k}[]`);
  if (r.kind === 'vendor' && !isJsonObject(r.identifiers)) fail(what, `${at} (${r.id}) lacks identifiers`);
  if (r.kind === 'program' && !isJsonObject(r.description)) fail(what, `${at} (${r.id}) lacks a description`);
  if (r.kind === 'award') {
    if (!isJsonObject(r.values) || !isJsonObject(r.dates) || !isJsonObject(r.competition) || !Array.isArray(r.modifications)) {
      fail(what, `${at} (${r.id}) lacks values, dates, competition or modifications`);
    }
  }
}

export function validateRecords(v: unknown, what: string): IndexRecord[] {
  if (!Array.isArray(v)) fail(what, 'records is not an array');
  const seen = new Set<string>();
  const list = [...v];
  list.forEach((r, i) => {
    checkRecord(r, i, what);
    if (seen.has(r.id)) fail(what, `duplicate id ${r.id}`);
    seen.add(r.id);
  });
  return list as IndexRecord[];
}

export function validateSnapshot(v: unknown, expectedVersion?: string): Snapshot {
  const what = 'index snapshot';
  if (!isJsonObject(v)) fail(what, 'not an object');
  const m = v.manifest;
  if (!isJsonObject(m) || m.format !== 1) fail(what, 'manifest.format is not 1');
  if (!isStr(m.version) || !VERSION.test(m.version)) fail(what, 'bad manifest.version');
  if (expectedVersion !== undefined && m.version !== expectedVersion) {
    fail(what, `it is version ${m.version}, the feed announced ${expectedVersion}`);
  }
  if (!isStr(m.created) || !isStr(m.sha256) || !isJsonObject(m.counts) || !Array.isArray(m.sources)) fail(what, 'incomplete manifest');
  validateRecords(v.records, what);
  if (!Array.isArray(v.aliases)) fail(what, 'aliases is not an array');
  if (v.dictionary === undefined || v.dictionary === null) fail(what, 'no compiled dictionary');
  return v as unknown as Snapshot;
}

export function validateDelta(v: unknown): SnapshotDelta {
  const what = 'index delta';
  if (!isJsonObject(v)) fail(what, 'not an object');
  if (!isStr(v.from) || !isStr(v.to) || !VERSION.test(v.to)) fail(what, 'bad from/to');
  validateRecords(v.upsert, what);
  if (!strArray(v.remove)) fail(what, 'remove is not a list of ids');
  if (v.dictionary === undefined || v.dictionary === null) fail(what, 'no compiled dictionary');
  return v as unknown as SnapshotDelta;
}
