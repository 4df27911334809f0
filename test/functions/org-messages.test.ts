// Review results are messages, not conditions: with the WeChat adapter failing (no WeChat here), reviews still happen.
import { bootstrapRoot, devMessages, seedMembership, seedOrg, seedVolunteer, useTestEmulator } from '../helpers/emulator';

const t = useTestEmulator({
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
  await seedVolunteer(t, 'vol', '13900000005');
  await seedMembership(t, 'lz', 'lz-admin', 'admin');
  await seedMembership(t, 'lz', 'vol', 'member', 'pending');
});
afterEach(() => errors.mockRestore());

it('a message that cannot be sent is logged and the review stands', async () => {
  const r = await t.call('org', 'reviewMember', { orgId: 'lz', memberId: 'lz_vol', decision: 'approve' }, 'lz-admin');
  expect(r).toMatchObject({ ok: true, data: { membership: { status: 'approved' } } });
  expect(await t.emu.db.find('memberships', { _id: 'lz_vol' })).toMatchObject([{ status: 'approved' }]);
  expect(await devMessages(t, 'vol')).toHaveLength(0);
  expect(errors.mock.calls.some(([text]) => String(text).includes('memberReviewed to vol not sent'))).toBe(true);
});
