import { describe, expect, test } from 'vitest';
import { isExtensionPage } from '../../extension/background/sender.ts';
import { isEnvelope, PAGE_ONLY_TYPES, validators } from '../../extension/protocol.ts';
import { DEFAULT_SYNC_SETTINGS, isSettingsPatch, normalizeSettings, syncConfigured } from '../../src/sync/settings.ts';

describe('settings', () => {
  test('defaults make no request: enabled, feed source, but no feed URL', () => {
    expect(normalizeSettings(undefined)).toEqual({ enabled: true, source: 'feed', feedUrl: '', intervalHours: 24 });
    expect(syncConfigured(DEFAULT_SYNC_SETTINGS)).toBe(false);
  });
  test('a feed URL or the USAspending source configures sync; disabled never does', () => {
    expect(syncConfigured({ ...DEFAULT_SYNC_SETTINGS, feedUrl: 'https://feed.example.org/m.json' })).toBe(true);
    expect(syncConfigured({ ...DEFAULT_SYNC_SETTINGS, source: 'usaspending' })).toBe(true);
    expect(syncConfigured({ ...DEFAULT_SYNC_SETTINGS, source: 'usaspending', enabled: false })).toBe(false);
  });
  test.each<[unknown, boolean]>([
    [{}, true],
    [{ feedUrl: 'https://x.org/m.json' }, true],
    [{ feedUrl: 'http://x.org/m.json' }, false],
    [{ feedUrl: 'http://127.0.0.1:8080/m.json' }, true],
    [{ feedUrl: 'http://localhost/m.json' }, true],
    [{ feedUrl: 'http://127.0.0.1.evil.example/m.json' }, false],
    [{ feedUrl: 'http://localhost.evil.example/m.json' }, false],
    [{ feedUrl: 'javascript:alert(1)' }, false],
    [{ intervalHours: 0 }, false],
    [{ intervalHours: 6 }, true],
    [{ intervalHours: 1.5 }, false],
    [{ source: 'ftp' }, false],
    [{ enabled: 'yes' }, false],
    [{ other: 1 }, false],
    [null, false],
    [[], false],
  ])('patch %j → %s', (p, ok) => {
    expect(isSettingsPatch(p)).toBe(ok);
    expect(validators.setSettings(p)).toBe(ok);
  });
  test('bad stored values fall back to defaults key by key', () => {
    expect(normalizeSettings({ enabled: false, feedUrl: 'nope', intervalHours: -3, junk: 1 })).toEqual({ ...DEFAULT_SYNC_SETTINGS, enabled: false });
  });
});

describe('page-only messages', () => {
  const base = 'chrome-extension://abc/';
  test('sync and settings messages are envelopes but page-only', () => {
    for (const t of ['syncStatus', 'syncNow', 'getSettings', 'setSettings']) {
      expect(isEnvelope({ receipts: 1, type: t, payload: {} })).toBe(true);
      expect(PAGE_ONLY_TYPES.has(t)).toBe(true);
    }
    for (const t of ['status', 'annotate', 'describe']) expect(PAGE_ONLY_TYPES.has(t)).toBe(false);
  });
  test.each<[string, Parameters<typeof isExtensionPage>[0], boolean]>([
    ['options page', { url: `${base}ui/options/index.html` }, true],
    ['options page opened in a tab', { url: `${base}ui/options/index.html`, tab: { url: `${base}ui/options/index.html` } }, true],
    ['content script in a news page', { url: 'https://news.example.com/a', tab: { url: 'https://news.example.com/a' } }, false],
    ['content script frame with an extension-looking URL but a web tab', { url: `${base}x`, tab: { url: 'https://evil.example/' } }, false],
    ['another extension', { url: 'chrome-extension://other/page.html' }, false],
    ['no url', {}, false],
  ])('%s', (_n, sender, ok) => {
    expect(isExtensionPage(sender, base)).toBe(ok);
  });
  test('an empty base never matches', () => {
    expect(isExtensionPage({ url: 'anything' }, '')).toBe(false);
  });
});
