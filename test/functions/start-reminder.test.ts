// The cron function's hour-before reminder through POST /_dev/cron: from 60 minutes before each day's dailyStart until
// it starts, each enrolled volunteer (not waitlisted, not cancelled) is reminded once per day, also under two ticks.
import { devMessages, publishActivity, seedTeam, useTestEmulator } from '../helpers/emulator';

const t = useTestEmulator({ clock: '2026-11-22T02:00:00Z' });
let activityId: string;
beforeEach(async () => {
  await seedTeam(t, { members: ['vol', 'vol2', 'vol3', 'vol4'] });
  // 2026-12-01 and 12-02, 09:00–17:00 Asia/Shanghai, two seats and a waitlist.
  activityId = (await publishActivity(t, 'lz-admin', 'lz', { capacity: 2, waitlist: true, endDate: '2026-12-02' }))._id;
  for (const v of ['vol', 'vol2', 'vol3', 'vol4']) await t.call('activity', 'enroll', { activityId }, v);
  await t.call('activity', 'cancelEnrollment', { activityId }, 'vol4');
});

type Tick = { ok: true; data: { ranAt: string; jobs: { name: string; done: number }[] } };
const done = (r: Tick) => r.data.jobs.find((j) => j.name === 'activityStarting')?.done;
const tick = async (at: string) => {
  await t.setClock(at);
  return done(await t.dev<Tick>('POST', '/_dev/cron'));
};
const reminders = async (openid: string) => (await devMessages(t, openid)).filter((m) => m.kind === 'activityStarting');

it('from 08:00 (an hour before 09:00), each enrolled volunteer is reminded once; waitlisted and cancelled ones are not', async () => {
  expect(await tick('2026-11-30T23:59:00Z')).toBe(0); // 12-01 07:59 in Shanghai: not yet due
  expect(await reminders('vol')).toHaveLength(0);
  expect(await tick('2026-12-01T00:00:00Z')).toBe(2); // 08:00
  for (const v of ['vol', 'vol2']) {
    expect(await reminders(v)).toMatchObject([
      {
        kind: 'activityStarting',
        title: '活动即将开始',
        body: '您报名的活动“社区科普讲解活动”将于2026-12-01 09:00开始，地点：兰州市城关区东方红广场，请按时到场扫码签到',
        page: `pages/activity-detail/index?id=${activityId}`,
        data: { title: '社区科普讲解活动', time: '2026-12-01 09:00', address: '兰州市城关区东方红广场' },
      },
    ]);
  }
  // vol3 waits for a seat; vol4 cancelled.
  expect(await reminders('vol3')).toHaveLength(0);
  expect(await reminders('vol4')).toHaveLength(0);
  // Later ticks of the hour send nothing more; 消息中心 keeps the one.
  expect(await tick('2026-12-01T00:10:00Z')).toBe(0);
  expect(await tick('2026-12-01T00:50:00Z')).toBe(0);
  expect(await reminders('vol')).toHaveLength(1);
  const kept = await t.call('user', 'messages', { page: 1, pageSize: 20 }, 'vol');
  expect(kept).toMatchObject({ ok: true, data: { items: [{ kind: 'activityStarting', title: '活动即将开始', read: false }] } });
});

it('never at or after the start: a tick at 09:00 sends nothing', async () => {
  expect(await tick('2026-12-01T01:00:00Z')).toBe(0); // 09:00
  expect(await tick('2026-12-01T01:30:00Z')).toBe(0);
  expect(await reminders('vol')).toHaveLength(0);
});

it('two overlapping ticks remind each volunteer once', async () => {
  await t.setClock('2026-12-01T00:05:00Z');
  const both = await Promise.all([t.dev<Tick>('POST', '/_dev/cron'), t.dev<Tick>('POST', '/_dev/cron')]);
  expect(both.map(done).reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBe(2);
  expect(await reminders('vol')).toHaveLength(1);
  expect(await reminders('vol2')).toHaveLength(1);
  const stored = await t.emu.db.find('enrollments', { activityId, status: 'enrolled' });
  expect(stored.map((e) => e.startRemindedFor)).toEqual(['2026-12-01', '2026-12-01']);
});

it('each day of a multi-day activity has its own reminder', async () => {
  expect(await tick('2026-12-01T00:00:00Z')).toBe(2);
  expect(await tick('2026-12-01T23:55:00Z')).toBe(0); // 12-02 07:55: not yet
  expect(await tick('2026-12-02T00:05:00Z')).toBe(2); // 12-02 08:05
  expect((await reminders('vol')).map((m) => m.data.time)).toEqual(['2026-12-02 09:00', '2026-12-01 09:00']);
  expect(await tick('2026-12-03T00:05:00Z')).toBe(0); // after the last day
});

it('a volunteer promoted from the waitlist within the hour is reminded by the next tick', async () => {
  expect(await tick('2026-12-01T00:00:00Z')).toBe(2);
  await t.call('activity', 'cancelEnrollment', { activityId }, 'vol2');
  expect(await tick('2026-12-01T00:10:00Z')).toBe(1);
  expect(await reminders('vol3')).toHaveLength(1);
  expect(await reminders('vol2')).toHaveLength(1);
});

it('a cancelled activity is not reminded', async () => {
  expect((await t.call('activity', 'cancel', { activityId, reason: '突降大雨，活动取消' }, 'lz-admin')).ok).toBe(true);
  expect(await tick('2026-12-01T00:05:00Z')).toBe(0);
  expect(await reminders('vol')).toHaveLength(0);
});

it('a start just after midnight is reminded the evening before', async () => {
  const late = await publishActivity(t, 'lz-admin', 'lz', {
    startDate: '2026-12-03',
    endDate: '2026-12-03',
    dailyStart: '00:30',
    dailyEnd: '06:00',
  });
  await t.call('activity', 'enroll', { activityId: late._id }, 'vol3');
  expect(await tick('2026-12-02T15:20:00Z')).toBe(0); // 12-02 23:20
  expect(await tick('2026-12-02T15:30:00Z')).toBe(1); // 12-02 23:30
  expect((await reminders('vol3')).map((m) => m.data.time)).toEqual(['2026-12-03 00:30']);
});
