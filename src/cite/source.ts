// Which primary record a citation points to. DOM-free. Awards cite their
// USAspending award page (FPDS when only the PIID is known); vendors their
// SEC EDGAR filer page when the index holds a CIK; anything else the first
// source its provenance names. URLs come from the https allow-list builders.
import type { IndexRecord } from '../model/types.ts';
import { edgarFilerUrl, fpdsFeedUrl, siteOf, usaspendingAwardUrl } from '../links/primary-sources.ts';

export interface CitedSource {
  /** The organisation that publishes the record (the "author" of a dataset page). */
  author: string;
  /** Who runs the site. */
  publisher?: string;
  /** The website's name (container). */
  site: string;
  title: string;
  url?: string;
  /** ISO date the record describes or was last modified, if known. */
  issued?: string;
  /** `dataset` for a government record page, `webpage` otherwise. */
  type: 'dataset' | 'webpage';
  /** Identifier shown with the title (PIID, CIK). */
  number?: string;
}

function https(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && !u.username && !u.password ? u.href : undefined;
  } catch {
    return undefined;
  }
}

const hostOf = (url: string | undefined): string | undefined => (url ? siteOf(url) : undefined);

export function citedSource(record: IndexRecord, lang: 'en' | 'de' = 'en'): CitedSource {
  const de = lang === 'de';
  if (record.kind === 'award') {
    const usa = record.generatedId ? usaspendingAwardUrl(record.generatedId) : null;
    const fpds = !usa && record.piid && record.provenance.tier === 'primary' ? fpdsFeedUrl(record.piid) : null;
    const who = record.recipientName ?? record.name;
    const id = record.piid ?? record.generatedId ?? record.id;
    const title = de ? `Auftrag ${id} an ${who}` : `Contract award ${id} to ${who}`;
    if (usa || record.provenance.tier === 'primary') {
      return {
        author: 'USAspending.gov',
        publisher: de ? 'US-Finanzministerium' : 'U.S. Department of the Treasury',
        site: 'USAspending.gov',
        title,
        url: usa ?? fpds ?? undefined,
        issued: record.dates.lastModified ?? record.provenance.asOf,
        type: 'dataset',
        number: record.piid,
      };
    }
  }
  if (record.kind === 'vendor' && record.identifiers.cik) {
    const url = edgarFilerUrl(record.identifiers.cik);
    if (url) {
      return {
        author: de ? 'US-Börsenaufsicht SEC' : 'U.S. Securities and Exchange Commission',
        site: 'EDGAR',
        title: `${record.name} (CIK ${record.identifiers.cik.padStart(10, '0')})${de ? ': Unternehmensmeldungen' : ': company filings'}`,
        url,
        type: 'dataset',
        number: record.identifiers.cik,
      };
    }
  }
  const first = record.provenance.sources[0];
  const url = https(first?.url);
  const site = hostOf(url) ?? (de ? 'Receipts-Vertragsindex' : 'Receipts contract index');
  return {
    author: first?.title || site,
    site,
    title: first?.title && first.title !== record.name ? `${record.name}: ${first.title}` : record.name,
    url,
    issued: record.provenance.asOf,
    type: record.provenance.tier === 'primary' ? 'dataset' : 'webpage',
  };
}
