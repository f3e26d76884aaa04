// Builds dist/chrome and dist/firefox from one set of sources.
// The JavaScript is identical for both browsers; only the manifest differs
// (service worker vs background scripts, gecko id, side panel vs sidebar).
import { build } from 'vite';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { manifestFor, type Browser } from './manifest.ts';

const root = resolve(import.meta.dirname, '..');
const dist = resolve(root, 'dist');

export async function buildExtension(): Promise<void> {
  const chrome = resolve(dist, 'chrome');
  await rm(dist, { recursive: true, force: true });
  await mkdir(chrome, { recursive: true });
  process.env.RECEIPTS_OUT = chrome;
  for (const mode of ['pages', 'content', 'background']) {
    await build({ configFile: resolve(root, 'vite.config.ts'), mode });
  }
  await cp(resolve(root, 'assets/icons'), resolve(chrome, 'icons'), { recursive: true });
  await cp(resolve(root, 'assets/_locales'), resolve(chrome, '_locales'), { recursive: true });
  await mkdir(resolve(chrome, 'index'), { recursive: true });
  for (const f of ['snapshot.json', 'manifest.json']) {
    await cp(resolve(root, 'assets/index', f), resolve(chrome, 'index', f));
  }
  await cp(resolve(root, 'extension/content/content.css'), resolve(chrome, 'content.css'));

  const base = JSON.parse(await readFile(resolve(root, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  const pkg = JSON.parse(await readFile(resolve(root, 'package.json'), 'utf8')) as { version: string };
  for (const browser of ['chrome', 'firefox'] as Browser[]) {
    const out = resolve(dist, browser);
    if (browser !== 'chrome') await cp(chrome, out, { recursive: true });
    const manifest = manifestFor(base, browser, pkg.version);
    await writeFile(resolve(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t0 = performance.now();
  await buildExtension();
  console.log(`built dist/chrome and dist/firefox in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
