// `npm run audit:prod`: npm audit of the production dependencies only (what
// ships in the extension and the CLI), failing on high or critical advisories.
// Exit codes: 0 no high/critical advisory; 1 high/critical found (listed);
// 2 the audit could not run (no registry, an endpoint that refuses audits):
// an audit that did not run is never reported as a pass.
import { spawnSync } from 'node:child_process';

interface AuditJson {
  vulnerabilities?: Record<string, { severity: string; via: unknown[]; fixAvailable?: unknown }>;
  metadata?: { vulnerabilities?: Record<string, number>; dependencies?: { prod?: number } };
  error?: { code?: string; summary?: string; detail?: string };
  /** Set when the advisory endpoint answered with an HTTP error (e.g. a mirror that allows only GET). */
  message?: string;
}

const BLOCKING = new Set(['high', 'critical']);

const run = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { encoding: 'utf8', timeout: 120_000 });
let report: AuditJson;
try {
  report = JSON.parse(run.stdout || '{}') as AuditJson;
} catch {
  console.error(`npm audit did not return JSON (exit ${run.status}):\n${run.stderr.trim()}`);
  process.exit(2);
}
if (report.error || !report.metadata) {
  const why = [report.message, report.error?.code, report.error?.summary].filter(Boolean).join('; ') || run.stderr.trim() || `exit ${run.status}`;
  console.error(`npm audit could not run: ${why}. The production dependencies were NOT audited.`);
  process.exit(2);
}

const counts = report.metadata.vulnerabilities ?? {};
const blocking = Object.entries(report.vulnerabilities ?? {}).filter(([, v]) => BLOCKING.has(v.severity));
console.log(
  `npm audit --omit=dev: ${report.metadata.dependencies?.prod ?? '?'} production dependencies; ` +
    ['critical', 'high', 'moderate', 'low', 'info'].map((s) => `${counts[s] ?? 0} ${s}`).join(', '),
);
if (blocking.length > 0) {
  for (const [name, v] of blocking) console.error(`  ${v.severity}: ${name}${v.fixAvailable ? ' (fix available)' : ''}`);
  process.exit(1);
}
