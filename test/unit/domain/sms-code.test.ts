// SMS rules: six CSPRNG digits, resend after 60 s, 5 an hour, 10 a day, tries and expiry.
import { checkCodeState, decideSend, generateSmsCode } from '../../../cloudfunctions/common/domain/sms-code';

const MIN = 60_000;
const T0 = Date.parse('2026-11-22T02:00:00Z');

describe('generateSmsCode', () => {
  it('is always six digits', () => {
    for (let i = 0; i < 200; i++) expect(generateSmsCode()).toMatch(/^\d{6}$/);
  });
});

describe('decideSend', () => {
  it('allows the first send and records it', () => {
    expect(decideSend([], T0)).toEqual({ ok: true, keep: [T0] });
  });
  it('refuses a resend within 60 s and says how long to wait', () => {
    expect(decideSend([T0], T0 + 20_000)).toEqual({ ok: false, retryAfterSec: 40 });
    expect(decideSend([T0], T0 + 60_000).ok).toBe(true);
  });
  it('allows 5 per hour, then waits until the oldest of them is an hour old', () => {
    const five = [0, 2, 4, 6, 8].map((m) => T0 + m * MIN);
    const d = decideSend(five, T0 + 10 * MIN);
    expect(d).toEqual({ ok: false, retryAfterSec: 50 * 60 });
    expect(decideSend(five, T0 + 60 * MIN + 1).ok).toBe(true);
  });
  it('allows 10 per day', () => {
    const ten = Array.from({ length: 10 }, (_, i) => T0 + i * 70 * MIN);
    const at = T0 + 12 * 60 * MIN;
    const d = decideSend(ten, at);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.retryAfterSec).toBe((24 * 60 - 12 * 60) * 60);
    expect(decideSend(ten, T0 + 24 * 60 * MIN + 1).ok).toBe(true);
  });
  it('forgets sends older than a day', () => {
    const d = decideSend([T0 - 25 * 60 * MIN], T0);
    expect(d).toEqual({ ok: true, keep: [T0] });
  });
});

describe('checkCodeState', () => {
  const base = { expiresAt: new Date(T0 + 5 * MIN), attempts: 0, used: false };
  it('is ok until it expires', () => {
    expect(checkCodeState(base, new Date(T0 + 5 * MIN))).toBe('ok');
    expect(checkCodeState(base, new Date(T0 + 5 * MIN + 1))).toBe('expired');
  });
  it('is void after use or 5 tries', () => {
    expect(checkCodeState({ ...base, used: true }, new Date(T0))).toBe('used');
    expect(checkCodeState({ ...base, attempts: 5 }, new Date(T0))).toBe('exhausted');
    expect(checkCodeState({ ...base, attempts: 4 }, new Date(T0))).toBe('ok');
  });
});
