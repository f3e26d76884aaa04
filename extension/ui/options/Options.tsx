// Options: for now the index's status, so a reader can see what the
// extension knows and how old it is. Sync settings join here with sync.
import { IndexStatus } from './IndexStatus.tsx';
import { SyncSettings } from './SyncSettings.tsx';

export function Options() {
  return (
    <>
      <h1>Receipts</h1>
      <section aria-labelledby="index-h">
        <h2 id="index-h">Contract index</h2>
        <IndexStatus />
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
