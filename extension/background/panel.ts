// Opens the page report beside the page: Chromium's side panel, Firefox's
// sidebar. Both APIs only open from a user gesture, so this must run
// synchronously inside the gesture's handler (action.onClicked): no await
// before the call. Feature-detected, so a browser without either API (or an
// older one) gets nothing rather than a crashed worker.

interface ChromeSidePanel {
  open(options: { windowId?: number; tabId?: number }): Promise<void>;
}
interface FirefoxSidebarAction {
  open(): Promise<void>;
}

function apis(): { sidePanel?: ChromeSidePanel; sidebarAction?: FirefoxSidebarAction } {
  const g = globalThis as {
    chrome?: { sidePanel?: ChromeSidePanel };
    browser?: { sidebarAction?: FirefoxSidebarAction };
  };
  return { sidePanel: g.chrome?.sidePanel, sidebarAction: g.browser?.sidebarAction };
}

function quiet(err: unknown): void {
  console.debug('[Receipts] could not open the panel:', err instanceof Error ? err.message : err);
}

export function openPanel(tab: { id?: number; windowId: number }): void {
  const { sidePanel, sidebarAction } = apis();
  try {
    if (sidebarAction && typeof sidebarAction.open === 'function') {
      sidebarAction.open().catch(quiet);
    } else if (sidePanel && typeof sidePanel.open === 'function') {
      sidePanel.open({ windowId: tab.windowId }).catch(quiet);
    }
  } catch (err) {
    quiet(err);
  }
}
