// openPanel: Chromium's side panel or Firefox's sidebar, called synchronously
// (inside the toolbar click's gesture), and harmless where neither API exists.
// The manifest declares the panel for each browser, and sidePanel only for Chromium.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { openPanel } from '../../extension/background/panel.ts';
import { manifestFor } from '../../scripts/manifest.ts';

const g = globalThis as { chrome?: unknown; browser?: unknown };
afterEach(() => {
  delete g.chrome;
  delete g.browser;
});

describe('openPanel', () => {
  test('Chromium: sidePanel.open for the window, in the same tick', () => {
    const open = vi.fn(() => Promise.resolve());
    g.chrome = { sidePanel: { open } };
    openPanel({ id: 3, windowId: 8 });
    expect(open).toHaveBeenCalledTimes(1);
    expect(open).toHaveBeenCalledWith({ windowId: 8 });
  });

  test('Firefox: sidebarAction.open, even where a chrome global exists too', () => {
    const open = vi.fn(() => Promise.resolve());
    const chromeOpen = vi.fn(() => Promise.resolve());
    g.browser = { sidebarAction: { open } };
    g.chrome = { sidePanel: { open: chromeOpen } };
    openPanel({ windowId: 1 });
    expect(open).toHaveBeenCalledTimes(1);
    expect(chromeOpen).not.toHaveBeenCalled();
  });

  test('no API, a throwing API or a rejecting API: nothing breaks', async () => {
    expect(() => openPanel({ windowId: 1 })).not.toThrow();
    g.chrome = { sidePanel: { open: () => { throw new Error('not in a gesture'); } } };
    expect(() => openPanel({ windowId: 1 })).not.toThrow();
    const rejected = Promise.reject(new Error('no panel'));
    g.chrome = { sidePanel: { open: () => rejected } };
    expect(() => openPanel({ windowId: 1 })).not.toThrow();
    await expect(rejected.catch(() => 'handled')).resolves.toBe('handled');
  });
});

describe('manifest', () => {
  const base = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../manifest.json'), 'utf8')) as Record<string, unknown>;
  const chrome = manifestFor(base, 'chrome', '1.0.0') as { side_panel?: { default_path: string }; sidebar_action?: unknown; permissions: string[] };
  const firefox = manifestFor(base, 'firefox', '1.0.0') as { side_panel?: unknown; sidebar_action?: { default_panel: string }; permissions: string[] };

  test('Chromium gets side_panel and the sidePanel permission; Firefox gets sidebar_action and not the permission', () => {
    expect(chrome.side_panel?.default_path).toBe('extension/ui/sidepanel/index.html');
    expect(chrome.permissions).toContain('sidePanel');
    expect(chrome.sidebar_action).toBeUndefined();
    expect(firefox.sidebar_action?.default_panel).toBe('extension/ui/sidepanel/index.html');
    expect(firefox.side_panel).toBeUndefined();
    expect(firefox.permissions).not.toContain('sidePanel');
    expect(firefox.permissions.some((p) => p.includes(':'))).toBe(false);
  });

  test('a prefixed string in a list is kept, unprefixed, for its browser only', () => {
    const m = { list: ['a', 'chrome:b', 'firefox:c', 'https://x/*'] };
    expect(manifestFor(m, 'chrome', '0').list).toEqual(['a', 'b', 'https://x/*']);
    expect(manifestFor(m, 'firefox', '0').list).toEqual(['a', 'c', 'https://x/*']);
  });
});
