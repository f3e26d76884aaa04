// Where a test's screenshot goes. Every run writes to test-results/ (ignored
// by git), so running the tests never dirties the tree; with
// RECEIPTS_UPDATE_SCREENSHOTS=1 the shots the README shows are written to
// docs/screenshots/ instead, to be reviewed and committed.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './browsers.ts';

const UPDATE = process.env.RECEIPTS_UPDATE_SCREENSHOTS === '1';

/** Path for a screenshot; `readme` marks the ones docs/screenshots/ holds. */
export function shotPath(name: string, readme = false): string {
  const dir = resolve(ROOT, readme && UPDATE ? 'docs/screenshots' : 'test-results');
  mkdirSync(dir, { recursive: true });
  return resolve(dir, name);
}

/** The folder for screenshots (see shotPath), created if missing. */
export function shotsDir(readme = false): string {
  const dir = resolve(ROOT, readme && UPDATE ? 'docs/screenshots' : 'test-results');
  mkdirSync(dir, { recursive: true });
  return dir;
}
