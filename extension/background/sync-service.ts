// Wires the DOM-free sync core to the browser: settings in storage.sync, the
// 'receipts-sync' alarm, run state and history in the DB, and the install
// path of store.ts. With the default settings it makes no request at all.
import browser from 'webextension-polyfill';
import { syncFromFeed } from '../../src/sync/feed.ts';
import { FEED_PUBLIC_KEY } from '../../src/sync/feed-key.ts';
import { recoverInterrupted, runGuarded, type SyncMarker, type SyncStateStorage, type SyncStatusRecord } from '../../src/sync/run-state.ts';
import { normalizeSettings, syncConfigured, type SyncSettings } from '../../src/sync/settings.ts';
import type { SyncEnv, SyncResult } from '../../src/sync/types.ts';
import { syncFromUsaspending } from '../../src/sync/usaspending-sync.ts';
import type { PageOnly, SyncStatus } from '../protocol.ts';
import { overrides } from './build-overrides.ts';
import type { IndexService } from './index-service.ts';
import { loadLiveIndex } from './store-queries.ts';
import { installSnapshot, livePointer, type ReceiptsDB } from './store.ts';

export const SYNC_ALARM = 'receipts-sync';
const SETTINGS_KEY = 'receiptsSync';
const LOG_KEEP = 50;
/** Absent when the manifest lacks the "alarms" permission; sync then runs only on "Sync now". */
const alarms = (): typeof browser.alarms | undefined => (browser as { alarms?: typeof browser.alarms }).alarms;

/** Run state and history in the index DB, so they survive a killed worker with the index itself. */
export function dbSyncState(db: ReceiptsDB): SyncStateStorage & { last(): Promise<SyncStatusRecord | undefined>; lastSuccess(): Promise<string | undefined> } {
  return {
    getMarker: async () => (await db.meta.get('syncInProgress'))?.value as SyncMarker | undefined,
    setMarker: async (m) => {
      if (m) await db.meta.put({ key: 'syncInProgress', value: m });
      else await db.meta.delete('syncInProgress');
    },
    recordResult: async (status) => {
      await db.transaction('rw', db.meta, db.syncLog, async () => {
        await db.meta.put({ key: 'syncStatus', value: status });
        if (status.result.ok) await db.meta.put({ key: 'syncLastSuccess', value: status.at });
        await db.syncLog.add({ ...status });
        const excess = (await db.syncLog.count()) - LOG_KEEP;
        if (excess > 0) await db.syncLog.orderBy('seq').limit(excess).delete();
      });
    },
    last: async () => (await db.meta.get('syncStatus'))?.value as SyncStatusRecord | undefined,
    lastSuccess: async () => (await db.meta.get('syncLastSuccess'))?.value as string | undefined,
  };
}

export class SyncService {
  private running: Promise<SyncStatusRecord> | undefined;
  /** Settles once a run a dead worker left behind has been recorded; status and new runs wait for it. */
  private started: Promise<void> | undefined;
  /** This worker's last result, kept in memory too: when the disk is full it may not have been stored. */
  private lastRun: SyncStatusRecord | undefined;
  private readonly state;
  private readonly env: SyncEnv;

  constructor(
    private readonly index: IndexService,
    private readonly db: ReceiptsDB = index.db,
  ) {
    this.state = dbSyncState(db);
    this.env = {
      fetch: (input, init) => fetch(input, init),
      now: () => new Date(),
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    };
  }

  /** At worker start: close out a run a dead worker left behind, and (re)schedule the alarm. */
  start(): Promise<void> {
    this.started ??= (async () => {
      await recoverInterrupted(this.state, this.env.now).catch(() => undefined);
      await this.schedule(await this.settings()).catch(() => undefined);
    })();
    return this.started;
  }

  async settings(): Promise<SyncSettings> {
    const stored = await browser.storage.sync.get(SETTINGS_KEY);
    return normalizeSettings(stored[SETTINGS_KEY]);
  }

  async setSettings(patch: Partial<SyncSettings>): Promise<SyncSettings> {
    const next = normalizeSettings({ ...(await this.settings()), ...patch });
    await browser.storage.sync.set({ [SETTINGS_KEY]: next });
    await this.schedule(next);
    return next;
  }

  private async schedule(s: SyncSettings): Promise<void> {
    const a = alarms();
    if (!a) return;
    await a.clear(SYNC_ALARM);
    if (!syncConfigured(s)) return; // no alarm, no request: nothing is configured
    a.create(SYNC_ALARM, { delayInMinutes: 1, periodInMinutes: s.intervalHours * 60 });
  }

  async status(): Promise<SyncStatus> {
    await this.start();
    const [s, stored, lastSuccess, alarm] = await Promise.all([this.settings(), this.state.last().catch(() => undefined), this.state.lastSuccess().catch(() => undefined), alarms()?.get(SYNC_ALARM)]);
    const last = this.lastRun && (!stored || this.lastRun.at > stored.at) ? this.lastRun : stored;
    return {
      configured: syncConfigured(s),
      running: this.running !== undefined,
      ...(last ? { last } : {}),
      ...(lastSuccess ? { lastSuccess } : {}),
      ...(alarm ? { nextRun: alarm.scheduledTime } : {}),
    };
  }

  /** One run at a time; a second call while running joins the first. */
  runSync(): Promise<SyncStatusRecord> {
    this.running ??= this.runOnce().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async runOnce(): Promise<SyncStatusRecord> {
    await this.start();
    const s = await this.settings();
    if (!syncConfigured(s)) {
      const result: SyncResult = { ok: false, kind: 'network', reason: 'Sync is off: enter a feed URL or choose USAspending in the options first.' };
      const at = this.env.now().toISOString();
      return { at, startedAt: at, source: s.source, result };
    }
    await this.index.ready().catch(() => undefined); // the bundled index must be live before it is updated
    const install = async (snapshot: Parameters<typeof installSnapshot>[1]) => {
      await installSnapshot(this.db, snapshot, this.env.now());
      this.index.invalidate(); // the next message opens the new version
    };
    const status = await runGuarded(this.state, this.env.now, s.source, async () => {
      const live = await livePointer(this.db);
      if (s.source === 'feed') {
        return syncFromFeed({
          ...this.env,
          manifestUrl: s.feedUrl,
          publicKey: overrides.feedPublicKey ?? FEED_PUBLIC_KEY,
          liveVersion: live?.version,
          loadLive: () => loadLiveIndex(this.db),
          install,
          ...(overrides.timeoutMs ? { limits: { timeoutMs: overrides.timeoutMs } } : {}),
        });
      }
      const since = (await this.state.lastSuccess())?.slice(0, 10) ?? live?.manifest.dataAsOf ?? new Date(this.env.now().getTime() - 30 * 864e5).toISOString().slice(0, 10);
      return syncFromUsaspending({
        ...this.env,
        since,
        loadLive: () => loadLiveIndex(this.db),
        install,
        client: {
          ...(overrides.usaspendingBase ? { baseUrl: overrides.usaspendingBase } : {}),
          ...(overrides.timeoutMs ? { timeoutMs: overrides.timeoutMs, baseDelayMs: 200 } : {}),
        },
      });
    });
    this.lastRun = status;
    return status;
  }

  onAlarm(name: string): void {
    if (name === SYNC_ALARM) void this.runSync();
  }
}

/** The options page's handlers. */
export function createPageHandlers(sync: SyncService) {
  return {
    syncStatus: () => sync.status(),
    async syncNow() {
      await sync.runSync();
      return sync.status();
    },
    getSettings: () => sync.settings(),
    setSettings: (patch) => sync.setSettings(patch),
  } satisfies PageOnly;
}
