// CSS Custom Highlight API: styling text ranges without touching the DOM.
// Only names starting with "receipts-" are ever set or deleted, so a page's
// own highlights survive us.
export const HL_ENTITY = 'receipts-entity';
export const HL_ACTIVE = 'receipts-entity-active';

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export function setHighlight(name: string, ranges: readonly Range[]): void {
  if (!highlightsSupported()) return;
  if (ranges.length === 0) CSS.highlights.delete(name);
  else CSS.highlights.set(name, new Highlight(...ranges));
}

export function clearHighlights(): void {
  if (!highlightsSupported()) return;
  for (const name of [...CSS.highlights.keys()]) {
    if (name.startsWith('receipts-')) CSS.highlights.delete(name);
  }
}
