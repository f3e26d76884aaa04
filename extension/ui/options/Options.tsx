// Options: for now the index's status, so a reader can see what the
// extension knows and how old it is. Sync settings join here with sync.
import { useEffect, useState } from 'preact/hooks';
import { call } from '../../messaging.ts';
import type { IndexStatus } from '../../protocol.ts';
import { SyncSettings } from './SyncSettings.tsx';

export function Options() {
  const [status, setStatus] = useState<IndexStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('status', {}).then(setStatus, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  return (
    <>
      <h1>Receipts</h1>
      <section aria-labelledby="index-h">
        <h2 id="index-h">Contract index</h2>
        {error ? <p role="alert">{error}</p> : null}
        {!status && !error ? <p>Loading…</p> : null}
        {status && !status.ready ? <p role="alert">The index is not available: {status.error}</p> : null}
        {status?.ready ? (
          <dl>
            <dt>Version</dt>
            <dd data-field="version">{status.version}</dd>
            <dt>Built</dt>
            <dd>{status.created}</dd>
            <dt>Data as of</dt>
            <dd>{status.dataAsOf ?? 'unknown'}</dd>
            <dt>Records</dt>
            <dd>
              {status.counts
                ? `${status.counts.byTier.primary} from government records, ${status.counts.byTier.reported} reported by named sources`
                : '—'}
            </dd>
          </dl>
        ) : null}
      </section>
      <section aria-labelledby="sync-h">
        <h2 id="sync-h">Sync</h2>
        <SyncSettings />
      </section>
      <section aria-labelledby="net-h">
        <h2 id="net-h">Network</h2>
        <p>Receipts matches pages against this local index. Viewing a page sends nothing anywhere.</p>
      </section>
    </>
  );
}
