// ID numbers at rest: AES-256-GCM round trip, tamper detection, keyed lookup hash, SMS code hash.
import { decryptPii, encryptPii, piiLookupHash, smsCodeHash } from '../../../cloudfunctions/common/adapters/pii-cipher';
import { hashEquals } from '../../../cloudfunctions/common/adapters/secrets';
import { activityCodeSecret } from '../../../cloudfunctions/common/adapters/checkin-code-secret';
import { resetEnvCache } from '../../../cloudfunctions/common/env';

beforeAll(() => {
  process.env.APP_SECRET_KEY = 'a'.repeat(64);
  resetEnvCache();
});

describe('pii cipher', () => {
  const id = '11010519491231002X';
  it('round-trips and never contains the clear value', () => {
    const sealed = encryptPii(id);
    expect(sealed).not.toContain(id);
    expect(sealed).not.toContain('19491231');
    expect(decryptPii(sealed)).toBe(id);
  });
  it('uses a fresh IV each time', () => {
    expect(encryptPii(id)).not.toBe(encryptPii(id));
  });
  it('refuses a tampered ciphertext', () => {
    const parts = encryptPii(id).split('.');
    const body = Buffer.from(parts[3], 'base64url');
    body[0] ^= 1;
    parts[3] = body.toString('base64url');
    expect(() => decryptPii(parts.join('.'))).toThrow();
  });
  it('hashes deterministically for lookups, differently per purpose', () => {
    expect(piiLookupHash(id)).toBe(piiLookupHash(id));
    expect(piiLookupHash(id)).toMatch(/^[0-9a-f]{64}$/);
    expect(smsCodeHash('register', '13800000001', '123456')).not.toBe(smsCodeHash('changePhone', '13800000001', '123456'));
    expect(hashEquals(piiLookupHash(id), piiLookupHash(id))).toBe(true);
    expect(hashEquals(piiLookupHash(id), piiLookupHash('x'))).toBe(false);
  });
});

describe('activity code secrets', () => {
  it('are 32 bytes, the same for the same activity and version, different for any other', () => {
    const s = activityCodeSecret('act1');
    expect(s).toHaveLength(32);
    expect(activityCodeSecret('act1', 0).equals(s)).toBe(true);
    expect(activityCodeSecret('act2').equals(s)).toBe(false);
    expect(activityCodeSecret('act1', 1).equals(s)).toBe(false);
  });
  it('change with the server key', () => {
    const s = activityCodeSecret('act1');
    process.env.APP_SECRET_KEY = 'b'.repeat(64);
    resetEnvCache();
    expect(activityCodeSecret('act1').equals(s)).toBe(false);
    process.env.APP_SECRET_KEY = 'a'.repeat(64);
    resetEnvCache();
  });
});
