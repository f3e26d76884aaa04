// The draft review page: an editor pastes text or rich text, or drops a
// .txt, .md or .html file, and gets the same report as the side panel and
// `receipts annotate`, with the findings marked in the text. It runs against
// the local index through the background; nothing is sent anywhere.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Report } from '../../../src/report/types.ts';
import { useI18n } from '../i18n.ts';
import { ReportView, type FindingList } from '../sidepanel/ReportView.tsx';
import { AnnotatedText, findingKey } from './AnnotatedText.tsx';
import { buildReport } from './build-report.ts';
import { ACCEPTED, accepted, fileText, htmlToText } from './read-input.ts';

const DEBOUNCE_MS = 300;
const FLASH_MS = 1600;

export function Review() {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [file, setFile] = useState<string | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  // Kept as data, not text, so a language switch re-renders it in the new language.
  const [status, setStatus] = useState<{ key: 'reviewChecking' | 'reviewDone' | 'panelError' | 'reviewWrongFile'; subs: Array<string | number> } | null>(null);
  const [over, setOver] = useState(false);
  const seq = useRef(0);
  const view = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const mine = ++seq.current;
    if (text.trim() === '') {
      setReport(null);
      setStatus(null);
      return;
    }
    const timer = setTimeout(() => {
      setStatus({ key: 'reviewChecking', subs: [] });
      buildReport(text, file ? { file } : undefined).then(
        (r) => {
          if (mine !== seq.current) return;
          setReport(r);
          setStatus({ key: 'reviewDone', subs: [r.mentions.length, r.loaded.length, r.claims.length] });
        },
        (e: unknown) => mine === seq.current && setStatus({ key: 'panelError', subs: [e instanceof Error ? e.message : String(e)] }),
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, file]);

  const onPaste = (e: ClipboardEvent) => {
    const html = e.clipboardData?.getData('text/html');
    if (!html) return; // plain text: the textarea takes it as is
    e.preventDefault();
    const ta = e.currentTarget as HTMLTextAreaElement;
    const pasted = htmlToText(html);
    const next = ta.value.slice(0, ta.selectionStart) + pasted + ta.value.slice(ta.selectionEnd);
    setFile(null);
    setText(next);
  };

  const load = async (f: File | undefined) => {
    if (!f) return;
    if (!accepted(f.name)) {
      setStatus({ key: 'reviewWrongFile', subs: [f.name, ACCEPTED.join(', ')] });
      return;
    }
    setFile(f.name);
    setText(fileText(f.name, await f.text()));
  };

  const reveal = (list: FindingList, index: number) => {
    const marks = view.current?.querySelectorAll<HTMLElement>(`mark[data-f~="${findingKey(list, index)}"]`);
    const first = marks?.[0];
    if (!marks || !first) return;
    first.scrollIntoView({ block: 'center' });
    marks.forEach((m) => m.classList.add('flash'));
    setTimeout(() => marks.forEach((m) => m.classList.remove('flash')), FLASH_MS);
  };

  return (
    <>
      <h1>{t('reviewTitle')}</h1>
      <p>{t('reviewIntro')}</p>
      <div
        class={`drop${over ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void load(e.dataTransfer?.files[0]);
        }}
      >
        <label for="draft">{t('reviewLabel')}</label>
        <textarea
          id="draft"
          value={text}
          onPaste={onPaste}
          onInput={(e) => {
            setFile(null);
            setText(e.currentTarget.value);
          }}
        />
        <label>
          {t('reviewFile')} <input type="file" accept={ACCEPTED.join(',')} onChange={(e) => void load(e.currentTarget.files?.[0])} />
        </label>
      </div>
      <p role="status" aria-live="polite" data-field="review-status">{status ? t(status.key, ...status.subs) : ''}</p>
      {report ? (
        <div class="review-grid">
          <div ref={view}>
            <h2>{t('reviewText')}</h2>
            <AnnotatedText report={report} label={t('reviewText')} />
          </div>
          <div>
            <ReportView report={report} onReveal={reveal} />
          </div>
        </div>
      ) : null}
    </>
  );
}
