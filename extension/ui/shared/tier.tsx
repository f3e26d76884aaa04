// Every fact shows its tier: a government record (with the data's age), or
// what a named source reported and when. Shared by the popover, the side
// panel and the review page.
import type { Provenance, Source } from '../../../src/model/types.ts';
import { formatDate } from '../../../src/report/format.ts';
import { useI18n, type I18n } from '../i18n.ts';

export function sourceName(s: Source): string {
  if (s.title) return s.title;
  try {
    return new URL(s.url).hostname.replace(/^www\./, '');
  } catch {
    return s.url;
  }
}

export function tierText(p: Provenance, i18n: I18n): string {
  if (p.tier === 'primary') {
    return p.asOf ? i18n.t('tierPrimaryAsOf', formatDate(p.asOf, i18n.lang)) : i18n.t('tierPrimary');
  }
  const s = p.sources[0];
  if (!s) return i18n.t('tierReportedUnnamed');
  // The date a report describes (asOf) is the one a reader can check; else when we read it.
  return i18n.t('tierReported', sourceName(s), formatDate(p.asOf ?? s.retrieved, i18n.lang));
}

export function TierBadge({ provenance }: { provenance: Provenance }) {
  const i18n = useI18n();
  return (
    <span class={`tier tier-${provenance.tier}`} data-tier={provenance.tier} title={provenance.sources.map((s) => s.url).join('\n')}>
      {tierText(provenance, i18n)}
    </span>
  );
}
