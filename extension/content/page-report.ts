// Builds the page's Report (src/report/types.ts) from what the content script
// shows right now: the page text is read afresh, and every finding's live
// Range is mapped back to offsets in it, so the panel's offsets match the
// page as it is, after any late content or navigation.
import type { Report } from '../../src/report/types.ts';
import type { IndexRecord } from '../../src/model/types.ts';
import type { DescribeResponse } from '../protocol.ts';
import type { FindingLists, Found } from './findings.ts';
import { offsetOf, type PageText, type ReadOptions } from './read-page.ts';
import { Budget, readRoots, SLICE_MS } from './scanner.ts';

const MAX_IDS = 500;

function remap<T extends { start: number; end: number; text: string }>(page: PageText, list: readonly Found<T>[]): T[] {
  const out: T[] = [];
  for (const { item, range } of list) {
    const start = offsetOf(page, range.startContainer, range.startOffset);
    const end = offsetOf(page, range.endContainer, range.endOffset);
    if (start === undefined || end === undefined || end <= start) continue;
    out.push({ ...item, start, end, text: page.text.slice(start, end) });
  }
  return out;
}

export async function buildReport(
  shown: FindingLists,
  root: Node,
  read: ReadOptions,
  describe: (ids: string[]) => Promise<DescribeResponse>,
  url: string,
): Promise<Report> {
  const page = await readRoots([root], read, new Budget(SLICE_MS));
  const mentions = remap(page, shown.mentions);
  const ids = [...new Set(mentions.map((m) => m.id).filter((id): id is string => !!id))];
  const entities: Record<string, IndexRecord> = {};
  let index: Report['index'] | null = null;
  for (let i = 0; i === 0 || i < ids.length; i += MAX_IDS) {
    const res = await describe(ids.slice(i, i + MAX_IDS));
    Object.assign(entities, res.records);
    index = res.index;
  }
  return {
    schema: 1,
    source: { url },
    generated: new Date().toISOString(),
    index: index!,
    text: page.text,
    mentions,
    entities,
    loaded: remap(page, shown.loaded),
    claims: remap(page, shown.claims),
  };
}
