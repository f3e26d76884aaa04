// The one message protocol between the extension's contexts. Each contract is
// an interface named by direction; the background's handler object is
// declared `satisfies` these interfaces, so a handler that drifts from the
// contract fails to compile. Every call returns a Result; errors are plain
// data so they survive structured cloning and JSON.
import type { IndexRecord, SnapshotCounts } from '../src/model/types.ts';
import type { Analysis } from '../src/report/annotate.ts';
import type { DiscourseSeed } from '../src/match/index.ts';
import type { Report } from '../src/report/types.ts';
import { isSettingsPatch, type SyncSettings } from '../src/sync/settings.ts';
import type { SyncResult } from '../src/sync/types.ts';
import { isJsonObject } from '../src/model/json.ts';

export type { SyncSettings };

export type Result<T> = { ok: true; value: T } | { ok: false; error: ProtocolErrorData };

export interface ProtocolErrorData {
  code: 'bad-request' | 'forbidden' | 'not-ready' | 'internal';
  message: string;
}

export interface IndexStatus {
  ready: boolean;
  version: string | null;
  created?: string;
  dataAsOf?: string;
  counts?: SnapshotCounts;
  /** Why the index is not usable, in words a reader can act on. */
  error?: string;
}

export interface AnnotateRequest {
  /** Page text in reading order, blocks separated by blank lines. */
  text: string;
  /** When `text` is only part of the page (a rescan): ambiguous names the rest of the page confirms. */
  discourse?: DiscourseSeed[];
}

export interface AnnotateResponse extends Analysis {
  version: string;
}

export interface DescribeRequest {
  ids: string[];
}

export interface DescribeResponse {
  /** The requested records and the records they link to (awards, vendors, agencies, programs). */
  records: Record<string, IndexRecord>;
  /** Ids asked for that the index does not hold. */
  missing: string[];
  index: { version: string; created: string; dataAsOf?: string };
}

/** What a content script may ask. */
export interface ContentToBackground {
  status(req: Record<string, never>): Promise<IndexStatus>;
  annotate(req: AnnotateRequest): Promise<AnnotateResponse>;
  describe(req: DescribeRequest): Promise<DescribeResponse>;
}

export interface SyncStatus {
  /** False until the user has entered a feed URL or chosen USAspending: no request is made. */
  configured: boolean;
  running: boolean;
  /** When the last run ended, its source and its result (reason in words for the options page). */
  last?: { at: string; startedAt: string; source: string; result: SyncResult };
  /** The last run that succeeded. */
  lastSuccess?: string;
  /** When the alarm fires next (ms since epoch), if scheduled. */
  nextRun?: number;
}

/** What only the extension's own pages (options, side panel, review) may ask; never content scripts. */
export interface PageOnly {
  syncStatus(req: Record<string, never>): Promise<SyncStatus>;
  syncNow(req: Record<string, never>): Promise<SyncStatus>;
  getSettings(req: Record<string, never>): Promise<SyncSettings>;
  setSettings(req: Partial<SyncSettings>): Promise<SyncSettings>;
}

/**
 * What the side panel asks the content script of a tab (browser.tabs.sendMessage,
 * same envelope). The content script answers only senders from our own pages.
 */
export interface PanelToContent {
  /** The page's report as the content script has it: text, mentions, entities, loaded, claims, URL. */
  pageReport(req: Record<string, never>): Promise<Report>;
  /** Scrolls to one finding and flashes it; false when it is no longer on the page. */
  reveal(req: { list: 'mentions' | 'loaded' | 'claims'; index: number }): Promise<boolean>;
}

/** What the extension's own pages may ask: everything a content script may, plus PageOnly. */
export interface PageToBackground extends ContentToBackground, PageOnly {}

export type MessageType = keyof PageToBackground;
export type RequestOf<K extends MessageType> = Parameters<PageToBackground[K]>[0];
export type ResponseOf<K extends MessageType> = Awaited<ReturnType<PageToBackground[K]>>;

/** Messages the background answers only for a sender that is one of our pages. */
export const PAGE_ONLY_TYPES: ReadonlySet<string> = new Set<keyof PageOnly>(['syncStatus', 'syncNow', 'getSettings', 'setSettings']);

export interface Envelope<K extends MessageType = MessageType> {
  receipts: 1;
  type: K;
  payload: RequestOf<K>;
}

const MAX_TEXT = 8_000_000;
const MAX_IDS = 500;
const MAX_SEEDS = 500;

const isShortString = (v: unknown, max = 300): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;

function isSeeds(v: unknown): v is DiscourseSeed[] {
  return (
    Array.isArray(v) &&
    v.length <= MAX_SEEDS &&
    [...v].every(
      (s) => isJsonObject(s) && isShortString(s.id) && isShortString(s.alias) && Array.isArray(s.context) && s.context.length <= 10 && [...s.context].every((w) => isShortString(w)),
    )
  );
}

/** Shape checks for every request, run by the background before any handler. */
export const validators: { [K in MessageType]: (p: unknown) => p is RequestOf<K> } = {
  status: (p): p is Record<string, never> => isJsonObject(p),
  annotate: (p): p is AnnotateRequest =>
    isJsonObject(p) && typeof p.text === 'string' && p.text.length <= MAX_TEXT && (p.discourse === undefined || isSeeds(p.discourse)),
  describe: (p): p is DescribeRequest =>
    isJsonObject(p) &&
    Array.isArray(p.ids) &&
    p.ids.length <= MAX_IDS &&
    // Spread first: `every` skips the holes of a sparse array, structured clone keeps them.
    [...p.ids].every((id) => isShortString(id, 299)),
  syncStatus: (p): p is Record<string, never> => isJsonObject(p),
  syncNow: (p): p is Record<string, never> => isJsonObject(p),
  getSettings: (p): p is Record<string, never> => isJsonObject(p),
  setSettings: (p): p is Partial<SyncSettings> => isSettingsPatch(p),
};

export function isEnvelope(m: unknown): m is Envelope {
  return (
    isJsonObject(m) &&
    m.receipts === 1 &&
    typeof m.type === 'string' &&
    Object.prototype.hasOwnProperty.call(validators, m.type)
  );
}

export class ProtocolError extends Error {
  constructor(readonly data: ProtocolErrorData) {
    super(data.message);
    this.name = 'ProtocolError';
  }
}
