// Export the report as Markdown, CSV, JSON or citations. Everything is made
// in the page from the report it already holds; nothing is sent anywhere.
import { useState } from 'preact/hooks';
import { toCitations, toCsv, toJson, toMarkdown, reportSource, type ExportCitationStyle } from '../../../src/report/export.ts';
import type { Report } from '../../../src/report/types.ts';
import { useI18n } from '../i18n.ts';
import { exportName, saveFile } from './download.ts';

const STYLES: ExportCitationStyle[] = ['apa', 'mla', 'chicago', 'csl-json'];

export function ExportBar({ report }: { report: Report }) {
  const { t, lang } = useI18n();
  const [style, setStyle] = useState<ExportCitationStyle>('apa');
  const name = (ext: string) => exportName(reportSource(report), report.generated, ext);
  return (
    <div class="exports" role="group" aria-label={t('panelExport')}>
      <button type="button" data-export="md" onClick={() => saveFile(name('md'), toMarkdown(report, lang), 'text/markdown')}>Markdown</button>
      <button type="button" data-export="csv" onClick={() => saveFile(name('csv'), toCsv(report), 'text/csv')}>CSV</button>
      <button type="button" data-export="json" onClick={() => saveFile(name('json'), toJson(report), 'application/json')}>JSON</button>
      <span class="cite">
        <label>
          {t('panelCiteStyle')}{' '}
          <select value={style} onChange={(e) => setStyle(e.currentTarget.value as ExportCitationStyle)}>
            {STYLES.map((s) => (
              <option key={s} value={s}>{s === 'csl-json' ? 'CSL-JSON' : s.toUpperCase()}</option>
            ))}
          </select>
        </label>
        <button
          type="button"
          data-export="citations"
          onClick={() => saveFile(name(style === 'csl-json' ? 'csl.json' : `${style}.txt`), toCitations(report, style, lang), style === 'csl-json' ? 'application/json' : 'text/plain')}
        >
          {t('panelCitations')}
        </button>
      </span>
    </div>
  );
}
