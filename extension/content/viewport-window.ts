// Highlights that follow the viewport, for pages with very many findings.
// Chromium re-validates every range of every registered Highlight when one
// changes and on rendering, so 20,000 registered ranges cost a long frame.
// Above WINDOW_THRESHOLD ranges we register only those whose paragraph is
// within a few screens of the viewport (an IntersectionObserver tells which),
// and swap them as the reader scrolls. Below it, everything is registered.
export const WINDOW_THRESHOLD = 2_000;

export class ViewportWindow {
  private io: IntersectionObserver | null = null;
  private readonly near = new Set<Element>();
  private byBlock = new Map<Element, Range[]>();
  private frame = 0;
  private waiters: (() => void)[] = [];

  constructor(private readonly onChange: (ranges: Range[]) => void) {}

  /** Watches these ranges (keyed by their paragraph), in slices; calls onChange with the ones near the viewport. */
  async watch(ranges: readonly Range[], blockOf: (n: Node) => Node | null, pause: () => Promise<void>) {
    this.stop();
    const byBlock = new Map<Element, Range[]>();
    this.byBlock = byBlock;
    const io = new IntersectionObserver((entries) => this.onEntries(entries), { rootMargin: '200% 0px 200% 0px' });
    this.io = io;
    for (let i = 0; i < ranges.length; i++) {
      const r = ranges[i]!;
      const b = blockOf(r.startContainer) ?? r.startContainer.parentElement;
      if (b && b.nodeType === 1) {
        const list = byBlock.get(b as Element);
        if (list) list.push(r);
        else {
          byBlock.set(b as Element, [r]);
          io.observe(b as Element);
        }
      }
      if (i % 200 === 199) {
        await pause();
        if (this.io !== io) return; // stopped or rewatched meanwhile
      }
    }
  }

  private onEntries(entries: IntersectionObserverEntry[]) {
    for (const e of entries) {
      if (e.isIntersecting) this.near.add(e.target);
      else this.near.delete(e.target);
    }
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const out: Range[] = [];
      for (const el of this.near) out.push(...(this.byBlock.get(el) ?? []));
      this.onChange(out);
      this.waiters.splice(0).forEach((w) => w());
    });
  }

  /** Resolves after the next time the near set is registered (immediately when nothing is watched). */
  settled(): Promise<void> {
    if (!this.io) return Promise.resolve();
    return new Promise((ok) => this.waiters.push(ok));
  }

  stop() {
    this.waiters.splice(0).forEach((w) => w());
    this.io?.disconnect();
    this.io = null;
    this.near.clear();
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }
}
