// Activity notices are messages, not conditions: with the WeChat adapter failing (no WeChat here, no activity
// templates configured), cancelling and reminding still happen; the review templates alone satisfy the environment.
import { devMessages, FAILING_WECHAT_ENV, publishActivity, seedTeam, useLoggedErrors, useTestEmulator } from '../helpers/emulator';

const t = useTestEmulator({ clock: '2026-11-22T02:00:00Z', functionEnv: FAILING_WECHAT_ENV });
const logged = useLoggedErrors();
beforeEach(async () => {
  await seedTeam(t, { adminPhone: '13900000002', members: ['vol'] });
});

it('a cancellation whose message cannot be sent is logged and stands', async () => {
  const a = await publishActivity(t, 'lz-admin', 'lz');
  expect((await t.call('activity', 'enroll', { activityId: a._id }, 'vol')).ok).toBe(true);
  expect(await t.call('activity', 'cancel', { activityId: a._id, reason: '场地原因' }, 'lz-admin')).toMatchObject({
    ok: true,
    data: { activity: { status: 'cancelled' } },
  });
  expect(await devMessages(t, 'vol')).toHaveLength(0);
  expect(logged('activityCancelled to vol not sent')).toBe(true);
});

it('a reminder that cannot be sent is logged, not counted, and the activity stays claimed (sent at most once)', async () => {
  const a = await publishActivity(t, 'lz-admin', 'lz');
  await t.call('activity', 'enroll', { activityId: a._id }, 'vol');
  await t.setClock('2026-11-30T02:00:00Z');
  expect(await t.dev('POST', '/_dev/cron')).toMatchObject({
    ok: true,
    data: {
      jobs: [
        { name: 'activityReminder', done: 0 },
        { name: 'signOutReminder', done: 0 },
        { name: 'activityStarting', done: 0 },
        { name: 'needEscalation', done: 0 },
        { name: 'complaintEscalation', done: 0 },
        // This year's and last year's rollups, built the first time (see report-rollups).
        { name: 'statsRollup', done: 2 },
      ],
    },
  });
  expect((await t.emu.db.find('activities', { _id: a._id }))[0].remindedFor).toBe('2026-12-01');
  expect(logged('activityReminder to vol not sent')).toBe(true);
});
