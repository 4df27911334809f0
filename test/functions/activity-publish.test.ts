// activity.publish, update, cancel and get through the emulator: permissions, the schedule rules, messages, phases.
import {
  activityInput,
  dataOf,
  devMessages,
  LZ_TS_STAFF,
  publishActivity,
  seedLanzhou,
  seedMembership,
  seedOrg,
  seedStaff,
  useTestEmulator,
} from '../helpers/emulator';

// 2026-11-22 10:00 Asia/Shanghai: signup (11-20 00:00 – 11-30 18:00) is open.
const t = useTestEmulator({ clock: '2026-11-22T02:00:00Z' });
beforeEach(async () => {
  const { lz } = await seedLanzhou(t, { tianshui: {} });
  await seedOrg(t, 'cg', '城关区科技志愿服务大队', lz, { level: '大队' });
  await seedOrg(t, 'pend', '待审科技志愿服务分队', lz, { status: 'pending' });
  await seedStaff(t, [
    ...LZ_TS_STAFF,
    ['cg-admin', '13900000005', 'cg', 'admin'],
    ['vol', '13900000006', 'lz'],
    ['vol2', '13900000007', 'lz'],
  ]);
  await seedMembership(t, 'pend', 'lz-admin', 'leader');
});

const stored = async (id: string) => (await t.emu.db.find('activities', { _id: id }))[0];

describe('activity.publish', () => {
  it('an admin publishes: defaults, the team name, the span in Asia/Shanghai time, counters at 0', async () => {
    const r = await t.call('activity', 'publish', activityInput('lz'), 'lz-admin');
    expect(r).toMatchObject({
      ok: true,
      data: {
        activity: {
          orgId: 'lz',
          orgName: '兰州市科技志愿服务支队',
          radiusM: 5000,
          dailyCapMinutes: 480,
          waitlist: false,
          audience: 'public',
          status: 'published',
          enrolledCount: 0,
          waitlistCount: 0,
          signupStartAt: '2026-11-20T00:00:00+08:00',
          createdAt: expect.stringMatching(/^2026-11-22T10:00:\d\d\+08:00$/),
        },
      },
    });
    const doc = await stored(dataOf(r).activity._id);
    expect(doc.startAt).toEqual(new Date('2026-12-01T01:00:00Z'));
    expect(doc.endAt).toEqual(new Date('2026-12-02T09:00:00Z'));
    expect(doc.signupEndAt).toEqual(new Date('2026-11-30T10:00:00Z'));
    expect(doc.publishedBy).toBe('lz-admin');
    expect((dataOf(r).activity as Record<string, unknown>).startAt).toBeUndefined(); // not part of the contract
  });

  it('the leader may publish an activity after the fact (past dates)', async () => {
    const r = await t.call(
      'activity',
      'publish',
      activityInput('lz', {
        startDate: '2026-10-01',
        endDate: '2026-10-01',
        signupStartAt: '2026-09-01T00:00:00+08:00',
        signupEndAt: '2026-09-30T00:00:00+08:00',
      }),
      'lz-leader',
    );
    expect(r).toMatchObject({ ok: true, data: { activity: { startDate: '2026-10-01' } } });
    expect(await t.call('activity', 'get', { activityId: dataOf(r).activity._id })).toMatchObject({
      ok: true,
      data: { phase: 'ended', signupOpen: false },
    });
  });

  it('AUTH.FORBIDDEN: a plain member, a sibling team’s admin, the ancestor’s leader, a team under review, an unknown team', async () => {
    for (const [who, orgId] of [
      ['lz-member', 'lz'],
      ['ts-admin', 'lz'],
      ['root-leader', 'lz'],
      ['cg-admin', 'lz'],
      ['lz-admin', 'pend'],
      ['lz-admin', 'nope'],
    ]) {
      expect(await t.call('activity', 'publish', activityInput(orgId), who)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
    expect(await t.emu.db.find('activities')).toHaveLength(0);
  });

  it('VALIDATION: the schedule rules and the 5 km radius', async () => {
    const bad = [
      { endDate: '2026-11-30' },
      { dailyEnd: '09:00' },
      { signupEndAt: '2026-11-19T00:00:00+08:00' },
      { signupEndAt: '2026-12-02T17:00:01+08:00' },
      { endDate: '2027-01-01' },
      { radiusM: 5001 },
      { capacity: 0 },
      { dailyCapMinutes: 721 },
    ];
    for (const over of bad)
      expect(await t.call('activity', 'publish', activityInput('lz', over), 'lz-admin')).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await t.call('activity', 'publish', activityInput('lz', { endDate: '2026-11-30' }), 'lz-admin')).toMatchObject({
      message: '结束日期不能早于开始日期',
    });
    expect(await t.emu.db.find('activities')).toHaveLength(0);
  });

  it('AUTH.UNAUTHENTICATED without a WeChat user', async () => {
    expect(await t.call('activity', 'publish', activityInput('lz'))).toMatchObject({ ok: false, code: 'AUTH.UNAUTHENTICATED' });
  });
});

describe('activity.update', () => {
  it('changes the given fields, keeps the others, recomputes the span', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz');
    await t.setClock('2026-11-23T02:00:00Z');
    const r = await t.call(
      'activity',
      'update',
      { activityId: a._id, title: '社区防灾科普讲解', endDate: '2026-12-03', dailyEnd: '16:30' },
      'lz-leader',
    );
    expect(r).toMatchObject({
      ok: true,
      data: {
        activity: {
          title: '社区防灾科普讲解',
          endDate: '2026-12-03',
          dailyEnd: '16:30',
          address: a.address,
          capacity: 30,
          updatedAt: expect.stringMatching(/^2026-11-23T10:00:\d\d\+08:00$/),
        },
      },
    });
    expect((await stored(a._id)).endAt).toEqual(new Date('2026-12-03T08:30:00Z'));
  });

  it('replaces lists and places whole (a shorter list leaves nothing behind)', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz', { serviceTargets: ['青少年', '老年人', '社区居民'] });
    const TIANSHUI = { province: '620000', city: '620500', county: '620502' };
    const r = await t.call(
      'activity',
      'update',
      { activityId: a._id, serviceTargets: ['农民'], region: TIANSHUI, location: { lat: 34.58, lng: 105.72 } },
      'lz-admin',
    );
    expect(r).toMatchObject({
      ok: true,
      data: { activity: { serviceTargets: ['农民'], region: TIANSHUI, location: { lat: 34.58, lng: 105.72 } } },
    });
    expect(await stored(a._id)).toMatchObject({ serviceTargets: ['农民'], region: TIANSHUI, location: { lat: 34.58, lng: 105.72 } });
    expect((await stored(a._id)).serviceTargets).toHaveLength(1);
  });

  it('VALIDATION: the schedule rules on the merged activity', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz');
    expect(await t.call('activity', 'update', { activityId: a._id, startDate: '2026-12-05' }, 'lz-admin')).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      message: '结束日期不能早于开始日期',
    });
    expect(await t.call('activity', 'update', { activityId: a._id, dailyStart: '18:00' }, 'lz-admin')).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      message: '每日结束时间须晚于开始时间',
    });
    expect(await t.call('activity', 'update', { activityId: a._id, signupEndAt: '2026-12-03T00:00:00+08:00' }, 'lz-admin')).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      message: '报名截止时间不能晚于活动结束',
    });
    expect(await t.call('activity', 'update', { activityId: a._id, radiusM: 6000 }, 'lz-admin')).toMatchObject({
      ok: false,
      code: 'VALIDATION',
    });
    expect(await stored(a._id)).toMatchObject({ startDate: '2026-12-01', dailyStart: '09:00' });
  });

  it('VALIDATION: impossible dates and times (2027-02-30, 02-29 of a common year, 04-31, 24:00, +25:00) in publish and update', async () => {
    for (const over of [
      { startDate: '2027-02-30', endDate: '2027-03-01' },
      { startDate: '2026-12-01', endDate: '2027-02-29' },
      { startDate: '2026-12-01', endDate: '2026-04-31' },
      { dailyEnd: '24:00' },
      { signupStartAt: '2026-02-29T08:00:00+08:00' },
      { signupEndAt: '2026-11-30T18:00:00+25:00' },
      { signupEndAt: '9999-11-30T18:00:00+08:00' },
    ]) {
      expect(await t.call('activity', 'publish', activityInput('lz', over), 'lz-admin')).toMatchObject({ ok: false, code: 'VALIDATION' });
    }
    const a = await publishActivity(t, 'lz-admin', 'lz');
    for (const over of [{ endDate: '2026-11-31' }, { startDate: '2026-02-29' }, { signupEndAt: '2026-11-31T18:00:00+08:00' }]) {
      expect(await t.call('activity', 'update', { activityId: a._id, ...over }, 'lz-admin')).toMatchObject({
        ok: false,
        code: 'VALIDATION',
      });
    }
    expect(await stored(a._id)).toMatchObject({ startDate: '2026-12-01', endDate: '2026-12-02' });
  });

  it('VALIDATION: an ongoing activity cannot be re-dated so that days already recorded fall outside it', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz', { endDate: '2026-12-03' });
    await t.setClock('2026-12-02T03:00:00Z');
    const day = (date: string) => ({
      _id: `${a._id}_vol_${date}`,
      activityId: a._id,
      orgId: 'lz',
      openid: 'vol',
      date,
      minutes: 60,
      status: 'closed',
      adjustments: [],
      scans: {},
    });
    await t.emu.db.insert('checkin_days', [day('2026-12-01'), day('2026-12-02')]);
    for (const over of [{ startDate: '2026-12-02' }, { endDate: '2026-12-01' }, { startDate: '2026-12-05', endDate: '2026-12-06' }]) {
      expect(await t.call('activity', 'update', { activityId: a._id, ...over }, 'lz-admin')).toMatchObject({
        ok: false,
        code: 'VALIDATION',
        message: '2026年12月1日至2026年12月2日已有签到记录，活动日期须包含这些日期',
      });
    }
    expect(await stored(a._id)).toMatchObject({ startDate: '2026-12-01', endDate: '2026-12-03' });
    // Keeping the recorded days inside is fine: shortened at the end, lengthened.
    expect(await t.call('activity', 'update', { activityId: a._id, endDate: '2026-12-02' }, 'lz-admin')).toMatchObject({
      ok: true,
      data: { activity: { endDate: '2026-12-02' } },
    });
    expect(await t.call('activity', 'update', { activityId: a._id, endDate: '2026-12-04' }, 'lz-admin')).toMatchObject({
      ok: true,
      data: { activity: { endDate: '2026-12-04' } },
    });
  });

  it('ACTIVITY.NOT_FOUND and AUTH.FORBIDDEN (plain member, sibling admin, ancestor leader)', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz');
    expect(await t.call('activity', 'update', { activityId: 'nope', title: '新的活动名称' }, 'lz-admin')).toMatchObject({
      ok: false,
      code: 'ACTIVITY.NOT_FOUND',
    });
    for (const who of ['lz-member', 'ts-admin', 'root-leader']) {
      expect(await t.call('activity', 'update', { activityId: a._id, title: '新的活动名称' }, who)).toMatchObject({
        ok: false,
        code: 'AUTH.FORBIDDEN',
      });
    }
    expect((await stored(a._id)).title).toBe('社区科普讲解活动');
  });

  it('ACTIVITY.CAPACITY_BELOW_ENROLLED: not below the enrolled count; equal is fine', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz');
    for (const v of ['vol', 'vol2']) expect((await t.call('activity', 'enroll', { activityId: a._id }, v)).ok).toBe(true);
    expect(await t.call('activity', 'update', { activityId: a._id, capacity: 1 }, 'lz-admin')).toMatchObject({
      ok: false,
      code: 'ACTIVITY.CAPACITY_BELOW_ENROLLED',
      details: { enrolledCount: 2 },
    });
    expect(await t.call('activity', 'update', { activityId: a._id, capacity: 2 }, 'lz-admin')).toMatchObject({
      ok: true,
      data: { activity: { capacity: 2, enrolledCount: 2 } },
    });
  });

  it('ACTIVITY.CANCELLED for a cancelled activity, VALIDATION for an ended one', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz');
    const b = await publishActivity(t, 'lz-admin', 'lz');
    expect((await t.call('activity', 'cancel', { activityId: a._id, reason: '天气原因' }, 'lz-admin')).ok).toBe(true);
    expect(await t.call('activity', 'update', { activityId: a._id, title: '新的活动名称' }, 'lz-admin')).toMatchObject({
      ok: false,
      code: 'ACTIVITY.CANCELLED',
    });
    await t.setClock('2026-12-02T09:00:00Z');
    expect(await t.call('activity', 'update', { activityId: b._id, title: '新的活动名称' }, 'lz-admin')).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      message: '活动已结束，不能修改',
    });
  });

  it('a new time or place is told to enrolled and waitlisted volunteers; other edits are not', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz', { capacity: 1, waitlist: true });
    expect(await t.call('activity', 'enroll', { activityId: a._id }, 'vol')).toMatchObject({
      ok: true,
      data: { enrollment: { status: 'enrolled' } },
    });
    expect(await t.call('activity', 'enroll', { activityId: a._id }, 'vol2')).toMatchObject({
      ok: true,
      data: { enrollment: { status: 'waitlisted' } },
    });
    expect(
      (await t.call('activity', 'update', { activityId: a._id, description: '走进社区开展地震科普讲解', dailyStart: '09:00' }, 'lz-admin'))
        .ok,
    ).toBe(true);
    expect(await devMessages(t, 'vol')).toHaveLength(0);
    expect(
      (await t.call('activity', 'update', { activityId: a._id, dailyStart: '08:30', address: '兰州市城关区中山路120号' }, 'lz-admin')).ok,
    ).toBe(true);
    for (const v of ['vol', 'vol2']) {
      expect(await devMessages(t, v)).toMatchObject([
        {
          kind: 'activityChanged',
          page: `pages/activity-detail/index?id=${a._id}`,
          data: { title: '社区科普讲解活动', time: '2026-12-01 08:30', address: '兰州市城关区中山路120号', change: '时间和地点已变更' },
        },
      ]);
    }
    expect(await devMessages(t, 'lz-member')).toHaveLength(0);
  });

  it('raising the capacity moves the waitlist up in order; the promoted are told', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz', { capacity: 1, waitlist: true });
    for (const v of ['lz-member', 'vol', 'vol2']) expect((await t.call('activity', 'enroll', { activityId: a._id }, v)).ok).toBe(true);
    const r = await t.call('activity', 'update', { activityId: a._id, capacity: 2 }, 'lz-admin');
    expect(r).toMatchObject({ ok: true, data: { activity: { capacity: 2, enrolledCount: 2, waitlistCount: 1 } } });
    expect(await t.emu.db.find('enrollments', { activityId: a._id })).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ openid: 'vol', status: 'enrolled' }),
        expect.objectContaining({ openid: 'vol2', status: 'waitlisted' }),
      ]),
    );
    expect(await devMessages(t, 'vol')).toMatchObject([{ kind: 'waitlistPromoted' }]);
    expect(await devMessages(t, 'vol2')).toHaveLength(0);
  });
});

describe('activity.cancel', () => {
  it('cancels, keeps the reason and tells every enrolled and waitlisted volunteer', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz', { capacity: 1, waitlist: true });
    await t.call('activity', 'enroll', { activityId: a._id }, 'vol');
    await t.call('activity', 'enroll', { activityId: a._id }, 'vol2');
    const r = await t.call('activity', 'cancel', { activityId: a._id, reason: '天气原因，活动取消' }, 'lz-leader');
    expect(r).toMatchObject({ ok: true, data: { activity: { status: 'cancelled', cancelReason: '天气原因，活动取消' } } });
    const doc = await stored(a._id);
    expect(doc.status).toBe('cancelled');
    expect(doc.cancelledAt.getTime() - Date.parse('2026-11-22T02:00:00Z')).toBeLessThan(60_000);
    for (const v of ['vol', 'vol2'])
      expect(await devMessages(t, v)).toMatchObject([
        { kind: 'activityCancelled', data: { reason: '天气原因，活动取消', title: '社区科普讲解活动' } },
      ]);
    expect(await t.call('activity', 'get', { activityId: a._id }, 'vol')).toMatchObject({
      ok: true,
      data: { phase: 'cancelled', signupOpen: false },
    });
  });

  it('ACTIVITY.CANCELLED the second time: one set of messages', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz');
    await t.call('activity', 'enroll', { activityId: a._id }, 'vol');
    const both = await Promise.all([1, 2].map(() => t.call('activity', 'cancel', { activityId: a._id, reason: '场地原因' }, 'lz-admin')));
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => !r.ok)).toMatchObject({ code: 'ACTIVITY.CANCELLED' });
    expect(await devMessages(t, 'vol')).toHaveLength(1);
  });

  it('AUTH.FORBIDDEN, ACTIVITY.NOT_FOUND, VALIDATION (no reason; already ended)', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz');
    for (const who of ['lz-member', 'ts-admin', 'root-leader', 'vol']) {
      expect(await t.call('activity', 'cancel', { activityId: a._id, reason: '场地原因' }, who)).toMatchObject({
        ok: false,
        code: 'AUTH.FORBIDDEN',
      });
    }
    expect(await t.call('activity', 'cancel', { activityId: 'nope', reason: '场地原因' }, 'lz-admin')).toMatchObject({
      ok: false,
      code: 'ACTIVITY.NOT_FOUND',
    });
    // No reason: the contract refuses it, so it goes untyped.
    expect(await t.callRaw('activity', 'cancel', { activityId: a._id }, 'lz-admin')).toMatchObject({ ok: false, code: 'VALIDATION' });
    await t.setClock('2026-12-02T09:00:00Z');
    expect(await t.call('activity', 'cancel', { activityId: a._id, reason: '场地原因' }, 'lz-admin')).toMatchObject({
      ok: false,
      code: 'VALIDATION',
    });
    expect((await stored(a._id)).status).toBe('published');
  });
});

describe('activity.get', () => {
  it('the phase at each boundary, in Asia/Shanghai time', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz');
    const at = async (iso: string) => {
      await t.setClock(iso);
      const r = await t.call('activity', 'get', { activityId: a._id }, 'vol');
      return r.ok ? [r.data.phase, r.data.signupOpen] : r.code;
    };
    // The emulator clock runs on from the time set: "just before" is a second before (the unit tests take the millisecond).
    expect(await at('2026-11-19T15:59:59Z')).toEqual(['recruiting', false]); // signup opens 11-20 00:00 +08:00
    expect(await at('2026-11-19T16:00:00Z')).toEqual(['recruiting', true]);
    expect(await at('2026-11-30T09:59:59Z')).toEqual(['recruiting', true]); // signup ends 11-30 18:00 +08:00
    expect(await at('2026-11-30T10:00:00Z')).toEqual(['closed', false]);
    expect(await at('2026-12-01T00:59:59Z')).toEqual(['closed', false]); // starts 12-01 09:00 +08:00
    expect(await at('2026-12-01T01:00:00Z')).toEqual(['ongoing', false]);
    expect(await at('2026-12-02T08:59:59Z')).toEqual(['ongoing', false]); // ends 12-02 17:00 +08:00
    expect(await at('2026-12-02T09:00:00Z')).toEqual(['ended', false]);
  });

  it('the caller’s enrollment with the waitlist place; canManage for the team’s managers only', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz', { capacity: 1, waitlist: true });
    await t.call('activity', 'enroll', { activityId: a._id }, 'vol');
    await t.call('activity', 'enroll', { activityId: a._id }, 'vol2');
    expect(await t.call('activity', 'get', { activityId: a._id }, 'vol2')).toMatchObject({
      ok: true,
      data: {
        enrolledCount: 1,
        canManage: false,
        myEnrollment: { status: 'waitlisted', waitlistPosition: 1, enrollmentId: `${a._id}_vol2` },
      },
    });
    expect(dataOf(await t.call('activity', 'get', { activityId: a._id }, 'vol')).myEnrollment).toMatchObject({ status: 'enrolled' });
    expect(dataOf(await t.call('activity', 'get', { activityId: a._id }, 'vol')).myEnrollment?.waitlistPosition).toBeUndefined();
    expect(dataOf(await t.call('activity', 'get', { activityId: a._id }, 'lz-admin'))).toMatchObject({ canManage: true });
    expect(dataOf(await t.call('activity', 'get', { activityId: a._id }, 'root-leader'))).toMatchObject({ canManage: false });
    expect(dataOf(await t.call('activity', 'get', { activityId: a._id })).myEnrollment).toBeUndefined();
    expect(await t.call('activity', 'get', { activityId: 'nope' }, 'vol')).toMatchObject({ ok: false, code: 'ACTIVITY.NOT_FOUND' });
  });
});
