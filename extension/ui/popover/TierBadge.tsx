// Every fact shows its tier: a government record, or what a named source reported.
import type { Provenance } from '../../../src/model/types.ts';
import { formatDate } from '../../../src/report/format.ts';

export function tierText(p: Provenance): string {
  if (p.tier === 'primary') return 'USAspending record';
  const s = p.sources[0];
  if (!s) return 'Reported (source not named)';
  let name = s.title;
  if (!name) {
    try {
      name = new URL(s.url).hostname;
    } catch {
      name = 'a named source';
    }
  }
  return `Reported by ${name}, ${formatDate(s.retrieved)}`;
}

export function TierBadge({ provenance }: { provenance: Provenance }) {
  return (
    <span class={`tier tier-${provenance.tier}`} data-tier={provenance.tier} title={provenance.sources.map((s) => s.url).join('\n')}>
      {tierText(provenance)}
    </span>
  );
}
