// Platform hardening (issue 8): the root manifest.json and what
// scripts/manifest.ts makes of it for each browser. No remote code and no
// eval on extension pages, no web-accessible resources, only the permissions
// listed below with the reason we need each, content scripts only on the
// listed news sites and loopback, nothing another extension or a web page can
// message. Adding a permission means adding its reason here (and to SECURITY.md).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { manifestFor, type Browser } from '../../scripts/manifest.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BASE = JSON.parse(readFileSync(resolve(ROOT, 'manifest.json'), 'utf8')) as Record<string, unknown>;
const BROWSERS: Browser[] = ['chrome', 'firefox'];

/** Every permission we hold, and why. */
const JUSTIFIED: Record<string, string> = {
  storage: 'settings in storage.sync; the reader\'s added sites in storage.local',
  unlimitedStorage: 'the contract index in IndexedDB is larger than the default quota',
  alarms: 'the scheduled sync, only when the user has configured one',
  sidePanel: 'Chromium side panel with the page report',
  activeTab: 'a click on the toolbar button annotates that one tab once (extension/background/sites.ts runOnce)',
  scripting: 'runOnce injects content.js after that click; sites the reader added get a registered content script',
  contextMenus: '"Always run Receipts on this site" in the toolbar button\'s menu',
};
/** Never: each would let us read browsing or network data we do not need. */
const FORBIDDEN = [
  'tabs', 'webRequest', 'webRequestBlocking', 'declarativeNetRequest', 'cookies', 'history', 'bookmarks', 'downloads',
  'management', 'nativeMessaging', 'debugger', 'proxy', 'privacy', 'geolocation', 'identity', 'clipboardRead',
  'browsingData', 'topSites', 'webNavigation', 'tabCapture', '<all_urls>',
];

function directives(csp: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), values);
  }
  return out;
}

describe.each(BROWSERS)('%s manifest', (browser) => {
  const m = manifestFor(BASE, browser, '0.0.0') as Record<string, any>;

  test('Manifest V3', () => expect(m.manifest_version).toBe(3));

  test('extension pages: scripts only from the package, no eval, no plugins, no remote code', () => {
    const csp = m.content_security_policy?.extension_pages as string | undefined;
    expect(csp, 'an explicit extension_pages CSP').toBeTypeOf('string');
    const d = directives(csp!);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    for (const [name, values] of d) {
      for (const v of values) {
        expect(v, `${name} ${v}`).not.toMatch(/unsafe-eval|unsafe-inline|unsafe-hashes|^https?:|^\*|^data:|^blob:|^'strict-dynamic'$/);
      }
    }
    expect(m.content_security_policy?.sandbox, 'no sandboxed pages').toBeUndefined();
  });

  test('no web_accessible_resources: a page cannot load or fingerprint our files', () => {
    expect(m.web_accessible_resources).toBeUndefined();
  });

  test('no externally_connectable: no web page or other extension can message us', () => {
    expect(m.externally_connectable).toBeUndefined();
  });

  test('every permission is justified, none is on the forbidden list', () => {
    const perms = (m.permissions ?? []) as string[];
    for (const p of perms) expect(JUSTIFIED[p], `permission "${p}" has no stated reason`).toBeTypeOf('string');
    for (const p of FORBIDDEN) expect(perms).not.toContain(p);
    expect(m.optional_permissions ?? []).toEqual([]);
  });

  test('no host permission at install; optional hosts are https only (the sync source the user picks)', () => {
    expect(m.host_permissions ?? []).toEqual([]);
    for (const h of (m.optional_host_permissions ?? []) as string[]) expect(h).toMatch(/^https:\/\/[^/]+\/\*$/);
  });

  test('content scripts: only listed sites over https, plus loopback over http; no wildcard host', () => {
    const scripts = (m.content_scripts ?? []) as { matches: string[]; js?: string[]; world?: string }[];
    expect(scripts.length).toBeGreaterThan(0);
    for (const cs of scripts) {
      // The isolated world is what keeps a hostile page's globals away from us.
      expect(cs.world ?? 'ISOLATED').toBe('ISOLATED');
      for (const pattern of cs.matches) {
        expect(pattern, pattern).not.toMatch(/<all_urls>|^\*:|:\/\/\*\/|:\/\/\*$/);
        const u = /^(https?):\/\/([^/]+)\//.exec(pattern);
        expect(u, pattern).not.toBeNull();
        if (u![1] === 'http') expect(['127.0.0.1', 'localhost']).toContain(u![2]);
      }
      for (const js of cs.js ?? []) expect(js).not.toMatch(/^https?:|^\/\//);
    }
  });

  test('background code is a packaged file, never a URL', () => {
    const bg = m.background as { service_worker?: string; scripts?: string[] };
    for (const f of [bg.service_worker, ...(bg.scripts ?? [])].filter(Boolean)) expect(f).not.toMatch(/^[a-z-]+:|^\/\//i);
  });
});

describe('extension HTML pages', () => {
  const pages = ['options', 'sidepanel', 'review']
    .map((p) => resolve(ROOT, `extension/ui/${p}/index.html`))
    .filter((f) => {
      try {
        readFileSync(f);
        return true;
      } catch {
        return false;
      }
    });

  test.each(pages)('%s: no inline script, no remote script or style', (file) => {
    const html = readFileSync(file, 'utf8');
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      expect(m[2]!.trim(), 'inline script').toBe('');
      expect(m[1]).toMatch(/\bsrc="\.{0,2}\/?[\w./-]+"/);
      expect(m[1]).not.toMatch(/src="(https?:)?\/\//);
    }
    expect(html).not.toMatch(/<link\b[^>]*href="(https?:)?\/\//i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });
});
