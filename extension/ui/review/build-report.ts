// The review page's report, made the way `receipts annotate` makes it: the
// background's local `annotate` (the same analyze()) and `describe` for every
// mentioned id. Both are answered from the bundled index; nothing leaves the browser.
import { call } from '../../messaging.ts';
import type { IndexRecord } from '../../../src/model/types.ts';
import type { Report } from '../../../src/report/types.ts';

/** The protocol caps one describe at 500 ids. */
const DESCRIBE_CHUNK = 500;

export async function buildReport(text: string, source?: Report['source'], now = new Date()): Promise<Report> {
  const { mentions, loaded, claims } = await call('annotate', { text });
  const ids = [...new Set(mentions.map((m) => m.id).filter((id): id is string => !!id))];
  const entities: Record<string, IndexRecord> = {};
  let index: Report['index'] | undefined;
  for (let i = 0; i === 0 || i < ids.length; i += DESCRIBE_CHUNK) {
    const res = await call('describe', { ids: ids.slice(i, i + DESCRIBE_CHUNK) });
    Object.assign(entities, res.records);
    index = res.index;
  }
  return {
    schema: 1,
    ...(source ? { source } : {}),
    generated: now.toISOString(),
    index: index!,
    text,
    mentions,
    entities,
    loaded: loaded ?? [],
    claims: claims ?? [],
  };
}
