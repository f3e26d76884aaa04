// Locating the browsers. A missing browser is a clear error that says how to
// install it, never a silent skip.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The build under test; RECEIPTS_DIST points at another build directory (see scripts/build.ts). */
export const DIST = resolve(process.env.RECEIPTS_DIST ?? resolve(ROOT, 'dist'));
export const DIST_CHROME = resolve(DIST, 'chrome');
export const DIST_FIREFOX = resolve(DIST, 'firefox');

export function requireBrowser(name: 'chromium' | 'firefox-esr'): string {
  const path = process.env[name === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH'] ?? `/usr/bin/${name}`;
  if (!existsSync(path)) {
    throw new Error(
      `${name} was not found at ${path}. Install it with "apt-get update && apt-get install -y ${name}" ` +
        `(or set ${name === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH'}). The e2e tests need a real browser.`,
    );
  }
  return path;
}

export function requireBuild(dir: string): void {
  if (!existsSync(resolve(dir, 'manifest.json'))) {
    throw new Error(`No extension build in ${dir}. Run "npm run build" first.`);
  }
}
