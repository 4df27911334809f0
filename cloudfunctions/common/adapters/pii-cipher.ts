// Personal data at rest: AES-256-GCM for ID numbers and phones, keyed HMAC (a blind index) for lookups and SMS codes;
// the clear value is never stored. The keys come from the key ring (adapters/secrets).
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { subkey } from './secrets';

/** v1.<iv>.<tag>.<ciphertext>, base64url parts. */
export function encryptPii(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', subkey('pii-encrypt'), iv);
  const enc = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), enc.toString('base64url')].join('.');
}

export function decryptPii(sealed: string): string {
  const [v, iv, tag, enc] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || enc === undefined) throw new Error('unknown PII envelope');
  const decipher = createDecipheriv('aes-256-gcm', subkey('pii-encrypt'), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(enc, 'base64url')), decipher.final()]).toString('utf8');
}

/** Deterministic keyed hash: lets a unique index refuse a second registration of the same ID number. */
export function piiLookupHash(value: string): string {
  return createHmac('sha256', subkey('pii-lookup')).update(value).digest('hex');
}

/**
 * A phone's blind index: what the unique index, every lookup by phone and the SMS code/quota keys use instead of the
 * number. Domain-separated from the ID number's hash (same key, a `phone:` prefix).
 */
export function phoneLookupHash(phone: string): string {
  return piiLookupHash(`phone:${phone}`);
}

/** The same blind index under an explicit master key (a tool or test looking into another process's data). */
export function phoneLookupHashUnder(masterKeyHex: string, phone: string): string {
  return createHmac('sha256', subkey('pii-lookup', masterKeyHex)).update(`phone:${phone}`).digest('hex');
}

/** How a phone is stored: encrypted (to show it masked, or in full where allowed) and as its blind index. */
export interface SealedPhone {
  phoneEnc: string;
  phoneHash: string;
}

export function sealPhone(phone: string): SealedPhone {
  return { phoneEnc: encryptPii(phone), phoneHash: phoneLookupHash(phone) };
}

/** The phone of a stored document, '' when it has none (a withdrawn volunteer's is removed). */
export function openPhone(doc: { phoneEnc?: string }): string {
  return doc.phoneEnc ? decryptPii(doc.phoneEnc) : '';
}

export function smsCodeHash(purpose: string, phone: string, code: string): string {
  return createHmac('sha256', subkey('sms-code')).update(`${purpose}:${phone}:${code}`).digest('hex');
}
