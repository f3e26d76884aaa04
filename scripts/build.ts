// Builds dist/chrome and dist/firefox from one set of sources.
// The JavaScript is identical for both browsers; only the manifest differs
// (service worker vs background scripts, gecko id, side panel vs sidebar).
import { build } from 'vite';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { manifestFor, type Browser } from './manifest.ts';
import type { Snapshot } from '../src/model/types.ts';

const root = resolve(import.meta.dirname, '..');
// RECEIPTS_DIST lets parallel work (and e2e tests that need their own build) write elsewhere.
const dist = resolve(process.env.RECEIPTS_DIST ?? resolve(root, 'dist'));

// Firefox's add-on linter (web-ext lint, and AMO's review) refuses to parse any
// text file of 5 MiB or more and reports it as an error. The snapshot is far
// larger, so it is bundled as index/snapshot.json without its records, plus
// `recordParts`: the records in order, split into JSON files well under that
// limit. The background (extension/background/index-service.ts) joins them.
const PART_BYTES = 3 * 1024 * 1024;

async function packageIndex(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  await cp(resolve(from, 'manifest.json'), resolve(to, 'manifest.json'));
  const { records, ...head } = JSON.parse(await readFile(resolve(from, 'snapshot.json'), 'utf8')) as Snapshot;
  const parts: string[] = [];
  let piece: string[] = [];
  let bytes = 0;
  const flush = async () => {
    const name = `records-${String(parts.length).padStart(3, '0')}.json`;
    await writeFile(resolve(to, name), `[${piece.join(',')}]`);
    parts.push(name);
    piece = [];
    bytes = 0;
  };
  for (const r of records) {
    const json = JSON.stringify(r);
    const size = Buffer.byteLength(json) + 1;
    if (size >= PART_BYTES) throw new Error(`index record ${r.id} alone is ${size} bytes, over the ${PART_BYTES}-byte part size`);
    if (bytes + size > PART_BYTES) await flush();
    piece.push(json);
    bytes += size;
  }
  if (piece.length > 0 || parts.length === 0) await flush();
  await writeFile(resolve(to, 'snapshot.json'), JSON.stringify({ ...head, recordParts: parts }));
}

export async function buildExtension(): Promise<void> {
  // A test build (trusting a test feed key, a local API) must never land where a release is packed from.
  if (process.env.RECEIPTS_TEST_OVERRIDES && !process.env.RECEIPTS_DIST) {
    throw new Error('RECEIPTS_TEST_OVERRIDES is set: test builds must go to their own RECEIPTS_DIST, never dist/.');
  }
  const chrome = resolve(dist, 'chrome');
  await rm(dist, { recursive: true, force: true });
  await mkdir(chrome, { recursive: true });
  process.env.RECEIPTS_OUT = chrome;
  for (const mode of ['pages', 'content', 'background']) {
    await build({ configFile: resolve(root, 'vite.config.ts'), mode });
  }
  await cp(resolve(root, 'assets/icons'), resolve(chrome, 'icons'), { recursive: true });
  await cp(resolve(root, 'assets/_locales'), resolve(chrome, '_locales'), { recursive: true });
  await packageIndex(resolve(root, 'assets/index'), resolve(chrome, 'index'));
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
  console.log(`built ${dist}/chrome and ${dist}/firefox in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
