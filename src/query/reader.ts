// Read access to one index version. The CLI reads a snapshot file into memory;
// the background reads Dexie tables. Both implement this interface, so the
// same `describe` expansion serves the popover, the side panel and the CLI.
import type { IndexRecord, ProgramRecord, Snapshot, SnapshotManifest } from '../model/types.ts';
import { normalizePiid } from '../match/index.ts';

export interface IndexReader {
  readonly manifest: SnapshotManifest;
  get(ids: readonly string[]): Promise<(IndexRecord | undefined)[]>;
  /** The award id for a PIID (normalised, undashed upper case), if the index holds it. */
  awardIdForPiid(piid: string): Promise<string | undefined>;
  /** All program records: few enough to scan, and they link to everything else. */
  programs(): Promise<ProgramRecord[]>;
}

export class MemoryReader implements IndexReader {
  private readonly byId = new Map<string, IndexRecord>();
  private readonly byPiid = new Map<string, string>();
  private readonly programList: ProgramRecord[] = [];

  constructor(readonly snapshot: Snapshot) {
    for (const r of snapshot.records) {
      this.byId.set(r.id, r);
      if (r.kind === 'award' && r.piid) {
        const key = normalizePiid(r.piid);
        // Several awards can share a PIID under different agencies; the first
        // (records are sorted by id) is kept and the collision is rare enough
        // that `describe` still lists the rest through the vendor.
        if (!this.byPiid.has(key)) this.byPiid.set(key, r.id);
      }
      if (r.kind === 'program') this.programList.push(r);
    }
  }

  get manifest(): SnapshotManifest {
    return this.snapshot.manifest;
  }

  async get(ids: readonly string[]): Promise<(IndexRecord | undefined)[]> {
    return ids.map((id) => this.byId.get(id));
  }

  async awardIdForPiid(piid: string): Promise<string | undefined> {
    return this.byPiid.get(normalizePiid(piid));
  }

  async programs(): Promise<ProgramRecord[]> {
    return this.programList;
  }
}
