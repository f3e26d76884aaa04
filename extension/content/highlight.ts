// Highlighting without touching the page: the CSS Custom Highlight API.
// Only names starting with "receipts-" are ever set or deleted, so a page's
// own highlights survive us. Each document has its own highlight registry, so
// ranges in a same-origin iframe go to that frame's registry; documents and
// open shadow roots other than the top document get our ::highlight rules as
// a constructed (adopted) sheet, which leaves their DOM untouched.
//
// Only where the API is missing (older browsers, happy-dom) do we fall back
// to wrapping the text in elements (wrap-fallback.ts), and undo it exactly.
import { HIGHLIGHT_CSS } from './highlight-styles.ts';
import { WrapFallback } from './wrap-fallback.ts';

export const HL_ENTITY = 'receipts-entity';
export const HL_ACTIVE = 'receipts-entity-active';
export const HL_LOADED = 'receipts-loaded';
export const HL_CLAIM = 'receipts-claim';
export const HL_FLASH = 'receipts-flash';

type HighlightWindow = Window & typeof globalThis;

function apiOf(doc: Document): { registry: HighlightRegistry; Ctor: typeof Highlight } | null {
  // The top document through our own globals: in Firefox a content script's
  // globals are the ones that work (document.defaultView is an Xray of the page).
  if (doc === globalThis.document) {
    if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight !== 'function') return null;
    return { registry: CSS.highlights, Ctor: Highlight };
  }
  const win = doc.defaultView as HighlightWindow | null;
  const css = win?.CSS as (typeof CSS & { highlights?: HighlightRegistry }) | undefined;
  if (!win || !css?.highlights || typeof win.Highlight !== 'function') return null;
  return { registry: css.highlights, Ctor: win.Highlight };
}

export function highlightsSupported(doc: Document = document): boolean {
  return apiOf(doc) !== null;
}

export class HighlightLayer {
  /** Documents that hold each of our names, so a name can be removed everywhere. */
  private readonly holders = new Map<string, Set<Document>>();
  private readonly styled = new WeakSet<Document | ShadowRoot>();
  private readonly fallback = new WrapFallback();

  constructor(private readonly top: Document = document) {}

  /** Sets `name` to exactly `ranges`, all at once (small sets: the active mention, a flash). */
  set(name: string, ranges: readonly Range[]): void {
    const steps = this.setSteps(name, ranges);
    while (!steps.next().done);
  }

  /**
   * Sets `name` to exactly `ranges` in slices: between slices it awaits
   * `pause()`, which gives the event loop back when the frame budget is spent.
   * Each document's registration is one step.
   */
  async setSliced(name: string, ranges: readonly Range[], pause: () => Promise<void>): Promise<void> {
    const steps = this.setSteps(name, ranges);
    while (!steps.next().done) await pause();
  }

  private *setSteps(name: string, ranges: readonly Range[]): Generator<void, void, void> {
    const byDoc = new Map<Document, Range[]>();
    for (const r of ranges) {
      const doc = r.startContainer.ownerDocument;
      if (!doc) continue;
      let list = byDoc.get(doc);
      if (!list) byDoc.set(doc, (list = []));
      list.push(r);
    }
    const before = this.holders.get(name) ?? new Set<Document>();
    const after = new Set<Document>();
    for (const [doc, list] of byDoc) {
      const api = apiOf(doc);
      if (!api) {
        this.fallback.set(name, doc, list);
        after.add(doc);
        continue;
      }
      // One new Highlight with every range: Firefox's content-script wrappers do
      // not carry ranges added later to a registered Highlight, and Chromium
      // re-validates every range on any change anyway. Above a few thousand
      // ranges the painter registers only those near the viewport.
      for (const r of list) this.style(r.startContainer);
      api.registry.set(name, new api.Ctor(...list));
      yield;
      after.add(doc);
    }
    for (const doc of before) if (!after.has(doc)) this.remove(name, doc);
    if (after.size > 0) this.holders.set(name, after);
    else this.holders.delete(name);
  }

  /** Removes every highlight of ours (and only ours) from every document we touched. */
  clear(): void {
    for (const [name, docs] of this.holders) for (const doc of docs) this.remove(name, doc);
    this.holders.clear();
    this.fallback.clear();
    // The top document may hold names from an earlier instance of this script
    // (an extension reload): remove those too, never anyone else's.
    const api = apiOf(this.top);
    if (!api) return;
    // forEach, not spread or for…of: Firefox's content-script view of the
    // registry (an Xray wrapper) throws on iterators but supports forEach.
    const ours: string[] = [];
    api.registry.forEach((_h, name) => {
      if (typeof name === 'string' && name.startsWith('receipts-')) ours.push(name);
    });
    for (const name of ours) api.registry.delete(name);
  }

  private remove(name: string, doc: Document) {
    const api = apiOf(doc);
    if (api) api.registry.delete(name);
    else this.fallback.set(name, doc, []);
  }

  /** Our ::highlight rules, for a frame document or an open shadow root the manifest's CSS does not reach. */
  private style(node: Node) {
    const root = node.getRootNode() as Document | ShadowRoot;
    if (root === this.top || this.styled.has(root) || !('adoptedStyleSheets' in root)) return;
    this.styled.add(root);
    try {
      const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument!;
      const win = doc.defaultView as HighlightWindow | null;
      if (!win) return;
      // A constructed sheet must be created by the window of the document that adopts it.
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(HIGHLIGHT_CSS);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } catch {
      // A frozen or foreign sheet list: the highlight is still registered, only unstyled there.
    }
  }
}
