// Builds the extension into its own directory with test-only overrides
// (extension/background/build-overrides.ts): a feed key whose private half the
// test holds, a local USAspending base, short timeouts. Release builds never
// carry them; scripts/build.ts refuses to write such a build into dist/.
import { spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BuildOverrides } from '../../extension/background/build-overrides.ts';
import { ROOT } from './browsers.ts';

export async function buildWithOverrides(overrides: BuildOverrides): Promise<{ chrome: string; firefox: string; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'receipts-testbuild-'));
  const r = spawnSync('node', ['--import', 'tsx', 'scripts/build.ts'], {
    cwd: ROOT,
    env: { ...process.env, RECEIPTS_DIST: dir, RECEIPTS_TEST_OVERRIDES: JSON.stringify(overrides) },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`test build failed:\n${r.stdout}\n${r.stderr}`);
  return { chrome: join(dir, 'chrome'), firefox: join(dir, 'firefox'), dir };
}
