// sms.send through the emulator with the real SDK: outbox, HMAC-only storage, per-phone, per-caller and daily limits, races.
import { detailsOf, latestSmsCode, useTestEmulator } from '../helpers/emulator';
import { resetEnvCache } from '../../cloudfunctions/common/env';
import { SMS_PHONES_PER_CALLER_PER_HOUR } from '../../cloudfunctions/common/domain/sms-send-quota';

const t = useTestEmulator({ clock: '2026-11-22T02:00:00Z' });

/** Each phone is asked for by its own WeChat user unless the test names one. */
const send = (phone: string, caller = `caller-${phone}`) => t.call('sms', 'send', { phone, purpose: 'register' }, caller);
const phones = (first: number, n: number) => Array.from({ length: n }, (_, i) => String(first + i));

describe('sms.send', () => {
  it('sends a 6-digit code to the outbox and stores only its HMAC', async () => {
    const r = await send('13900000001');
    expect(r).toEqual({ ok: true, data: { resendAfterSec: 60, expiresInSec: 300 } });
    const code = await latestSmsCode(t, '13900000001');
    expect(code).toMatch(/^\d{6}$/);
    const stored = await t.emu.db.find('sms_codes', {});
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(code);
    expect(stored[0].codeHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('VALIDATION: refuses a phone that is not a mainland mobile, and writes nothing', async () => {
    const r = await send('12345');
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await t.emu.db.find('sms_codes', {})).toHaveLength(0);
    expect(await t.emu.db.find('_dev_sms', {})).toHaveLength(0);
  });

  it('SMS.RATE_LIMITED: a resend within 60 s says how long to wait; after 60 s it goes', async () => {
    await send('13900000002');
    await t.setClock('2026-11-22T02:00:45Z');
    const r = await send('13900000002');
    expect(r).toMatchObject({ ok: false, code: 'SMS.RATE_LIMITED' });
    if (!r.ok) expect(detailsOf(r).retryAfterSec).toBeGreaterThanOrEqual(14);
    await t.setClock('2026-11-22T02:01:01Z');
    expect((await send('13900000002')).ok).toBe(true);
  });

  it('allows at most 5 per hour and 10 per day', async () => {
    const phone = '13900000003';
    for (let i = 0; i < 5; i++) {
      await t.setClock(new Date(Date.parse('2026-11-22T02:00:00Z') + i * 61_000).toISOString());
      expect((await send(phone)).ok).toBe(true);
    }
    await t.setClock('2026-11-22T02:10:00Z');
    expect(await send(phone)).toMatchObject({ ok: false, code: 'SMS.RATE_LIMITED' });
    for (let i = 0; i < 5; i++) {
      await t.setClock(new Date(Date.parse('2026-11-22T03:10:00Z') + i * 61_000).toISOString());
      expect((await send(phone)).ok).toBe(true);
    }
    await t.setClock('2026-11-22T05:00:00Z');
    const eleventh = await send(phone);
    expect(eleventh).toMatchObject({ ok: false, code: 'SMS.RATE_LIMITED' });
    await t.setClock('2026-11-23T02:09:00Z');
    expect((await send(phone)).ok).toBe(true);
  });

  it('answers the same whether or not the phone is registered (no enumeration)', async () => {
    const a = await send('13900000004');
    const b = await send('13900000005');
    expect(a).toEqual(b);
  });

  it('under 20 simultaneous sends to one phone, exactly one goes out', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => send('13900000006')));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'SMS.RATE_LIMITED')).toBe(true);
    expect(await t.emu.db.find('_dev_sms', { phone: '13900000006' })).toHaveLength(1);
  });
});

describe('sms.send against SMS pumping', () => {
  it('AUTH.UNAUTHENTICATED: without a WeChat user nothing is sent', async () => {
    const r = await t.call('sms', 'send', { phone: '13900000010', purpose: 'register' });
    expect(r).toEqual({ ok: false, code: 'AUTH.UNAUTHENTICATED', message: '请在微信中打开小程序后再试' });
    expect(await t.emu.db.find('_dev_sms', {})).toHaveLength(0);
    expect(await t.emu.db.find('sms_codes', {})).toHaveLength(0);
  });

  it(`SMS.RATE_LIMITED: one WeChat user reaches at most ${SMS_PHONES_PER_CALLER_PER_HOUR} phones an hour; resends to those still go`, async () => {
    const [a, b, c, d] = phones(13900000020, 4);
    for (const [i, p] of [a, b, c].entries()) {
      await t.setClock(new Date(Date.parse('2026-11-22T02:00:00Z') + i * 10 * 60_000).toISOString());
      expect(await send(p, 'pumper')).toMatchObject({ ok: true });
    }
    await t.setClock('2026-11-22T02:30:00Z');
    const fourth = await send(d, 'pumper');
    // The first phone leaves the hour at 03:00, 30 minutes on.
    expect(fourth).toEqual({
      ok: false,
      code: 'SMS.RATE_LIMITED',
      message: '您在1小时内已向3个手机号发送验证码，请30分钟后再试',
      details: { retryAfterSec: expect.any(Number) },
    });
    if (!fourth.ok) expect(Math.abs(Number(detailsOf(fourth).retryAfterSec) - 30 * 60)).toBeLessThanOrEqual(5);
    expect(await t.emu.db.find('_dev_sms', { phone: d })).toHaveLength(0);
    expect(await send(a, 'pumper')).toMatchObject({ ok: true }); // a resend to a phone already reached
    expect(await send(d, 'someone-else')).toMatchObject({ ok: true });
    await t.setClock('2026-11-22T03:20:01Z'); // a's resend at 02:30 keeps it in the hour until 03:30; b and c have left it
    expect(await send(d, 'pumper')).toMatchObject({ ok: true });
  });

  it(`under 40 simultaneous sends from one WeChat user to 40 phones, at most ${SMS_PHONES_PER_CALLER_PER_HOUR} go out`, async () => {
    const targets = phones(13900000100, 40);
    const results = await Promise.all(targets.map((p) => send(p, 'pumper')));
    const sent = results.filter((r) => r.ok).length;
    expect(sent).toBeGreaterThanOrEqual(1);
    expect(sent).toBeLessThanOrEqual(SMS_PHONES_PER_CALLER_PER_HOUR);
    expect(
      results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'SMS.RATE_LIMITED' && Number(detailsOf(r).retryAfterSec) > 0),
    ).toBe(true);
    expect(await t.emu.db.find('_dev_sms', {})).toHaveLength(sent);
    // Refused sends used none of the targets' own quota: their owners can still get a code at once.
    const refused = targets.filter((_, i) => !results[i].ok);
    expect(await send(refused[0], 'owner')).toMatchObject({ ok: true });
  });

  it('SMS.DAILY_LIMIT_REACHED: the whole service sends at most SMS_DAILY_LIMIT codes a Shanghai day, also under concurrency', async () => {
    process.env.SMS_DAILY_LIMIT = '5';
    resetEnvCache();
    try {
      await t.setClock('2026-11-22T15:00:00Z'); // 23:00 in Shanghai
      const results = await Promise.all(phones(13900000200, 12).map((p) => send(p)));
      expect(results.filter((r) => r.ok)).toHaveLength(5);
      const refused = results.find((r) => !r.ok);
      expect(refused).toEqual({
        ok: false,
        code: 'SMS.DAILY_LIMIT_REACHED',
        message: '今日验证码发送量已达上限，请明天再试',
        details: { retryAfterSec: expect.any(Number) },
      });
      expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'SMS.DAILY_LIMIT_REACHED')).toBe(true);
      // Until midnight in Shanghai, an hour on.
      if (refused && !refused.ok) expect(detailsOf(refused).retryAfterSec).toBeGreaterThan(3600 - 5);
      if (refused && !refused.ok) expect(detailsOf(refused).retryAfterSec).toBeLessThanOrEqual(3600);
      expect(await t.emu.db.find('_dev_sms', {})).toHaveLength(5);
      await t.setClock('2026-11-22T16:00:01Z'); // the next day in Shanghai
      expect(await send('13900000299')).toMatchObject({ ok: true });
    } finally {
      delete process.env.SMS_DAILY_LIMIT;
      resetEnvCache();
    }
  });
});
