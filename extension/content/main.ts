// Content script: read the page, ask the background for mentions, highlight
// them, and open the popover on hover, click or keyboard. Nothing here talks
// to the network; the background matches against the local index.
import { call } from '../messaging.ts';
import type { Mention } from '../../src/report/types.ts';
import { clearHighlights, HL_ACTIVE, HL_ENTITY, setHighlight } from './highlight.ts';
import { Overlay } from './overlay.tsx';
import { offsetOf, rangeFor, readPage, type PageText } from './read-page.ts';
import { caretAt } from './caret.ts';

const HOVER_DELAY_MS = 250;
const RESCAN_DELAY_MS = 400;

interface PageState {
  page: PageText;
  mentions: Mention[];
  ranges: Range[];
}

const controller = new AbortController();
const { signal } = controller;
let state: PageState | null = null;
let overlay: Overlay | null = null;
let scanSeq = 0;

function ensureOverlay(): Overlay {
  overlay ??= new Overlay({
    describe: (id) => call('describe', { ids: [id] }),
    anchorOf: (i, scroll) => {
      const r = state?.ranges[i];
      if (!r) return null;
      if (scroll) r.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
      return r.getBoundingClientRect();
    },
    onActive: (i) => setHighlight(HL_ACTIVE, i === null || !state?.ranges[i] ? [] : [state.ranges[i]]),
  });
  return overlay;
}

async function scan(): Promise<void> {
  const seq = ++scanSeq;
  const page = readPage(document.body, { exclude: (el) => overlay?.owns(el) ?? false });
  if (page.text.trim().length === 0) return;
  const { mentions } = await call('annotate', { text: page.text });
  if (seq !== scanSeq || signal.aborted) return; // a newer scan superseded this one
  const shown: Mention[] = [];
  const ranges: Range[] = [];
  for (const m of mentions) {
    if (!m.id) continue; // only mentions that resolve to a record are highlighted
    const r = rangeFor(page, m.start, m.end, document);
    if (!r) continue;
    shown.push(m);
    ranges.push(r);
  }
  state = { page, mentions: shown, ranges };
  setHighlight(HL_ENTITY, ranges);
  if (shown.length > 0 || overlay) ensureOverlay().setMentions(shown);
}

function mentionAtPoint(x: number, y: number): number {
  if (!state) return -1;
  const caret = caretAt(x, y);
  if (!caret) return -1;
  const offset = offsetOf(state.page, caret.node, caret.offset);
  if (offset === undefined) return -1;
  const i = state.mentions.findIndex((m) => m.start <= offset && offset < m.end);
  if (i < 0) return -1;
  // The caret snaps to the nearest character; confirm the point is on the text.
  const rects = state.ranges[i]!.getClientRects();
  for (const r of rects) if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return i;
  return -1;
}

let hoverTimer: ReturnType<typeof setTimeout> | undefined;
function onPointerMove(e: PointerEvent) {
  if (!state) return;
  clearTimeout(hoverTimer);
  if (overlay?.contains(e.target)) return; // over our popover: keep it open
  const { clientX: x, clientY: y } = e;
  hoverTimer = setTimeout(() => {
    const i = mentionAtPoint(x, y);
    if (!overlay) return;
    if (i >= 0 && (!overlay.isOpen || overlay.state.open?.index !== i)) overlay.show(i, false, true);
    // A popover opened by hover closes when the pointer has left both the
    // mention and the popover; one opened by click or keyboard stays.
    else if (i < 0 && overlay.state.open?.byHover) overlay.close();
  }, HOVER_DELAY_MS);
}

function onClick(e: MouseEvent) {
  if (!state || overlay?.contains(e.target)) return;
  const i = mentionAtPoint(e.clientX, e.clientY);
  if (i >= 0) overlay?.show(i, false);
  else if (overlay?.isOpen && !overlay.state.open?.focus) overlay.close();
}

function onKeyDown(e: KeyboardEvent) {
  if (e.key === 'Escape' && overlay?.isOpen) overlay.close();
}

let rescanTimer: ReturnType<typeof setTimeout> | undefined;
function onMutations(records: MutationRecord[]) {
  if (records.every((r) => overlay?.owns(r.target))) return;
  clearTimeout(rescanTimer);
  rescanTimer = setTimeout(() => void scan().catch(report), RESCAN_DELAY_MS);
}

function report(err: unknown) {
  // Never break the page: log quietly and leave the page as it was.
  console.debug('[Receipts]', err instanceof Error ? err.message : err);
}

function teardown() {
  controller.abort();
  clearTimeout(hoverTimer);
  clearTimeout(rescanTimer);
  clearHighlights();
  overlay?.destroy();
  overlay = null;
  state = null;
}

function start() {
  document.addEventListener('pointermove', onPointerMove, { passive: true, signal });
  document.addEventListener('click', onClick, { capture: true, signal });
  document.addEventListener('keydown', onKeyDown, { signal });
  const observer = new MutationObserver(onMutations);
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => observer.disconnect());
  window.addEventListener('pagehide', teardown, { signal });
  void scan().catch(report);
}

if (document.body) start();
else document.addEventListener('DOMContentLoaded', start, { once: true, signal });
