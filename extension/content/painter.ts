// Puts the shown findings on screen: all at once in budgeted slices, or, for
// pages with very many findings, only those near the viewport
// (viewport-window.ts). Shared by the content script and the benchmark, so
// the benchmark measures exactly what ships.
import type { FindingLists } from './findings.ts';
import { HighlightLayer, HL_CLAIM, HL_ENTITY, HL_LOADED } from './highlight.ts';
import { isBlock } from './read-page.ts';
import { ViewportWindow, WINDOW_THRESHOLD } from './viewport-window.ts';

export function blockOf(node: Node): Node | null {
  for (let n: Node | null = node; n; n = n.parentNode) if (n.nodeType === 1 && isBlock(n as Element)) return n;
  return null;
}

export class Painter {
  private kinds: Map<Range, string> | null = null;
  private readonly window = new ViewportWindow((near) => this.showNear(near));

  constructor(readonly layer: HighlightLayer) {}

  async paint(shown: FindingLists, pause: () => Promise<void>): Promise<void> {
    this.window.stop();
    const { mentions, loaded, claims } = shown;
    if (mentions.length + loaded.length + claims.length > WINDOW_THRESHOLD) {
      const kinds = new Map<Range, string>();
      for (const f of mentions) kinds.set(f.range, HL_ENTITY);
      for (const f of loaded) kinds.set(f.range, HL_LOADED);
      for (const f of claims) kinds.set(f.range, HL_CLAIM);
      this.kinds = kinds;
      await this.window.watch([...kinds.keys()], blockOf, pause);
      return;
    }
    this.kinds = null;
    await this.layer.setSliced(HL_ENTITY, mentions.map((f) => f.range), pause);
    await this.layer.setSliced(HL_LOADED, loaded.map((f) => f.range), pause);
    await this.layer.setSliced(HL_CLAIM, claims.map((f) => f.range), pause);
  }

  /** Resolves once the findings near the viewport are registered (at once when not windowed). */
  settled(): Promise<void> {
    return this.window.settled();
  }

  stop() {
    this.window.stop();
    this.kinds = null;
  }

  /** The viewport window moved: register exactly the findings near it. */
  private showNear(near: Range[]) {
    if (!this.kinds) return;
    const by: Record<string, Range[]> = { [HL_ENTITY]: [], [HL_LOADED]: [], [HL_CLAIM]: [] };
    for (const r of near) by[this.kinds.get(r) ?? HL_ENTITY]!.push(r);
    for (const [name, list] of Object.entries(by)) this.layer.set(name, list);
  }
}
