// The side panel: the report of the tab it follows. By default that is the
// active tab of the panel's window (tabs.onActivated / onUpdated keep it in
// step); `?tab=<id>` pins one tab, which is how tests point it at a page.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Report } from '../../../src/report/types.ts';
import { useI18n } from '../i18n.ts';
import { ReportView, type FindingList } from './ReportView.tsx';
import { callTab, NotRunningError } from './tab-call.ts';

export type PanelState =
  | { kind: 'loading' }
  | { kind: 'no-tab' }
  | { kind: 'not-running' }
  | { kind: 'error'; message: string }
  | { kind: 'report'; report: Report };

/** Tries again while the page's content script is still reading the page. */
const NOT_READY_RETRIES = 20;
const NOT_READY_DELAY_MS = 500;
const NOT_RUNNING_RETRIES = 8;
const NOT_RUNNING_DELAY_MS = 750;

export function pinnedTab(search: string): number | null {
  const v = new URLSearchParams(search).get('tab');
  return v && /^\d{1,10}$/.test(v) ? Number(v) : null;
}

export function SidePanel({ pinned }: { pinned: number | null }) {
  const { t } = useI18n();
  const [tabId, setTabId] = useState<number | null>(pinned);
  const [state, setState] = useState<PanelState>({ kind: 'loading' });
  const [notice, setNotice] = useState('');
  const seq = useRef(0);

  const load = useCallback(async (id: number | null) => {
    const mine = ++seq.current;
    const set = (s: PanelState) => mine === seq.current && setState(s);
    if (id === null) return set({ kind: 'no-tab' });
    set({ kind: 'loading' });
    for (let attempt = 0; ; attempt++) {
      try {
        return set({ kind: 'report', report: await callTab(id, 'pageReport', {}) });
      } catch (err) {
        if (err instanceof NotRunningError) {
          set({ kind: 'not-running' });
          // The toolbar button opens this panel first and injects the content script just after:
          // look again for a few seconds, so the report appears without a manual refresh.
          if (attempt >= NOT_RUNNING_RETRIES || mine !== seq.current) return;
          await new Promise((r) => setTimeout(r, NOT_RUNNING_DELAY_MS));
          if (mine !== seq.current) return;
          continue;
        }
        const code = (err as { data?: { code?: string } }).data?.code;
        if (code === 'not-ready' && attempt < NOT_READY_RETRIES && mine === seq.current) {
          await new Promise((r) => setTimeout(r, NOT_READY_DELAY_MS));
          continue;
        }
        return set({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
      }
    }
  }, []);

  // Follow the active tab of this window unless a tab is pinned.
  useEffect(() => {
    let windowId: number | undefined;
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (pinned === null && (windowId === undefined || info.windowId === windowId)) setTabId(info.tabId);
    };
    if (pinned === null) {
      void browser.tabs.query({ active: true, currentWindow: true }).then((tabs) => {
        windowId = tabs[0]?.windowId;
        setTabId(tabs[0]?.id ?? null);
        if (!tabs[0]) void load(null);
      });
    }
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, [pinned, load]);

  useEffect(() => {
    if (tabId !== null) void load(tabId);
    const onUpdated = (id: number, change: { status?: string }) => {
      if (id === tabId && change.status === 'complete') void load(id);
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => browser.tabs.onUpdated.removeListener(onUpdated);
  }, [tabId, load]);

  const reveal = (list: FindingList, index: number) => {
    if (tabId === null) return;
    setNotice('');
    callTab(tabId, 'reveal', { list, index }).then(
      (found) => setNotice(found ? '' : t('panelGone')),
      () => setNotice(t('panelGone')),
    );
  };

  return (
    <>
      <header>
        <h1>{t('panelTitle')}</h1>
        <span class="actions">
          <a href="../review/index.html" target="_blank" rel="noopener">{t('panelReviewLink')}</a>
          <button type="button" class="refresh" onClick={() => void load(tabId)} disabled={tabId === null}>
            {t('panelRefresh')}
          </button>
        </span>
      </header>
      <p class="notice" role="status" aria-live="polite">{notice}</p>
      {state.kind === 'loading' ? <p data-state="loading">{t('panelLoading')}</p> : null}
      {state.kind === 'no-tab' ? <p data-state="no-tab">{t('panelNoTab')}</p> : null}
      {state.kind === 'not-running' ? (
        <div data-state="not-running" role="note">
          <p>{t('panelNotRunning')}</p>
          <p>{t('panelHowToRun')}</p>
        </div>
      ) : null}
      {state.kind === 'error' ? <p data-state="error" role="alert">{t('panelError', state.message)}</p> : null}
      {state.kind === 'report' ? <ReportView report={state.report} onReveal={reveal} /> : null}
    </>
  );
}
