// Claim check (issue 7): the checkable statements of a text about contracts,
// each beside what the index records, with a verdict and an explanation.
// DOM-free; the background runs it on whole pages, so it is linear in the text.
import type { IndexReader } from '../query/reader.ts';
import type { Claim, Mention } from '../report/types.ts';
import { compareClaim } from './compare.ts';
import { detectClaims } from './detect.ts';
import { explain } from './explain.ts';
import { Resolver } from './resolve.ts';

export { detectClaims, amountTolerance } from './detect.ts';
export type { ClaimKind, DetectedClaim } from './detect.ts';
export { splitSentences } from './sentences.ts';
export { findPatternClaims } from './patterns.ts';

export async function checkClaims(text: string, mentions: readonly Mention[], reader: IndexReader): Promise<Claim[]> {
  const { sentences, claims } = detectClaims(text, mentions);
  if (!claims.length) return [];
  const resolver = await Resolver.load(reader, sentences, mentions);
  const names = new Map<string, string>();
  const out: Claim[] = [];
  for (const c of claims) {
    const t = await resolver.targets(c.sentence);
    const compared = compareClaim(c.kind, c.value, t);
    for (const id of t.refersTo) if (!names.has(id)) names.set(id, (await reader.get([id]))[0]?.name ?? id);
    const label = t.refersTo.map((id) => names.get(id) ?? id).join(', ');
    const sources = [...new Set(compared.facts.flatMap((f) => f.sources))];
    out.push({
      start: c.start,
      end: c.end,
      text: text.slice(c.start, c.end),
      kind: c.kind,
      value: c.value,
      refersTo: t.refersTo,
      scope: t.scope,
      verdict: compared.verdict,
      recordFacts: compared.facts,
      sources,
      explanation: explain(c.kind, c.value, t, compared, label),
    });
  }
  return out;
}
