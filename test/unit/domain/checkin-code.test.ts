// Signed check-in codes: round trips, the 30-second steps of rotating codes, tampering, foreign and malformed codes.
import { createHmac } from 'node:crypto';
import {
  parsePayload,
  rotatingExpiresAt,
  REVOKED_LOOKBACK,
  rotatingStep,
  signedWithEarlier,
  signPayload,
  verifyPayload,
  type CodeBody,
} from '../../../cloudfunctions/common/domain/checkin-code';

import { at, OTHER, S0, SECRET, T0 } from './code-clock';

const staticIn: CodeBody = { t: 'a', a: 'act1', k: 'in', m: 'static' };
const rotatingOut: CodeBody = { t: 'a', a: 'act1', k: 'out', m: 'rotating', s: S0 };

/** The payload with the character at `i` replaced by another base64url character. */
const flip = (p: string, i: number) => p.slice(0, i) + (p[i] === 'A' ? 'B' : 'A') + p.slice(i + 1);

describe('steps', () => {
  it('numbers 30-second steps since the epoch', () => {
    expect(Number.isInteger(S0)).toBe(true);
    expect(rotatingStep(at(0))).toBe(S0);
    expect(rotatingStep(at(29_999))).toBe(S0);
    expect(rotatingStep(T0 + 30_000)).toBe(S0 + 1);
  });
  it('expires a code at the end of the current step', () => {
    expect(rotatingExpiresAt(at(0))).toEqual(at(30_000));
    expect(rotatingExpiresAt(at(12_345))).toEqual(at(30_000));
    expect(rotatingExpiresAt(at(29_999))).toEqual(at(30_000));
  });
});

describe('signPayload / parsePayload / verifyPayload', () => {
  it('round-trips an activity code in a compact, QR-friendly string', () => {
    const p = signPayload(staticIn, SECRET);
    expect(p).toMatch(/^kjzy1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(p.length).toBeLessThan(200);
    expect(verifyPayload(p, SECRET, at(0))).toEqual({ ok: true, body: staticIn });
  });
  it('round-trips a volunteer code', () => {
    const body: CodeBody = { t: 'v', a: 'act1', o: 'oVolunteer-1_x', s: S0 };
    expect(verifyPayload(signPayload(body, SECRET), SECRET, at(1000))).toEqual({ ok: true, body });
  });
  it('accepts a static code at any time', () => {
    const p = signPayload(staticIn, SECRET);
    expect(verifyPayload(p, SECRET, new Date('2030-01-01T00:00:00Z')).ok).toBe(true);
  });
  it('reads the activity id without a secret, to know which secret to verify with', () => {
    expect(parsePayload(signPayload(rotatingOut, SECRET))).toEqual(rotatingOut);
  });
  it('parses nothing that is not one of our codes', () => {
    for (const p of [
      '',
      'hello',
      'https://example.com/x',
      'kjzy1..',
      'kjzy1.e30',
      'kjzy1.e30.abc.def',
      `kjzy2.${signPayload(staticIn, SECRET).slice(6)}`,
    ]) {
      expect(parsePayload(p)).toBeUndefined();
    }
    expect(parsePayload('x'.repeat(3000))).toBeUndefined();
  });
  it('refuses to sign a malformed body', () => {
    expect(() => signPayload({ t: 'a', a: 'act1', k: 'in', m: 'rotating' }, SECRET)).toThrow();
    expect(() => signPayload({ t: 'a', a: 'act1', k: 'in', m: 'static', s: S0 }, SECRET)).toThrow();
    expect(() => signPayload({ t: 'a', a: '', k: 'in', m: 'static' }, SECRET)).toThrow();
    expect(() => signPayload(staticIn, '')).toThrow();
  });
});

describe('rotating codes: the current and the previous step', () => {
  const p = signPayload(rotatingOut, SECRET);
  it('accepts the current step', () => {
    expect(verifyPayload(p, SECRET, at(0)).ok).toBe(true);
    expect(verifyPayload(p, SECRET, at(29_999)).ok).toBe(true);
  });
  it('accepts the previous step', () => {
    expect(verifyPayload(p, SECRET, at(30_000)).ok).toBe(true);
    expect(verifyPayload(p, SECRET, at(59_999)).ok).toBe(true);
  });
  it('answers CODE_EXPIRED two steps later', () => {
    expect(verifyPayload(p, SECRET, at(60_000))).toEqual({ ok: false, reason: 'CODE_EXPIRED' });
    expect(verifyPayload(p, SECRET, at(3_600_000))).toEqual({ ok: false, reason: 'CODE_EXPIRED' });
  });
  it('tolerates one step ahead (clock skew between instances) and calls anything further ahead CODE_INVALID', () => {
    expect(verifyPayload(p, SECRET, at(-1)).ok).toBe(true);
    expect(verifyPayload(p, SECRET, at(-30_000)).ok).toBe(true);
    expect(verifyPayload(p, SECRET, at(-30_001))).toEqual({ ok: false, reason: 'CODE_INVALID' });
  });
  it('expires volunteer codes the same way', () => {
    const v = signPayload({ t: 'v', a: 'act1', o: 'o1', s: S0 }, SECRET);
    expect(verifyPayload(v, SECRET, at(59_999)).ok).toBe(true);
    expect(verifyPayload(v, SECRET, at(60_000))).toEqual({ ok: false, reason: 'CODE_EXPIRED' });
  });
  it('checks the signature before the step: a forged stale code is CODE_INVALID, not CODE_EXPIRED', () => {
    expect(verifyPayload(p, OTHER, at(3_600_000))).toEqual({ ok: false, reason: 'CODE_INVALID' });
  });
});

describe('tampered, foreign and malformed codes: CODE_INVALID', () => {
  const invalid = { ok: false, reason: 'CODE_INVALID' };
  const p = signPayload(rotatingOut, SECRET);
  const [prefix, body, mac] = p.split('.');

  it('refuses a code whose body has any character changed', () => {
    for (let i = prefix.length + 1; i < prefix.length + 1 + body.length; i++)
      expect(verifyPayload(flip(p, i), SECRET, at(0))).toEqual(invalid);
  });
  it('refuses a code whose MAC has any character changed, the last one included', () => {
    for (let i = p.length - mac.length; i < p.length; i++) expect(verifyPayload(flip(p, i), SECRET, at(0))).toEqual(invalid);
  });
  it('refuses a code with a changed body re-encoded, e.g. sign-in turned into sign-out', () => {
    const forgedBody = Buffer.from(JSON.stringify({ ...rotatingOut, k: 'in' })).toString('base64url');
    expect(verifyPayload(`${prefix}.${forgedBody}.${mac}`, SECRET, at(0))).toEqual(invalid);
  });
  it("refuses a code signed with another activity's secret", () => {
    const foreign = signPayload({ ...staticIn, a: 'act2' }, OTHER);
    expect(verifyPayload(foreign, SECRET, at(0))).toEqual(invalid);
    // The body claims act1 but the MAC is from act2's secret.
    const relabelled = signPayload(staticIn, OTHER);
    expect(parsePayload(relabelled)?.a).toBe('act1');
    expect(verifyPayload(relabelled, SECRET, at(0))).toEqual(invalid);
  });
  it('refuses a truncated, extended or re-padded MAC', () => {
    expect(verifyPayload(p.slice(0, -1), SECRET, at(0))).toEqual(invalid);
    expect(verifyPayload(`${p}A`, SECRET, at(0))).toEqual(invalid);
    expect(verifyPayload(`${p}=`, SECRET, at(0))).toEqual(invalid);
  });
  it('refuses malformed payloads', () => {
    for (const bad of ['', 'hello', 'kjzy1', 'kjzy1..', `${p}.x`, p.replace('kjzy1', 'kjzy2'), p.replace('.', '.!'), 'x'.repeat(3000)]) {
      expect(verifyPayload(bad, SECRET, at(0))).toEqual(invalid);
    }
  });
  it('refuses a correctly signed body that is not a code (not JSON, unknown kind, extra field)', () => {
    const signRaw = (text: string) => {
      const signed = `kjzy1.${Buffer.from(text).toString('base64url')}`;
      return `${signed}.${createHmac('sha256', SECRET).update(signed).digest('base64url')}`;
    };
    expect(verifyPayload(signRaw('{"t":"a","a":"act1","k":"in","m":"static"}'), SECRET, at(0)).ok).toBe(true);
    for (const text of [
      'not json',
      '[]',
      'null',
      '{"t":"x","a":"act1"}',
      '{"t":"a","a":"act1","k":"in","m":"static","admin":true}',
      '{"t":"a","a":"act1","k":"in","m":"rotating","s":-1}',
    ]) {
      expect(verifyPayload(signRaw(text), SECRET, at(0))).toEqual(invalid);
    }
  });
});

describe('revoked codes: signed with an earlier secret', () => {
  const secrets = Array.from({ length: 8 }, (_, i) => Buffer.from(String(i).repeat(64), 'hex'));
  it('tells a code signed with one of the last REVOKED_LOOKBACK secrets from a made-up or tampered one', () => {
    expect(REVOKED_LOOKBACK).toBe(5);
    const old = signPayload(staticIn, secrets[0]);
    expect(signedWithEarlier(old, [secrets[2], secrets[1], secrets[0]])).toBe(true);
    expect(signedWithEarlier(old, [secrets[1]])).toBe(false);
    expect(signedWithEarlier(flip(old, old.length - 3), [secrets[0]])).toBe(false);
    expect(signedWithEarlier('hello', [secrets[0]])).toBe(false);
    // Six versions later it is only CODE_INVALID: the lookback bounds the work a refused scan can cause.
    expect(signedWithEarlier(old, [7, 6, 5, 4, 3, 2, 1, 0].map((i) => secrets[i]).slice(1))).toBe(false);
    expect(
      signedWithEarlier(
        old,
        [4, 3, 2, 1, 0].map((i) => secrets[i]),
      ),
    ).toBe(true);
  });
});
