// Activity notices are messages, not conditions: with the WeChat adapter failing (no WeChat here, no activity
// templates configured), cancelling and reminding still happen; the review templates alone satisfy the environment.
import {
  bootstrapRoot,
  devMessages,
  publishActivity,
  seedMembers,
  seedMembership,
  seedOrg,
  seedVolunteer,
  useTestEmulator,
} from '../helpers/emulator';

const t = useTestEmulator({
  clock: '2026-11-22T02:00:00Z',
  functionEnv: {
    MESSAGE_PROVIDER: 'wechat',
    MESSAGE_TEMPLATE_MEMBER_REVIEWED: 'tpl-member',
    MESSAGE_TEMPLATE_ORG_REVIEWED: 'tpl-org',
    MESSAGE_TEMPLATE_MEMBER_REMOVED: 'tpl-removed',
    MESSAGE_TEMPLATE_ROLE_CHANGED: 'tpl-role',
  },
});
let errors: jest.SpyInstance;
beforeEach(async () => {
  errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const root = await bootstrapRoot(t, 'root-leader');
  await seedOrg(t, 'lz', '兰州市科技志愿服务支队', root);
  await seedVolunteer(t, 'lz-admin', '13900000002');
  await seedMembership(t, 'lz', 'lz-admin', 'admin');
  await seedMembers(t, 'lz', ['vol']);
});
afterEach(() => errors.mockRestore());

it('a cancellation whose message cannot be sent is logged and stands', async () => {
  const a = await publishActivity(t, 'lz-admin', 'lz');
  expect((await t.call('activity', 'enroll', { activityId: a._id }, 'vol')).ok).toBe(true);
  expect(await t.call('activity', 'cancel', { activityId: a._id, reason: '场地原因' }, 'lz-admin')).toMatchObject({
    ok: true,
    data: { activity: { status: 'cancelled' } },
  });
  expect(await devMessages(t, 'vol')).toHaveLength(0);
  expect(errors.mock.calls.some(([text]) => String(text).includes('activityCancelled to vol not sent'))).toBe(true);
});

it('a reminder that cannot be sent is logged, not counted, and the activity stays claimed (sent at most once)', async () => {
  const a = await publishActivity(t, 'lz-admin', 'lz');
  await t.call('activity', 'enroll', { activityId: a._id }, 'vol');
  await t.setClock('2026-11-30T02:00:00Z');
  expect(await t.dev('POST', '/_dev/cron')).toMatchObject({ ok: true, data: { jobs: [{ name: 'activityReminder', done: 0 }] } });
  expect((await t.emu.db.find('activities', { _id: a._id }))[0].remindedFor).toBe('2026-12-01');
  expect(errors.mock.calls.some(([text]) => String(text).includes('activityReminder to vol not sent'))).toBe(true);
});
