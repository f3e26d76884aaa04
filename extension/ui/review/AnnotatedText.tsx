// The draft with its findings marked. This is our own page, so plain <mark>
// elements are fine here; the text is rendered as text nodes (never as HTML),
// so a pasted draft cannot inject markup. Overlapping findings split into
// segments, each naming every finding it belongs to in data-f.
import type { Report } from '../../../src/report/types.ts';
import type { FindingList } from '../sidepanel/ReportView.tsx';

interface Span {
  start: number;
  end: number;
  list: FindingList;
  index: number;
  cls: string;
}

export interface Segment {
  start: number;
  end: number;
  spans: Span[];
}

export function spansOf(report: Report): Span[] {
  const spans: Span[] = [];
  const ok = (s: { start: unknown; end: unknown }) =>
    typeof s.start === 'number' && typeof s.end === 'number' && s.start >= 0 && s.end > s.start && s.end <= report.text.length;
  report.mentions.forEach((m, index) => ok(m) && spans.push({ start: m.start, end: m.end, list: 'mentions', index, cls: m.id ? 'entity' : 'entity unresolved' }));
  (report.loaded ?? []).forEach((l, index) => ok(l) && spans.push({ start: l.start, end: l.end, list: 'loaded', index, cls: 'loaded' }));
  (report.claims ?? []).forEach((c, index) => ok(c) && spans.push({ start: c.start, end: c.end, list: 'claims', index, cls: 'claim' }));
  return spans;
}

/** Cuts the text at every span boundary; each piece lists the spans covering it. */
export function segmentText(length: number, spans: Span[]): Segment[] {
  const cuts = new Set<number>([0, length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    out.push({ start, end, spans: spans.filter((s) => s.start <= start && end <= s.end) });
  }
  return out;
}

export function findingKey(list: FindingList, index: number): string {
  return `${list}:${index}`;
}

export function AnnotatedText({ report, label }: { report: Report; label: string }) {
  const segments = segmentText(report.text.length, spansOf(report));
  return (
    <div class="annotated" role="region" aria-label={label} tabIndex={0}>
      {segments.map((seg) => {
        const text = report.text.slice(seg.start, seg.end);
        if (seg.spans.length === 0) return text;
        const classes = [...new Set(seg.spans.flatMap((s) => s.cls.split(' ')))].join(' ');
        return (
          <mark key={seg.start} class={classes} data-f={seg.spans.map((s) => findingKey(s.list, s.index)).join(' ')}>
            {text}
          </mark>
        );
      })}
    </div>
  );
}
