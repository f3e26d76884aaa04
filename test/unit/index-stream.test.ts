import { readdirSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwardRecord } from '../../src/model/types.ts';
import { buildIndex, buildIndexToDir, type StreamBuildOptions } from '../../src/index/build.ts';
import { runIndexCommand } from '../../src/index/cli.ts';
import { generateLargeCsv } from '../../src/index/gen-large.ts';
import { writeSnapshot } from '../../src/index/snapshot.ts';
import { RowSpill } from '../../src/index/spill.ts';

const FX = join(import.meta.dirname, '../fixtures/index');
const EXPORT = join(FX, 'ice-fy13-fy18');
const RECENT = join(FX, 'recent-awards-sample.csv');
const CURATED = join(FX, 'curated');
const OPTS = { created: '2026-11-29', retrieved: '2026-11-20', dictionary: false } as const;

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'receipts-stream-test-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

let n = 0;
async function fresh(name: string): Promise<string> {
  return mkdtemp(join(work, `${name}-${n++}-`));
}

/** Builds both ways; returns the two snapshot.json and manifest.json contents. */
async function bothWays(inputs: string[], opts: StreamBuildOptions) {
  const memDir = await fresh('mem');
  const { snapshot, report: memReport } = await buildIndex(inputs, opts);
  await writeSnapshot(memDir, snapshot);
  const streamDir = await fresh('stream');
  const tempDir = await fresh('tmp');
  const streamed = await buildIndexToDir(inputs, streamDir, { ...opts, tempDir });
  const read = (d: string, f: string) => readFile(join(d, f));
  return {
    snapshot,
    memReport,
    streamed,
    tempLeft: await readdir(tempDir),
    mem: { snap: await read(memDir, 'snapshot.json'), man: await read(memDir, 'manifest.json') },
    stream: { snap: await read(streamDir, 'snapshot.json'), man: await read(streamDir, 'manifest.json') },
  };
}

describe('streaming build (buildIndexToDir) vs in-memory build (buildIndex)', () => {
  for (const [label, spillBufferChars] of [['all rows in one buffer', undefined], ['many spilled runs', 3000]] as const) {
    it(`writes byte-identical snapshots for the fixtures (${label})`, async () => {
      const r = await bothWays([EXPORT, RECENT, CURATED], { ...OPTS, spillBufferChars });
      expect(r.stream.snap.equals(r.mem.snap)).toBe(true);
      expect(r.stream.man.equals(r.mem.man)).toBe(true);
      expect(r.streamed.manifest).toEqual(r.snapshot.manifest);
      expect(r.streamed.aliasCount).toBe(r.snapshot.aliases.length);
      expect(r.streamed.report.rejected).toEqual(r.memReport.rejected);
      expect(r.streamed.report.warnings).toEqual(r.memReport.warnings);
      expect(r.streamed.report.duplicateTransactions).toBe(r.memReport.duplicateTransactions);
      expect(r.tempLeft).toEqual([]);
    });
  }

  it('is identical with the compiled dictionary and without --created', async () => {
    const r = await bothWays([EXPORT, RECENT, CURATED, join(FX, 'api')], { retrieved: '2026-11-20', spillBufferChars: 5000 });
    expect(r.stream.snap.equals(r.mem.snap)).toBe(true);
    expect(r.stream.man.equals(r.mem.man)).toBe(true);
  });

  it('keeps every modification, in order, on a generated 5 MB file spilled in many runs', async () => {
    const dir = await fresh('gen');
    const path = join(dir, 'large.csv');
    const { rows } = await generateLargeCsv(path, { megabytes: 5, awards: 300 });
    const r = await bothWays([path], { created: '2026-11-29', dictionary: false, spillBufferChars: 256 * 1024 });
    expect(r.stream.snap.equals(r.mem.snap)).toBe(true);
    expect(r.stream.man.equals(r.mem.man)).toBe(true);
    expect(r.streamed.report.rowsRead).toBe(rows);
    const snap = JSON.parse(r.stream.snap.toString('utf8')) as { records: AwardRecord[] };
    const awards = snap.records.filter((x) => x.kind === 'award');
    expect(awards).toHaveLength(300);
    expect(awards.reduce((s, a) => s + a.modifications.length, 0)).toBe(rows);
    for (const a of awards) {
      expect(a.transactionCount).toBe(a.modifications.length);
      expect(new Set(a.modifications.map((m) => m.id)).size).toBe(a.modifications.length);
      const dates = a.modifications.map((m) => m.date ?? '');
      expect(dates).toEqual([...dates].sort());
    }
  }, 60_000);

  for (const phase of ['ingested', 'awards-written', 'hashed'] as const) {
    it(`removes its temporary files when the build throws (${phase})`, async () => {
      const tempDir = await fresh('tmp');
      let seen: string[] = [];
      const opts: StreamBuildOptions = {
        ...OPTS,
        tempDir,
        spillBufferChars: 3000,
        onPhase: (p, dir) => {
          if (p !== phase) return;
          seen = readdirSync(dir);
          throw new Error(`boom at ${p}`);
        },
      };
      await expect(buildIndexToDir([EXPORT, RECENT, CURATED], await fresh('out'), opts)).rejects.toThrow(`boom at ${phase}`);
      expect(seen.length).toBeGreaterThan(0); // there were spill files to clean up
      expect(await readdir(tempDir)).toEqual([]);
    });
  }

  it('removes its temporary files when an input is missing', async () => {
    const tempDir = await fresh('tmp');
    await expect(buildIndexToDir([join(FX, 'no-such-file.csv')], await fresh('out'), { ...OPTS, tempDir })).rejects.toThrow();
    expect(await readdir(tempDir)).toEqual([]);
  });

  it('--strict still fails on rejected rows and passes on clean input through the streaming CLI', async () => {
    const lines: string[] = [];
    const out = await fresh('strict');
    expect(await runIndexCommand(['build', '--out', out, '--strict', '--created', '2026-11-29', EXPORT], (l) => lines.push(l))).toBe(1);
    expect(lines.join('\n')).toMatch(/--strict: 2 rejected rows and 1 rejected values; failing/);
    expect(await runIndexCommand(['build', '--out', out, '--strict', '--created', '2026-11-29', join(FX, 'api')], (l) => lines.push(l))).toBe(0);
    expect(await runIndexCommand(['verify', out], (l) => lines.push(l))).toBe(0);
  });
});

describe('RowSpill', () => {
  it('groups by key in JS string order, keeping insertion order within a key across runs', async () => {
    const dir = await fresh('spill');
    const spill = new RowSpill(dir, { bufferChars: 200 });
    const keys = ['b', 'a', 'c\u00e9', 'a', 'B', 'b', 'a\t"x"\n', 'a'];
    keys.forEach((k, i) => spill.add(k, `{"i":${i}}`));
    expect(spill.runCount).toBeGreaterThan(1);
    const groups = [...spill.groups()].map((g) => [g.key, g.payloads.map((p) => (JSON.parse(p) as { i: number }).i)]);
    expect(groups).toEqual([
      ['B', [4]],
      ['a', [1, 3, 7]],
      ['a\t"x"\n', [6]],
      ['b', [0, 5]],
      ['c\u00e9', [2]],
    ]);
  });
});
