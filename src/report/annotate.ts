// The one annotation pipeline. The CLI, the review page and the background
// all call this, so the extension and `receipts annotate` cannot drift apart.
import type { CompiledDictionary, DiscourseSeed } from '../match/index.ts';
import { findMentions, normalizePiid } from '../match/index.ts';
import { checkClaims } from '../claims/index.ts';
import { detectLoaded } from '../loaded/detector.ts';
import { describe } from '../query/describe.ts';
import type { IndexReader } from '../query/reader.ts';
import type { Claim, LoadedSpan, Mention, Report } from './types.ts';

export interface Engine {
  dictionary: CompiledDictionary;
  reader: IndexReader;
}

/** Mentions in `text`, with PIIDs resolved to the awards the index holds. */
export async function findPageMentions(text: string, engine: Engine, discourse?: readonly DiscourseSeed[]): Promise<Mention[]> {
  const mentions = findMentions(text, engine.dictionary, discourse ? { discourse } : {});
  for (const m of mentions) {
    if (m.kind !== 'contract_id' || m.id) continue;
    const awardId = await engine.reader.awardIdForPiid(normalizePiid(m.text));
    if (awardId) {
      m.id = awardId;
      m.confidence = Math.max(m.confidence, 0.99);
      m.reason = {
        ...m.reason,
        explanation: 'Has the shape of a federal contract number (PIID), and the index holds the award it identifies.',
      };
    }
  }
  return mentions;
}

/** Everything Receipts finds in one text: the background's `annotate` answer and the report's body. */
export interface Analysis {
  mentions: Mention[];
  /** Loaded language (issue 6). */
  loaded: LoadedSpan[];
  /** Checkable claims beside the record (issue 7). */
  claims: Claim[];
}

/** `discourse`: names confirmed elsewhere on the page, when `text` is only part of it (a rescan). */
export async function analyze(text: string, engine: Engine, discourse?: readonly DiscourseSeed[]): Promise<Analysis> {
  const mentions = await findPageMentions(text, engine, discourse);
  const loaded: LoadedSpan[] = detectLoaded(text);
  const claims: Claim[] = await checkClaims(text, mentions, engine.reader);
  return { mentions, loaded, claims };
}

export async function annotate(
  text: string,
  engine: Engine,
  source?: Report['source'],
  now: Date = new Date(),
): Promise<Report> {
  const { mentions, loaded, claims } = await analyze(text, engine);
  const ids = [...new Set(mentions.map((m) => m.id).filter((id): id is string => !!id))];
  const { records } = await describe(engine.reader, ids);
  const m = engine.reader.manifest;
  return {
    schema: 1,
    ...(source ? { source } : {}),
    generated: now.toISOString(),
    index: { version: m.version, created: m.created, ...(m.dataAsOf ? { dataAsOf: m.dataAsOf } : {}) },
    text,
    mentions,
    entities: records,
    loaded,
    claims,
  };
}
