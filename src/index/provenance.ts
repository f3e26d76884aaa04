// Source lists: deduplicated by URL and sorted, so record provenance is
// deterministic whatever order the inputs were read in.
import type { Source } from '../model/types.ts';
import { awardPageAddress } from '../links/primary-sources.ts';
import { rowSourceToSource, type FileContext, type NormalizedRow } from './normalized-row.ts';

/** Folds source lists into one, a list at a time: the same result as mergeSources over all of them, in any order. */
export class SourceMerger {
  private readonly byUrl = new Map<string, Source>();

  add(list: readonly Source[]): void {
    for (const s of list) {
      const prev = this.byUrl.get(s.url);
      // Keep the newest reading of a page; titles tie-break for determinism.
      if (!prev || s.retrieved > prev.retrieved || (s.retrieved === prev.retrieved && s.title < prev.title)) this.byUrl.set(s.url, s);
    }
  }

  result(): Source[] {
    return [...this.byUrl.values()].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  }
}

export function mergeSources(...lists: Source[][]): Source[] {
  const m = new SourceMerger();
  for (const list of lists) m.add(list);
  return m.result();
}

export function retrievedOf(ctx: FileContext): string {
  return ctx.retrieved ?? ctx.newestDate ?? '1970-01-01';
}

/** The file itself as a source (the 2018 export), if it is a public dataset. */
export function exportSources(ctx: FileContext): Source[] {
  return ctx.exportSource ? [{ ...ctx.exportSource, retrieved: retrievedOf(ctx) }] : [];
}

/** Everything a row cites: its own pages plus the dataset it came from. */
export function rowSources(row: Pick<NormalizedRow, 'ctx' | 'rowSources'>): Source[] {
  const retrieved = retrievedOf(row.ctx);
  return [...row.rowSources.map((s) => rowSourceToSource(s, retrieved)), ...exportSources(row.ctx)];
}

/** The USAspending award page, as a source read when the file naming it was retrieved. */
export function awardPageSource(generatedId: string, ctx: FileContext): Source {
  return { url: awardPageAddress(generatedId), title: `USAspending.gov award ${generatedId}`, retrieved: retrievedOf(ctx) };
}
