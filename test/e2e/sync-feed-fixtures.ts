// Feed payloads for the sync e2e test, made from the bundled snapshot (the
// real facts) with one award's record updated, signed with a key generated per
// run. Also a USAspending award detail in the API's shape for the same award.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AwardRecord, Snapshot } from '../../src/model/types.ts';
import { bytesToBase64, sha256Hex, signedPayload } from '../../src/sync/feed-verify.ts';
import { ROOT } from './browsers.ts';

export const ICM_ORDER = 'CONT_AWD_70CTD022FR0000170_7012_GS35F0086U_4730';

export interface FeedKeys {
  key: CryptoKeyPair;
  other: CryptoKeyPair;
  publicKey: string;
}

export async function feedKeys(): Promise<FeedKeys> {
  const gen = async () => (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const key = await gen();
  return { key, other: await gen(), publicKey: bytesToBase64(new Uint8Array(await crypto.subtle.exportKey('raw', key.publicKey))) };
}

export async function sign(k: CryptoKey, version: string, sha: string, size: number): Promise<string> {
  const payload = signedPayload(version, sha, size) as Uint8Array<ArrayBuffer>;
  return bytesToBase64(new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, k, payload)));
}

export function bundledSnapshot(): Promise<Snapshot> {
  return readFile(resolve(ROOT, 'assets/index/snapshot.json'), 'utf8').then((t) => JSON.parse(t) as Snapshot);
}

/** `base` with the ICM order's record touched (a later last-modified date), under a new content-derived version. */
export async function nextSnapshot(base: Snapshot, tag: string): Promise<Snapshot> {
  const records = base.records.map((r) => {
    if (r.id !== `award:${ICM_ORDER}`) return r;
    const a = r as AwardRecord;
    return { ...a, dates: { ...a.dates, lastModified: '2026-11-27' }, description: `${a.description ?? ''} [feed ${tag}]` };
  });
  const sha = await sha256Hex(new TextEncoder().encode(JSON.stringify(records)));
  return { ...base, manifest: { ...base.manifest, version: sha.slice(0, 16), created: '2026-11-29T12:00:00.000Z', sha256: sha }, records };
}

export interface Published {
  manifest: Record<string, unknown>;
  body: Buffer;
}

/** A feed manifest for `snap` at `url`, signed by `signer`. */
export async function publish(snap: unknown, version: string, url: string, signer: CryptoKey): Promise<Published> {
  const body = Buffer.from(JSON.stringify(snap));
  const sha = await sha256Hex(body);
  return {
    body,
    manifest: { format: 1, version, created: '2026-11-29T12:00:00.000Z', size: body.length, sha256: sha, signature: await sign(signer, version, sha, body.length), url },
  };
}

/**
 * GET /api/v2/awards/<id>/ for the ICM order, in the API's field names, with
 * the facts the bundled record holds (no values made up); only the
 * last-modified date is later, as after a new modification.
 */
export function icmAwardDetail(): Record<string, unknown> {
  return {
    generated_unique_award_id: ICM_ORDER,
    piid: '70CTD022FR0000170',
    description: 'INVESTIGATIVE CASE MANAGEMENT (ICM) OPERATIONS AND MAINTENANCE (O&M) SUPPORT SERVICES AND CUSTOM ENHANCEMENTS',
    total_obligation: 150703825,
    parent_award: { piid: 'GS35F0086U' },
    recipient: { recipient_name: 'Palantir Technologies Inc.', recipient_uei: 'FSY4LVSBGWB7' },
    awarding_agency: { toptier_agency: { code: '070', name: 'Department of Homeland Security' }, subtier_agency: { code: '7012', name: 'U.S. Immigration and Customs Enforcement' } },
    period_of_performance: { start_date: '2022-09-26', end_date: '2026-05-04', last_modified_date: '2026-11-27 10:00:00' },
    latest_transaction_contract_data: {
      extent_competed: 'A',
      extent_competed_description: 'FULL AND OPEN COMPETITION',
      number_of_offers_received: '1',
      type_of_contract_pricing_description: 'FIRM FIXED PRICE',
    },
  };
}
