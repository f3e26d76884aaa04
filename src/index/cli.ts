// `receipts index build --out <dir> [--strict] [--created YYYY-MM-DD] [--retrieved YYYY-MM-DD] <inputs…>`
// `receipts index verify <dir>`
import { buildIndexToDir } from './build.ts';
import type { BuildReport } from './build-report.ts';
import { verifySnapshot } from './snapshot.ts';

const USAGE = `usage:
  receipts index build --out <dir> [--strict] [--created YYYY-MM-DD] [--retrieved YYYY-MM-DD] <file-or-dir>…
  receipts index verify <dir>
`;

type Print = (line: string) => void;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function printReport(report: BuildReport, print: Print): void {
  for (const f of report.files) {
    print(`  ${f.file} [${f.layout}]: ${f.rows} rows, ${f.accepted} accepted, ${f.rejected} rejected${f.ignored ? `, ${f.ignored} ignored` : ''}`);
  }
  print(`rows: ${report.rowsRead} read, ${report.rowsAccepted} accepted, ${report.rowsRejected} rejected, ${report.rowsIgnored} ignored; ${report.duplicateTransactions} duplicate transactions skipped`);
  print(`field problems: ${report.fieldIssueCount} values dropped from otherwise good rows`);
  if (report.topReasons.length > 0) {
    print('top reasons:');
    for (const r of report.topReasons) print(`  ${r.count} × ${r.reason}`);
  }
  for (const r of report.rejected.slice(0, 20)) print(`  rejected ${r.file}:${r.row}: ${r.reason}`);
  if (report.rejected.length > 20) print(`  … ${report.rowsRejected - 20} more rejected rows`);
  for (const w of report.warnings.slice(0, 30)) print(`warning: ${w}`);
  if (report.warnings.length > 30) print(`… ${report.warnings.length - 30} more warnings`);
  print(`throughput: ${report.rowsPerSecond} rows/s over ${(report.elapsedMs / 1000).toFixed(2)} s; peak RSS ${mb(report.peakRssBytes)}`);
}

async function build(args: string[], print: Print): Promise<number> {
  let out: string | undefined;
  let strict = false;
  let created: string | undefined;
  let retrieved: string | undefined;
  const inputs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--out') out = args[++i];
    else if (a === '--strict') strict = true;
    else if (a === '--created') created = args[++i];
    else if (a === '--retrieved') retrieved = args[++i];
    else if (a.startsWith('--')) {
      print(`unknown option ${a}\n${USAGE}`);
      return 2;
    } else inputs.push(a);
  }
  if (!out || inputs.length === 0) {
    print(USAGE);
    return 2;
  }
  for (const [flag, v] of [['--created', created], ['--retrieved', retrieved]] as const) {
    if (v !== undefined && !ISO_DATE.test(v)) {
      print(`${flag} needs a date as YYYY-MM-DD, got "${v}"`);
      return 2;
    }
  }
  // Streaming: memory stays flat however large the input (see buildIndexToDir).
  const { manifest: m, aliasCount, report, written } = await buildIndexToDir(inputs, out, { created, retrieved });
  printReport(report, print);
  const k = m.counts.byKind;
  print(`records: ${k.vendor} vendors, ${k.agency} agencies, ${k.program} programs, ${k.award} awards; ${m.counts.byTier.primary} primary, ${m.counts.byTier.reported} reported; ${aliasCount} aliases${report.dictionaryIncluded ? ' (dictionary compiled)' : ' (no compiled dictionary)'}`);
  print(`snapshot: ${written.snapshotPath} ${written.bytes} bytes (${kb(written.bytes)}), gzipped ${written.gzipBytes} bytes (${kb(written.gzipBytes)})`);
  print(`version ${m.version}, created ${m.created}, data as of ${m.dataAsOf ?? 'unknown'}`);
  const problems = report.rowsRejected + report.fieldIssueCount;
  if (strict && problems > 0) {
    print(`--strict: ${report.rowsRejected} rejected rows and ${report.fieldIssueCount} rejected values; failing`);
    return 1;
  }
  return 0;
}

async function verify(args: string[], print: Print): Promise<number> {
  const dir = args[0];
  if (!dir || args.length !== 1) {
    print(USAGE);
    return 2;
  }
  const result = await verifySnapshot(dir);
  if (!result.ok) {
    print(`snapshot in ${dir} FAILED verification:`);
    for (const e of result.errors) print(`  ${e}`);
    return 1;
  }
  print(`snapshot in ${dir} OK: version ${result.manifest?.version}, sha256 ${result.manifest?.sha256}`);
  return 0;
}

export async function runIndexCommand(args: string[], print: Print = (l) => process.stdout.write(`${l}\n`)): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'build') return build(rest, print);
  if (sub === 'verify') return verify(rest, print);
  print(USAGE);
  return sub === '--help' || sub === '-h' ? 0 : 2;
}
