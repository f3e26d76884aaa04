// The popover: a labelled dialog in our shadow root. Focus moves in when it
// opens from the keyboard and back to where it came from when it closes.
import { useEffect, useRef } from 'preact/hooks';
import type { Mention } from '../../../src/report/types.ts';
import type { DescribeResponse } from '../../protocol.ts';
import { EntityView } from './EntityView.tsx';

const KIND_LABEL: Record<Mention['kind'], string> = {
  company: 'Company',
  agency: 'Agency',
  program: 'Program or system',
  contract_id: 'Contract ID',
  amount: 'Amount',
};

export interface PopoverProps {
  mention: Mention;
  data: DescribeResponse | null;
  error: string | null;
  position: { index: number; total: number };
  /** Entity ids mentioned on the page, to put related awards first. */
  pageIds: ReadonlySet<string>;
  /** Move focus into the dialog (keyboard opening). */
  focus: boolean;
  onClose(): void;
  onStep(delta: 1 | -1): void;
}

export function Popover({ mention, data, error, position, pageIds, focus, onClose, onStep }: PopoverProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus, mention]);
  const record = mention.id && data ? data.records[mention.id] : undefined;
  const title = record?.name ?? mention.text;
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
      data-mention-id={mention.id ?? ''}
    >
      <header class="bar">
        <span class="kind">{KIND_LABEL[mention.kind]}</span>
        <h2 id="receipts-title">{title}</h2>
        <button type="button" class="close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <div class="body">
        {error ? <p class="error" role="alert">{error}</p> : null}
        {!error && !data ? <p class="loading">Looking up the record…</p> : null}
        {data && mention.id && !record ? (
          <p class="none">The index holds no record for “{mention.text}”.</p>
        ) : null}
        {data && record ? <EntityView record={record} records={data.records} pageIds={pageIds} /> : null}
        <details class="why">
          <summary>Why this was highlighted</summary>
          <p>{mention.reason.explanation}</p>
          <p>
            Matched “{mention.reason.alias ?? mention.text}” by rule <code>{mention.reason.rule}</code>
            {mention.reason.context?.length ? `, supported by: ${mention.reason.context.join(', ')}` : ''}. Confidence{' '}
            {Math.round(mention.confidence * 100)}%.
          </p>
        </details>
        {data ? (
          <p class="age">
            Index {data.index.version}, data as of {data.index.dataAsOf ?? data.index.created}.
          </p>
        ) : null}
      </div>
      <footer class="nav">
        <button type="button" onClick={() => onStep(-1)} aria-label="Previous mention">
          ‹ Prev
        </button>
        <span aria-live="polite">
          {position.index + 1} / {position.total}
        </span>
        <button type="button" onClick={() => onStep(1)} aria-label="Next mention">
          Next ›
        </button>
      </footer>
    </div>
  );
}
