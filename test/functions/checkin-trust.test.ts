// Records you can trust, through the emulator: nobody decides their own day, leaked codes can be revoked and odd
// positions are flagged, a cancelled activity takes and credits nothing, and a nonce is never a field name.
import { dataOf, seedMembership, seedVolunteer, useTestEmulator } from '../helpers/emulator';
import {
  activityCode,
  nonce,
  north,
  POINT,
  requestForgottenSignOut,
  seedActivity,
  seedCheckinScene,
  seedEnrollment,
} from '../helpers/checkin';

// 09:30 on the first day (Asia/Shanghai); scans land milliseconds later and count from 09:30.
const t = useTestEmulator({ clock: '2026-12-01T01:30:00.000Z' });
let act: { _id: string };

beforeEach(async () => {
  // lz-admin is the only manager of 兰州 and is enrolled too; root-leader leads the parent team.
  act = await seedCheckinScene(t, ['vol', 'vol2', 'lz-admin']);
});

type Fix = { lat: number; lng: number; accuracy?: number };
const scan = (payload: string, openid: string, location: Fix = north(100), n = nonce()) =>
  t.call('checkin', 'scan', { payload, location, nonce: n }, openid);

async function signIn(openid: string, location: Fix = north(50)) {
  const r = await scan(await activityCode(t, act._id, 'in', 'lz-admin'), openid, location);
  if (!r.ok) throw new Error(`${r.code} ${r.message}`);
  return r;
}

async function dayOf(openid: string, date = '2026-12-01') {
  const [day] = await t.emu.db.find('checkin_days', { openid, date });
  return day;
}

/** A second admin of 兰州, who may decide what concerns lz-admin. */
async function secondAdmin() {
  await seedVolunteer(t, 'lz-admin2', '13900000009', '周敏');
  await seedMembership(t, 'lz', 'lz-admin2', 'admin');
}

async function forgotToSignOut(openid: string) {
  await signIn(openid);
  return requestForgottenSignOut(t, act._id, openid);
}

describe('AUTH.SELF_DEALING: nobody decides their own record', () => {
  it('reviewCorrection: an admin cannot approve their own correction; another admin of the team can', async () => {
    const id = await forgotToSignOut('lz-admin');
    await secondAdmin();
    const own = await t.call('checkin', 'reviewCorrection', { correctionId: id, decision: 'approve' }, 'lz-admin');
    expect(own).toMatchObject({ ok: false, code: 'AUTH.SELF_DEALING', message: expect.stringContaining('本队其他') });
    expect(await dayOf('lz-admin')).toMatchObject({ status: 'open', minutes: 0 });
    expect(await t.emu.db.find('checkin_corrections', { _id: id })).toMatchObject([{ status: 'pending' }]);
    expect(
      await t.call('checkin', 'reviewCorrection', { correctionId: id, decision: 'reject', reason: '自己驳回自己' }, 'lz-admin'),
    ).toMatchObject({ ok: false, code: 'AUTH.SELF_DEALING' });

    expect(await t.call('checkin', 'reviewCorrection', { correctionId: id, decision: 'approve' }, 'lz-admin2')).toMatchObject({
      ok: true,
      data: { correction: { status: 'approved' } },
    });
    expect(await dayOf('lz-admin')).toMatchObject({ status: 'adjusted', minutes: 420, adjustments: [{ by: 'lz-admin2' }] });
  });

  it('with no other manager in the team the parent team’s leader decides; the parent does not decide for the team’s volunteers', async () => {
    const own = await forgotToSignOut('lz-admin');
    const refused = await t.call('checkin', 'reviewCorrection', { correctionId: own, decision: 'approve' }, 'lz-admin');
    expect(refused).toMatchObject({ ok: false, code: 'AUTH.SELF_DEALING', message: expect.stringContaining('上级队伍') });
    // The parent's leader finds it in the team's list and approves it.
    expect(await t.call('checkin', 'corrections', { orgId: 'lz', status: 'pending' }, 'root-leader')).toMatchObject({
      ok: true,
      data: { total: 1, items: [{ openid: 'lz-admin' }] },
    });
    expect(await t.call('checkin', 'reviewCorrection', { correctionId: own, decision: 'approve' }, 'root-leader')).toMatchObject({
      ok: true,
      data: { correction: { status: 'approved' } },
    });
    expect(await dayOf('lz-admin')).toMatchObject({ minutes: 420, adjustments: [{ by: 'root-leader' }] });

    await t.setClock('2026-12-01T01:40:00Z');
    const vol = await forgotToSignOut('vol');
    expect(await t.call('checkin', 'reviewCorrection', { correctionId: vol, decision: 'approve' }, 'root-leader')).toMatchObject({
      ok: false,
      code: 'AUTH.FORBIDDEN',
    });
    expect(await t.call('checkin', 'reviewCorrection', { correctionId: vol, decision: 'approve' }, 'ts-admin')).toMatchObject({
      ok: false,
      code: 'AUTH.FORBIDDEN',
    });
    expect(await dayOf('vol')).toMatchObject({ status: 'open', minutes: 0 });
  });

  it('checkin.adjust: an admin cannot credit their own day (270 minutes); the parent’s leader can, another admin can', async () => {
    await signIn('lz-admin');
    await t.setClock('2026-12-01T10:00:00Z');
    const change = {
      activityId: act._id,
      openid: 'lz-admin',
      date: '2026-12-01',
      signOutAt: '2026-12-01T14:00:00+08:00',
      reason: '忘记签退，按实际时间补录',
    };
    expect(await t.call('checkin', 'adjust', change, 'lz-admin')).toMatchObject({ ok: false, code: 'AUTH.SELF_DEALING' });
    expect(await dayOf('lz-admin')).toMatchObject({ status: 'open', minutes: 0, adjustments: [] });
    expect(await t.call('checkin', 'adjust', change, 'root-leader')).toMatchObject({
      ok: true,
      data: { record: { minutes: 270, adjustments: [{ by: 'root-leader' }] } },
    });
    // The parent does not adjust the team's volunteers while the team has its own admin.
    expect(await t.call('checkin', 'adjust', { ...change, openid: 'vol' }, 'root-leader')).toMatchObject({
      ok: false,
      code: 'AUTH.FORBIDDEN',
    });
    await secondAdmin();
    expect(await t.call('checkin', 'adjust', { ...change, signOutAt: '2026-12-01T15:00:00+08:00' }, 'lz-admin2')).toMatchObject({
      ok: true,
      data: { record: { minutes: 330 } },
    });
    expect(await t.call('checkin', 'adjust', { ...change, signOutAt: '2026-12-01T16:00:00+08:00' }, 'root-leader')).toMatchObject({
      ok: false,
      code: 'AUTH.FORBIDDEN',
    });
  });

  it('batchSignOut closes every open day but the admin’s own, and says so', async () => {
    await signIn('vol');
    await signIn('lz-admin');
    await t.setClock('2026-12-01T10:00:00Z');
    const r = await t.call(
      'checkin',
      'batchSignOut',
      { activityId: act._id, date: '2026-12-01', at: '2026-12-01T17:00:00+08:00' },
      'lz-admin',
    );
    expect(r).toMatchObject({ ok: true, data: { closed: 1, skippedOwn: 1, closedNames: ['张伟'] } });
    expect(dataOf(r).skipped).toEqual([
      { openid: 'lz-admin', realName: '李敏', reason: 'own', signInAt: expect.stringMatching(/^2026-12-01T09:30/) },
    ]);
    expect(await dayOf('vol')).toMatchObject({ status: 'adjusted', minutes: 450 });
    expect(await dayOf('lz-admin')).toMatchObject({ status: 'open', minutes: 0 });
  });

  it('scanVolunteer: an admin cannot sign themselves in or out with their own personal code', async () => {
    const mine = await t.call('checkin', 'myCode', { activityId: act._id }, 'lz-admin');
    expect(await t.call('checkin', 'scanVolunteer', { payload: dataOf(mine).payload, kind: 'in' }, 'lz-admin')).toMatchObject({
      ok: false,
      code: 'AUTH.SELF_DEALING',
    });
    await signIn('lz-admin');
    await t.setClock('2026-12-01T14:59:00Z'); // 22:59
    const later = await t.call('checkin', 'myCode', { activityId: act._id }, 'lz-admin');
    expect(await t.call('checkin', 'scanVolunteer', { payload: dataOf(later).payload, kind: 'out' }, 'lz-admin')).toMatchObject({
      ok: false,
      code: 'AUTH.SELF_DEALING',
    });
    expect(await dayOf('lz-admin')).toMatchObject({ status: 'open', minutes: 0 });
    // Another volunteer's code is still the admin's to scan.
    const vol = await t.call('checkin', 'myCode', { activityId: act._id }, 'vol');
    await t.setClock('2026-12-01T02:00:00Z');
    const fresh = await t.call('checkin', 'myCode', { activityId: act._id }, 'vol');
    expect(vol.ok && fresh.ok).toBe(true);
    expect(await t.call('checkin', 'scanVolunteer', { payload: dataOf(fresh).payload, kind: 'in' }, 'lz-admin')).toMatchObject({
      ok: true,
      data: { record: { signInBy: 'lz-admin' } },
    });
  });
});

describe('leaked codes', () => {
  it('revokeCodes: every printed code stops at once and says it was revoked; new codes work; managers only', async () => {
    const printed = await activityCode(t, act._id, 'in', 'lz-admin');
    expect((await scan(printed, 'vol')).ok).toBe(true); // the activity is now cached by the function
    expect(await t.call('checkin', 'revokeCodes', { activityId: act._id }, 'vol')).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await t.call('checkin', 'revokeCodes', { activityId: act._id }, 'ts-admin')).toMatchObject({
      ok: false,
      code: 'AUTH.FORBIDDEN',
    });
    expect(await t.call('checkin', 'revokeCodes', { activityId: act._id }, 'lz-admin')).toMatchObject({
      ok: true,
      data: { codeVersion: 1 },
    });
    const old = await scan(printed, 'vol2');
    expect(old).toMatchObject({
      ok: false,
      code: 'CHECKIN.CODE_INVALID',
      message: expect.stringContaining('作废'),
      details: { revoked: true },
    });
    expect(await dayOf('vol2')).toBeUndefined();
    const fresh = await activityCode(t, act._id, 'in', 'lz-admin');
    expect(fresh).not.toBe(printed);
    expect((await scan(fresh, 'vol2')).ok).toBe(true);
    // Twice revoked: the first code is still recognised as revoked, not as made up.
    expect(await t.call('checkin', 'revokeCodes', { activityId: act._id }, 'lz-admin')).toMatchObject({
      ok: true,
      data: { codeVersion: 2 },
    });
    expect(await scan(printed, 'vol2')).toMatchObject({ ok: false, code: 'CHECKIN.CODE_INVALID', details: { revoked: true } });
  });

  it('a 签退码 is rotating unless a static one is asked for; a 签到码 stays static by default', async () => {
    expect(await t.call('checkin', 'code', { activityId: act._id, kind: 'out' }, 'lz-admin')).toMatchObject({
      ok: true,
      data: { kind: 'out', mode: 'rotating', expiresAt: expect.any(String) },
    });
    expect(await t.call('checkin', 'code', { activityId: act._id, kind: 'out', mode: 'static' }, 'lz-admin')).toMatchObject({
      ok: true,
      data: { mode: 'static' },
    });
    expect(await t.call('checkin', 'code', { activityId: act._id, kind: 'in' }, 'lz-admin')).toMatchObject({
      ok: true,
      data: { mode: 'static' },
    });
  });

  it('a poor accuracy or a position exactly on the activity’s point is flagged on the record and on the roster', async () => {
    const inCode = await activityCode(t, act._id, 'in', 'lz-admin');
    const poor = await scan(inCode, 'vol', { ...north(100), accuracy: 800 });
    expect(poor).toMatchObject({ ok: true, data: { record: { flags: ['poor_accuracy'] } } });
    const exact = await scan(inCode, 'vol2', { ...POINT, accuracy: 10 });
    expect(exact).toMatchObject({ ok: true, data: { record: { flags: ['exact_point'] } } });
    const fine = await scan(inCode, 'lz-admin', { ...north(100), accuracy: 500 });
    expect(fine).toMatchObject({ ok: true, data: { record: { flags: [] } } });
    // A sign-out adds its own flags; a good sign-out does not clear an earlier flag.
    await t.setClock('2026-12-01T03:00:00Z');
    const outCode = await activityCode(t, act._id, 'out', 'lz-admin', 'static');
    expect(await scan(outCode, 'vol', { ...POINT, accuracy: 900 })).toMatchObject({
      ok: true,
      data: { record: { flags: ['poor_accuracy', 'exact_point'] } },
    });
    expect(await scan(outCode, 'vol2', { ...north(80), accuracy: 15 })).toMatchObject({
      ok: true,
      data: { record: { flags: ['exact_point'] } },
    });
    expect(await dayOf('vol2')).toMatchObject({ flags: ['exact_point'] });

    const roster = await t.call('checkin', 'roster', { activityId: act._id, date: '2026-12-01' }, 'lz-admin');
    const flagsOf = (openid: string) => dataOf(roster).find((r) => r.openid === openid)?.flags;
    expect(flagsOf('vol')).toEqual(['poor_accuracy', 'exact_point']);
    expect(flagsOf('vol2')).toEqual(['exact_point']);
    expect(flagsOf('lz-admin')).toEqual([]);
  });
});

describe('a cancelled activity', () => {
  const cancel = () => t.call('activity', 'cancel', { activityId: act._id, reason: '天气原因，活动取消' }, 'lz-admin');

  it('refuses scans at once after activity.cancel, though the function had the activity cached', async () => {
    const inCode = await activityCode(t, act._id, 'in', 'lz-admin');
    const outCode = await activityCode(t, act._id, 'out', 'lz-admin', 'static');
    const volCode = dataOf(await t.call('checkin', 'myCode', { activityId: act._id }, 'vol2')).payload;
    expect((await scan(inCode, 'vol')).ok).toBe(true); // cached now
    expect(await cancel()).toMatchObject({ ok: true });
    expect(await scan(inCode, 'vol2')).toMatchObject({ ok: false, code: 'ACTIVITY.CANCELLED' });
    expect(await t.call('checkin', 'scanVolunteer', { payload: volCode, kind: 'in' }, 'lz-admin')).toMatchObject({
      ok: false,
      code: 'ACTIVITY.CANCELLED',
    });
    await t.setClock('2026-12-01T03:00:00Z');
    expect(await scan(outCode, 'vol')).toMatchObject({ ok: false, code: 'ACTIVITY.CANCELLED' });
    expect(await t.emu.db.find('checkin_days', {})).toMatchObject([{ openid: 'vol', status: 'open' }]);
  });

  it('refuses adjustments, batch sign-out and corrections of a cancelled activity', async () => {
    await signIn('vol');
    await signIn('vol2');
    await t.setClock('2026-12-01T02:00:00Z');
    const id = dataOf(
      await t.call(
        'checkin',
        'requestCorrection',
        { activityId: act._id, date: '2026-12-01', signOutAt: '2026-12-01T09:50:00+08:00', note: '我忘记签退了' },
        'vol',
      ),
    ).correction.correctionId;
    expect(await cancel()).toMatchObject({ ok: true });
    const adjust = { activityId: act._id, openid: 'vol2', date: '2026-12-01', signOutAt: '2026-12-01T09:55:00+08:00', reason: '补录签退' };
    expect(await t.call('checkin', 'adjust', adjust, 'lz-admin')).toMatchObject({ ok: false, code: 'ACTIVITY.CANCELLED' });
    expect(
      await t.call('checkin', 'batchSignOut', { activityId: act._id, date: '2026-12-01', at: '2026-12-01T09:58:00+08:00' }, 'lz-admin'),
    ).toMatchObject({ ok: false, code: 'ACTIVITY.CANCELLED' });
    expect(await t.call('checkin', 'reviewCorrection', { correctionId: id, decision: 'approve' }, 'lz-admin')).toMatchObject({
      ok: false,
      code: 'ACTIVITY.CANCELLED',
    });
    expect(await t.emu.db.find('checkin_corrections', { _id: id })).toMatchObject([{ status: 'pending' }]);
    expect(
      await t.call(
        'checkin',
        'requestCorrection',
        { activityId: act._id, date: '2026-12-01', signOutAt: '2026-12-01T09:50:00+08:00', note: '我忘记签退了' },
        'vol2',
      ),
    ).toMatchObject({ ok: false, code: 'ACTIVITY.CANCELLED' });
    expect((await t.emu.db.find('checkin_days', {})).map((d) => d.minutes)).toEqual([0, 0]);
  });

  it('myHours still shows the day, marked cancelled, and does not count its minutes', async () => {
    await signIn('vol');
    await t.setClock('2026-12-01T03:00:00Z');
    expect((await scan(await activityCode(t, act._id, 'out', 'lz-admin', 'static'), 'vol')).ok).toBe(true);
    expect(dataOf(await t.call('checkin', 'myHours', {}, 'vol')).totalMinutes).toBe(90);
    expect(await cancel()).toMatchObject({ ok: true });
    const hours = await t.call('checkin', 'myHours', {}, 'vol');
    expect(hours).toMatchObject({
      ok: true,
      data: { totalMinutes: 0, days: [{ date: '2026-12-01', minutes: 90, activityCancelled: true }] },
    });
  });

  it('user.me totals agree with myHours: the cancelled activity leaves both its minutes and its count', async () => {
    const other = await seedActivity(t, 'lz', { title: '科普进校园' });
    await seedEnrollment(t, other._id, 'vol');
    await signIn('vol');
    await t.setClock('2026-12-01T03:00:00Z');
    expect((await scan(await activityCode(t, act._id, 'out', 'lz-admin', 'static'), 'vol')).ok).toBe(true);
    await t.setClock('2026-12-02T01:30:00Z');
    expect((await scan(await activityCode(t, other._id, 'in', 'lz-admin'), 'vol')).ok).toBe(true);
    await t.setClock('2026-12-02T02:30:00Z');
    expect((await scan(await activityCode(t, other._id, 'out', 'lz-admin', 'static'), 'vol')).ok).toBe(true);
    expect(await t.call('user', 'me', {}, 'vol')).toMatchObject({ ok: true, data: { totals: { minutes: 150, activities: 2 } } });

    expect(await cancel()).toMatchObject({ ok: true });
    expect(await t.call('checkin', 'myHours', {}, 'vol')).toMatchObject({ ok: true, data: { totalMinutes: 60 } });
    expect(await t.call('user', 'me', {}, 'vol')).toMatchObject({ ok: true, data: { totals: { minutes: 60, activities: 1 } } });
  });
});

describe('nonces are values, never field names', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    '%s as a sign-in and a sign-out nonce: recorded, replayed without a write',
    async (n) => {
      const inCode = await activityCode(t, act._id, 'in', 'lz-admin');
      const outCode = await activityCode(t, act._id, 'out', 'lz-admin', 'static');
      const first = await scan(inCode, 'vol', north(100), n);
      expect(first).toMatchObject({ ok: true, data: { kind: 'in', repeated: false } });
      await seedEnrollment(t, act._id, 'vol3');
      await scan(inCode, 'vol3');
      await t.setClock('2026-12-01T03:00:00Z');
      const out = await scan(outCode, 'vol3', north(200), n);
      expect(out).toMatchObject({ ok: true, data: { kind: 'out', repeated: false, record: { minutes: 90 } } });

      await t.setClock('2026-12-01T04:00:00Z');
      const before = await t.emu.db.find('checkin_days', {});
      await t.dev('DELETE', '/_dev/stats');
      const replayIn = await scan(inCode, 'vol', north(3000), n);
      const replayOut = await scan(outCode, 'vol3', north(3000), n);
      const stats = await t.dev<{ database: Record<string, number> }>('GET', '/_dev/stats');
      expect(Object.keys(stats.database).filter((k) => /modify|update|remove|delete|transaction/i.test(k))).toEqual([]);
      expect(replayIn).toMatchObject({
        ok: true,
        data: { kind: 'in', at: dataOf(first).at, distanceM: dataOf(first).distanceM, repeated: true },
      });
      expect(replayOut).toMatchObject({
        ok: true,
        data: { kind: 'out', at: dataOf(out).at, distanceM: dataOf(out).distanceM, repeated: true },
      });
      expect(await t.emu.db.find('checkin_days', {})).toEqual(before);
      // The same string as the nonce of another volunteer's day is that day's own first scan.
      expect(await scan(inCode, 'vol2', north(100), n)).toMatchObject({ ok: true, data: { kind: 'in', repeated: false } });
    },
  );

  it('a sign-out whose nonce names a member of a plain object finds no echo in an older record', async () => {
    // Records written before nonces moved into a list keep their answers keyed by nonce.
    await t.emu.db.insert('checkin_days', [
      {
        _id: `${act._id}_vol2_20261201`,
        activityId: act._id,
        orgId: 'lz',
        openid: 'vol2',
        date: '2026-12-01',
        signInAt: new Date('2026-12-01T01:30:00Z'),
        minutes: 0,
        status: 'open',
        adjustments: [],
        scans: { 'old-nonce-1': { kind: 'in', at: new Date('2026-12-01T01:30:00Z'), distanceM: 40 } },
        createdAt: new Date('2026-12-01T01:30:00Z'),
        updatedAt: new Date('2026-12-01T01:30:00Z'),
      },
    ]);
    await t.setClock('2026-12-01T03:00:00Z');
    const outCode = await activityCode(t, act._id, 'out', 'lz-admin', 'static');
    expect(await scan(outCode, 'vol2', north(100), 'constructor')).toMatchObject({
      ok: true,
      data: { kind: 'out', repeated: false, record: { minutes: 90 } },
    });
    expect(await scan(outCode, 'vol2', north(100), 'old-nonce-1')).toMatchObject({
      ok: true,
      data: { kind: 'in', repeated: true, distanceM: 40 },
    });
  });
});
