// One page's life with Receipts switched on: the first scan, rescans of the
// subtrees that changed (late content, SPA navigation), highlights, the
// overlay, and a complete cleanup in stop(). Everything it starts is tied to
// one AbortController, so stop() leaves nothing behind.
import type { Analysis } from '../../src/report/annotate.ts';
import type { DiscourseSeed } from '../../src/match/index.ts';
import type { Report } from '../../src/report/types.ts';
import type { DescribeResponse } from '../protocol.ts';
import type { UserSettings } from '../settings.ts';
import { emptyLists, Findings, type FindingLists, type ListName } from './findings.ts';
import { HighlightLayer, HL_ACTIVE, HL_FLASH, highlightsSupported } from './highlight.ts';
import { Overlay } from './overlay.tsx';
import { findingAtPoint, relatedTo, type PointHit } from './hit-test.ts';
import { buildReport } from './page-report.ts';
import type { ReadOptions } from './read-page.ts';
import { changedRoots, outermost } from './changed-roots.ts';
import { Budget, scanRoots, SLICE_MS } from './scanner.ts';
import { ScanQueue } from './scan-queue.ts';
import { visibleLists } from './visible.ts';
import { Painter } from './painter.ts';
import { DiscourseWatch, seedsOutside } from './discourse.ts';

const HOVER_DELAY_MS = 250;
const FLASH_MS = 1600;
const SUPERSEDED = new Error('superseded');

export interface SessionDeps {
  analyse(text: string, discourse?: DiscourseSeed[]): Promise<Analysis>;
  describe(ids: string[]): Promise<DescribeResponse>;
  /** False once the extension that injected us is gone (reload, update, uninstall). */
  alive(): boolean;
  /** Called when alive() turns false, to stop everything. */
  orphaned(): void;
  report(err: unknown): void;
}

export class PageSession {
  private readonly controller = new AbortController();
  private readonly layer = new HighlightLayer();
  private readonly findings = new Findings();
  private shown: FindingLists = emptyLists();
  private overlay: Overlay | null = null;
  private readonly observer: MutationObserver;
  private readonly observed = new WeakSet<Node>();
  private readonly read: ReadOptions;
  private href = location.href;
  private readonly queue: ScanQueue;
  private hoverTimer: ReturnType<typeof setTimeout> | undefined;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  private renderSeq = 0;
  private readonly discourse = new DiscourseWatch();
  private readonly painter = new Painter(this.layer);

  constructor(private settings: UserSettings, private readonly deps: SessionDeps) {
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.queue = new ScanQueue({
      run: (full, roots) => this.runJob(full, roots),
      failed: (err) => {
        if (!this.deps.alive()) this.deps.orphaned();
        else if (!this.signal.aborted) {
          this.deps.report(err);
          return true;
        }
        return false;
      },
      signal: this.signal,
    });
    this.read = {
      exclude: (el) => this.overlay?.owns(el) ?? false,
      onRoot: (root) => this.observe(root),
    };
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  start() {
    const { signal } = this;
    document.addEventListener('pointermove', (e) => this.onPointerMove(e), { passive: true, signal });
    document.addEventListener('click', (e) => this.onClick(e), { capture: true, signal });
    document.addEventListener('keydown', (e) => this.onKeyDown(e), { signal });
    // A same-origin frame that finishes loading after we read it: read it again.
    document.addEventListener('load', (e) => this.onFrameLoad(e.target), { capture: true, signal });
    this.observe(document.body);
    this.queue.request(true);
  }

  stop() {
    if (this.signal.aborted) return;
    this.controller.abort();
    this.observer.disconnect();
    this.painter.stop();
    this.queue.stop();
    clearTimeout(this.hoverTimer);
    clearTimeout(this.flashTimer);
    this.layer.clear();
    this.overlay?.destroy();
    this.overlay = null;
    this.findings.clear();
    this.shown = emptyLists();
  }

  applySettings(s: UserSettings) {
    this.settings = s;
    void this.render().catch((err: unknown) => this.signal.aborted || this.deps.report(err));
  }

  /** Resolves once no scan is queued or running. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  async pageReport(): Promise<Report> {
    await this.idle();
    return buildReport(this.shown, document.body, this.read, (ids) => this.deps.describe(ids), location.href);
  }

  reveal(list: ListName, index: number): boolean {
    const f = this.shown[list][index];
    if (!f || f.range.collapsed || !f.range.startContainer.isConnected) return false;
    f.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
    this.layer.set(HL_FLASH, [f.range]);
    clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => this.layer.set(HL_FLASH, []), FLASH_MS);
    if (list === 'mentions') this.overlay?.show(index, false);
    return true;
  }

  private observe(root: Node) {
    if (this.observed.has(root)) return;
    this.observed.add(root);
    this.observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  private async runJob(full: boolean, roots: Node[]) {
    const scanRootsOf = full ? [document.body] : outermost(roots.filter((r) => r.isConnected));
    const before = { ...this.findings.lists }; // merge() replaces the arrays: keep the old ones
    const discourse = full ? undefined : seedsOutside(before, scanRootsOf);
    const { found } = await scanRoots(scanRootsOf, {
      read: this.read,
      analyse: (t, d) => this.deps.analyse(t, d),
      ...(discourse && discourse.length > 0 ? { discourse } : {}),
      signal: this.signal,
    });
    if (this.signal.aborted) return;
    if (full) this.findings.replaceAll(found);
    else {
      this.findings.merge(scanRootsOf, found);
      // New evidence for an ambiguous name: read the whole page again with it (discourse.ts).
      if (this.discourse.newlyConfirmed(before, found)) this.queue.request(true);
    }
    await this.render();
  }

  private async render() {
    if (this.signal.aborted) return;
    this.shown = visibleLists(this.findings.lists, this.settings);
    const { mentions, loaded, claims } = this.shown;
    const budget = new Budget(SLICE_MS, this.signal);
    // A newer render (settings changed, another rescan) takes over; this one stops at its next slice.
    const seq = ++this.renderSeq;
    const pause = async () => {
      await budget.check();
      if (seq !== this.renderSeq) throw SUPERSEDED;
    };
    try {
      await this.painter.paint(this.shown, pause);
    } catch (err) {
      if (err === SUPERSEDED) return;
      throw err;
    }
    if (this.signal.aborted) return;
    // The element fallback writes to the DOM; those records are ours, not the page's.
    if (!highlightsSupported()) this.observer.takeRecords();
    if (mentions.length + loaded.length + claims.length > 0 || this.overlay) this.ensureOverlay().setMentions(mentions.map((f) => f.item));
  }

  private ensureOverlay(): Overlay {
    if (this.overlay) {
      this.overlay.reattach();
      return this.overlay;
    }
    this.overlay = new Overlay({
      describe: (id) => this.deps.describe([id]),
      anchorOf: (i, scroll) => {
        const r = this.shown.mentions[i]?.range;
        if (!r) return null;
        if (scroll) r.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
        return r.getBoundingClientRect();
      },
      onActive: (i) => {
        const r = i === null ? undefined : this.shown.mentions[i]?.range;
        this.layer.set(HL_ACTIVE, r ? [r] : []);
      },
      related: (i) => relatedTo(this.shown, i),
    });
    return this.overlay;
  }

  private open(at: PointHit | null, byHover: boolean) {
    const wasDetached = this.overlay?.reattach() ?? false;
    const overlay = this.ensureOverlay();
    if (!at) return;
    // The page removed our host (and perhaps our highlights): the reader asked, so both come back.
    if (wasDetached) void this.render().catch((err: unknown) => this.deps.report(err));
    if ('index' in at) {
      if (!byHover || !overlay.isOpen || overlay.state.open?.index !== at.index) overlay.show(at.index, false, byHover);
    } else {
      const open = overlay.state.open;
      const same = open && open.index < 0 && open.nearby.loaded[0] === at.nearby.loaded[0] && open.nearby.claims[0] === at.nearby.claims[0];
      if (!same) overlay.showFindings(at.nearby, at.anchor, byHover);
    }
  }

  private nothingShown(): boolean {
    const { mentions, loaded, claims } = this.shown;
    return mentions.length + loaded.length + claims.length === 0;
  }

  private checkAlive(): boolean {
    if (this.deps.alive()) return true;
    this.deps.orphaned();
    return false;
  }

  private onPointerMove(e: PointerEvent) {
    clearTimeout(this.hoverTimer);
    if (this.nothingShown() || this.overlay?.contains(e.target)) return; // over our popover: keep it open
    const { clientX: x, clientY: y } = e;
    this.hoverTimer = setTimeout(() => {
      if (!this.checkAlive()) return;
      const at = findingAtPoint(this.shown, x, y);
      if (at) this.open(at, true);
      // A popover opened by hover closes when the pointer has left both the
      // finding and the popover; one opened by click or keyboard stays.
      else if (this.overlay?.state.open?.byHover) this.overlay.close();
    }, HOVER_DELAY_MS);
  }

  private onClick(e: MouseEvent) {
    if (!this.checkAlive()) return;
    if (this.nothingShown() || this.overlay?.contains(e.target)) return;
    const at = findingAtPoint(this.shown, e.clientX, e.clientY);
    if (at) this.open(at, false);
    else if (this.overlay?.isOpen && !this.overlay.state.open?.focus) this.overlay.close();
  }

  private onKeyDown(e: KeyboardEvent) {
    if (!this.checkAlive()) return;
    if (e.key === 'Escape' && this.overlay?.isOpen) this.overlay.close();
  }

  private onFrameLoad(target: EventTarget | null) {
    if (target instanceof HTMLIFrameElement && target.isConnected) this.queue.schedule([target]);
  }

  private onMutations(records: MutationRecord[]) {
    if (!this.checkAlive()) return;
    const roots = changedRoots(records, (n) => this.overlay?.owns(n) ?? false);
    if (roots.length === 0 && !records.some((r) => r.removedNodes.length > 0)) return;
    if (location.href !== this.href) {
      // SPA navigation: the old story's findings go, the popover closes, all is read afresh.
      this.href = location.href;
      this.overlay?.close();
      this.queue.dropRoots();
      this.queue.schedule([], true);
      return;
    }
    this.queue.schedule(roots);
  }
}
