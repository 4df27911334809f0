// The 现场数字码 (six digits per kind and 5-minute step) and the grace a retried tap gets on rotating codes.
import {
  isOnSiteNumber,
  numberExpiresAt,
  numberStep,
  onSiteNumber,
  signPayload,
  signScene,
  verifyOnSiteNumber,
  verifyPayload,
  verifyScene,
} from '../../../cloudfunctions/common/domain/checkin-code';
import { CODE_KINDS } from '@contract/checkin';
import { at, OTHER, S0, SECRET, T0 } from './code-clock';

const N0 = numberStep(T0);

describe('onSiteNumber', () => {
  it('is six digits, kept with leading zeros, and differs by kind, step and secret', () => {
    const numbers = CODE_KINDS.map((kind) => onSiteNumber(SECRET, kind, N0));
    for (const n of numbers) expect(n).toMatch(/^\d{6}$/);
    expect(new Set(numbers).size).toBe(3);
    expect(onSiteNumber(SECRET, 'auto', N0 + 1)).not.toBe(numbers[2]);
    expect(onSiteNumber(OTHER, 'auto', N0)).not.toBe(numbers[2]);
    expect(onSiteNumber(SECRET, 'auto', N0)).toBe(numbers[2]);
    const padded = Array.from({ length: 3000 }, (_, i) => onSiteNumber(SECRET, 'in', i)).filter((n) => n.startsWith('0'));
    expect(padded.length).toBeGreaterThan(0);
    expect(padded.every((n) => n.length === 6)).toBe(true);
  });

  it('expires at the end of its 5-minute step', () => {
    expect(numberExpiresAt(T0).toISOString()).toBe('2026-12-01T01:05:00.000Z');
    expect(numberExpiresAt(at(299_999)).toISOString()).toBe('2026-12-01T01:05:00.000Z');
  });

  it('isOnSiteNumber takes six digits only', () => {
    expect(isOnSiteNumber('012345')).toBe(true);
    expect(isOnSiteNumber(' 012345 ')).toBe(true);
    for (const text of ['12345', '1234567', '12345a', '１２３４５６', '']) expect(isOnSiteNumber(text)).toBe(false);
  });
});

describe('verifyOnSiteNumber', () => {
  it('tells the kind, for the current and the previous step only', () => {
    for (const kind of CODE_KINDS) {
      const n = onSiteNumber(SECRET, kind, N0);
      expect(verifyOnSiteNumber(n, SECRET, T0)).toEqual({ ok: true, kind });
      expect(verifyOnSiteNumber(n, SECRET, at(599_999))).toEqual({ ok: true, kind });
      expect(verifyOnSiteNumber(n, SECRET, at(600_000))).toEqual({ ok: false });
      expect(verifyOnSiteNumber(n, OTHER, T0)).toEqual({ ok: false });
    }
  });

  it('a retried tap gets 2 minutes more, marked late', () => {
    const n = onSiteNumber(SECRET, 'auto', N0);
    expect(verifyOnSiteNumber(n, SECRET, at(600_000), { retry: true })).toEqual({ ok: true, kind: 'auto', late: true });
    expect(verifyOnSiteNumber(n, SECRET, at(719_999), { retry: true })).toEqual({ ok: true, kind: 'auto', late: true });
    expect(verifyOnSiteNumber(n, SECRET, at(720_000), { retry: true })).toEqual({ ok: false });
  });
});

describe('rotating codes and a retried tap', () => {
  const payload = signPayload({ t: 'a', a: 'act1', k: 'auto', m: 'rotating', s: S0 }, SECRET);
  const scene = signScene({ key: 'aZ09xYq7', kind: 'auto', s: S0 }, SECRET);

  it('a first tap is refused once the previous step is over; a retry is accepted for 2 minutes more, marked late', () => {
    expect(verifyPayload(payload, SECRET, at(59_999))).toEqual({ ok: true, body: expect.objectContaining({ s: S0 }) });
    expect(verifyPayload(payload, SECRET, at(60_000))).toEqual({ ok: false, reason: 'CODE_EXPIRED' });
    expect(verifyPayload(payload, SECRET, at(60_000), { retry: true })).toMatchObject({ ok: true, late: true });
    expect(verifyPayload(payload, SECRET, at(179_999), { retry: true })).toMatchObject({ ok: true, late: true });
    expect(verifyPayload(payload, SECRET, at(180_000), { retry: true })).toEqual({ ok: false, reason: 'CODE_EXPIRED' });
    expect(verifyScene(scene, SECRET, at(60_000))).toEqual({ ok: false, reason: 'CODE_EXPIRED' });
    expect(verifyScene(scene, SECRET, at(179_999), { retry: true })).toMatchObject({ ok: true, late: true });
    expect(verifyScene(scene, SECRET, at(180_000), { retry: true })).toEqual({ ok: false, reason: 'CODE_EXPIRED' });
  });

  it('a retry does not make a forged code pass', () => {
    expect(verifyPayload(payload, OTHER, at(60_000), { retry: true })).toEqual({ ok: false, reason: 'CODE_INVALID' });
    expect(verifyScene(scene, OTHER, at(60_000), { retry: true })).toEqual({ ok: false, reason: 'CODE_INVALID' });
  });
});
