// The popover: a labelled dialog in our shadow root. Focus moves in when it
// opens from the keyboard and back to where it came from when it closes.
// It shows the record behind a mention, and the loaded language and claims
// at the same place, each with its tier, source and the reason it was marked.
import { useEffect, useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { Claim, LoadedSpan, Mention } from '../../../src/report/types.ts';
import { formatDate } from '../../../src/report/format.ts';
import type { DescribeResponse } from '../../protocol.ts';
import { useI18n } from '../i18n.ts';
import { KIND_KEY } from '../shared/kinds.ts';
import { usePrefs } from '../shared/prefs.ts';
import { Citation } from './Citation.tsx';
import { EntityView } from './EntityView.tsx';
import { Findings } from './Findings.tsx';

export { KIND_KEY };

export interface PopoverProps {
  /** The entity mention under the pointer; absent when only loaded language or a claim is there. */
  mention?: Mention;
  data: DescribeResponse | null;
  error: string | null;
  position: { index: number; total: number };
  /** Entity ids mentioned on the page, to put related awards first. */
  pageIds: ReadonlySet<string>;
  /** Move focus into the dialog (keyboard opening). */
  focus: boolean;
  onClose(): void;
  onStep(delta: 1 | -1): void;
  /** Loaded-language spans at the same place. */
  loaded?: LoadedSpan[];
  /** Claims at the same place, beside what the record says. */
  claims?: Claim[];
}

const MARGIN = 12;
const MAX_HEIGHT = 560;

function fitViewport(el: HTMLElement | null): void {
  if (!el || typeof window === 'undefined') return;
  const r = el.getBoundingClientRect();
  // Anchored by its bottom edge (opened above the mention) it grows upwards, else downwards;
  // either way the anchored edge does not move with the height, so no reset is needed first.
  const up = !!el.parentElement?.style.bottom;
  const room = up ? r.bottom - MARGIN : window.innerHeight - r.top - MARGIN;
  const value = `${Math.max(120, Math.min(MAX_HEIGHT, Math.floor(room)))}px`;
  // Written only on change: a style write on every render would re-layout the page each time.
  if (el.style.maxHeight !== value) el.style.maxHeight = value;
}

function WhyHighlighted({ mention }: { mention: Mention }) {
  const { t } = useI18n();
  const context = mention.reason.context ?? [];
  return (
    <details class="why">
      <summary>{t('popWhyTitle')}</summary>
      <p>{mention.reason.explanation}</p>
      <p data-field="why">
        {t('popWhyMatched', mention.reason.alias ?? mention.text, mention.reason.rule)}{' '}
        {context.length > 0 ? `${t('popWhyContext', context.join(', '))} ` : ''}
        {t('popWhyConfidence', Math.round(mention.confidence * 100))}
      </p>
    </details>
  );
}

export function Popover({ mention, data, error, position, pageIds, focus, onClose, onStep, loaded, claims }: PopoverProps) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const prefs = usePrefs();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus, mention]);
  // Never past the viewport's edge, wherever the overlay placed us: a control
  // below the fold could be neither seen nor clicked. Measured after every
  // render, since the content (and so the height) changes as the record loads.
  useLayoutEffect(() => fitViewport(ref.current));
  useEffect(() => {
    const onResize = () => fitViewport(ref.current);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  // Structured cloning gives the records map Object.prototype back: an id such
  // as "constructor" must find nothing, not Object. Own keys only, from here down.
  const records = useMemo(() => (data ? ownRecords(data.records) : undefined), [data]);
  const record = mention?.id && records ? records[mention.id] : undefined;
  const kind = mention ? t(KIND_KEY[mention.kind]) : claims?.length ? t('kindClaim') : t('kindLoaded');
  const title = record?.name ?? mention?.text ?? claims?.[0]?.text ?? loaded?.[0]?.text ?? '';
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    }
  };
  return (
    <div
      ref={ref}
      class="popover"
      role="dialog"
      aria-modal="false"
      aria-labelledby="receipts-title"
      tabIndex={-1}
      onKeyDown={onKey}
      lang={lang}
      data-mention-id={mention?.id ?? ''}
    >
      <div class="bar">
        <span class="kind">{kind}</span>
        <h2 id="receipts-title">{title}</h2>
        <button type="button" class="close" aria-label={t('popClose')} onClick={onClose}>
          ×
        </button>
      </div>
      <div class="body">
        {mention ? (
          <>
            {error ? (
              <p class="error" role="alert">
                {error}
              </p>
            ) : null}
            {mention.id && !error && !data ? <p class="loading">{t('popLoading')}</p> : null}
            {data && mention.id && !record ? <p class="none">{t('popNoRecordFor', mention.text)}</p> : null}
            {records && record ? <EntityView record={record} records={records} pageIds={pageIds} /> : null}
          </>
        ) : null}
        <Findings loaded={loaded} claims={claims} />
        {mention ? <WhyHighlighted mention={mention} /> : null}
        {record ? <Citation record={record} defaultStyle={prefs.citationStyle} /> : null}
        {data ? <p class="age">{t('popDataAge', data.index.version, formatDate(data.index.dataAsOf ?? data.index.created, lang))}</p> : null}
      </div>
      <div class="nav">
        <button type="button" onClick={() => onStep(-1)} title={t('popPrevLabel')}>
          <span aria-hidden="true">‹ </span>
          {t('popPrev')}
        </button>
        <span aria-live="polite">{t('popPosition', position.index + 1, position.total)}</span>
        <button type="button" onClick={() => onStep(1)} title={t('popNextLabel')}>
          {t('popNext')}
          <span aria-hidden="true"> ›</span>
        </button>
      </div>
    </div>
  );
}

/** A copy with no prototype, so a lookup by any id sees only the records themselves. */
export function ownRecords<T>(records: Record<string, T>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const k of Object.keys(records)) out[k] = records[k]!;
  return out;
}
