// activity.enroll and cancelEnrollment through the emulator: the signup window, audience, capacity (also under
// 120 simultaneous calls), the waitlist and its order, idempotence, and the database requests of one enrollment.
import {
  databaseRequests,
  dataOf,
  devMessages,
  publishActivity,
  seedMembers,
  seedMembership,
  seedOrg,
  seedTeam,
  seedVolunteer,
  useTestEmulator,
} from '../helpers/emulator';

// 2026-11-22 10:00 Asia/Shanghai: signup (11-20 00:00 – 11-30 18:00) is open; the activity starts 12-01 09:00.
const t = useTestEmulator({ clock: '2026-11-22T02:00:00Z' });
beforeEach(async () => {
  const { lz } = await seedTeam(t, { members: ['vol', 'w1', 'w2', 'w3'], tianshui: {} });
  const cg = await seedOrg(t, 'cg', '城关区科技志愿服务大队', lz, { level: '大队' });
  await seedOrg(t, 'cg1', '城关区第一科技志愿服务分队', cg, { level: '分队' });
  await seedMembers(t, 'ts', ['ts-vol'], 13600000000);
  await seedMembers(t, 'cg1', ['cg1-vol'], 13500000000);
  await seedVolunteer(t, 'pending-vol', '13900000002');
  await seedMembership(t, 'lz', 'pending-vol', 'member', 'pending');
  await seedMembership(t, 'ts', 'pending-vol', 'member', 'rejected');
});

const enroll = (activityId: string, openid: string) => t.call('activity', 'enroll', { activityId }, openid);
const cancelEnrollment = (activityId: string, openid: string) => t.call('activity', 'cancelEnrollment', { activityId }, openid);
const stored = async (id: string) => (await t.emu.db.find('activities', { _id: id }))[0];
const statuses = async (activityId: string) =>
  Object.fromEntries(
    (await t.emu.db.find('enrollments', { activityId })).map((e: { openid: string; status: string }) => [e.openid, e.status]),
  );

describe('activity.enroll', () => {
  it('enrolls a volunteer of an approved team and counts the seat; a second call answers the same enrollment', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz');
    const first = await enroll(a._id, 'vol');
    expect(first).toMatchObject({
      ok: true,
      data: { enrollment: { enrollmentId: `${a._id}_vol`, activityId: a._id, openid: 'vol', status: 'enrolled' } },
    });
    expect(dataOf(first).enrollment.waitlistPosition).toBeUndefined();
    expect(await enroll(a._id, 'vol')).toEqual(first);
    expect(await stored(a._id)).toMatchObject({ enrolledCount: 1, waitlistCount: 0 });
  });

  it('an existing enrollment is answered even once signup has closed', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz');
    expect((await enroll(a._id, 'vol')).ok).toBe(true);
    await t.setClock('2026-11-30T12:00:00Z');
    expect(await enroll(a._id, 'vol')).toMatchObject({ ok: true, data: { enrollment: { status: 'enrolled' } } });
    expect(await enroll(a._id, 'w1')).toMatchObject({ ok: false, code: 'ACTIVITY.SIGNUP_CLOSED' });
  });

  it('ACTIVITY.SIGNUP_CLOSED: before the window (saying when it opens), exactly at signupEndAt and after; allowed exactly at signupStartAt', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz');
    await t.setClock('2026-11-19T15:59:59Z');
    expect(await enroll(a._id, 'vol')).toMatchObject({
      ok: false,
      code: 'ACTIVITY.SIGNUP_CLOSED',
      message: '报名尚未开始，将于2026-11-20 00:00开始',
      details: { signupStartAt: '2026-11-20T00:00:00+08:00' },
    });
    await t.setClock('2026-11-19T16:00:00Z');
    expect(await enroll(a._id, 'vol')).toMatchObject({ ok: true, data: { enrollment: { status: 'enrolled' } } });
    await t.setClock('2026-11-30T09:59:59Z');
    expect(await enroll(a._id, 'w1')).toMatchObject({ ok: true });
    await t.setClock('2026-11-30T10:00:00Z');
    expect(await enroll(a._id, 'w2')).toMatchObject({ ok: false, code: 'ACTIVITY.SIGNUP_CLOSED', message: '报名已截止' });
    await t.setClock('2026-12-01T02:00:00Z');
    expect(await enroll(a._id, 'w3')).toMatchObject({ ok: false, code: 'ACTIVITY.SIGNUP_CLOSED' });
    expect(await stored(a._id)).toMatchObject({ enrolledCount: 2 });
  });

  it('a volunteer whose application is still pending enrolls in a public activity, not in a members-only one, which says why', async () => {
    const pub = await publishActivity(t, 'lz-admin', 'lz');
    expect(await enroll(pub._id, 'pending-vol')).toMatchObject({ ok: true, data: { enrollment: { status: 'enrolled' } } });
    const only = await publishActivity(t, 'lz-admin', 'lz', { audience: 'members' });
    expect(await enroll(only._id, 'pending-vol')).toMatchObject({
      ok: false,
      code: 'ACTIVITY.MEMBERS_ONLY',
      message: '本活动仅限兰州市科技志愿服务支队及下级队伍的队员报名。您加入兰州市科技志愿服务支队的申请正在审核中，审核通过后即可报名',
    });
    // activity.get says the same before the volunteer presses 报名 (and sees the risk notice).
    const got = dataOf(await t.call('activity', 'get', { activityId: only._id }, 'pending-vol'));
    expect(got.enrollBlock).toMatchObject({ code: 'ACTIVITY.MEMBERS_ONLY' });
    expect(got.enrollBlock?.message).toContain('正在审核中');
    expect(dataOf(await t.call('activity', 'get', { activityId: only._id }, 'vol')).enrollBlock).toBeUndefined();
    expect(await t.emu.db.find('enrollments', { activityId: only._id })).toHaveLength(0);
  });

  it('USER.NO_APPROVED_ORG: only rejected or ended memberships', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz');
    await seedVolunteer(t, 'rejected-vol', '13900000003');
    await seedMembership(t, 'ts', 'rejected-vol', 'member', 'rejected');
    expect(await enroll(a._id, 'rejected-vol')).toMatchObject({ ok: false, code: 'USER.NO_APPROVED_ORG' });
    expect(await t.emu.db.find('enrollments')).toHaveLength(0);
  });

  it('USER.NOT_REGISTERED, ACTIVITY.NOT_FOUND, ACTIVITY.CANCELLED, AUTH.UNAUTHENTICATED', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz');
    expect(await enroll(a._id, 'stranger')).toMatchObject({ ok: false, code: 'USER.NOT_REGISTERED' });
    expect(await enroll('nope', 'vol')).toMatchObject({ ok: false, code: 'ACTIVITY.NOT_FOUND' });
    expect(await t.call('activity', 'enroll', { activityId: a._id })).toMatchObject({ ok: false, code: 'AUTH.UNAUTHENTICATED' });
    expect((await t.call('activity', 'cancel', { activityId: a._id, reason: '场地原因' }, 'lz-admin')).ok).toBe(true);
    expect(await enroll(a._id, 'vol')).toMatchObject({ ok: false, code: 'ACTIVITY.CANCELLED' });
  });

  it('ACTIVITY.MEMBERS_ONLY: a sibling team’s volunteer is refused; the team’s own and its descendants’ are accepted', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz', { audience: 'members' });
    expect(await enroll(a._id, 'ts-vol')).toMatchObject({ ok: false, code: 'ACTIVITY.MEMBERS_ONLY' });
    expect(await enroll(a._id, 'cg1-vol')).toMatchObject({ ok: true, data: { enrollment: { status: 'enrolled' } } });
    expect(await enroll(a._id, 'vol')).toMatchObject({ ok: true });
    // The ancestor team's leader is no member of the subtree.
    expect(await enroll(a._id, 'root-leader')).toMatchObject({ ok: false, code: 'USER.NOT_REGISTERED' });
    const b = await publishActivity(t, 'lz-admin', 'lz', { audience: 'public' });
    expect(await enroll(b._id, 'ts-vol')).toMatchObject({ ok: true });
  });

  it('ACTIVITY.FULL without a waitlist; with one, a place in the queue', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz', { capacity: 1 });
    expect((await enroll(a._id, 'vol')).ok).toBe(true);
    expect(await enroll(a._id, 'w1')).toMatchObject({ ok: false, code: 'ACTIVITY.FULL', details: { capacity: 1 } });
    const b = await publishActivity(t, 'lz-admin', 'lz', { capacity: 1, waitlist: true });
    expect((await enroll(b._id, 'vol')).ok).toBe(true);
    expect(await enroll(b._id, 'w1')).toMatchObject({ ok: true, data: { enrollment: { status: 'waitlisted', waitlistPosition: 1 } } });
    expect(await enroll(b._id, 'w2')).toMatchObject({ ok: true, data: { enrollment: { status: 'waitlisted', waitlistPosition: 2 } } });
    expect(await enroll(b._id, 'w1')).toMatchObject({ ok: true, data: { enrollment: { status: 'waitlisted', waitlistPosition: 1 } } });
    expect(await stored(b._id)).toMatchObject({ enrolledCount: 1, waitlistCount: 2 });
  });

  it('enrolling again after cancelling reuses the record, at the back of the queue', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz', { capacity: 1, waitlist: true });
    await enroll(a._id, 'vol');
    await enroll(a._id, 'w1');
    expect((await cancelEnrollment(a._id, 'w1')).ok).toBe(true);
    await enroll(a._id, 'w2');
    expect(await enroll(a._id, 'w1')).toMatchObject({ ok: true, data: { enrollment: { status: 'waitlisted', waitlistPosition: 2 } } });
    const [doc] = await t.emu.db.find('enrollments', { _id: `${a._id}_w1` });
    expect(doc.cancelledAt).toBeUndefined();
    expect(await t.emu.db.find('enrollments', { openid: 'w1' })).toHaveLength(1);
  });
});

describe('activity.cancelEnrollment', () => {
  it('gives the seat to the first waitlisted (by queue order, not by id), who is told; then to the next', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz', { capacity: 1, waitlist: true });
    for (const v of ['vol', 'w3', 'w1', 'w2']) expect((await enroll(a._id, v)).ok).toBe(true);
    expect(dataOf(await t.call('activity', 'get', { activityId: a._id }, 'w2')).myEnrollment).toMatchObject({ waitlistPosition: 3 });

    expect(await cancelEnrollment(a._id, 'vol')).toMatchObject({ ok: true, data: { enrollment: { status: 'cancelled' } } });
    expect(await statuses(a._id)).toEqual({ vol: 'cancelled', w3: 'enrolled', w1: 'waitlisted', w2: 'waitlisted' });
    expect(await devMessages(t, 'w3')).toMatchObject([
      {
        kind: 'waitlistPromoted',
        page: `pages/activity-detail/index?id=${a._id}`,
        data: { title: '社区科普讲解活动', result: '报名成功' },
      },
    ]);
    expect(await stored(a._id)).toMatchObject({ enrolledCount: 1, waitlistCount: 2 });

    await cancelEnrollment(a._id, 'w3');
    expect(await statuses(a._id)).toMatchObject({ w3: 'cancelled', w1: 'enrolled', w2: 'waitlisted' });
    expect(dataOf(await t.call('activity', 'get', { activityId: a._id }, 'w2')).myEnrollment).toMatchObject({ waitlistPosition: 1 });
    expect(await devMessages(t, 'w2')).toHaveLength(0);
  });

  it('a waitlisted volunteer leaves the queue; with nobody waiting a seat is simply freed', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz', { capacity: 2, waitlist: true });
    for (const v of ['vol', 'w1', 'w2']) await enroll(a._id, v);
    expect(await cancelEnrollment(a._id, 'w2')).toMatchObject({ ok: true, data: { enrollment: { status: 'cancelled' } } });
    expect(await stored(a._id)).toMatchObject({ enrolledCount: 2, waitlistCount: 0 });
    await cancelEnrollment(a._id, 'w1');
    expect(await stored(a._id)).toMatchObject({ enrolledCount: 1, waitlistCount: 0 });
    expect(await enroll(a._id, 'w3')).toMatchObject({ ok: true, data: { enrollment: { status: 'enrolled' } } });
  });

  it('ACTIVITY.NOT_ENROLLED: never enrolled, or already cancelled', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz');
    expect(await cancelEnrollment(a._id, 'vol')).toMatchObject({ ok: false, code: 'ACTIVITY.NOT_ENROLLED' });
    await enroll(a._id, 'vol');
    expect((await cancelEnrollment(a._id, 'vol')).ok).toBe(true);
    expect(await cancelEnrollment(a._id, 'vol')).toMatchObject({ ok: false, code: 'ACTIVITY.NOT_ENROLLED' });
    expect(await stored(a._id)).toMatchObject({ enrolledCount: 0 });
  });

  it('ACTIVITY.SIGNUP_CLOSED once the activity has started (allowed until then); ACTIVITY.CANCELLED; ACTIVITY.NOT_FOUND', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz');
    await enroll(a._id, 'vol');
    await enroll(a._id, 'w1');
    await t.setClock('2026-12-01T00:59:59Z');
    expect((await cancelEnrollment(a._id, 'w1')).ok).toBe(true);
    await t.setClock('2026-12-01T01:00:00Z');
    expect(await cancelEnrollment(a._id, 'vol')).toMatchObject({
      ok: false,
      code: 'ACTIVITY.SIGNUP_CLOSED',
      message: expect.stringContaining('活动已开始'),
    });
    expect(await cancelEnrollment('nope', 'vol')).toMatchObject({ ok: false, code: 'ACTIVITY.NOT_FOUND' });
    const b = await publishActivity(t, 'lz-admin', 'lz');
    await t.setClock('2026-11-22T02:00:00Z');
    await enroll(b._id, 'vol');
    await t.call('activity', 'cancel', { activityId: b._id, reason: '场地原因' }, 'lz-admin');
    expect(await cancelEnrollment(b._id, 'vol')).toMatchObject({ ok: false, code: 'ACTIVITY.CANCELLED' });
  });
});

describe('under concurrency', () => {
  const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);

  it('120 simultaneous enrollments for 30 seats with a waitlist: exactly 30 enrolled, 90 queued', async () => {
    const people = ids('c', 120);
    await seedMembers(t, 'lz', people, 13000000000);
    const a = await publishActivity(t, 'lz-admin', 'lz', { capacity: 30, waitlist: true });
    const results = await Promise.all(people.map((p) => enroll(a._id, p)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => dataOf(r).enrollment.status === 'enrolled')).toHaveLength(30);
    const docs = await t.emu.db.find('enrollments', { activityId: a._id });
    expect(docs.filter((e: { status: string }) => e.status === 'enrolled')).toHaveLength(30);
    expect(docs.filter((e: { status: string }) => e.status === 'waitlisted')).toHaveLength(90);
    expect(await stored(a._id)).toMatchObject({ enrolledCount: 30, waitlistCount: 90 });
    const places = results.filter((r) => dataOf(r).enrollment.status === 'waitlisted').map((r) => dataOf(r).enrollment.waitlistPosition);
    // A queued answer without its place makes the maximum NaN, which fails.
    expect(Math.max(...places.map((p) => p ?? NaN))).toBeLessThanOrEqual(90);
  });

  it('150 simultaneous enrollments for 50 seats: the 100 queued answers carry the places 1–100, each once, as activity.get shows them after', async () => {
    const people = ids('q', 150);
    await seedMembers(t, 'lz', people, 13300000000);
    const a = await publishActivity(t, 'lz-admin', 'lz', { capacity: 50, waitlist: true });
    const results = await Promise.all(people.map((p) => enroll(a._id, p)));
    const queued = people.map((p, i) => [p, dataOf(results[i]).enrollment] as const).filter(([, e]) => e.status === 'waitlisted');
    expect(queued).toHaveLength(100);
    // sort() leaves missing places at the end without comparing them.
    expect(queued.map(([, e]) => e.waitlistPosition).sort((x, y) => Number(x) - Number(y))).toEqual(
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
    for (const [p, e] of queued) {
      expect(dataOf(await t.call('activity', 'get', { activityId: a._id }, p)).myEnrollment?.waitlistPosition).toBe(e.waitlistPosition);
    }
    // The queue moves up in the order of those places.
    const head = queued.find(([, e]) => e.waitlistPosition === 1)![0];
    const enrolled = people.find((_p, i) => dataOf(results[i]).enrollment.status === 'enrolled')!;
    expect((await cancelEnrollment(a._id, enrolled)).ok).toBe(true);
    expect(dataOf(await t.call('activity', 'get', { activityId: a._id }, head)).myEnrollment?.status).toBe('enrolled');
  });

  it('120 simultaneous enrollments for 30 seats without a waitlist: 30 enrolled, 90 ACTIVITY.FULL', async () => {
    const people = ids('f', 120);
    await seedMembers(t, 'lz', people, 13100000000);
    const a = await publishActivity(t, 'lz-admin', 'lz', { capacity: 30 });
    const results = await Promise.all(people.map((p) => enroll(a._id, p)));
    expect(results.filter((r) => r.ok)).toHaveLength(30);
    expect(results.filter((r) => !r.ok && r.code === 'ACTIVITY.FULL')).toHaveLength(90);
    expect(await t.emu.db.find('enrollments', { activityId: a._id, status: 'enrolled' })).toHaveLength(30);
    expect(await stored(a._id)).toMatchObject({ enrolledCount: 30, waitlistCount: 0 });
  });

  it('the same volunteer enrolling 10 times at once: one enrollment, counted once, every call answers it', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz', { capacity: 5 });
    const results = await Promise.all(Array.from({ length: 10 }, () => enroll(a._id, 'vol')));
    expect(results.every((r) => r.ok && r.data.enrollment.status === 'enrolled' && r.data.enrollment.enrollmentId === `${a._id}_vol`)).toBe(
      true,
    );
    expect(await t.emu.db.find('enrollments', { activityId: a._id })).toHaveLength(1);
    expect(await stored(a._id)).toMatchObject({ enrolledCount: 1, waitlistCount: 0 });
  });

  it('cancellations racing new enrollments: counters match the records, the capacity holds, no seat stays free while someone waits', async () => {
    const first = ids('r', 60);
    const later = ids('n', 30);
    await seedMembers(t, 'lz', [...first, ...later], 13200000000);
    const a = await publishActivity(t, 'lz-admin', 'lz', { capacity: 30, waitlist: true });
    await Promise.all(first.map((p) => enroll(a._id, p)));
    const leaving = [...first.slice(0, 20), ...first.slice(40, 50)];
    const results = await Promise.all([...leaving.map((p) => cancelEnrollment(a._id, p)), ...later.map((p) => enroll(a._id, p))]);
    expect(results.every((r) => r.ok)).toBe(true);
    const docs = await t.emu.db.find('enrollments', { activityId: a._id });
    const enrolled = docs.filter((e: { status: string }) => e.status === 'enrolled').length;
    const waiting = docs.filter((e: { status: string }) => e.status === 'waitlisted').length;
    expect(enrolled + waiting).toBe(60);
    expect(enrolled).toBe(30);
    expect(await stored(a._id)).toMatchObject({ enrolledCount: enrolled, waitlistCount: waiting });
  });
});

it('one new enrollment costs 6 database requests (4 reads in parallel, the seat, the record)', async () => {
  const a = await publishActivity(t, 'lz-admin', 'lz');
  await t.dev('DELETE', '/_dev/stats');
  expect((await enroll(a._id, 'vol')).ok).toBe(true);
  const { total, byAction } = await databaseRequests(t);
  expect(byAction).toEqual({ 'database.getDocument': 4, 'database.modifyDocument': 1, 'database.insertDocument': 1 });
  expect(total).toBe(6);
});
