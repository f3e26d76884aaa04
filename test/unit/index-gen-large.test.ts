import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build.ts';
import { generateLargeCsv } from '../../src/index/gen-large.ts';

describe('large-file generator', () => {
  it('writes valid 2018-layout rows that the builder reads back in full', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'receipts-gen-'));
    try {
      const path = join(dir, 'large.csv');
      const { rows, bytes } = await generateLargeCsv(path, { megabytes: 5, awards: 300 });
      expect(bytes).toBeGreaterThanOrEqual(5_000_000);
      expect(rows).toBeGreaterThan(1000);
      const { snapshot, report } = await buildIndex([path], { created: '2026-11-29', dictionary: false });
      expect(report.rowsRead).toBe(rows);
      expect(report.rowsRejected).toBe(0);
      expect(report.fieldIssueCount).toBe(0);
      expect(snapshot.manifest.counts.byKind.award).toBe(300);
      const mods = snapshot.records.reduce((n, r) => n + (r.kind === 'award' ? r.modifications.length : 0), 0);
      expect(mods).toBe(rows);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
