// The snapshot feed's Ed25519 public key (raw, base64), written by scripts/feed-keys.ts.
// A feed manifest is installed only if its signature verifies against this key.
export const FEED_PUBLIC_KEY = 'utDMi9ACqE9d8u9KDHst4/Cc8+DuFh5yeHaA4QvIagY=';
