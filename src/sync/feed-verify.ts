// Feed integrity with WebCrypto only (no Node APIs), so the same code runs in
// the worker and in tests: SHA-256 of the bytes, and an Ed25519 signature over
// `${version}\n${sha256}\n${size}` by the project's feed key.
import { SyncError } from './types.ts';

export function hex(bytes: ArrayBuffer | Uint8Array): string {
  const u = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let s = '';
  for (const b of u) s += b.toString(16).padStart(2, '0');
  return s;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

export function base64ToBytes(b64: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 !== 0) throw new Error('not base64');
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** The exact bytes the feed signature covers. */
export function signedPayload(version: string, sha256: string, size: number): Uint8Array {
  return new TextEncoder().encode(`${version}\n${sha256}\n${size}`);
}

export async function verifyFeedSignature(
  publicKeyBase64: string,
  signatureBase64: string,
  version: string,
  sha256: string,
  size: number,
): Promise<void> {
  let sig: Uint8Array;
  let pub: Uint8Array;
  try {
    sig = base64ToBytes(signatureBase64);
    pub = base64ToBytes(publicKeyBase64);
  } catch {
    throw new SyncError('signature', 'The feed signature is not valid base64; the feed was not installed.');
  }
  let ok = false;
  try {
    const key = await crypto.subtle.importKey('raw', pub as Uint8Array<ArrayBuffer>, { name: 'Ed25519' }, false, ['verify']);
    ok = await crypto.subtle.verify({ name: 'Ed25519' }, key, sig as Uint8Array<ArrayBuffer>, signedPayload(version, sha256, size) as Uint8Array<ArrayBuffer>);
  } catch {
    ok = false;
  }
  if (!ok) {
    throw new SyncError('signature', 'The feed is not signed by the Receipts feed key; it may have been tampered with and was not installed.');
  }
}

export async function checkSha256(bytes: Uint8Array, expected: string, what: string): Promise<void> {
  const actual = await sha256Hex(bytes);
  if (actual !== expected.toLowerCase()) {
    throw new SyncError('hash', `The ${what} does not match its signed SHA-256 (got ${actual.slice(0, 12)}…, expected ${expected.slice(0, 12)}…); it was not installed.`);
  }
}
