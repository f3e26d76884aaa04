// Links to primary sources, built only from an allow-list of https hosts.
// Ids are encoded, never concatenated raw, so an index value cannot smuggle a
// different host, a path traversal or a `javascript:` URL into a link.

export const ALLOWED_HOSTS: ReadonlySet<string> = new Set([
  'www.usaspending.gov',
  'api.usaspending.gov',
  'sam.gov',
  'www.fpds.gov',
  'www.sec.gov',
  'data.sec.gov',
]);

/** A source's site as a reader names it ("usaspending.gov"), or undefined when `url` is not a URL. */
export function siteOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** The URL if it is https on an allowed host, else null. */
export function safeUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || !ALLOWED_HOSTS.has(u.hostname) || u.username || u.password || u.port) return null;
  return u.href;
}

const ID_RE = /^[A-Za-z0-9_\-]{1,200}$/;

/**
 * The award page's address as the index builder records it in provenance,
 * for keys the builder itself derived; anything read from the index or a page
 * goes through usaspendingAwardUrl, which checks the id and the host.
 */
export function awardPageAddress(generatedId: string): string {
  return `https://www.usaspending.gov/award/${encodeURIComponent(generatedId)}/`;
}

export function usaspendingAwardUrl(generatedId: string): string | null {
  if (!ID_RE.test(generatedId)) return null;
  return safeUrl(awardPageAddress(generatedId));
}

export function fpdsFeedUrl(piid: string): string | null {
  if (!ID_RE.test(piid)) return null;
  return safeUrl(`https://www.fpds.gov/ezsearch/FEEDS/ATOM?FEEDNAME=PUBLIC&q=${encodeURIComponent(`PIID:"${piid}"`)}`);
}

export function samNoticeUrl(noticeId: string): string | null {
  if (!/^[A-Za-z0-9]{8,64}$/.test(noticeId)) return null;
  return safeUrl(`https://sam.gov/opp/${noticeId}/view`);
}

export function edgarFilerUrl(cik: string): string | null {
  if (!/^\d{1,10}$/.test(cik)) return null;
  return safeUrl(`https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=${cik.padStart(10, '0')}`);
}
