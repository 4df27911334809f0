// sms.send through the emulator with the real SDK: outbox, HMAC-only storage, resend/hour/day limits, races.
import { latestSmsCode, useTestEmulator } from '../helpers/emulator';

const t = useTestEmulator({ clock: '2026-11-22T02:00:00Z' });

const send = (phone: string) => t.call('sms', 'send', { phone, purpose: 'register' });

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
    if (!r.ok) expect(r.details.retryAfterSec).toBeGreaterThanOrEqual(14);
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
