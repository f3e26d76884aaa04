// Content script: read the page, ask the background for mentions, loaded
// language and claims, highlight them, and open the popover on hover, click
// or keyboard. Nothing here talks to the network; the background matches
// against the local index. This file wires the life cycle: the reader's
// on/off switch, the side panel's questions, and an orphaned script (the
// extension was reloaded or removed) cleaning up after itself.
import browser from 'webextension-polyfill';
import { call } from '../messaging.ts';
import { getUserSettings, watchUserSettings, type UserSettings } from '../settings.ts';
import { panelListener } from './panel-handler.ts';
import { PageSession } from './page-session.ts';
import { watchEditors } from './editable.ts';

let session: PageSession | null = null;
let settings: UserSettings | null = null;
let dead = false;
const life = new AbortController();

/** False once our extension context is gone: runtime.id is undefined, or touching it throws. */
function alive(): boolean {
  try {
    return !dead && typeof browser.runtime?.id === 'string';
  } catch {
    return false;
  }
}

function report(err: unknown) {
  // Never break the page: log quietly and leave the page as it was.
  // String(): in Firefox an error thrown through a wrapper is not an instanceof Error here.
  console.debug('[Receipts]', err instanceof Error ? err.message : String(err));
}

function startSession() {
  if (session || !settings?.enabled || !document.body || dead) return;
  session = new PageSession(settings, {
    analyse: (text, discourse) => call('annotate', discourse ? { text, discourse } : { text }),
    describe: (ids) => call('describe', { ids }),
    alive,
    orphaned: shutdown,
    report,
  });
  session.start();
}

function stopSession() {
  session?.stop();
  session = null;
}

/** The extension is gone or the page is going: remove every trace and listen to nothing more. */
function shutdown() {
  dead = true;
  stopSession();
  life.abort();
}

function onSettings(next: UserSettings) {
  settings = next;
  if (!next.enabled) stopSession();
  else if (session) session.applySettings(next);
  else startSession();
}

async function boot() {
  // A previous instance of this script (before an extension reload) may have left its UI.
  for (const host of document.querySelectorAll('receipts-ui')) host.remove();
  const unwatch = watchUserSettings(onSettings);
  life.signal.addEventListener('abort', () => {
    try {
      unwatch();
    } catch {
      // the extension context is already gone; nothing to unsubscribe from
    }
  });
  const onMessage = panelListener(
    {
      pageReport: async () => {
        if (!session) throw new Error('Receipts is switched off on this page.');
        return session.pageReport();
      },
      reveal: async ({ list, index }) => session?.reveal(list, index) ?? false,
    },
    () => (alive() ? browser.runtime.id : undefined),
  );
  browser.runtime.onMessage.addListener(onMessage);
  watchEditors(life.signal, report); // editors: highlights and notes that never change their content
  life.signal.addEventListener('abort', () => {
    try {
      browser.runtime.onMessage.removeListener(onMessage);
    } catch {
      // as above
    }
  });
  // pagehide: the page is being left (or put in the back/forward cache);
  // pageshow with `persisted` brings it back from that cache.
  window.addEventListener('pagehide', () => stopSession(), { signal: life.signal });
  window.addEventListener('pageshow', (e) => e.persisted && alive() && startSession(), { signal: life.signal });
  try {
    settings = await getUserSettings();
  } catch (err) {
    if (!alive()) return shutdown();
    report(err);
    return;
  }
  startSession();
}

if (document.body) void boot();
else document.addEventListener('DOMContentLoaded', () => void boot(), { once: true });
