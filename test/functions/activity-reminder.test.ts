// The cron function's day-before reminder through POST /_dev/cron: enrolled volunteers only, from 08:00, exactly once.
import { devMessages, publishActivity, seedTeam, useTestEmulator } from '../helpers/emulator';

const t = useTestEmulator({ clock: '2026-11-22T02:00:00Z' });
let activityId: string;
beforeEach(async () => {
  await seedTeam(t, { members: ['vol', 'vol2', 'vol3', 'vol4'] });
  // 2026-12-01 09:00–17:00 Asia/Shanghai, two seats and a waitlist.
  activityId = (await publishActivity(t, 'lz-admin', 'lz', { capacity: 2, waitlist: true }))._id;
  for (const v of ['vol', 'vol2', 'vol3', 'vol4']) await t.call('activity', 'enroll', { activityId }, v);
  await t.call('activity', 'cancelEnrollment', { activityId }, 'vol4');
});

type Tick = { ok: true; data: { ranAt: string; jobs: { name: string; done: number }[] } };
const tick = async (at: string) => {
  await t.setClock(at);
  const r = await t.dev<Tick>('POST', '/_dev/cron');
  return r.data.jobs.find((j) => j.name === 'activityReminder')?.done;
};
const reminders = async (openid: string) => (await devMessages(t, openid)).filter((m) => m.kind === 'activityReminder');

it('the day before, from 08:00 Asia/Shanghai, each enrolled volunteer is reminded once', async () => {
  expect(await tick('2026-11-29T02:00:00Z')).toBe(0); // two days before
  expect(await tick('2026-11-29T23:59:00Z')).toBe(0); // 11-30 07:59 in Shanghai
  expect(await tick('2026-11-30T00:00:00Z')).toBe(2); // 11-30 08:00
  for (const v of ['vol', 'vol2']) {
    expect(await reminders(v)).toMatchObject([
      {
        kind: 'activityReminder',
        page: `pages/activity-detail/index?id=${activityId}`,
        data: { title: '社区科普讲解活动', time: '2026-12-01 09:00', address: '兰州市城关区东方红广场' },
      },
    ]);
  }
  // vol3 waits (vol4 left the queue, nobody left a seat); vol4 cancelled.
  expect(await reminders('vol3')).toHaveLength(0);
  expect(await reminders('vol4')).toHaveLength(0);
  expect(await tick('2026-11-30T01:00:00Z')).toBe(0);
  expect(await tick('2026-11-30T15:00:00Z')).toBe(0);
  expect(await reminders('vol')).toHaveLength(1);
});

it('two overlapping ticks send it once', async () => {
  await t.setClock('2026-11-30T02:00:00Z');
  const both = await Promise.all([t.dev<Tick>('POST', '/_dev/cron'), t.dev<Tick>('POST', '/_dev/cron')]);
  expect(both.map((r) => r.data.jobs[0].done).sort()).toEqual([0, 2]);
  expect(await reminders('vol')).toHaveLength(1);
});

it('a postponed activity is reminded again for its new first day; a cancelled one is not', async () => {
  expect(await tick('2026-11-30T02:00:00Z')).toBe(2);
  await t.call('activity', 'update', { activityId, startDate: '2026-12-02', endDate: '2026-12-02' }, 'lz-admin');
  expect(await tick('2026-12-01T02:00:00Z')).toBe(2);
  expect((await reminders('vol')).map((m) => m.data.time)).toEqual(['2026-12-02 09:00', '2026-12-01 09:00']);

  const other = await publishActivity(t, 'lz-admin', 'lz', {
    startDate: '2026-12-03',
    endDate: '2026-12-03',
    signupEndAt: '2026-12-01T18:00:00+08:00',
  });
  await t.call('activity', 'enroll', { activityId: other._id }, 'vol3');
  await t.call('activity', 'cancel', { activityId: other._id, reason: '场地原因' }, 'lz-admin');
  expect(await tick('2026-12-02T02:00:00Z')).toBe(0);
  expect(await reminders('vol3')).toHaveLength(0);
});

it('the cron function answers each job with what it did', async () => {
  await t.setClock('2026-11-30T02:00:00Z');
  expect(await t.dev('POST', '/_dev/cron')).toEqual({
    ok: true,
    data: {
      ranAt: expect.stringMatching(/^2026-11-30T02:00/),
      jobs: [
        { name: 'activityReminder', done: 2 },
        { name: 'signOutReminder', done: 0 },
        { name: 'activityStarting', done: 0 },
        { name: 'needEscalation', done: 0 },
        { name: 'complaintEscalation', done: 0 },
        // This year's and last year's rollups, built the first time (see report-rollups).
        { name: 'statsRollup', done: 2 },
      ],
    },
  });
});

it('a WeChat user cannot run the timer: AUTH.FORBIDDEN, nothing sent', async () => {
  await t.setClock('2026-11-30T02:00:00Z');
  expect(await t.call('cron', 'tick', {}, 'vol')).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  expect(await reminders('vol')).toHaveLength(0);
});
