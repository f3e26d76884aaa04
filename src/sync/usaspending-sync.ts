// Incremental update from the USAspending API. For each vendor in the index,
// search contract awards modified since the last sync at the index's own
// agencies, fetch each changed award's detail and fold it into a new version.
// Requests carry only the index's vendors and agencies, never anything about
// what the user reads.
import { canonicalJson } from '../index/canonical-json.ts';
import type { AgencyRecord, AwardRecord, IndexRecord, Snapshot, VendorRecord } from '../model/types.ts';
import { countRecords, newestAsOf } from '../model/counts.ts';
import type { LiveIndex } from './delta.ts';
import { sha256Hex } from './feed-verify.ts';
import { toSyncResult, type SyncEnv, type SyncResult } from './types.ts';
import { searchAwards, UsaspendingClient, type ClientOptions } from './usaspending-client.ts';
import { indexLinks, mapAwardDetail } from './usaspending-map.ts';

export const CONTRACT_TYPE_CODES = ['A', 'B', 'C', 'D'];
const FIELDS = ['Award ID', 'Recipient Name', 'Recipient UEI', 'Last Modified Date', 'generated_internal_id'];

export interface ApiSyncDeps extends SyncEnv {
  /** ISO date of the last successful sync; the live index's dataAsOf when never synced. */
  since: string;
  loadLive: () => Promise<LiveIndex & { dictionary: unknown }>;
  install: (snapshot: Snapshot) => Promise<void>;
  client?: Partial<ClientOptions>;
}

/**
 * Vendors per search. `recipient_search_text` takes a list whose entries are
 * OR-ed, so the ~1,300 indexed vendors cost ~50 searches rather than 1,300
 * (which would exceed the per-run request budget before any detail is fetched).
 */
export const VENDORS_PER_SEARCH = 25;

/** The search bodies for one run: vendors in batches, OR-ing the index's agencies. Exported for the privacy test. */
export function searchBodies(records: readonly IndexRecord[], since: string, today: string): Record<string, unknown>[] {
  const agencies = records
    .filter((r): r is AgencyRecord => r.kind === 'agency' && r.awardIds.length > 0)
    .map((a) => ({ type: 'awarding', tier: a.parentId ? 'subtier' : 'toptier', name: a.name }));
  const vendors = records.filter((r): r is VendorRecord => r.kind === 'vendor' && r.awardIds.length > 0);
  // UEIs first: a UEI is exact, a name is a substring match.
  const terms = [...new Set(vendors.map((v) => v.identifiers.uei ?? v.name))];
  const batches: string[][] = [];
  for (let i = 0; i < terms.length; i += VENDORS_PER_SEARCH) batches.push(terms.slice(i, i + VENDORS_PER_SEARCH));
  return batches.map((batch) => ({
    filters: {
      award_type_codes: CONTRACT_TYPE_CODES,
      recipient_search_text: batch,
      time_period: [{ start_date: since, end_date: today, date_type: 'last_modified_date' }],
      ...(agencies.length ? { agencies } : {}),
    },
    fields: FIELDS,
    sort: 'Last Modified Date',
    order: 'desc',
  }));
}

export async function syncFromUsaspending(deps: ApiSyncDeps): Promise<SyncResult> {
  try {
    const client = new UsaspendingClient(deps, { maxRequests: 500, ...deps.client });
    const live = await deps.loadLive();
    const today = deps.now().toISOString().slice(0, 10);
    const changed = new Set<string>();
    for (const body of searchBodies(live.records, deps.since, today)) {
      for await (const row of searchAwards(client, body)) {
        const id = (row as { generated_internal_id?: unknown }).generated_internal_id;
        if (typeof id === 'string' && id.startsWith('CONT_')) changed.add(id);
      }
    }
    if (changed.size === 0) return { ok: true, version: live.manifest.version, changed: 0 };
    const byId = new Map(live.records.map((r) => [r.id, r] as const));
    const links = indexLinks(live.records);
    let updated = 0;
    for (const key of [...changed].sort()) {
      const detail = await client.get(`/api/v2/awards/${encodeURIComponent(key)}/`);
      const prev = byId.get(`award:${key}`);
      const award = mapAwardDetail(detail, links, today, prev?.kind === 'award' ? prev : undefined);
      if (!award) continue;
      byId.set(award.id, award);
      updated++;
      linkAward(byId, award);
    }
    const snapshot = await assemble(live, [...byId.values()], deps.now());
    if (snapshot.manifest.version === live.manifest.version) return { ok: true, version: live.manifest.version, changed: 0 };
    await deps.install(snapshot);
    return { ok: true, version: snapshot.manifest.version, changed: updated };
  } catch (err) {
    return toSyncResult(err);
  }
}

/** Adds a new award to its vendor's and agencies' awardIds, so `describe` finds it. */
function linkAward(byId: Map<string, IndexRecord>, award: AwardRecord): void {
  for (const owner of [award.vendorId, award.agencyId, award.subAgencyId]) {
    const r = owner ? byId.get(owner) : undefined;
    if (r && (r.kind === 'vendor' || r.kind === 'agency') && !r.awardIds.includes(award.id)) {
      byId.set(r.id, { ...r, awardIds: [...r.awardIds, award.id] });
    }
  }
}

async function assemble(live: LiveIndex & { dictionary: unknown }, records: IndexRecord[], now: Date): Promise<Snapshot> {
  records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // The same rule as the builder: the version is the content hash's first 16 hex digits.
  const sha256 = await sha256Hex(new TextEncoder().encode(canonicalJson({ records, dictionary: live.dictionary })));
  const dataAsOf = newestAsOf(records);
  return {
    manifest: { ...live.manifest, version: sha256.slice(0, 16), created: now.toISOString(), counts: countRecords(records), sha256, ...(dataAsOf ? { dataAsOf } : {}) },
    records,
    aliases: live.aliases ?? [],
    dictionary: live.dictionary,
  };
}
