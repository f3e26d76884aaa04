// Our own articles (EN + DE) with labelled claims and verdicts, against a small
// in-memory index. Also checks that every fact shown beside a claim is the
// value of that field in an index record, and the wording rules.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { AwardRecord, ModificationRecord } from '../../src/model/types.ts';
import { analyze } from '../../src/report/annotate.ts';
import { CLAIMS_DIR, fixtureFiles, scoreFile, totals } from '../fixtures/claims/score.ts';
import { claimsEngine, RECORDS } from '../fixtures/claims/index.ts';

const files = fixtureFiles();

describe.each(files)('%s', (file) => {
  test('claims and verdicts as labelled', async () => {
    const s = await scoreFile(file);
    // Only the labelled miss documented in docs/claim-check.md may be absent.
    const missesAllowed = s.fn.filter((e) => e.text === 'ein Angebot gab aber nur Acme ab');
    expect(s.fp.map((c) => c.text)).toEqual([]);
    expect(s.fn).toEqual(missesAllowed);
    // Spans are labelled by hand, so a detected span need only overlap its label.
    expect(s.pairs.map(([, c]) => [c.kind, c.verdict, c.refersTo])).toEqual(s.pairs.map(([e]) => [e.kind, e.verdict, e.refersTo]));
  });

  test('every record fact is the value of that field in an index record', async () => {
    const text = readFileSync(join(CLAIMS_DIR, file), 'utf8');
    const { claims } = await analyze(text, claimsEngine());
    const awards = RECORDS.filter((r): r is AwardRecord => r.kind === 'award');
    const mods = new Map<string, ModificationRecord>(awards.flatMap((a) => a.modifications.map((m) => [m.id, m] as const)));
    for (const c of claims) {
      for (const f of c.recordFacts ?? []) {
        const a = awards.find((x) => x.id === f.recordId);
        const m = mods.get(f.recordId);
        expect(a ?? m, `${f.recordId} is in the index`).toBeTruthy();
        const rec = (m ?? a)!;
        expect(f.tier).toBe(rec.provenance.tier);
        expect(f.sources).toEqual(rec.provenance.sources.map((s) => s.url));
        for (const u of f.sources) expect(c.sources).toContain(u);
        if (a && f.field.startsWith('values.')) expect(a.values[f.field.slice(7) as 'obligated']).toBe(f.value);
        if (a && f.field.startsWith('dates.') && typeof f.value === 'string' && !f.value.includes('..')) expect(a.dates[f.field.slice(6) as 'start']).toBe(f.value);
        if (a && f.field === 'competition.offersReceived') expect(a.competition.offersReceived).toBe(f.value);
        if (m && f.field === 'modifications[].note' && typeof f.value === 'string') expect(m.note).toBe(f.value);
        if (m && f.field === 'modifications[].note' && typeof f.value === 'number') expect(m.note).toContain(`$${f.value.toLocaleString('en-US')}`);
        if (a && f.field === 'caveats') expect(a.caveats).toContain(f.value);
      }
      const words = `${c.explanation?.en} ${c.explanation?.de}`;
      expect(words).not.toMatch(/\b(?:false|wrong|falsch|unwahr)\b/i);
    }
  });
});

test('precision and recall of claim detection on the labelled set stay above the floors', async () => {
  const t = totals(await Promise.all(files.map((f) => scoreFile(f))));
  expect(t.tp + t.fn).toBeGreaterThanOrEqual(70);
  expect(t.precision).toBeGreaterThanOrEqual(0.95);
  expect(t.recall).toBeGreaterThanOrEqual(0.95);
  expect(t.verdictAccuracy).toBeGreaterThanOrEqual(0.95);
});
