// The cron function's sign-out reminder through POST /_dev/cron: 30 minutes before each day ends, everyone still
// signed in that day gets "活动将于17:00结束，离开时请记得扫码签退", exactly once per activity and date.
import { devMessages, useTestEmulator } from '../helpers/emulator';
import { activityCode, nonce, north, seedActivity, seedCheckinScene } from '../helpers/checkin';

// 2026-12-01 09:30 Asia/Shanghai: the first day of the two-day 09:00–17:00 activity.
const t = useTestEmulator({ clock: '2026-12-01T01:30:00.000Z' });
let act: { _id: string };

beforeEach(async () => {
  act = await seedCheckinScene(t, ['vol', 'vol2', 'vol3']);
});

async function scan(openid: string, kind: 'in' | 'out') {
  const code = await activityCode(t, act._id, kind, 'lz-admin');
  const r = await t.call('checkin', 'scan', { payload: code, location: north(50), nonce: nonce(), confirmShort: true }, openid);
  if (!r.ok) throw new Error(`${r.code} ${r.message}`);
}

type Tick = { ok: true; data: { ranAt: string; jobs: { name: string; done: number }[] } };
const tick = async (at: string) => {
  await t.setClock(at);
  const r = await t.dev<Tick>('POST', '/_dev/cron');
  return r.data.jobs.find((j) => j.name === 'signOutReminder')?.done;
};
const reminders = async (openid: string) => (await devMessages(t, openid)).filter((m) => m.kind === 'signOutReminder');

it('from 16:30, each volunteer still signed in is reminded once; those signed out or absent are not', async () => {
  await scan('vol', 'in');
  await scan('vol2', 'in');
  await t.setClock('2026-12-01T04:00:00Z'); // 12:00
  await scan('vol2', 'out');
  expect(await tick('2026-12-01T08:29:00Z')).toBe(0); // 16:29
  expect(await reminders('vol')).toHaveLength(0);
  expect(await tick('2026-12-01T08:30:00Z')).toBe(1); // 16:30
  expect(await reminders('vol')).toMatchObject([
    {
      kind: 'signOutReminder',
      body: '活动将于17:00结束，离开时请记得扫码签退',
      page: `pages/activity-detail/index?id=${act._id}`,
      data: { title: '社区科普讲解', time: '2026-12-01 17:00', note: '离开时请记得扫码签退' },
    },
  ]);
  expect(await reminders('vol2')).toHaveLength(0);
  expect(await reminders('vol3')).toHaveLength(0);
  // Later ticks the same day send nothing more.
  expect(await tick('2026-12-01T08:40:00Z')).toBe(0);
  expect(await tick('2026-12-01T08:59:00Z')).toBe(0);
  expect(await reminders('vol')).toHaveLength(1);
});

it('two overlapping ticks send it once', async () => {
  await scan('vol', 'in');
  await scan('vol2', 'in');
  await t.setClock('2026-12-01T08:35:00Z');
  const both = await Promise.all([t.dev<Tick>('POST', '/_dev/cron'), t.dev<Tick>('POST', '/_dev/cron')]);
  expect(both.map((r) => r.data.jobs.find((j) => j.name === 'signOutReminder')?.done).sort()).toEqual([0, 2]);
  expect(await reminders('vol')).toHaveLength(1);
  expect(await reminders('vol2')).toHaveLength(1);
});

it('each day of the activity has its own reminder; none at or after the day’s end', async () => {
  await scan('vol', 'in');
  expect(await tick('2026-12-01T09:00:00Z')).toBe(0); // 17:00: too late for a reminder of an end that has come
  expect(await tick('2026-12-01T08:50:00Z')).toBe(1);
  await t.setClock('2026-12-02T01:10:00Z'); // day two, 09:10
  await scan('vol', 'in');
  expect(await tick('2026-12-02T08:45:00Z')).toBe(1);
  expect((await reminders('vol')).map((m) => m.data.time)).toEqual(['2026-12-02 17:00', '2026-12-01 17:00']);
  expect(await tick('2026-12-03T08:45:00Z')).toBe(0); // after the last day
});

it('a cancelled activity and another activity ending at another time are left alone', async () => {
  await scan('vol', 'in');
  const later = await seedActivity(t, 'lz', { dailyEnd: '18:00', endAt: new Date('2026-12-02T10:00:00Z') });
  expect((await t.call('activity', 'cancel', { activityId: act._id, reason: '突降大雨，活动取消' }, 'lz-admin')).ok).toBe(true);
  expect(await tick('2026-12-01T08:45:00Z')).toBe(0);
  expect(await reminders('vol')).toHaveLength(0);
  // The other activity (nobody signed in) is claimed at its own time and sends nothing.
  expect(await tick('2026-12-01T09:30:00Z')).toBe(0);
  expect((await t.emu.db.find('activities', { _id: later._id }))[0].signOutRemindedFor).toBe('2026-12-01');
  expect((await t.emu.db.find('activities', { _id: act._id }))[0].signOutRemindedFor).toBeUndefined();
});
