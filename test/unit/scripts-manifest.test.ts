import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { manifestFor, type Browser } from '../../scripts/manifest.ts';

const ROOT = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../manifest.json'), 'utf8')) as Record<string, unknown>;

/** Every object key at any depth, as dotted paths. */
function keyPaths(v: unknown, prefix = ''): string[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => keyPaths(x, `${prefix}${i}.`));
  if (v === null || typeof v !== 'object') return [];
  return Object.entries(v).flatMap(([k, x]) => [`${prefix}${k}`, ...keyPaths(x, `${prefix}${k}.`)]);
}
const prefixed = (m: unknown) => keyPaths(m).filter((p) => /(^|\.)(chrome|firefox):/.test(p));

describe('manifestFor on a synthetic manifest', () => {
  const base = {
    name: 'x',
    'chrome:minimum_chrome_version': '120',
    'firefox:browser_specific_settings': { gecko: { id: 'a@b' } },
    background: { 'chrome:service_worker': 'bg.js', 'firefox:scripts': ['bg.js'], type: 'module' },
    deep: { list: [{ 'firefox:only': 1, 'chrome:only': 2, both: 3 }, 'plain', 4, null] },
    nested: { 'chrome:outer': { 'firefox:inner': 1, 'chrome:inner': 2 } },
  };

  test.each<[Browser, Record<string, unknown>]>([
    [
      'chrome',
      {
        name: 'x',
        minimum_chrome_version: '120',
        background: { service_worker: 'bg.js', type: 'module' },
        deep: { list: [{ only: 2, both: 3 }, 'plain', 4, null] },
        nested: { outer: { inner: 2 } },
        version: '1.2.3',
      },
    ],
    [
      'firefox',
      {
        name: 'x',
        browser_specific_settings: { gecko: { id: 'a@b' } },
        background: { scripts: ['bg.js'], type: 'module' },
        deep: { list: [{ only: 1, both: 3 }, 'plain', 4, null] },
        nested: {},
        version: '1.2.3',
      },
    ],
  ])('%s', (browser, expected) => {
    const before = JSON.stringify(base);
    expect(manifestFor(base, browser, '1.2.3')).toEqual(expected);
    // The input is not modified.
    expect(JSON.stringify(base)).toBe(before);
  });

  test('only a leading browser prefix is special', () => {
    const m = manifestFor({ 'edge:x': 1, 'a:chrome:b': 2, 'Chrome:c': 3, chrome: 4 }, 'firefox', '0.0.1');
    expect(m).toEqual({ 'edge:x': 1, 'a:chrome:b': 2, 'Chrome:c': 3, chrome: 4, version: '0.0.1' });
  });

  test('the version argument replaces the manifest version', () => {
    expect(manifestFor({ version: '0.0.0' }, 'chrome', '9.9.9').version).toBe('9.9.9');
  });
});

describe('manifestFor on the real root manifest.json', () => {
  test('the root manifest does use browser prefixes (else these tests prove nothing)', () => {
    expect(prefixed(ROOT).length).toBeGreaterThanOrEqual(3);
  });

  test('chrome: a service worker, no gecko settings, no prefixed keys', () => {
    const m = manifestFor(ROOT, 'chrome', '0.1.0') as Record<string, any>;
    expect(m.background).toEqual({ service_worker: 'background.js' });
    expect(m.background.scripts).toBeUndefined();
    expect(m.browser_specific_settings).toBeUndefined();
    expect(prefixed(m)).toEqual([]);
    expect(m.manifest_version).toBe(3);
  });

  test('firefox: background scripts, a gecko id, no prefixed keys', () => {
    const m = manifestFor(ROOT, 'firefox', '0.1.0') as Record<string, any>;
    expect(m.background).toEqual({ scripts: ['background.js'] });
    expect(m.background.service_worker).toBeUndefined();
    expect(typeof m.browser_specific_settings?.gecko?.id).toBe('string');
    expect(m.browser_specific_settings.gecko.id).toMatch(/@/);
    expect(prefixed(m)).toEqual([]);
  });

  test('the keys both browsers share are identical', () => {
    const c = manifestFor(ROOT, 'chrome', '0.1.0');
    const f = manifestFor(ROOT, 'firefox', '0.1.0');
    // permissions may hold browser-prefixed entries ("chrome:sidePanel"); compared separately below.
    const shared = Object.keys(ROOT).filter((k) => !k.includes(':') && k !== 'background' && k !== 'permissions');
    expect(shared.length).toBeGreaterThan(5);
    for (const k of shared) expect(f[k]).toEqual(c[k]);
    expect(c.content_scripts).toEqual(ROOT.content_scripts);
    const root = ROOT.permissions as string[];
    const plain = root.filter((p) => !p.includes(':'));
    expect(c.permissions).toEqual(root.flatMap((p) => (p.startsWith('chrome:') ? [p.slice(7)] : p.includes(':') ? [] : [p])));
    expect(f.permissions).toEqual(root.flatMap((p) => (p.startsWith('firefox:') ? [p.slice(8)] : p.includes(':') ? [] : [p])));
    expect(c.permissions).toEqual(expect.arrayContaining([...plain, 'sidePanel']));
    expect(f.permissions).not.toContain('sidePanel');
  });
});
