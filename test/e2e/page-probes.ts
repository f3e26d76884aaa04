// Functions that run inside the test page (main world), shared by the
// Chromium (Playwright) and Firefox (Puppeteer) drivers. They must be
// self-contained: they are serialised and evaluated in the page.

/** The texts of all ranges in our highlight `name`. */
export function highlightTextsIn(name: string): string[] {
  return [...(CSS.highlights.get(name) ?? [])].map((r) => (r as Range).toString());
}

/** True once our highlight `name` holds at least one range. */
export function hasHighlight(name: string): boolean {
  return (CSS.highlights.get(name)?.size ?? 0) > 0;
}

/** The viewport centre of the first highlighted range whose text is `text`, scrolled into view. */
export function highlightCenterOf(text: string): { x: number; y: number } {
  for (const r of CSS.highlights.get('receipts-entity') ?? []) {
    const range = r as Range;
    if (range.toString() === text) {
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const b = range.getClientRects()[0]!;
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    }
  }
  throw new Error(`no highlight for ${text}`);
}
