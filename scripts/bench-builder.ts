// Memory and throughput benchmark for the streaming index builder (issue #3).
// `npm run bench:builder [-- --mb N]` generates a 50 MB baseline and an N MB
// (default 1024) 2018-layout CSV in the OS temp directory, builds each in its
// own child process (so peak RSS is per run: the kernel's VmHWM, which catches
// peaks between samples), prints rows, seconds, rows/s and peak RSS, and the
// big/small ratios. No assertions: the numbers are for a human. Generated
// files and snapshots are deleted afterwards, even on failure.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIndexToDir } from '../src/index/build.ts';
import { generateLargeCsv } from '../src/index/gen-large.ts';

interface RunResult {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssBytes: number;
  snapshotBytes: number;
}

function vmHwmBytes(): number | undefined {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

async function child(file: string, out: string): Promise<void> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  const { report, written } = await buildIndexToDir([file], out, { created: '2026-11-29', retrieved: '2026-11-29' });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss, report.peakRssBytes, vmHwmBytes() ?? 0);
  const result: RunResult = { rows: report.rowsRead, seconds, rowsPerSecond: Math.round(report.rowsRead / seconds), peakRssBytes: peak, snapshotBytes: written.bytes };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function runChild(file: string, out: string): RunResult {
  const script = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, [...process.execArgv, script, '--child', file, out], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`builder run on ${file} failed (${r.status ?? r.signal}):\n${r.stderr}`);
  const last = r.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as RunResult;
}

const mbText = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1]!, args[2]!);
  const i = args.indexOf('--mb');
  const bigMb = i >= 0 ? Number(args[i + 1]) : 1024;
  if (!Number.isFinite(bigMb) || bigMb <= 0) throw new Error('--mb needs a positive number of megabytes');
  const dir = await mkdtemp(join(tmpdir(), 'receipts-bench-'));
  try {
    const rows: { label: string; mb: number; r: RunResult }[] = [];
    for (const mb of [50, bigMb]) {
      const file = join(dir, `input-${mb}mb.csv`);
      const t0 = performance.now();
      const gen = await generateLargeCsv(file, { megabytes: mb });
      console.log(`generated ${file}: ${gen.rows} rows, ${gen.bytes} bytes in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      const out = join(dir, `out-${mb}mb`);
      const r = runChild(file, out);
      rows.push({ label: mb === 50 ? 'baseline' : 'big', mb, r });
      console.log(`built ${mb} MB: ${r.rows} rows in ${r.seconds.toFixed(1)} s, ${r.rowsPerSecond} rows/s, peak RSS ${mbText(r.peakRssBytes)}, snapshot ${mbText(r.snapshotBytes)}`);
      await rm(file, { force: true });
      await rm(out, { recursive: true, force: true });
    }
    console.log('');
    console.log('| input | rows | seconds | rows/s | peak RSS | snapshot |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const { mb, r } of rows) console.log(`| ${mb} MB | ${r.rows} | ${r.seconds.toFixed(1)} | ${r.rowsPerSecond} | ${mbText(r.peakRssBytes)} | ${mbText(r.snapshotBytes)} |`);
    const [small, big] = [rows[0]!.r, rows[1]!.r];
    console.log('');
    console.log(`peak RSS ratio (${bigMb} MB / 50 MB): ${(big.peakRssBytes / small.peakRssBytes).toFixed(2)}×`);
    console.log(`rows/s ratio (${bigMb} MB / 50 MB): ${(big.rowsPerSecond / small.rowsPerSecond).toFixed(2)}×`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
