// Our UI on the page: one host element with a closed shadow root holding the
// keyboard landmark and the popover. The host sits on <html>, outside <body>,
// so the article's DOM is never touched.
import { render } from 'preact';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { Claim, LoadedSpan, Mention } from '../../src/report/types.ts';
import type { DescribeResponse } from '../protocol.ts';
import { Popover } from '../ui/popover/Popover.tsx';
import { POPOVER_CSS } from '../ui/popover/styles.ts';

export interface Nearby {
  loaded: LoadedSpan[];
  claims: Claim[];
}

export interface OpenState {
  /** The mention shown, or -1 when only loaded language or a claim is under the pointer. */
  index: number;
  /** Loaded language and claims shown with it (same paragraph, or under the pointer). */
  nearby: Nearby;
  focus: boolean;
  /** Opened by hovering (closes when the pointer leaves), not by click or keyboard. */
  byHover: boolean;
  anchor: DOMRect | null;
}

export interface OverlayCallbacks {
  describe(id: string): Promise<DescribeResponse>;
  /** The on-screen rectangle of mention i (scrolling it into view if asked). */
  anchorOf(i: number, scroll: boolean): DOMRect | null;
  onActive(i: number | null): void;
  /** Loaded language and claims near mention i. */
  related(i: number): Nearby;
}

type Listener = () => void;

export class Overlay {
  readonly host: HTMLElement;
  private readonly shadow: ShadowRoot;
  private mentions: Mention[] = [];
  private open: OpenState | null = null;
  private listeners = new Set<Listener>();
  private returnFocus: HTMLElement | null = null;

  constructor(private readonly cb: OverlayCallbacks) {
    this.host = document.createElement('receipts-ui');
    this.host.setAttribute('style', 'all: initial !important; position: static !important; display: block !important;');
    this.shadow = this.host.attachShadow({ mode: 'closed' });
    adoptStyles(this.shadow, POPOVER_CSS);
    const mount = document.createElement('div');
    mount.className = 'root';
    this.shadow.append(mount);
    document.documentElement.append(this.host);
    render(<App overlay={this} />, mount);
  }

  /**
   * Puts our host back if the page removed it. Called only when we render or
   * the reader acts, never from our observer (which ignores our own host), so
   * a page that keeps removing it cannot make us loop. True if it was re-added.
   */
  reattach(): boolean {
    if (this.host.isConnected) return false;
    document.documentElement.append(this.host);
    return true;
  }

  /** True if `node` is part of our UI (so readers and observers skip it). */
  owns(node: Node | null): boolean {
    return node === this.host || (node !== null && this.host.contains(node));
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  private emit() {
    this.listeners.forEach((l) => l());
  }

  get state() {
    return { mentions: this.mentions, open: this.open };
  }

  setMentions(mentions: Mention[]) {
    // After a rescan the open mention keeps its popover if it is still on the page.
    const was = this.open && this.open.index >= 0 ? this.mentions[this.open.index] : undefined;
    this.mentions = mentions;
    if (this.open && this.open.index >= 0) {
      const at = was ? mentions.indexOf(was) : -1;
      if (at < 0) this.open = null;
      else this.open = { ...this.open, index: at };
    }
    this.emit();
  }

  show(index: number, focus: boolean, byHover = false) {
    if (index < 0 || index >= this.mentions.length) return;
    if (focus && !this.open) this.returnFocus = this.landmarkButton();
    this.open = { index, nearby: this.cb.related(index), focus, byHover, anchor: this.cb.anchorOf(index, focus) };
    this.cb.onActive(index);
    this.emit();
  }

  /** A popover for loaded language or a claim where no mention is (anchored at `anchor`). */
  showFindings(nearby: Nearby, anchor: DOMRect | null, byHover: boolean) {
    if (nearby.loaded.length === 0 && nearby.claims.length === 0) return;
    this.open = { index: -1, nearby, focus: false, byHover, anchor };
    this.cb.onActive(null);
    this.emit();
  }

  step(delta: 1 | -1) {
    if (!this.open || this.mentions.length === 0) return;
    const n = this.mentions.length;
    const from = this.open.index < 0 ? (delta > 0 ? -1 : 0) : this.open.index;
    this.show((from + delta + n) % n, true);
  }

  close() {
    const hadFocus = this.open?.focus;
    this.open = null;
    this.cb.onActive(null);
    this.emit();
    if (hadFocus) (this.returnFocus ?? this.landmarkButton())?.focus();
  }

  get isOpen(): boolean {
    return this.open !== null;
  }

  /** True if the pointer is over our popover. */
  contains(target: EventTarget | null): boolean {
    return target === this.host;
  }

  describe(id: string) {
    return this.cb.describe(id);
  }

  private landmarkButton(): HTMLElement | null {
    return this.shadow.querySelector<HTMLElement>('.landmark');
  }

  destroy() {
    render(null, this.shadow.querySelector('.root')!);
    this.host.remove();
  }
}

function adoptStyles(root: ShadowRoot, css: string) {
  // Constructed sheets are not subject to the page's style-src CSP.
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }
}

function App({ overlay }: { overlay: Overlay }) {
  const [, force] = useState(0);
  // Subscribe synchronously and catch up at once: state may have changed
  // between the first render and this effect.
  useLayoutEffect(() => {
    const off = overlay.subscribe(() => force((n) => n + 1));
    force((n) => n + 1);
    return off;
  }, [overlay]);
  const { mentions, open } = overlay.state;
  const current = open && open.index >= 0 ? mentions[open.index] : undefined;
  const [data, setData] = useState<{ id: string; value: DescribeResponse | null; error: string | null } | null>(null);

  useEffect(() => {
    const id = current?.id;
    if (!id || data?.id === id) return;
    setData({ id, value: null, error: null });
    overlay.describe(id).then(
      (value) => setData({ id, value, error: null }),
      (err: unknown) => setData({ id, value: null, error: err instanceof Error ? err.message : String(err) }),
    );
  }, [current?.id]);

  if (mentions.length === 0 && !open) return null;
  const style = open ? placement(open.anchor) : '';
  return (
    <>
      {mentions.length > 0 ? (
      <button
        type="button"
        class="landmark"
        aria-label={`Receipts: ${mentions.length} mentions with public records on this page. Press Enter to review them.`}
        onClick={() => (open ? overlay.close() : overlay.show(0, true))}
      >
        Receipts · {mentions.length}
      </button>
      ) : null}
      {open && (current || open.index < 0) ? (
        <div style={style} class="popover-wrap">
          <Popover
            mention={current}
            data={current && data?.id === current.id ? data.value : null}
            error={current && data?.id === current.id ? data.error : null}
            position={{ index: Math.max(0, open.index), total: mentions.length }}
            loaded={open.nearby.loaded}
            claims={open.nearby.claims}
            pageIds={new Set(mentions.map((m) => m.id ?? ''))}
            focus={open.focus}
            onClose={() => overlay.close()}
            onStep={(d) => overlay.step(d)}
          />
        </div>
      ) : null}
    </>
  );
}

/** Below the mention if there is room, else above; always inside the viewport. */
function placement(anchor: DOMRect | null): string {
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const width = Math.min(420, vw - 24);
  if (!anchor) return `position:fixed;right:16px;bottom:64px;`;
  const left = Math.max(12, Math.min(anchor.left, vw - width - 12));
  const below = anchor.bottom + 8;
  if (below + 260 < vh) return `position:fixed;left:${left}px;top:${below}px;`;
  return `position:fixed;left:${left}px;bottom:${Math.max(12, vh - anchor.top + 8)}px;`;
}
