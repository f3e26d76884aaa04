// Formatting shared by the popover, the side panel and the CLI report.
export type Lang = 'en' | 'de';

export function formatUsd(value: number, lang: Lang = 'en'): string {
  const locale = lang === 'de' ? 'de-DE' : 'en-US';
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(value);
}

/** "$150.7 million" style, for dense lists. */
export function formatUsdShort(value: number, lang: Lang = 'en'): string {
  const abs = Math.abs(value);
  const locale = lang === 'de' ? 'de-DE' : 'en-US';
  const n = (v: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(v);
  if (abs >= 1e9) return lang === 'de' ? `${n(value / 1e9)} Mrd. $` : `$${n(value / 1e9)} billion`;
  if (abs >= 1e6) return lang === 'de' ? `${n(value / 1e6)} Mio. $` : `$${n(value / 1e6)} million`;
  return formatUsd(value, lang);
}

export function formatDate(iso: string | undefined, lang: Lang = 'en'): string {
  if (!iso) return '—';
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(d);
}
