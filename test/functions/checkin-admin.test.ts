// Admin tools and the volunteer's hours: roster, batch sign-out, 补录/adjust with audit, corrections, myHours.
import { dataOf, useTestEmulator } from '../helpers/emulator';
import { activityCode, nonce, north, seedActivity, seedCheckinScene, seedEnrollment } from '../helpers/checkin';

// 09:30: scans land milliseconds later and still count from 09:30 (credited minutes are whole minutes).
const t = useTestEmulator({ clock: '2026-12-01T01:30:00.000Z' });
let act: { _id: string };

beforeEach(async () => {
  act = await seedCheckinScene(t, ['vol', 'vol2', 'vol3']);
});

async function signIn(openid: string) {
  const code = await activityCode(t, act._id, 'in', 'lz-admin');
  const r = await t.call('checkin', 'scan', { payload: code, location: north(50), nonce: nonce() }, openid);
  if (!r.ok) throw new Error(`${r.code} ${r.message}`);
}

describe('checkin.roster', () => {
  it('lists every enrolled volunteer with the day: open, closed or absent, masked phones', async () => {
    await signIn('vol');
    await signIn('vol2');
    await t.setClock('2026-12-01T03:30:00.900Z');
    const out = await activityCode(t, act._id, 'out', 'lz-admin');
    await t.call('checkin', 'scan', { payload: out, location: north(50), nonce: nonce() }, 'vol2');
    const r = await t.call('checkin', 'roster', { activityId: act._id, date: '2026-12-01' }, 'lz-admin');
    expect(r.ok).toBe(true);
    expect(dataOf(r).map((e) => [e.realName, e.status, e.minutes])).toEqual([
      ['张伟', 'open', 0],
      ['刘洋', 'closed', 120],
      ['陈静', 'absent', 0],
    ]);
    expect(dataOf(r)[0].phoneMasked).toBe('139****0003');
  });

  it('an ancestor team reads it; a sibling team and a plain member are refused', async () => {
    expect((await t.call('checkin', 'roster', { activityId: act._id, date: '2026-12-01' }, 'root-leader')).ok).toBe(true);
    expect(await t.call('checkin', 'roster', { activityId: act._id, date: '2026-12-01' }, 'ts-admin')).toMatchObject({
      ok: false,
      code: 'AUTH.FORBIDDEN',
    });
    expect(await t.call('checkin', 'roster', { activityId: act._id, date: '2026-12-01' }, 'vol')).toMatchObject({
      ok: false,
      code: 'AUTH.FORBIDDEN',
    });
  });
});

describe('checkin.batchSignOut', () => {
  it('closes the open days at the given time with an audit entry; closed days are left alone', async () => {
    await signIn('vol');
    await signIn('vol2');
    await t.setClock('2026-12-01T10:00:00Z'); // 18:00
    const r = await t.call(
      'checkin',
      'batchSignOut',
      { activityId: act._id, date: '2026-12-01', at: '2026-12-01T17:00:00+08:00' },
      'lz-admin',
    );
    expect(r).toMatchObject({ ok: true, data: { closed: 2 } });
    const [day] = await t.emu.db.find('checkin_days', { openid: 'vol' });
    expect(day).toMatchObject({ status: 'adjusted', minutes: 450, signOutBy: 'lz-admin' });
    expect(day.adjustments).toHaveLength(1);
    expect(day.adjustments[0]).toMatchObject({
      by: 'lz-admin',
      byName: '李敏',
      reason: expect.stringContaining('批量签退'),
      before: { minutes: 0 },
      after: { minutes: 450 },
      kind: 'batch',
    });
    // 09:30–17:00 within an 8-hour cap: the times set the minutes, not the cap.
    expect(day.adjustments[0].capped).toBeUndefined();
    expect(
      await t.call('checkin', 'batchSignOut', { activityId: act._id, date: '2026-12-01', at: '2026-12-01T17:00:00+08:00' }, 'lz-admin'),
    ).toMatchObject({ ok: true, data: { closed: 0 } });
  });

  it('names whom it signed out and whom it left alone, and why: a sign-in after the chosen time', async () => {
    await signIn('vol');
    await signIn('vol3');
    await t.setClock('2026-12-01T03:00:00Z'); // 11:00
    await signIn('vol2');
    await t.setClock('2026-12-01T10:00:00Z');
    const r = await t.call(
      'checkin',
      'batchSignOut',
      { activityId: act._id, date: '2026-12-01', at: '2026-12-01T10:30:00+08:00' },
      'lz-admin',
    );
    expect(r).toMatchObject({ ok: true, data: { closed: 2, skippedOwn: 0, closedNames: ['陈静', '张伟'] } });
    expect(dataOf(r).skipped).toEqual([
      { openid: 'vol2', realName: '刘洋', reason: 'signedInAfter', signInAt: expect.stringMatching(/^2026-12-01T11:00:00/) },
    ]);
    expect((await t.emu.db.find('checkin_days', { openid: 'vol2' }))[0]).toMatchObject({ status: 'open' });
    // Nothing left open but 刘洋's day: a second batch closes nobody and says the same of them.
    const again = await t.call(
      'checkin',
      'batchSignOut',
      { activityId: act._id, date: '2026-12-01', at: '2026-12-01T10:30:00+08:00' },
      'lz-admin',
    );
    expect(again).toMatchObject({ ok: true, data: { closed: 0, closedNames: [] } });
    expect(dataOf(again).skipped).toEqual([expect.objectContaining({ realName: '刘洋', reason: 'signedInAfter' })]);
  });

  it('refuses a time on another day, in the future, or from someone who does not manage the team', async () => {
    expect(
      await t.call('checkin', 'batchSignOut', { activityId: act._id, date: '2026-12-01', at: '2026-12-02T10:00:00+08:00' }, 'lz-admin'),
    ).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(
      await t.call('checkin', 'batchSignOut', { activityId: act._id, date: '2026-12-01', at: '2026-12-01T17:00:00+08:00' }, 'lz-admin'),
    ).toMatchObject({ ok: false, code: 'VALIDATION', message: '不能填写未来的时间' });
    expect(
      await t.call('checkin', 'batchSignOut', { activityId: act._id, date: '2026-12-01', at: '2026-12-01T09:00:00+08:00' }, 'root-leader'),
    ).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  });
});

describe('checkin.adjust', () => {
  it('补录 creates the day with the reason; a later change keeps the whole trail, which the volunteer sees', async () => {
    await t.setClock('2026-12-01T10:00:00Z');
    const created = await t.call(
      'checkin',
      'adjust',
      {
        activityId: act._id,
        openid: 'vol3',
        date: '2026-12-01',
        signInAt: '2026-12-01T09:00:00+08:00',
        signOutAt: '2026-12-01T12:00:00+08:00',
        reason: '手机无法定位，现场登记',
      },
      'lz-admin',
    );
    expect(created).toMatchObject({
      ok: true,
      data: {
        record: {
          status: 'adjusted',
          minutes: 180,
          adjustments: [
            { byName: '李敏', reason: '手机无法定位，现场登记', before: { minutes: 0 }, after: { minutes: 180 }, kind: 'supplement' },
          ],
        },
      },
    });
    const changed = await t.call(
      'checkin',
      'adjust',
      { activityId: act._id, openid: 'vol3', date: '2026-12-01', signOutAt: '2026-12-01T13:30:00+08:00', reason: '核对签到表后更正' },
      'lz-admin',
    );
    expect(dataOf(changed).record.minutes).toBe(270);
    expect(dataOf(changed).record.adjustments.map((a) => [a.before.minutes, a.after.minutes, a.kind])).toEqual([
      [0, 180, 'supplement'],
      [180, 270, 'adjust'],
    ]);
    const hours = await t.call('checkin', 'myHours', {}, 'vol3');
    expect(hours).toMatchObject({
      ok: true,
      data: { totalMinutes: 270, days: [{ title: '社区科普讲解', orgName: '兰州市科技志愿服务支队', minutes: 270, status: 'adjusted' }] },
    });
    expect(dataOf(hours).days[0].adjustments).toHaveLength(2);
  });

  it('a day longer than the daily cap is marked capped on its trail (按每日上限计); a shorter one is not', async () => {
    const four = await seedActivity(t, 'lz', { dailyCapMinutes: 240 });
    await seedEnrollment(t, four._id, 'vol3');
    await t.setClock('2026-12-01T12:00:00Z');
    const adjust = (signOutAt: string) =>
      t.call(
        'checkin',
        'adjust',
        {
          activityId: four._id,
          openid: 'vol3',
          date: '2026-12-01',
          signInAt: '2026-12-01T09:00:00+08:00',
          signOutAt,
          reason: '按现场签到表补录',
        },
        'lz-admin',
      );
    const short = dataOf(await adjust('2026-12-01T12:00:00+08:00')).record;
    expect(short.minutes).toBe(180);
    expect(short.adjustments[0]).toMatchObject({ kind: 'supplement' });
    expect(short.adjustments[0].capped).toBeUndefined();
    const long = dataOf(await adjust('2026-12-01T17:00:00+08:00')).record;
    expect(long.minutes).toBe(240);
    expect(long.adjustments[1]).toMatchObject({ kind: 'adjust', capped: true });
  });

  it('refuses without a reason, outside the schedule, with sign-out before sign-in, for someone not enrolled, or by a non-manager', async () => {
    await t.setClock('2026-12-03T10:00:00Z');
    const base = {
      activityId: act._id,
      openid: 'vol',
      date: '2026-12-01',
      signInAt: '2026-12-01T09:00:00+08:00',
      signOutAt: '2026-12-01T12:00:00+08:00',
      reason: '补录',
    };
    expect(await t.call('checkin', 'adjust', { ...base, reason: '' }, 'lz-admin')).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(
      await t.call(
        'checkin',
        'adjust',
        { ...base, date: '2026-12-03', signInAt: '2026-12-03T09:00:00+08:00', signOutAt: '2026-12-03T10:00:00+08:00' },
        'lz-admin',
      ),
    ).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await t.call('checkin', 'adjust', { ...base, signOutAt: '2026-12-01T08:00:00+08:00' }, 'lz-admin')).toMatchObject({
      ok: false,
      code: 'VALIDATION',
    });
    expect(await t.call('checkin', 'adjust', { ...base, openid: 'ts-admin' }, 'lz-admin')).toMatchObject({
      ok: false,
      code: 'CHECKIN.NOT_ENROLLED',
    });
    expect(await t.call('checkin', 'adjust', base, 'ts-admin')).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await t.call('checkin', 'adjust', base, 'vol')).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await t.emu.db.find('checkin_days', {})).toHaveLength(0);
  });
});

describe('corrections', () => {
  it('"我忘记签退了": the volunteer asks, an admin approves, the day is corrected with the audit entry', async () => {
    await signIn('vol');
    await t.setClock('2026-12-02T01:00:00Z');
    const asked = await t.call(
      'checkin',
      'requestCorrection',
      { activityId: act._id, date: '2026-12-01', signOutAt: '2026-12-01T16:30:00+08:00', note: '我忘记签退了' },
      'vol',
    );
    expect(asked).toMatchObject({ ok: true, data: { correction: { status: 'pending', note: '我忘记签退了' } } });
    expect(
      await t.call(
        'checkin',
        'requestCorrection',
        { activityId: act._id, date: '2026-12-01', signOutAt: '2026-12-01T16:00:00+08:00', note: '再申请一次' },
        'vol',
      ),
    ).toMatchObject({ ok: false, code: 'CHECKIN.CORRECTION_PENDING' });

    const box = await t.call('org', 'inbox', {}, 'lz-admin');
    expect(box).toMatchObject({
      ok: true,
      data: {
        counts: { corrections: 1, total: 1 },
        corrections: [
          { realName: '张伟', title: '社区科普讲解', orgName: '兰州市科技志愿服务支队', date: '2026-12-01', note: '我忘记签退了' },
        ],
      },
    });
    const list = await t.call('checkin', 'corrections', { orgId: 'lz', status: 'pending' }, 'lz-admin');
    expect(list).toMatchObject({
      ok: true,
      data: { total: 1, items: [{ realName: '张伟', title: '社区科普讲解', record: { status: 'open' } }] },
    });
    expect(await t.call('checkin', 'corrections', { orgId: 'lz' }, 'ts-admin')).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });

    const id = dataOf(asked).correction.correctionId;
    const [a, b] = await Promise.all([
      t.call('checkin', 'reviewCorrection', { correctionId: id, decision: 'approve' }, 'lz-admin'),
      t.call('checkin', 'reviewCorrection', { correctionId: id, decision: 'approve' }, 'lz-admin'),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const [day] = await t.emu.db.find('checkin_days', { openid: 'vol' });
    expect(day).toMatchObject({ minutes: 420, status: 'adjusted' });
    expect(day.adjustments).toHaveLength(1);
    const hours = await t.call('checkin', 'myHours', {}, 'vol');
    expect(dataOf(hours).days[0]).toMatchObject({ minutes: 420, correction: { status: 'approved' } });
  });

  it('a rejection keeps the record and tells the reason; a reason is required', async () => {
    await signIn('vol');
    await t.setClock('2026-12-02T01:00:00Z');
    const asked = await t.call(
      'checkin',
      'requestCorrection',
      { activityId: act._id, date: '2026-12-01', signOutAt: '2026-12-01T16:30:00+08:00', note: '我忘记签退了' },
      'vol',
    );
    const id = dataOf(asked).correction.correctionId;
    expect(await t.call('checkin', 'reviewCorrection', { correctionId: id, decision: 'reject' }, 'lz-admin')).toMatchObject({
      ok: false,
      code: 'VALIDATION',
    });
    expect(
      await t.call('checkin', 'reviewCorrection', { correctionId: id, decision: 'reject', reason: '当天14点已离开' }, 'lz-admin'),
    ).toMatchObject({ ok: true, data: { correction: { status: 'rejected', reviewReason: '当天14点已离开' } } });
    const [day] = await t.emu.db.find('checkin_days', { openid: 'vol' });
    expect(day).toMatchObject({ status: 'open', minutes: 0 });
    // After a decision, a new request may be made.
    expect(
      (
        await t.call(
          'checkin',
          'requestCorrection',
          { activityId: act._id, date: '2026-12-01', signOutAt: '2026-12-01T14:00:00+08:00', note: '按14点签退' },
          'vol',
        )
      ).ok,
    ).toBe(true);
  });

  it('a time later than now by the server clock cannot be asked for, and nothing is written', async () => {
    await signIn('vol');
    await t.setClock('2026-12-01T06:00:00Z'); // 14:00
    for (const times of [{ signOutAt: '2026-12-01T14:01:00+08:00' }, { signInAt: '2026-12-01T15:00:00+08:00' }]) {
      expect(
        await t.call('checkin', 'requestCorrection', { activityId: act._id, date: '2026-12-01', ...times, note: '我忘记签退了' }, 'vol'),
      ).toEqual({ ok: false, code: 'VALIDATION', message: '不能填写未来的时间' });
    }
    expect(await t.emu.db.find('checkin_corrections', {})).toHaveLength(0);
    expect(
      (
        await t.call(
          'checkin',
          'requestCorrection',
          { activityId: act._id, date: '2026-12-01', signOutAt: '2026-12-01T14:00:00+08:00', note: '我忘记签退了' },
          'vol',
        )
      ).ok,
    ).toBe(true);
  });

  it('a correction that does not exist: CHECKIN.CORRECTION_NOT_FOUND', async () => {
    expect(await t.call('checkin', 'reviewCorrection', { correctionId: 'no-such-correction', decision: 'approve' }, 'lz-admin')).toEqual({
      ok: false,
      code: 'CHECKIN.CORRECTION_NOT_FOUND',
      message: '更正申请不存在',
    });
  });
});

describe('checkin.myHours', () => {
  it('totals credited minutes and filters by period and team', async () => {
    await signIn('vol');
    await t.setClock('2026-12-01T03:00:00Z');
    const out = await activityCode(t, act._id, 'out', 'lz-admin');
    await t.call('checkin', 'scan', { payload: out, location: north(50), nonce: nonce() }, 'vol');
    await t.setClock('2026-12-02T01:00:00Z');
    await signIn('vol');
    const all = await t.call('checkin', 'myHours', {}, 'vol');
    expect(dataOf(all).totalMinutes).toBe(90);
    // The open day credits nothing: one 服务日 of the two days listed.
    expect(dataOf(all).serviceDays).toBe(1);
    expect(dataOf(all).days.map((d) => [d.date, d.status, d.minutes])).toEqual([
      ['2026-12-02', 'open', 0],
      ['2026-12-01', 'closed', 90],
    ]);
    expect(dataOf(await t.call('checkin', 'myHours', { from: '2026-12-02' }, 'vol')).days).toHaveLength(1);
    expect(dataOf(await t.call('checkin', 'myHours', { orgId: 'ts' }, 'vol'))).toEqual({ totalMinutes: 0, serviceDays: 0, days: [] });
    // 本月 is the server's month (December 2026 in Shanghai), answered with the dates it used; on 1 January it is over.
    expect(dataOf(await t.call('checkin', 'myHours', { period: 'thisMonth' }, 'vol'))).toMatchObject({
      totalMinutes: 90,
      from: '2026-12-01',
      to: '2026-12-02',
    });
    await t.setClock('2026-12-31T16:00:00Z');
    expect(dataOf(await t.call('checkin', 'myHours', { period: 'thisMonth' }, 'vol'))).toEqual({
      totalMinutes: 0,
      serviceDays: 0,
      days: [],
      from: '2027-01-01',
      to: '2027-01-01',
    });
    expect(dataOf(await t.call('checkin', 'myHours', { period: 'lastMonth' }, 'vol'))).toMatchObject({
      totalMinutes: 90,
      from: '2026-12-01',
      to: '2026-12-31',
    });
    expect(await t.call('checkin', 'myHours', { period: 'lastMonth', from: '2026-12-01' }, 'vol')).toMatchObject({
      ok: false,
      code: 'VALIDATION',
    });
  });

  it('a day without credited time is no 服务日: 我的 counts no activity for it', async () => {
    await signIn('vol2');
    const hours = dataOf(await t.call('checkin', 'myHours', {}, 'vol2'));
    expect([hours.days.length, hours.serviceDays, hours.totalMinutes]).toEqual([1, 0, 0]);
    expect(dataOf(await t.call('user', 'me', {}, 'vol2')).totals).toEqual({ minutes: 0, activities: 0 });
  });
});
