// Findings inside editors (issue 5): a `contenteditable` editor gets CSS
// Custom Highlight ranges, which style text without changing one node of
// what the editor holds; a <textarea> cannot carry ranges, so its findings
// are listed in a small note in our own closed shadow root beside it. Nothing
// here ever writes to an editor: no value, no node, no selection.
// The page reader skips editors (read-page.ts), so this is the only place
// their text is read; it runs only while the reader has Receipts switched on.
import { call } from '../messaging.ts';
import type { Mention } from '../../src/report/types.ts';
import { getUserSettings, watchUserSettings } from '../settings.ts';
import { getI18n } from '../ui/i18n.ts';
import { KIND_KEY } from '../ui/shared/kinds.ts';
import { rangeMaker, readPage } from './read-page.ts';

export const HL_EDITOR = 'receipts-editor';
const SCAN_DELAY_MS = 400;
const NOTE_CSS = `:host{all:initial}
.note{position:fixed;z-index:2147483646;max-width:28rem;font:13px/1.4 system-ui,sans-serif;color:#1b1b1b;background:#fffbea;
border:1px solid #c9a400;border-radius:6px;padding:4px 8px;box-shadow:0 2px 6px rgba(0,0,0,.2)}
.note[hidden]{display:none}`;


type Editor = HTMLTextAreaElement | HTMLElement;

/** The editor an event target belongs to: a textarea, or the outermost contenteditable host. */
export function editorOf(target: EventTarget | null): Editor | null {
  if (!(target instanceof Element)) return null;
  if (target instanceof HTMLTextAreaElement) return target;
  let host: HTMLElement | null = null;
  for (let el: Element | null = target; el; el = el.parentElement) {
    const v = el.getAttribute('contenteditable')?.toLowerCase();
    if (v === '' || v === 'true' || v === 'plaintext-only') host = el as HTMLElement;
    else if (v === 'false') break;
  }
  return host;
}

export interface EditorDeps {
  analyse(text: string): Promise<{ mentions: Mention[] }>;
  report(err: unknown): void;
}

export class EditorWatch {
  private readonly ranges = new Map<Element, Range[]>();
  private readonly timers = new Map<Element, ReturnType<typeof setTimeout>>();
  private readonly seq = new Map<Element, number>();
  private controller: AbortController | null = null;
  private host: HTMLElement | null = null;
  private note: HTMLElement | null = null;

  constructor(private readonly deps: EditorDeps) {}

  get running(): boolean {
    return this.controller !== null;
  }

  start(): void {
    if (this.controller) return;
    this.controller = new AbortController();
    const { signal } = this.controller;
    const schedule = (e: Event) => {
      const ed = editorOf(e.target);
      if (ed) this.schedule(ed);
    };
    document.addEventListener('focusin', schedule, { capture: true, signal });
    document.addEventListener('input', schedule, { capture: true, signal });
    document.addEventListener('focusout', (e) => {
      if (!editorOf((e as FocusEvent).relatedTarget)) this.hideNote();
    }, { capture: true, signal });
    const active = editorOf(document.activeElement);
    if (active) this.schedule(active);
    // Contenteditable editors show their findings without focus too.
    for (const el of document.querySelectorAll('[contenteditable]')) {
      const ed = editorOf(el);
      if (ed && ed === el && !(ed instanceof HTMLTextAreaElement)) this.schedule(ed);
    }
  }

  stop(): void {
    this.controller?.abort();
    this.controller = null;
    this.timers.forEach((t) => clearTimeout(t));
    this.timers.clear();
    this.ranges.clear();
    this.paint();
    this.host?.remove();
    this.host = null;
    this.note = null;
  }

  private schedule(ed: Editor) {
    clearTimeout(this.timers.get(ed));
    this.timers.set(ed, setTimeout(() => {
      this.timers.delete(ed);
      void this.scan(ed).catch((err) => this.deps.report(err));
    }, SCAN_DELAY_MS));
  }

  /** Reads the editor (never writes), asks for mentions, and shows them. */
  async scan(ed: Editor): Promise<void> {
    if (!this.controller || !ed.isConnected) return;
    const mine = (this.seq.get(ed) ?? 0) + 1;
    this.seq.set(ed, mine);
    if (ed instanceof HTMLTextAreaElement) {
      const text = ed.value;
      const { mentions } = text.trim() ? await this.deps.analyse(text) : { mentions: [] };
      if (this.seq.get(ed) !== mine || !this.controller) return;
      if (document.activeElement === ed) this.showNote(ed, mentions.filter((m) => m.id));
      return;
    }
    const page = readPage(ed);
    const { mentions } = page.text.trim() ? await this.deps.analyse(page.text) : { mentions: [] };
    if (this.seq.get(ed) !== mine || !this.controller) return;
    const ranges: Range[] = [];
    const rangeFor = rangeMaker(page);
    for (const m of mentions) {
      if (!m.id) continue;
      const r = rangeFor(m.start, m.end);
      if (r) ranges.push(r);
    }
    this.ranges.set(ed, ranges);
    this.paint();
  }

  /** All editors' ranges as one highlight; editors that left the page drop out. */
  private paint() {
    const api = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS?.highlights;
    if (!api || typeof Highlight !== 'function') return;
    for (const el of [...this.ranges.keys()]) if (!el.isConnected) this.ranges.delete(el);
    const all = [...this.ranges.values()].flat();
    if (all.length === 0) {
      api.delete(HL_EDITOR);
      return;
    }
    api.set(HL_EDITOR, new Highlight(...all));
  }

  private ensureNote(): HTMLElement {
    if (this.note && this.host?.isConnected) return this.note;
    // A note left by an earlier instance of this script (an extension reload) goes first.
    for (const old of document.querySelectorAll('receipts-editor-ui')) old.remove();
    this.host = document.createElement('receipts-editor-ui');
    this.host.setAttribute('style', 'all: initial !important; position: static !important; display: block !important;');
    const shadow = this.host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = NOTE_CSS;
    this.note = document.createElement('div');
    this.note.className = 'note';
    this.note.setAttribute('role', 'status');
    this.note.hidden = true;
    shadow.append(style, this.note);
    // On <html>, outside <body>, like our popover host: the article's DOM is untouched.
    document.documentElement.append(this.host);
    return this.note;
  }

  private showNote(ta: HTMLTextAreaElement, mentions: Mention[]) {
    const note = this.ensureNote();
    const { t } = getI18n();
    const seen = new Set<string>();
    const items: string[] = [];
    for (const m of mentions) {
      if (seen.has(m.id!)) continue;
      seen.add(m.id!);
      items.push(`${m.text} (${t(KIND_KEY[m.kind] ?? 'kindAmount')})`);
    }
    note.textContent = items.length ? t('panelEditorFindings', items.join(' · ')) : t('panelEditorNone');
    note.dataset.count = String(items.length);
    const b = ta.getBoundingClientRect();
    note.style.left = `${Math.max(0, Math.round(b.left))}px`;
    note.style.top = `${Math.round(Math.min(b.bottom + 4, innerHeight - 40))}px`;
    note.hidden = false;
  }

  private hideNote() {
    if (this.note) this.note.hidden = true;
  }

  /** For our own readers and observers: true if `node` is part of the editor note. */
  owns(node: Node | null): boolean {
    return !!this.host && !!node && (node === this.host || this.host.contains(node));
  }
}

/** Starts watching editors while Receipts is switched on; stops for good when `signal` aborts. */
export function watchEditors(signal: AbortSignal, report: (err: unknown) => void): EditorWatch {
  const watch = new EditorWatch({ analyse: (text) => call('annotate', { text }), report });
  const apply = (enabled: boolean) => (enabled && !signal.aborted ? watch.start() : watch.stop());
  getUserSettings().then((s) => apply(s.enabled), report);
  let unwatch: (() => void) | undefined;
  try {
    unwatch = watchUserSettings((s) => apply(s.enabled));
  } catch (err) {
    report(err);
  }
  signal.addEventListener('abort', () => {
    watch.stop();
    try {
      unwatch?.();
    } catch {
      // the extension context is already gone
    }
  });
  return watch;
}
