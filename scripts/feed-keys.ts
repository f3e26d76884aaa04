// Generates the project's snapshot-feed signing key. The PUBLIC key goes into
// src/sync/feed-key.ts (shipped in the extension); the private key goes to the
// git-ignored .tmp/feed-private-key.pem and must be moved to the release
// signer's safe storage. Refuses to replace an existing private key without --force.
import { generateKeyPairSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';

const PRIVATE = '.tmp/feed-private-key.pem';
const PUBLIC_TS = 'src/sync/feed-key.ts';

if (existsSync(PRIVATE) && !process.argv.includes('--force')) {
  console.error(`${PRIVATE} exists; pass --force to replace the feed key (every published feed must then be re-signed).`);
  process.exit(1);
}
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
// The raw 32-byte key is the last 32 bytes of the SPKI DER encoding.
const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
await mkdir('.tmp', { recursive: true });
await writeFile(PRIVATE, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
await writeFile(
  PUBLIC_TS,
  `// The snapshot feed's Ed25519 public key (raw, base64), written by scripts/feed-keys.ts.
// A feed manifest is installed only if its signature verifies against this key.
export const FEED_PUBLIC_KEY = '${raw.toString('base64')}';
`,
);
console.log(`Wrote ${PUBLIC_TS} and ${PRIVATE}.`);
