// checkin.code and checkin.scan through the emulator: every refusal, replay, the day rules, concurrency, cost.
import { dataOf, detailsOf, refusalOf, useTestEmulator } from '../helpers/emulator';
import { activityCode, dbRequests, nonce, north, POINT, seedActivity, seedCheckinScene, seedEnrollment } from '../helpers/checkin';

// 09:30 on the first day (Asia/Shanghai). The emulator clock runs on from the time set, so scans land milliseconds
// (under load, seconds) later; credited minutes cut both times to the whole minute, so expectations stay exact.
const t = useTestEmulator({ clock: '2026-12-01T01:30:00.000Z' });
let act: { _id: string };

beforeEach(async () => {
  act = await seedCheckinScene(t, ['vol']);
});

const scan = (payload: string, openid = 'vol', location: { lat: number; lng: number } = north(100), n = nonce()) =>
  t.call('checkin', 'scan', { payload, location, nonce: n }, openid);

describe('checkin.code', () => {
  it('gives the admins of the team a static code and an SVG QR, a rotating one with its expiry', async () => {
    const s = await t.call('checkin', 'code', { activityId: act._id, kind: 'in' }, 'lz-admin');
    expect(s).toMatchObject({ ok: true, data: { kind: 'in', mode: 'static', title: '社区科普讲解' } });
    expect(dataOf(s).qrSvg).toMatch(/^<svg/);
    expect(dataOf(s).expiresAt).toBeUndefined();
    const r = await t.call('checkin', 'code', { activityId: act._id, kind: 'out', mode: 'rotating' }, 'lz-admin');
    expect(r.ok && Date.parse(r.data.expiresAt ?? '') - Date.parse('2026-12-01T01:30:00Z')).toBeLessThanOrEqual(30_000);
    expect(dataOf(r).payload).not.toBe(dataOf(s).payload);
  });

  it("states the activity's own radius, which the poster and the code screen print", async () => {
    expect(dataOf(await t.call('checkin', 'code', { activityId: act._id, kind: 'in' }, 'lz-admin')).radiusM).toBe(5000);
    expect(await t.call('activity', 'update', { activityId: act._id, radiusM: 1200 }, 'lz-admin')).toMatchObject({ ok: true });
    expect(dataOf(await t.call('checkin', 'code', { activityId: act._id, kind: 'in' }, 'lz-admin')).radiusM).toBe(1200);
  });

  it('AUTH.FORBIDDEN for a plain member and for the admin of a sibling team', async () => {
    expect(await t.call('checkin', 'code', { activityId: act._id, kind: 'in' }, 'vol')).toMatchObject({
      ok: false,
      code: 'AUTH.FORBIDDEN',
    });
    expect(await t.call('checkin', 'code', { activityId: act._id, kind: 'in' }, 'ts-admin')).toMatchObject({
      ok: false,
      code: 'AUTH.FORBIDDEN',
    });
    expect(await t.call('checkin', 'code', { activityId: 'nope', kind: 'in' }, 'lz-admin')).toMatchObject({
      ok: false,
      code: 'ACTIVITY.NOT_FOUND',
    });
  });
});

describe('checkin.scan', () => {
  it('signs in, then out: one record for the day with the overlap in minutes', async () => {
    const inCode = await activityCode(t, act._id, 'in', 'lz-admin');
    const outCode = await activityCode(t, act._id, 'out', 'lz-admin');
    await t.setClock('2026-12-01T01:30:00.000Z'); // seeding and minting took a while on a loaded machine
    const first = await scan(inCode);
    expect(first).toMatchObject({
      ok: true,
      data: {
        kind: 'in',
        date: '2026-12-01',
        repeated: false,
        record: { status: 'open', minutes: 0, signInAt: '2026-12-01T09:30:00+08:00' },
      },
    });
    expect(dataOf(first).distanceM).toBeGreaterThan(90);
    expect(dataOf(first).distanceM).toBeLessThan(110);
    await t.setClock('2026-12-01T04:45:10Z'); // 12:45:10
    const out = await scan(outCode);
    expect(out).toMatchObject({
      ok: true,
      data: { kind: 'out', record: { status: 'closed', minutes: 195, signOutAt: '2026-12-01T12:45:10+08:00' } },
    });
    expect(await t.emu.db.find('checkin_days', { openid: 'vol' })).toHaveLength(1);
  });

  it('the first sign-in counts, the latest sign-out counts', async () => {
    const inCode = await activityCode(t, act._id, 'in', 'lz-admin');
    const outCode = await activityCode(t, act._id, 'out', 'lz-admin');
    await t.setClock('2026-12-01T01:30:00.000Z');
    await scan(inCode);
    await t.setClock('2026-12-01T02:00:00Z');
    const again = await scan(inCode);
    expect(again).toMatchObject({ ok: true, data: { repeated: true, record: { signInAt: '2026-12-01T09:30:00+08:00' } } });
    await t.setClock('2026-12-01T05:00:00Z');
    await scan(outCode);
    await t.setClock('2026-12-01T08:00:00Z');
    expect(await scan(outCode)).toMatchObject({ ok: true, data: { record: { minutes: 390, signOutAt: '2026-12-01T16:00:00+08:00' } } });
    // Past dailyEnd: credited up to 17:00 only, capped at 480.
    await t.setClock('2026-12-01T10:30:00Z');
    expect(await scan(outCode)).toMatchObject({ ok: true, data: { record: { minutes: 450 } } });
  });

  it('replaying a nonce returns the first answer and writes nothing', async () => {
    const inCode = await activityCode(t, act._id, 'in', 'lz-admin');
    const outCode = await activityCode(t, act._id, 'out', 'lz-admin');
    const n1 = nonce();
    const first = await scan(inCode, 'vol', north(100), n1);
    await t.setClock('2026-12-01T03:00:00Z');
    const n2 = nonce();
    const out = await scan(outCode, 'vol', north(200), n2);
    await t.setClock('2026-12-01T04:00:00Z');
    const before = await t.emu.db.find('checkin_days', { openid: 'vol' });
    await t.dev('DELETE', '/_dev/stats');
    const replayIn = await scan(inCode, 'vol', north(3000), n1);
    const replayOut = await scan(outCode, 'vol', north(3000), n2);
    const stats = await t.dev<{ database: Record<string, number> }>('GET', '/_dev/stats');
    // A replayed sign-in tries the record's insert, which its unique id refuses; nothing is modified.
    expect(Object.keys(stats.database).filter((k) => /modify|update|remove|delete|transaction/i.test(k))).toEqual([]);
    expect(dataOf(replayIn)).toMatchObject({ kind: 'in', at: dataOf(first).at, distanceM: dataOf(first).distanceM, repeated: true });
    expect(dataOf(replayOut)).toMatchObject({ kind: 'out', at: dataOf(out).at, distanceM: dataOf(out).distanceM, repeated: true });
    expect(await t.emu.db.find('checkin_days', { openid: 'vol' })).toEqual(before);
  });

  // The activity's schedule and place come from the warm cache; its status and code version are read fresh on every
  // scan, so a cancellation or a revoked code takes effect at once. A sign-in reads that stamp joined to the enrollment
  // (one request) and inserts the record; a sign-out reads it joined to the day's record, then updates it conditionally.
  it('a warm sign-in costs two database requests, a sign-out two', async () => {
    const inCode = await activityCode(t, act._id, 'in', 'lz-admin');
    const outCode = await activityCode(t, act._id, 'out', 'lz-admin');
    await seedEnrollment(t, act._id, 'vol2');
    await scan(inCode, 'vol2'); // warms the activity
    await t.dev('DELETE', '/_dev/stats');
    await scan(inCode);
    expect(await dbRequests(t)).toBe(2);
    await t.setClock('2026-12-01T03:00:00Z');
    await t.dev('DELETE', '/_dev/stats');
    expect(await scan(outCode)).toMatchObject({ ok: true, data: { outcome: 'signedOut', record: { minutes: 90 } } });
    expect(await dbRequests(t)).toBe(2);
  });

  it('an on-site auto code costs three requests to sign in, two to sign out, one after the sign-out', async () => {
    const autoCode = await activityCode(t, act._id, 'auto', 'lz-admin');
    await seedEnrollment(t, act._id, 'vol2');
    await scan(autoCode, 'vol2'); // warms the activity
    await t.dev('DELETE', '/_dev/stats');
    expect(await scan(autoCode)).toMatchObject({ ok: true, data: { outcome: 'signedIn' } });
    expect(await dbRequests(t)).toBe(3);
    await t.setClock('2026-12-01T03:00:00Z');
    await t.dev('DELETE', '/_dev/stats');
    expect(await scan(autoCode)).toMatchObject({ ok: true, data: { outcome: 'signedOut', record: { minutes: 90 } } });
    expect(await dbRequests(t)).toBe(2);
    await t.setClock('2026-12-01T03:10:00Z');
    await t.dev('DELETE', '/_dev/stats');
    expect(await scan(autoCode)).toMatchObject({ ok: true, data: { outcome: 'alreadySignedOut', record: { minutes: 90 } } });
    expect(await dbRequests(t)).toBe(1);
  });

  it('a record read with a stale stamp is not used: a sign-out after an edit reads the day again', async () => {
    const inCode = await activityCode(t, act._id, 'in', 'lz-admin');
    const outCode = await activityCode(t, act._id, 'out', 'lz-admin');
    await scan(inCode);
    await t.setClock('2026-12-01T02:00:00Z');
    await scan(outCode); // warm, signed out at 10:00
    expect(await t.call('activity', 'update', { activityId: act._id, radiusM: 1000 }, 'lz-admin')).toMatchObject({ ok: true });
    expect(await scan(outCode, 'vol', north(2000))).toMatchObject({ ok: false, code: 'CHECKIN.OUT_OF_RANGE', details: { radiusM: 1000 } });
    await t.setClock('2026-12-01T03:00:00Z');
    expect(await scan(outCode, 'vol', north(100))).toMatchObject({ ok: true, data: { repeated: false, record: { minutes: 90 } } });
    // A sign-out with no sign-in that day is refused the same way whether or not the record came with the stamp.
    await seedEnrollment(t, act._id, 'vol3');
    expect(await scan(outCode, 'vol3')).toMatchObject({ ok: false, code: 'CHECKIN.NOT_SIGNED_IN' });
  });

  it('a warm activity still takes an edit, a revocation and a cancellation at the very next sign-in', async () => {
    const inCode = await activityCode(t, act._id, 'in', 'lz-admin');
    await seedEnrollment(t, act._id, 'vol2');
    await seedEnrollment(t, act._id, 'vol3');
    await scan(inCode, 'vol2'); // warms the activity
    expect(await t.call('activity', 'update', { activityId: act._id, radiusM: 1000 }, 'lz-admin')).toMatchObject({ ok: true });
    expect(await scan(inCode, 'vol', north(2000))).toMatchObject({ ok: false, code: 'CHECKIN.OUT_OF_RANGE', details: { radiusM: 1000 } });
    expect(await t.call('checkin', 'revokeCodes', { activityId: act._id }, 'lz-admin')).toMatchObject({ ok: true });
    expect(await scan(inCode, 'vol', north(100))).toMatchObject({ ok: false, code: 'CHECKIN.CODE_INVALID', details: { revoked: true } });
    const fresh = await activityCode(t, act._id, 'in', 'lz-admin');
    expect(await scan(fresh, 'vol', north(100))).toMatchObject({ ok: true });
    expect(await t.call('activity', 'cancel', { activityId: act._id, reason: '天气原因' }, 'lz-admin')).toMatchObject({ ok: true });
    expect(await scan(fresh, 'vol3', north(100))).toMatchObject({ ok: false, code: 'ACTIVITY.CANCELLED' });
    expect((await t.emu.db.find('checkin_days', {})).map((d) => d.openid).sort()).toEqual(['vol', 'vol2']);
  });

  it('each day of a multi-day activity has its own record', async () => {
    const inCode = await activityCode(t, act._id, 'in', 'lz-admin');
    const outCode = await activityCode(t, act._id, 'out', 'lz-admin');
    await scan(inCode);
    await t.setClock('2026-12-01T09:00:00Z');
    await scan(outCode);
    await t.setClock('2026-12-02T00:30:00Z'); // 08:30 on day two
    expect(await scan(inCode)).toMatchObject({ ok: true, data: { date: '2026-12-02', repeated: false, record: { status: 'open' } } });
    await t.setClock('2026-12-02T02:00:00Z');
    expect(await scan(outCode)).toMatchObject({ ok: true, data: { record: { minutes: 60 } } });
    const days = await t.emu.db.find('checkin_days', { openid: 'vol' });
    expect(days.map((d) => [d.date, d.minutes]).sort()).toEqual([
      ['2026-12-01', 450],
      ['2026-12-02', 60],
    ]);
  });

  it('a sign-out after midnight within the 180 minutes closes the day of the sign-in (an evening ending 22:30)', async () => {
    // 18:00–22:30 each day: sign-outs are taken until 01:30 the next morning, and belong to the evening before.
    const evening = await seedActivity(t, 'lz', {
      dailyStart: '18:00',
      dailyEnd: '22:30',
      startAt: new Date('2026-12-01T10:00:00Z'),
      endAt: new Date('2026-12-02T14:30:00Z'),
    });
    await seedEnrollment(t, evening._id, 'vol');
    const inCode = await activityCode(t, evening._id, 'in', 'lz-admin');
    const outCode = await activityCode(t, evening._id, 'out', 'lz-admin');
    await t.setClock('2026-12-01T10:05:00Z'); // 18:05
    expect(await scan(inCode)).toMatchObject({ ok: true, data: { date: '2026-12-01' } });
    await t.setClock('2026-12-01T16:40:00Z'); // 00:40 on 12-02
    expect(await scan(outCode)).toMatchObject({
      ok: true,
      data: { kind: 'out', date: '2026-12-01', record: { date: '2026-12-01', status: 'closed', minutes: 265 } },
    });
    await t.setClock('2026-12-01T17:31:00Z'); // 01:31: past the 180 minutes
    expect(await scan(outCode)).toMatchObject({ ok: false, code: 'CHECKIN.OUTSIDE_WINDOW' });
    const days = await t.emu.db.find('checkin_days', { activityId: evening._id });
    expect(days.map((d) => [d.date, d.minutes])).toEqual([['2026-12-01', 265]]);
  });

  it('CHECKIN.OUTSIDE_WINDOW: from 60 min before the start to 180 min after the end, on scheduled days only', async () => {
    const inCode = await activityCode(t, act._id, 'in', 'lz-admin');
    const outCode = await activityCode(t, act._id, 'out', 'lz-admin');
    await t.setClock('2026-12-01T00:00:00Z'); // 08:00, exactly 60 min before
    expect((await scan(inCode)).ok).toBe(true);
    await t.setClock('2026-12-01T11:59:59Z'); // 19:59:59 ≤ 20:00
    expect((await scan(outCode)).ok).toBe(true);
    await t.setClock('2026-12-01T12:01:00Z');
    expect(await scan(outCode)).toMatchObject({ ok: false, code: 'CHECKIN.OUTSIDE_WINDOW' });
    await t.setClock('2026-12-01T23:58:00Z'); // 07:58 day two
    expect(await scan(inCode, 'vol')).toMatchObject({ ok: false, code: 'CHECKIN.OUTSIDE_WINDOW' });
    await t.setClock('2026-12-03T02:00:00Z'); // not a scheduled day
    expect(await scan(inCode)).toMatchObject({ ok: false, code: 'CHECKIN.OUTSIDE_WINDOW' });
  });

  it('CHECKIN.OUT_OF_RANGE with the measured distance; 4.9 km is in, 5.1 km is out', async () => {
    const inCode = await activityCode(t, act._id, 'in', 'lz-admin');
    const far = await scan(inCode, 'vol', north(5100));
    expect(far).toMatchObject({ ok: false, code: 'CHECKIN.OUT_OF_RANGE', details: { radiusM: 5000 } });
    expect(detailsOf(far).distanceM).toBeGreaterThan(5050);
    expect(refusalOf(far).message).toMatch(/5\.1公里/);
    expect(await t.emu.db.find('checkin_days', {})).toHaveLength(0);
    expect((await scan(inCode, 'vol', north(4900))).ok).toBe(true);
  });

  it('CHECKIN.NOT_ENROLLED for someone not enrolled, still waitlisted or cancelled, also once the activity is warm', async () => {
    const inCode = await activityCode(t, act._id, 'in', 'lz-admin');
    expect(await scan(inCode, 'vol2')).toMatchObject({ ok: false, code: 'CHECKIN.NOT_ENROLLED' });
    expect(await scan(inCode, 'vol')).toMatchObject({ ok: true }); // warms the activity
    expect(await scan(inCode, 'vol2')).toMatchObject({ ok: false, code: 'CHECKIN.NOT_ENROLLED' });
    await seedEnrollment(t, act._id, 'vol2', 'waitlisted');
    expect(await scan(inCode, 'vol2')).toMatchObject({ ok: false, code: 'CHECKIN.NOT_ENROLLED' });
    await seedEnrollment(t, act._id, 'vol3', 'cancelled');
    expect(await scan(inCode, 'vol3')).toMatchObject({ ok: false, code: 'CHECKIN.NOT_ENROLLED' });
    expect(await t.emu.db.find('checkin_days', { openid: 'vol2' })).toEqual([]);
  });

  it('CHECKIN.NOT_SIGNED_IN: signing out without signing in that day', async () => {
    const outCode = await activityCode(t, act._id, 'out', 'lz-admin');
    expect(await scan(outCode)).toMatchObject({ ok: false, code: 'CHECKIN.NOT_SIGNED_IN' });
  });

  it('CHECKIN.CODE_INVALID for tampered, foreign and made-up payloads', async () => {
    const inCode = await activityCode(t, act._id, 'in', 'lz-admin');
    const other = await seedActivity(t, 'lz', { location: POINT });
    const otherCode = await activityCode(t, other._id, 'in', 'lz-admin');
    const [head, body, mac] = inCode.split('.');
    const flipped = `${head}.${body}.${mac.slice(0, -2)}${mac.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(await scan(flipped)).toMatchObject({ ok: false, code: 'CHECKIN.CODE_INVALID' });
    // The body of one activity with the signature of another.
    const [, , otherMac] = otherCode.split('.');
    expect(await scan(`${head}.${body}.${otherMac}`)).toMatchObject({ ok: false, code: 'CHECKIN.CODE_INVALID' });
    expect(await scan('hello world')).toMatchObject({ ok: false, code: 'CHECKIN.CODE_INVALID' });
    // A volunteer's personal code is not an activity code.
    const mine = await t.call('checkin', 'myCode', { activityId: act._id }, 'vol');
    expect(await scan(dataOf(mine).payload)).toMatchObject({ ok: false, code: 'CHECKIN.CODE_INVALID' });
  });

  it('CHECKIN.CODE_EXPIRED: a rotating code is good for its step and the next one only', async () => {
    await t.setClock('2026-12-01T01:30:00Z');
    const code = await activityCode(t, act._id, 'in', 'lz-admin', 'rotating');
    await t.setClock('2026-12-01T01:30:45Z'); // the next step: still accepted
    expect((await scan(code)).ok).toBe(true);
    await t.setClock('2026-12-01T01:31:00Z'); // two steps later
    expect(await scan(code, 'vol', north(100))).toMatchObject({ ok: false, code: 'CHECKIN.CODE_EXPIRED' });
  });

  it('VALIDATION for a bad nonce or location, before anything is read', async () => {
    const inCode = await activityCode(t, act._id, 'in', 'lz-admin');
    expect(await t.call('checkin', 'scan', { payload: inCode, location: POINT, nonce: 'x' }, 'vol')).toMatchObject({
      ok: false,
      code: 'VALIDATION',
    });
    expect(await t.call('checkin', 'scan', { payload: inCode, location: { lat: 200, lng: 0 }, nonce: nonce() }, 'vol')).toMatchObject({
      ok: false,
      code: 'VALIDATION',
    });
  });

  it('the same volunteer scanning in and out several times at once writes one record', async () => {
    const inCode = await activityCode(t, act._id, 'in', 'lz-admin');
    const outCode = await activityCode(t, act._id, 'out', 'lz-admin');
    const ins = await Promise.all(Array.from({ length: 10 }, () => scan(inCode)));
    expect(ins.every((r) => r.ok)).toBe(true);
    expect(ins.map(dataOf).filter((d) => !d.repeated)).toHaveLength(1);
    expect(new Set(ins.map((r) => dataOf(r).record.signInAt)).size).toBe(1);
    await t.setClock('2026-12-01T03:00:00Z');
    const outs = await Promise.all(Array.from({ length: 10 }, () => scan(outCode)));
    expect(outs.every((r) => r.ok)).toBe(true);
    const days = await t.emu.db.find('checkin_days', { openid: 'vol' });
    expect(days).toHaveLength(1);
    expect(days[0]).toMatchObject({ minutes: 90, status: 'closed' });
  });

  it('ACTIVITY.CANCELLED: a cancelled activity takes no scans', async () => {
    const cancelled = await seedActivity(t, 'lz', { status: 'cancelled' });
    await seedEnrollment(t, cancelled._id, 'vol');
    expect(await t.call('checkin', 'code', { activityId: cancelled._id, kind: 'in' }, 'lz-admin')).toMatchObject({
      ok: false,
      code: 'ACTIVITY.CANCELLED',
    });
  });
});

describe('checkin.myCode and scanVolunteer', () => {
  it('an admin scans a volunteer whose phone cannot locate; the record says who did', async () => {
    const mine = await t.call('checkin', 'myCode', { activityId: act._id }, 'vol');
    expect(mine).toMatchObject({ ok: true });
    expect(dataOf(mine).qrSvg).toMatch(/^<svg/);
    const r = await t.call('checkin', 'scanVolunteer', { payload: dataOf(mine).payload, kind: 'in' }, 'lz-admin');
    expect(r).toMatchObject({ ok: true, data: { kind: 'in', realName: '张伟', record: { signInBy: 'lz-admin', status: 'open' } } });
    expect(await t.call('checkin', 'scanVolunteer', { payload: dataOf(mine).payload, kind: 'in' }, 'ts-admin')).toMatchObject({
      ok: false,
      code: 'AUTH.FORBIDDEN',
    });
  });

  it('CHECKIN.NOT_ENROLLED: no personal code without an enrollment', async () => {
    expect(await t.call('checkin', 'myCode', { activityId: act._id }, 'vol2')).toMatchObject({ ok: false, code: 'CHECKIN.NOT_ENROLLED' });
  });
});
