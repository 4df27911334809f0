// The key ring: every key the functions use is an HKDF subkey of the one server secret (APP_SECRET_KEY), one per
// purpose, so a key serves exactly one use; and the constant-time comparison of secrets (tokens, hashes).
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { env } from '../env';

/** What a subkey is for: encrypting personal data, its blind indexes, SMS code hashes, check-in and training code signatures. */
export type KeyPurpose = 'pii-encrypt' | 'pii-lookup' | 'sms-code' | 'activity-code' | 'training-code';

const keys = new Map<string, Buffer>();

/** The 32-byte key of one purpose, derived from the server secret (or an explicit master key, hex). */
export function subkey(purpose: KeyPurpose, master = env().APP_SECRET_KEY): Buffer {
  const cacheKey = `${purpose}:${master}`;
  let key = keys.get(cacheKey);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', Buffer.from(master, 'hex'), Buffer.alloc(0), purpose, 32));
    keys.set(cacheKey, key);
  }
  return key;
}

/** Two hex digests compared in constant time. */
export function hashEquals(aHex: string, bHex: string): boolean {
  const a = Buffer.from(aHex, 'hex');
  const b = Buffer.from(bHex, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Two secrets of any length (a deploy-time token) compared in constant time. */
export function secretEquals(a: string, b: string): boolean {
  const ha = createHmac('sha256', 'cmp').update(a).digest();
  const hb = createHmac('sha256', 'cmp').update(b).digest();
  return timingSafeEqual(ha, hb);
}
