// Reads data files row by row and feeds each accepted row to the vendor,
// agency and award accumulators at once, so nothing but the accumulated
// index is held in memory.
import { statSync } from 'node:fs';
import type { AgencyBuilder } from './agencies.ts';
import { mapAwardDetail, mapSearchResult } from './api-json.ts';
import type { AwardSink } from './awards.ts';
import type { FileSummary, ReportCollector } from './build-report.ts';
import { readCsvFile } from './csv-reader.ts';
import { maxDate } from './dates.ts';
import type { FieldIssue } from './fields.ts';
import { describeTransactionExport } from './inputs.ts';
import { detectCsvLayout, type JsonKind } from './layout-detect.ts';
import type { FileContext, NormalizedRow } from './normalized-row.ts';
import { map2018Row, type RowResult } from './rows-2018.ts';
import { makeAwardSummaryMapper } from './rows-award-summary.ts';
import type { VendorLinker } from './vendors.ts';
import { isJsonObject } from '../model/json.ts';

export class Ingest {
  readonly contexts: FileContext[] = [];

  constructor(
    private readonly vendors: VendorLinker,
    private readonly agencies: AgencyBuilder,
    private readonly awards: AwardSink,
    private readonly report: ReportCollector,
  ) {}

  private summary(file: string, layout: string): FileSummary {
    const s: FileSummary = { file, layout, rows: 0, accepted: 0, rejected: 0, ignored: 0 };
    this.report.files.push(s);
    return s;
  }

  private handle(result: RowResult, line: number, s: FileSummary): void {
    for (const i of result.issues) this.fieldIssue(s.file, line, i);
    if ('reject' in result) {
      this.report.reject(s, line, result.reject);
      return;
    }
    this.accept(result.row);
    s.accepted++;
  }

  private fieldIssue(file: string, line: number, i: FieldIssue): void {
    this.report.fieldIssue(file, line, i.column, i.reason);
  }

  private accept(row: NormalizedRow): void {
    const ctx = row.ctx;
    // A transaction export was retrieved no earlier than its newest last-modified date;
    // for other files any dated fact bounds it from below.
    ctx.newestDate = maxDate(ctx.newestDate, row.lastModified);
    if (ctx.layout !== 'transactions-2018') ctx.newestDate = maxDate(ctx.newestDate, maxDate(row.actionDate, row.signed));
    const vendorNode = this.vendors.observe(row);
    const { agencyId, subAgencyId } = this.agencies.observe(row);
    this.awards.add(row, vendorNode, agencyId, subAgencyId);
  }

  async csvFile(path: string): Promise<void> {
    let s: FileSummary | undefined;
    let map: ((fields: string[], line: number) => RowResult) | undefined;
    let skipReason: string | undefined;
    for await (const rec of readCsvFile(path)) {
      if (!s) {
        const layout = detectCsvLayout(rec.fields);
        s = this.summary(path, layout.layout);
        if (layout.layout === 'unknown') {
          skipReason = `file skipped: ${layout.reason}`;
          this.report.warnings.push(`${path}: ${skipReason}`);
        } else {
          const ctx = this.context(path, layout.layout);
          map =
            layout.layout === 'transactions-2018'
              ? (f, l) => map2018Row(f, l, ctx)
              : makeAwardSummaryMapper(layout.header, ctx);
          if (layout.hasHeader) continue;
        }
      }
      s.rows++;
      if (s.rows % 4096 === 0) this.report.sampleRss();
      if (!map) {
        this.report.reject(s, rec.line, skipReason ?? 'file skipped');
        continue;
      }
      if (rec.error) {
        this.report.reject(s, rec.line, rec.error);
        continue;
      }
      this.handle(map(rec.fields, rec.line), rec.line, s);
    }
    if (!s) this.summary(path, 'empty');
  }

  jsonFile(path: string, kind: JsonKind, data: unknown): void {
    const s = this.summary(path, kind);
    if (kind === 'api-search') {
      const ctx = this.context(path, 'api-search', data);
      const results = (data as { results: unknown[] }).results;
      results.forEach((entry, i) => {
        s.rows++;
        const r = mapSearchResult(entry, i, ctx);
        if ('ignore' in r) s.ignored++;
        else this.handle(r, i + 1, s);
      });
    } else if (kind === 'api-award') {
      const ctx = this.context(path, 'api-award', data);
      const list = Array.isArray(data) ? data : [data];
      list.forEach((entry, i) => {
        s.rows++;
        this.handle(mapAwardDetail(entry, i, ctx), i + 1, s);
      });
    } else {
      s.rows = 1;
      this.report.reject(s, 1, 'JSON file is neither a curated file nor a USAspending API response');
    }
  }

  private context(path: string, layout: FileContext['layout'], json?: unknown): FileContext {
    let ctx: FileContext;
    if (layout === 'transactions-2018') {
      ctx = { path, layout, ...describeTransactionExport(path) };
    } else {
      // Saved API responses may carry our own `retrieved` stamp; USAspending's JSON has none.
      const stamp = isJsonObject(json) ? json['retrieved'] : undefined;
      ctx = {
        path,
        layout,
        exportGroup: path,
        datasetLabel: path,
        retrieved: typeof stamp === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(stamp) ? stamp : undefined,
      };
    }
    this.contexts.push(ctx);
    return ctx;
  }

  /**
   * Fixes each file's retrieval date once all rows are read. A 2018 export was
   * retrieved no earlier than its newest last_modified_date, which is the best
   * date the export itself offers (its copies' mtimes are copy dates). Other files
   * without a stamp use `--retrieved`, else their modification time (a harvest
   * file is written when it is harvested), and the report says so.
   */
  settleRetrieved(explicit: string | undefined): void {
    const groups = new Map<string, string | undefined>();
    for (const c of this.contexts) groups.set(c.exportGroup, maxDate(groups.get(c.exportGroup), c.newestDate));
    for (const c of this.contexts) {
      if (c.retrieved) continue;
      if (c.layout === 'transactions-2018') {
        c.retrieved = groups.get(c.exportGroup);
      } else if (explicit) {
        c.retrieved = explicit;
      } else {
        c.retrieved = statSync(c.path).mtime.toISOString().slice(0, 10);
        this.report.warnings.push(`${c.path}: no retrieval date in the file; using its modification date ${c.retrieved} (pass --retrieved to set it)`);
      }
    }
  }
}
