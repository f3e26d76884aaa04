// web-ext lint on the Firefox build must report 0 errors and 0 warnings.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const dist = resolve(process.env.RECEIPTS_DIST ?? resolve(import.meta.dirname, '../dist'), 'firefox');
const r = spawnSync('npx', ['web-ext', 'lint', '--source-dir', dist, '--output', 'json', '--no-config-discovery'], {
  encoding: 'utf8',
});
let report: { count: number; summary: { errors: number; warnings: number; notices: number }; errors: unknown[]; warnings: unknown[]; notices: unknown[] };
try {
  report = JSON.parse(r.stdout);
} catch {
  console.error(r.stdout, r.stderr);
  process.exit(1);
}
const { errors, warnings, notices } = report.summary;
console.log(`web-ext lint: ${errors} errors, ${warnings} warnings, ${notices} notices`);
for (const m of [...report.errors, ...report.warnings, ...report.notices]) console.log(JSON.stringify(m));
process.exit(errors + warnings === 0 ? 0 : 1);
