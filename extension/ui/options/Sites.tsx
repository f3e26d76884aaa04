// "Where Receipts runs": the bundled news sites, the sites the reader added
// (each an optional host permission plus a registered content script), and
// how to run Receipts once on any other page from the toolbar.
import { useEffect, useState } from 'preact/hooks';
import { addSite, bundledPatterns, listSites, removeSite, sitePattern } from '../../background/sites.ts';
import { useI18n } from '../i18n.ts';

const hostOf = (pattern: string) => pattern.replace(/^[a-z*]+:\/\//, '').replace(/\/\*$/, '');

export function Sites() {
  const { t } = useI18n();
  const [bundled] = useState(() => bundledPatterns().filter((p) => p.startsWith('https://')));
  const [sites, setSites] = useState<string[] | null>(null);
  const [input, setInput] = useState('');
  const [message, setMessage] = useState('');
  useEffect(() => {
    listSites().then(setSites, (e: unknown) => setMessage(String(e)));
  }, []);

  const add = (e: Event) => {
    e.preventDefault();
    const pattern = /^https:\/\//i.test(input.trim()) || !input.includes('://') ? sitePattern(input.trim()) : null;
    if (!pattern || !pattern.startsWith('https://')) {
      setMessage(t('optSiteInvalid'));
      return;
    }
    if (bundled.includes(pattern)) {
      setMessage(t('optSiteBundledAlready', hostOf(pattern)));
      return;
    }
    // No await before addSite: the permission prompt needs this click.
    addSite(pattern).then(
      async (ok) => {
        setMessage(ok ? t('optSiteAdded', hostOf(pattern)) : t('optSiteDenied', hostOf(pattern)));
        if (ok) setInput('');
        setSites(await listSites());
      },
      (err: unknown) => setMessage(err instanceof Error ? err.message : String(err)),
    );
  };
  const remove = async (pattern: string) => {
    await removeSite(pattern);
    setSites(await listSites());
    setMessage(t('optSiteRemoved', hostOf(pattern)));
  };

  return (
    <>
      <p>{t('optSitesBundled')}</p>
      <ul class="bundled" data-field="bundled-sites">
        {bundled.map((p) => (
          <li key={p}>{hostOf(p)}</li>
        ))}
      </ul>
      <h3>{t('optSitesAdded')}</h3>
      {sites && sites.length === 0 ? <p data-field="no-sites">{t('optSitesNone')}</p> : null}
      <ul data-field="added-sites">
        {(sites ?? []).map((p) => (
          <li key={p}>
            <span>{hostOf(p)}</span>{' '}
            <button type="button" onClick={() => void remove(p)} aria-label={t('optSiteRemove', hostOf(p))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form class="row" onSubmit={add}>
        <label for="site-input">{t('optSiteAddLabel')}</label>
        <input id="site-input" type="url" inputMode="url" placeholder="https://example.org" value={input} onInput={(e) => setInput(e.currentTarget.value)} />
        <button type="submit">{t('optSiteAdd')}</button>
      </form>
      <p role="status" data-field="sites-status">
        {message}
      </p>
      <p class="hint">{t('optSitesToolbar')}</p>
    </>
  );
}
