// "Cite the record": the primary record behind the popover in APA, MLA or
// Chicago, or as CSL-JSON, with today's date as the access date. Copying
// first checks that the page has not tampered with our UI.
import { useRef, useState } from 'preact/hooks';
import type { IndexRecord } from '../../../src/model/types.ts';
import { citeRecord, cslJson } from '../../../src/cite/index.ts';
import type { CitationStyle } from '../../settings.ts';
import { useI18n } from '../i18n.ts';
import { tamperReason } from '../shared/tamper.ts';

const STYLE_LABEL: Record<CitationStyle, string> = { apa: 'APA', mla: 'MLA', chicago: 'Chicago', csl: 'CSL-JSON' };

/** Today in the reader's time zone, YYYY-MM-DD. */
export function today(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export function citationText(record: IndexRecord, style: CitationStyle, accessDate: string, lang: 'en' | 'de'): string {
  return style === 'csl' ? JSON.stringify([cslJson(record, accessDate)], null, 2) : citeRecord(record, style, accessDate, lang);
}

export function Citation({ record, defaultStyle }: { record: IndexRecord; defaultStyle: CitationStyle }) {
  const { t, lang } = useI18n();
  const [style, setStyle] = useState<CitationStyle | null>(null);
  const [status, setStatus] = useState('');
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const chosen = style ?? defaultStyle;
  const text = open ? citationText(record, chosen, today(), lang) : '';
  const copy = async () => {
    const el = button.current;
    const bad = el ? tamperReason(el) : 'no control';
    if (bad) {
      setStatus(t('citeTampered', bad));
      return;
    }
    try {
      await navigator.clipboard.writeText(text);
      setStatus(t('citeCopied'));
    } catch {
      setStatus(t('citeRefused'));
    }
  };
  return (
    // Rendered only while open: nothing is computed until the reader asks, and
    // the closed popover carries no form controls (Firefox's find-in-page
    // stops at them in a shadow root).
    <details class="cite" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{t('citeTitle')}</summary>
      {open ? (
        <>
          <fieldset class="cite-style">
            <legend>{t('citeStyle')}</legend>
            {(Object.keys(STYLE_LABEL) as CitationStyle[]).map((s) => (
              <label key={s}>
                <input
                  type="radio"
                  name="receipts-cite-style"
                  value={s}
                  checked={chosen === s}
                  onChange={() => {
                    setStyle(s);
                    setStatus('');
                  }}
                />{' '}
                {STYLE_LABEL[s]}
              </label>
            ))}
          </fieldset>
          {chosen === 'csl' ? <pre class="cite-text" data-field="citation">{text}</pre> : <p class="cite-text" data-field="citation">{text}</p>}
          <button type="button" ref={button} class="cite-copy" onClick={() => void copy()}>
            {t('citeCopy')}
          </button>
          <p class="cite-status" role="status" data-field="cite-status">
            {status}
          </p>
        </>
      ) : null}
    </details>
  );
}
