// Precision and recall of claim detection, and verdict agreement, on our
// labelled articles. Prints numbers; asserts nothing (see docs/claim-check.md).
import { fixtureFiles, scoreFile, totals } from '../test/fixtures/claims/score.ts';

const scores = await Promise.all(fixtureFiles().map((f) => scoreFile(f)));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
for (const s of scores) {
  console.log(`${s.file}: ${s.expected.length} labelled, ${s.found.length} found, ${s.tp} matched, verdicts agree ${s.verdictAgree}/${s.tp}`);
  for (const c of s.fp) console.log(`  false positive: "${c.text}" [${c.kind}] at ${c.start}`);
  for (const e of s.fn) console.log(`  missed: "${e.text}" [${e.kind}] at ${e.start}`);
}
const t = totals(scores);
console.log(`\nclaims: ${t.tp + t.fn} labelled, ${t.tp + t.fp} found; TP ${t.tp}, FP ${t.fp}, FN ${t.fn}`);
console.log(`precision ${pct(t.precision)}  recall ${pct(t.recall)}  verdict agreement ${pct(t.verdictAccuracy)} (of matched claims)`);
