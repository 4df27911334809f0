// Review results are messages, not conditions: with the WeChat adapter failing (no WeChat here), reviews still happen.
import {
  devMessages,
  FAILING_WECHAT_ENV,
  seedLanzhou,
  seedMembership,
  seedStaff,
  useLoggedErrors,
  useTestEmulator,
} from '../helpers/emulator';

const t = useTestEmulator({ functionEnv: FAILING_WECHAT_ENV });
const logged = useLoggedErrors();
beforeEach(async () => {
  await seedLanzhou(t);
  await seedStaff(t, [
    ['lz-admin', '13900000002', 'lz', 'admin'],
    ['vol', '13900000005'],
  ]);
  await seedMembership(t, 'lz', 'vol', 'member', 'pending');
});

it('a message that cannot be sent is logged and the review stands', async () => {
  const r = await t.call('org', 'reviewMember', { orgId: 'lz', memberId: 'lz_vol', decision: 'approve' }, 'lz-admin');
  expect(r).toMatchObject({ ok: true, data: { membership: { status: 'approved' } } });
  expect(await t.emu.db.find('memberships', { _id: 'lz_vol' })).toMatchObject([{ status: 'approved' }]);
  expect(await devMessages(t, 'vol')).toHaveLength(0);
  expect(logged('memberReviewed to vol not sent')).toBe(true);
});
