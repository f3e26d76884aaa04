// `npm test`: every tier in order, stopping at the first failure.
//   1. typecheck   2. unit tests (Node, happy-dom)   3. build
//   4. web-ext lint on the Firefox build   5. e2e in Chromium and Firefox
import { spawnSync } from 'node:child_process';

const steps: [string, string[]][] = [
  ['typecheck', ['npx', 'tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['unit tests', ['npx', 'vitest', 'run']],
  ['build', ['node', '--import', 'tsx', 'scripts/build.ts']],
  ['web-ext lint', ['node', '--import', 'tsx', 'scripts/lint-firefox.ts']],
  ['e2e', ['npx', 'vitest', 'run', '--config', 'vitest.e2e.config.ts']],
];

const only = process.argv.slice(2);
const t0 = performance.now();
for (const [name, [cmd, ...args]] of steps) {
  if (only.length && !only.includes(name.split(' ')[0]!)) continue;
  const t = performance.now();
  console.log(`\n=== ${name}`);
  const r = spawnSync(cmd!, args, { stdio: 'inherit' });
  console.log(`=== ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  if (r.status !== 0) process.exit(r.status ?? 1);
}
console.log(`\nall steps passed in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
