// The background's answers. `satisfies ContentToBackground` makes the
// protocol file the contract: a handler with the wrong shape does not compile.
import { analyze } from '../../src/report/annotate.ts';
import { describe } from '../../src/query/describe.ts';
import type { ContentToBackground, IndexStatus } from '../protocol.ts';
import type { IndexService } from './index-service.ts';

export function createHandlers(index: IndexService) {
  return {
    async status(): Promise<IndexStatus> {
      let engine;
      try {
        engine = await index.ready();
      } catch {
        return { ready: false, version: null, error: index.lastError ?? 'The index is not available.' };
      }
      // The engine's own manifest: a sync may swap the live pointer while this awaits.
      const m = engine.reader.manifest;
      return {
        ready: true,
        version: m.version,
        created: m.created,
        counts: m.counts,
        ...(m.dataAsOf ? { dataAsOf: m.dataAsOf } : {}),
      };
    },

    async annotate({ text, discourse }) {
      const engine = await index.ready();
      return { ...(await analyze(text, engine, discourse)), version: engine.reader.manifest.version };
    },

    async describe({ ids }) {
      const engine = await index.ready();
      const { records, missing } = await describe(engine.reader, ids);
      const m = engine.reader.manifest;
      return {
        records,
        missing,
        index: { version: m.version, created: m.created, ...(m.dataAsOf ? { dataAsOf: m.dataAsOf } : {}) },
      };
    },
  } satisfies ContentToBackground;
}
