// What a build tells its operator: every rejected row (file, 1-based line,
// reason), field-level problems, counts per file, throughput and peak memory.
// Lists are capped so a badly broken 1 GB file cannot exhaust memory; the
// counts stay exact.

export interface RejectedRow {
  file: string;
  /** 1-based physical line where the row starts. */
  row: number;
  reason: string;
}

export interface FileSummary {
  file: string;
  layout: string;
  rows: number;
  accepted: number;
  rejected: number;
  /** Valid rows that are not for the index (e.g. grants in an API response); counted, not rejected. */
  ignored: number;
}

export interface BuildReport {
  files: FileSummary[];
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  rowsIgnored: number;
  rejected: RejectedRow[];
  /** Values dropped from otherwise good rows (bad dates, amounts). */
  fieldIssues: RejectedRow[];
  fieldIssueCount: number;
  /** Rejections and field issues by reason pattern, most frequent first. */
  topReasons: { reason: string; count: number }[];
  duplicateTransactions: number;
  warnings: string[];
  dictionaryIncluded: boolean;
  elapsedMs: number;
  rowsPerSecond: number;
  peakRssBytes: number;
}

const CAP = 10_000;

export class ReportCollector {
  readonly files: FileSummary[] = [];
  readonly rejected: RejectedRow[] = [];
  readonly fieldIssues: RejectedRow[] = [];
  readonly warnings: string[] = [];
  private readonly reasons = new Map<string, number>();
  rowsRejected = 0;
  fieldIssueCount = 0;
  peakRss = process.memoryUsage().rss;
  private readonly started = performance.now();
  private readonly timer: ReturnType<typeof setInterval>;

  constructor() {
    this.timer = setInterval(() => this.sampleRss(), 200);
    this.timer.unref?.();
  }

  sampleRss(): void {
    const rss = process.memoryUsage().rss;
    if (rss > this.peakRss) this.peakRss = rss;
  }

  private tally(reason: string): void {
    const pattern = reason.replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N');
    this.reasons.set(pattern, (this.reasons.get(pattern) ?? 0) + 1);
  }

  reject(summary: FileSummary, row: number, reason: string): void {
    summary.rejected++;
    this.rowsRejected++;
    this.tally(reason);
    if (this.rejected.length < CAP) this.rejected.push({ file: summary.file, row, reason });
  }

  fieldIssue(file: string, row: number, column: string, reason: string): void {
    this.fieldIssueCount++;
    this.tally(`${column}: ${reason}`);
    if (this.fieldIssues.length < CAP) this.fieldIssues.push({ file, row, reason: `${column}: ${reason}` });
  }

  finish(duplicateTransactions: number, dictionaryIncluded: boolean): BuildReport {
    clearInterval(this.timer);
    this.sampleRss();
    const elapsedMs = performance.now() - this.started;
    const sum = (f: (s: FileSummary) => number) => this.files.reduce((n, s) => n + f(s), 0);
    const rowsRead = sum((s) => s.rows);
    return {
      files: this.files,
      rowsRead,
      rowsAccepted: sum((s) => s.accepted),
      rowsRejected: this.rowsRejected,
      rowsIgnored: sum((s) => s.ignored),
      rejected: this.rejected,
      fieldIssues: this.fieldIssues,
      fieldIssueCount: this.fieldIssueCount,
      topReasons: [...this.reasons.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 10).map(([reason, count]) => ({ reason, count })),
      duplicateTransactions,
      warnings: this.warnings,
      dictionaryIncluded,
      elapsedMs,
      rowsPerSecond: elapsedMs > 0 ? Math.round(rowsRead / (elapsedMs / 1000)) : rowsRead,
      peakRssBytes: this.peakRss,
    };
  }
}
