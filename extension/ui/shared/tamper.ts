// Before the popover acts for the reader (copying a citation), it checks that
// the page has not tampered with our UI: the host is still ours, on <html>,
// its shadow root still closed, and nothing of the page's sits on top of the
// control that was used. Returns null when intact, else what is wrong.
export function tamperReason(control: Element): string | null {
  const root = control.getRootNode();
  if (typeof ShadowRoot === 'undefined' || !(root instanceof ShadowRoot)) return 'not inside the Receipts shadow root';
  if (root.mode !== 'closed') return 'shadow root is open';
  const host = root.host;
  if (!host.isConnected) return 'Receipts host removed';
  // A closed root is invisible from outside; a page that patched attachShadow would expose it.
  if (host.shadowRoot !== null) return 'shadow root exposed to the page';
  if (host.parentNode !== document.documentElement) return 'Receipts host moved';
  if (host.localName !== 'receipts-ui') return 'unexpected host element';
  const box = control.getBoundingClientRect();
  if (box.width > 0 && box.height > 0 && typeof document.elementFromPoint === 'function') {
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    // From the page's view a hit inside our shadow root is the host itself.
    if (top && top !== host) return 'covered by another element';
  }
  return null;
}
