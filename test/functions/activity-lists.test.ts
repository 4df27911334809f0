// activity.list, mine, published and enrollments through the emulator: filters, phases, the square's order (also near
// me) across pages, distance, paging, permissions.
import type { InputOf } from '@contract/functions';
import {
  databaseRequests,
  dataOf,
  LANZHOU_POINT,
  publishActivity,
  seedLanzhou,
  seedMembers,
  seedOrg,
  seedStaff,
  useTestEmulator,
} from '../helpers/emulator';

const t = useTestEmulator({ clock: '2026-11-22T02:00:00Z' });
const TIANSHUI = { province: '620000', city: '620500', county: '620502' };
beforeEach(async () => {
  const { lz } = await seedLanzhou(t, { tianshui: { region: TIANSHUI } });
  await seedOrg(t, 'cg', '城关区科技志愿服务大队', lz, { level: '大队' });
  await seedStaff(t, [
    ['lz-admin', '13900000001', 'lz', 'admin'],
    ['ts-admin', '13900000002', 'ts', 'admin'],
    ['cg-admin', '13900000003', 'cg', 'admin'],
  ]);
  await seedMembers(t, 'lz', ['vol', 'vol2', 'vol3']);
});

const list = (input: InputOf<'activity', 'list'> = {}, openid?: string) => t.call('activity', 'list', input, openid);
const titles = (r: { ok: boolean; data?: { items: { title: string }[] } }) => (r.ok ? r.data!.items.map((i) => i.title) : r);

/** Five activities, one in each phase at the test clock (2026-11-22): four in 兰州 around LANZHOU_POINT, the ongoing one in 天水. */
async function fourActivities() {
  const recruiting = await publishActivity(t, 'lz-admin', 'lz', { title: '社区防灾减灾科普', category: '科普讲解' });
  const closed = await publishActivity(t, 'lz-admin', 'lz', {
    title: '青少年机器人课堂',
    category: '青少年科技教育',
    startDate: '2026-11-25',
    endDate: '2026-11-25',
    signupEndAt: '2026-11-21T18:00:00+08:00',
    location: { lat: LANZHOU_POINT.lat + 0.05, lng: LANZHOU_POINT.lng },
  });
  const ongoing = await publishActivity(t, 'ts-admin', 'ts', {
    title: '果树栽培技术培训(天水)',
    category: '农技服务',
    region: TIANSHUI,
    address: '天水市秦州区农技推广站',
    startDate: '2026-11-22',
    endDate: '2026-11-23',
    signupStartAt: '2026-11-01T00:00:00+08:00',
    signupEndAt: '2026-11-21T00:00:00+08:00',
    location: { lat: 34.58, lng: 105.72 },
  });
  const ended = await publishActivity(t, 'lz-admin', 'lz', {
    title: '科技咨询进社区',
    category: '科技咨询',
    startDate: '2026-11-01',
    endDate: '2026-11-01',
    signupStartAt: '2026-10-20T00:00:00+08:00',
    signupEndAt: '2026-10-31T00:00:00+08:00',
    location: { lat: LANZHOU_POINT.lat + 0.01, lng: LANZHOU_POINT.lng },
  });
  const cancelled = await publishActivity(t, 'lz-admin', 'lz', { title: '科普大篷车巡展', startDate: '2026-12-10', endDate: '2026-12-10' });
  await t.call('activity', 'cancel', { activityId: cancelled._id, reason: '车辆维修' }, 'lz-admin');
  return { recruiting, closed, ongoing, ended, cancelled };
}

describe('activity.list', () => {
  it("全部 in the square's order: ongoing, recruiting, closed, then over; no cancelled one; paged", async () => {
    await fourActivities();
    const r = await list();
    expect(r.ok && r.data.items.map((i: { title: string; phase: string }) => [i.title, i.phase])).toEqual([
      ['果树栽培技术培训(天水)', 'ongoing'],
      ['社区防灾减灾科普', 'recruiting'],
      ['青少年机器人课堂', 'closed'],
      ['科技咨询进社区', 'ended'],
    ]);
    expect(dataOf(r).total).toBe(4);
    const p2 = await list({ page: 2, pageSize: 2 });
    expect(p2).toMatchObject({ ok: true, data: { total: 4, page: 2 } });
    expect(titles(p2)).toEqual(['青少年机器人课堂', '科技咨询进社区']);
    expect(await list({ pageSize: 51 })).toMatchObject({ ok: false, code: 'VALIDATION' });
  });

  it('filters by phase, region (province, city or county), category, keyword (taken literally) and team', async () => {
    await fourActivities();
    for (const phase of ['recruiting', 'closed', 'ongoing', 'ended', 'cancelled'] as const) {
      const r = await list({ phase });
      expect(r.ok && r.data.items.map((i) => i.phase)).toEqual([phase]);
    }
    expect(titles(await list({ regionCode: '620500' }))).toEqual(['果树栽培技术培训(天水)']);
    expect(titles(await list({ regionCode: '620502' }))).toEqual(['果树栽培技术培训(天水)']);
    expect(dataOf(await list({ regionCode: '620000' })).total).toBe(4);
    expect(dataOf(await list({ regionCode: '620100' })).total).toBe(3);
    expect(titles(await list({ category: '农技服务' }))).toEqual(['果树栽培技术培训(天水)']);
    expect(titles(await list({ keyword: '科普' }))).toEqual(['社区防灾减灾科普']);
    expect(titles(await list({ keyword: '科普', phase: 'cancelled' }))).toEqual(['科普大篷车巡展']);
    expect(titles(await list({ keyword: '(天水)' }))).toEqual(['果树栽培技术培训(天水)']);
    expect(titles(await list({ keyword: '.*' }))).toEqual([]);
    expect(titles(await list({ orgId: 'ts' }))).toEqual(['果树栽培技术培训(天水)']);
    expect(titles(await list({ orgId: 'lz', phase: 'recruiting', category: '科普讲解', regionCode: '620102' }))).toEqual([
      '社区防灾减灾科普',
    ]);
  });

  it('near me: activities not yet over, ongoing first, then by group nearest first, with their distance; paged', async () => {
    await fourActivities();
    const r = await list({ near: LANZHOU_POINT });
    expect(r.ok && r.data.items.map((i) => i.title)).toEqual(['果树栽培技术培训(天水)', '社区防灾减灾科普', '青少年机器人课堂']);
    const [tianshui, here, north5km] = dataOf(r).items.map((i) => i.distanceM);
    expect(here).toBe(0);
    expect(north5km).toBeGreaterThan(5500);
    expect(north5km).toBeLessThan(5600);
    expect(tianshui).toBeGreaterThan(150_000);
    expect(dataOf(r).total).toBe(3);
    expect(titles(await list({ near: LANZHOU_POINT, page: 2, pageSize: 1 }))).toEqual(['社区防灾减灾科普']);
    expect(titles(await list({ near: LANZHOU_POINT, phase: 'ended' }))).toEqual(['科技咨询进社区']);
    expect(titles(await list({ near: LANZHOU_POINT, category: '农技服务' }))).toEqual(['果树栽培技术培训(天水)']);
  });
});

describe("the square's order across pages", () => {
  const at = (dLat: number) => ({ lat: LANZHOU_POINT.lat + dLat, lng: LANZHOU_POINT.lng });
  const past = { signupStartAt: '2026-10-01T00:00:00+08:00', signupEndAt: '2026-10-20T00:00:00+08:00' };
  /** Twelve activities: 3 ongoing, 4 recruiting, 2 closed, 2 ended, 1 cancelled; start order and distance order differ. */
  async function square() {
    const publish = (title: string, over: Parameters<typeof publishActivity>[3]) =>
      publishActivity(t, 'lz-admin', 'lz', { title, ...over });
    const ongoing = { signupStartAt: '2026-11-01T00:00:00+08:00', signupEndAt: '2026-11-19T18:00:00+08:00', endDate: '2026-11-23' };
    await publish('进行中活动B', { ...ongoing, startDate: '2026-11-21', location: at(0.02) });
    await publish('进行中活动A', { ...ongoing, startDate: '2026-11-20', location: at(0.03) });
    await publish('进行中活动C', { ...ongoing, startDate: '2026-11-22', location: at(0.01) });
    for (const [k, dLat] of [0.04, 0.001, 0.03, 0.002].entries())
      await publish(`报名中活动${k + 1}`, { startDate: `2026-12-0${k + 1}`, endDate: `2026-12-0${k + 1}`, location: at(dLat) });
    const closed = { signupEndAt: '2026-11-21T18:00:00+08:00' };
    await publish('报名结束活动2', { ...closed, startDate: '2026-11-26', endDate: '2026-11-26', location: at(0.003) });
    await publish('报名结束活动1', { ...closed, startDate: '2026-11-25', endDate: '2026-11-25', location: at(0.05) });
    await publish('已结束活动1', { ...past, startDate: '2026-11-01', endDate: '2026-11-01', location: at(0) });
    await publish('已结束活动2', { ...past, startDate: '2026-11-02', endDate: '2026-11-02', location: at(0) });
    const off = await publish('已取消活动1', { startDate: '2026-12-20', endDate: '2026-12-20', location: at(0) });
    await t.call('activity', 'cancel', { activityId: off._id, reason: '场地调整' }, 'lz-admin');
  }
  /** Every page of `pageSize` in turn, checking the total and the page number of each. */
  async function allPages(input: InputOf<'activity', 'list'>, pageSize: number) {
    const seen: { title: string; distanceM?: number }[] = [];
    for (let page = 1; ; page++) {
      const r = dataOf(await list({ ...input, page, pageSize }));
      expect(r.page).toBe(page);
      if (r.items.length === 0) return { items: seen, total: r.total };
      expect(r.items.length).toBeLessThanOrEqual(pageSize);
      seen.push(...r.items);
    }
  }

  it('ongoing (soonest start first), recruiting, closed, then over (latest first), no cancelled one, the same at any page size', async () => {
    await square();
    const order = [
      '进行中活动A',
      '进行中活动B',
      '进行中活动C',
      '报名中活动1',
      '报名中活动2',
      '报名中活动3',
      '报名中活动4',
      '报名结束活动1',
      '报名结束活动2',
      '已结束活动2',
      '已结束活动1',
    ];
    for (const pageSize of [1, 2, 3, 5, 7, 11, 20]) {
      const { items, total } = await allPages({}, pageSize);
      expect(total).toBe(11);
      // No activity twice, none left out, whatever the page size.
      expect(items.map((i) => i.title)).toEqual(order);
    }
    // Other filters keep the order.
    expect(titles(await list({ keyword: '活动1' }))).toEqual(['报名中活动1', '报名结束活动1', '已结束活动1']);
  });

  it('near me: ongoing nearby first, then recruiting, then closed, each nearest first; nothing over; the same at any page size', async () => {
    await square();
    const order = [
      '进行中活动C',
      '进行中活动B',
      '进行中活动A',
      '报名中活动2',
      '报名中活动4',
      '报名中活动3',
      '报名中活动1',
      '报名结束活动2',
      '报名结束活动1',
    ];
    for (const pageSize of [1, 2, 4, 9, 20]) {
      const { items, total } = await allPages({ near: LANZHOU_POINT }, pageSize);
      expect(total).toBe(9);
      expect(items.map((i) => i.title)).toEqual(order);
      const distances = items.map((i) => i.distanceM!);
      for (const [from, to] of [
        [0, 3],
        [3, 7],
        [7, 9],
      ])
        expect(distances.slice(from, to)).toEqual([...distances.slice(from, to)].sort((x, y) => x - y));
    }
  });

  it('a page costs one count per group and one read per group it reaches', async () => {
    await square();
    await t.dev('DELETE', '/_dev/stats');
    expect(titles(await list({ page: 2, pageSize: 3 }))).toEqual(['报名中活动1', '报名中活动2', '报名中活动3']);
    expect((await databaseRequests(t)).byAction).toEqual({ 'database.calculateDocument': 4, 'database.getDocument': 1 });
    await t.dev('DELETE', '/_dev/stats');
    expect(titles(await list({ page: 3, pageSize: 3 }))).toEqual(['报名中活动4', '报名结束活动1', '报名结束活动2']);
    expect((await databaseRequests(t)).byAction).toEqual({ 'database.calculateDocument': 4, 'database.getDocument': 2 });
  });
});

describe('activity.mine', () => {
  it('my enrollments with my status, newest start first; a cancelled activity stays, my cancelled enrollment goes', async () => {
    const a = await fourActivities();
    const full = await publishActivity(t, 'lz-admin', 'lz', {
      title: '老年人智能手机培训',
      capacity: 1,
      waitlist: true,
      startDate: '2026-12-05',
      endDate: '2026-12-05',
    });
    const left = await publishActivity(t, 'lz-admin', 'lz', { title: '已退出的科普活动', startDate: '2026-12-06', endDate: '2026-12-06' });
    await t.call('activity', 'enroll', { activityId: full._id }, 'vol2');
    for (const id of [a.recruiting._id, full._id, left._id])
      expect((await t.call('activity', 'enroll', { activityId: id }, 'vol')).ok).toBe(true);
    await t.call('activity', 'cancelEnrollment', { activityId: left._id }, 'vol');
    await t.emu.db.insert('enrollments', [
      {
        _id: `${a.ended._id}_vol`,
        activityId: a.ended._id,
        openid: 'vol',
        status: 'enrolled',
        enrolledAt: new Date('2026-10-25T00:00:00Z'),
        queuedAt: new Date('2026-10-25T00:00:00Z'),
      },
      {
        _id: `${a.cancelled._id}_vol`,
        activityId: a.cancelled._id,
        openid: 'vol',
        status: 'enrolled',
        enrolledAt: new Date('2026-11-21T00:00:00Z'),
        queuedAt: new Date('2026-11-21T00:00:00Z'),
      },
    ]);
    const r = await t.call('activity', 'mine', {}, 'vol');
    expect(
      r.ok &&
        r.data.items.map((i: { title: string; phase: string; enrollment: { status: string } }) => [i.title, i.phase, i.enrollment.status]),
    ).toEqual([
      ['科普大篷车巡展', 'cancelled', 'enrolled'],
      ['老年人智能手机培训', 'recruiting', 'waitlisted'],
      ['社区防灾减灾科普', 'recruiting', 'enrolled'],
      ['科技咨询进社区', 'ended', 'enrolled'],
    ]);
    expect(dataOf(r).items[1].enrollment.waitlistPosition).toBe(1);
    expect(titles(await t.call('activity', 'mine', { phase: 'ended' }, 'vol'))).toEqual(['科技咨询进社区']);
    expect(await t.call('activity', 'mine', { page: 2, pageSize: 3 }, 'vol')).toMatchObject({
      ok: true,
      data: { total: 4, page: 2, items: [{ title: '科技咨询进社区' }] },
    });
    // By my own state: 待参加 soonest first, 已完成 with my hours, 已取消 also what I cancelled myself.
    await t.emu.db.insert('checkin_days', [
      {
        _id: `${a.ended._id}_vol_d`,
        activityId: a.ended._id,
        orgId: 'lz',
        openid: 'vol',
        date: '2026-10-31',
        minutes: 150,
        status: 'closed',
      },
    ]);
    const byState = async (state: 'upcoming' | 'ongoing' | 'done' | 'cancelled') =>
      dataOf(await t.call('activity', 'mine', { state }, 'vol')).items.map((i) => [i.title, i.myState, i.myMinutes]);
    expect(await byState('upcoming')).toEqual([
      ['社区防灾减灾科普', 'upcoming', 0],
      ['老年人智能手机培训', 'upcoming', 0],
    ]);
    expect(await byState('done')).toEqual([['科技咨询进社区', 'done', 150]]);
    expect(await byState('cancelled')).toEqual([
      ['科普大篷车巡展', 'cancelled', 0],
      ['已退出的科普活动', 'cancelled', 0],
    ]);
    expect(await byState('ongoing')).toEqual([]);
    expect(await t.call('activity', 'mine', {}, 'vol3')).toMatchObject({ ok: true, data: { items: [], total: 0 } });
    expect(await t.call('activity', 'mine', {})).toMatchObject({ ok: false, code: 'AUTH.UNAUTHENTICATED' });
  });
});

describe('activity.published', () => {
  it('the team’s activities with counts, for its managers and those above', async () => {
    const first = await publishActivity(t, 'lz-admin', 'lz', { title: '第一场科普讲座', capacity: 1, waitlist: true });
    await t.setClock('2026-11-22T03:00:00Z');
    await publishActivity(t, 'lz-admin', 'lz', {
      title: '第二场科普讲座',
      startDate: '2026-11-30',
      endDate: '2026-11-30',
      signupEndAt: '2026-11-29T18:00:00+08:00',
    });
    await publishActivity(t, 'ts-admin', 'ts', { title: '天水科普讲座' });
    await t.call('activity', 'enroll', { activityId: first._id }, 'vol');
    await t.call('activity', 'enroll', { activityId: first._id }, 'vol2');
    for (const who of ['lz-admin', 'root-leader']) {
      const r = await t.call('activity', 'published', { orgId: 'lz' }, who);
      expect(r).toMatchObject({
        ok: true,
        data: {
          total: 2,
          items: [
            { title: '第二场科普讲座', enrolledCount: 0 },
            { title: '第一场科普讲座', enrolledCount: 1, waitlistCount: 1, phase: 'recruiting' },
          ],
        },
      });
    }
    expect(dataOf(await t.call('activity', 'published', { orgId: 'lz', phase: 'ended' }, 'lz-admin')).total).toBe(0);
    expect(dataOf(await t.call('activity', 'published', { orgId: 'lz', pageSize: 1, page: 2 }, 'lz-admin')).items).toMatchObject([
      { title: '第一场科普讲座' },
    ]);
  });

  it('by phase: 活动中, 报名中, upcoming, ended, cancelled, each by date; the same at any page size', async () => {
    const a = await fourActivities();
    const ongoing = { signupStartAt: '2026-11-01T00:00:00+08:00', signupEndAt: '2026-11-19T18:00:00+08:00', endDate: '2026-11-23' };
    await publishActivity(t, 'lz-admin', 'lz', { ...ongoing, title: '进行中的科普', startDate: '2026-11-21' });
    await publishActivity(t, 'lz-admin', 'lz', {
      title: '较早的报名中活动',
      startDate: '2026-11-28',
      endDate: '2026-11-28',
      signupEndAt: '2026-11-27T18:00:00+08:00',
    });
    const off = await publishActivity(t, 'lz-admin', 'lz', { title: '较晚取消的活动', startDate: '2026-12-20', endDate: '2026-12-20' });
    await t.call('activity', 'cancel', { activityId: off._id, reason: '场地调整' }, 'lz-admin');
    const order = [
      ['进行中的科普', 'ongoing'],
      ['较早的报名中活动', 'recruiting'],
      ['社区防灾减灾科普', 'recruiting'],
      ['青少年机器人课堂', 'closed'],
      ['科技咨询进社区', 'ended'],
      ['较晚取消的活动', 'cancelled'],
      [a.cancelled.title, 'cancelled'],
    ];
    for (const pageSize of [1, 2, 3, 7, 20]) {
      const seen: string[][] = [];
      for (let page = 1; page <= Math.ceil(order.length / pageSize); page++) {
        const r = dataOf(await t.call('activity', 'published', { orgId: 'lz', page, pageSize }, 'lz-admin'));
        expect(r.total).toBe(order.length);
        seen.push(...r.items.map((i) => [i.title, i.phase]));
      }
      expect(seen).toEqual(order);
    }
    // One phase asked for: that phase alone, by date.
    expect(
      dataOf(await t.call('activity', 'published', { orgId: 'lz', phase: 'recruiting' }, 'lz-admin')).items.map((i) => i.title),
    ).toEqual(['较早的报名中活动', '社区防灾减灾科普']);
  });

  it('AUTH.FORBIDDEN: a plain member, a sibling team’s admin, a child team’s admin, an unknown team', async () => {
    for (const [who, orgId] of [
      ['vol', 'lz'],
      ['ts-admin', 'lz'],
      ['cg-admin', 'lz'],
      ['lz-admin', 'nope'],
    ]) {
      expect(await t.call('activity', 'published', { orgId }, who)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
  });
});

describe('activity.enrollments', () => {
  it('enrolled first, then the queue in order, with real names and masked phones; filter by status; paged', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz', { capacity: 1, waitlist: true });
    for (const v of ['vol2', 'vol3', 'vol']) await t.call('activity', 'enroll', { activityId: a._id }, v);
    const r = await t.call('activity', 'enrollments', { activityId: a._id }, 'lz-admin');
    expect(r).toMatchObject({
      ok: true,
      data: {
        total: 3,
        items: [
          { openid: 'vol2', status: 'enrolled', realName: '志愿者2', phoneMasked: '137****0001' },
          { openid: 'vol3', status: 'waitlisted', waitlistPosition: 1, realName: '志愿者3', phoneMasked: '137****0002' },
          { openid: 'vol', status: 'waitlisted', waitlistPosition: 2, realName: '志愿者1' },
        ],
      },
    });
    expect(JSON.stringify(r)).not.toContain('13700000001');
    expect(
      await t.call('activity', 'enrollments', { activityId: a._id, status: 'waitlisted', page: 2, pageSize: 1 }, 'root-leader'),
    ).toMatchObject({
      ok: true,
      data: { total: 2, items: [{ openid: 'vol', waitlistPosition: 2 }] },
    });
    expect(await t.call('activity', 'enrollments', { activityId: a._id, page: 2, pageSize: 2 }, 'lz-admin')).toMatchObject({
      ok: true,
      data: { items: [{ openid: 'vol', waitlistPosition: 2 }] },
    });
    await t.call('activity', 'cancelEnrollment', { activityId: a._id }, 'vol3');
    expect(await t.call('activity', 'enrollments', { activityId: a._id, status: 'cancelled' }, 'lz-admin')).toMatchObject({
      ok: true,
      data: { total: 1, items: [{ openid: 'vol3', status: 'cancelled' }] },
    });
  });

  it('AUTH.FORBIDDEN for a plain member, a sibling team’s admin and a child team’s admin; ACTIVITY.NOT_FOUND', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz');
    for (const who of ['vol', 'ts-admin', 'cg-admin']) {
      expect(await t.call('activity', 'enrollments', { activityId: a._id }, who)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
    expect(await t.call('activity', 'enrollments', { activityId: 'nope' }, 'lz-admin')).toMatchObject({
      ok: false,
      code: 'ACTIVITY.NOT_FOUND',
    });
  });
});
