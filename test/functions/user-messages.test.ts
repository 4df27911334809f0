// 消息中心: every notice sent is kept for its addressee, even when the subscribe message cannot be delivered; only
// the addressee lists and marks them; unread counts follow.
import {
  dataOf,
  FAILING_WECHAT_ENV,
  refusalOf,
  seedLanzhou,
  seedMembership,
  seedStaff,
  useLoggedErrors,
  useTestEmulator,
} from '../helpers/emulator';

const t = useTestEmulator({ clock: '2026-12-01T02:00:00.000Z', functionEnv: FAILING_WECHAT_ENV });
const logged = useLoggedErrors();

beforeEach(async () => {
  await seedLanzhou(t);
  await seedStaff(t, [
    ['lz-admin', '13900000002', 'lz', 'admin'],
    ['vol', '13900000005'],
    ['vol2', '13900000006'],
  ]);
  await seedMembership(t, 'lz', 'vol', 'member', 'pending');
  await seedMembership(t, 'lz', 'vol2', 'member', 'pending');
});

const review = (memberId: string, decision: 'approve' | 'reject', reason?: string) =>
  t.call('org', 'reviewMember', { orgId: 'lz', memberId, decision, ...(reason ? { reason } : {}) }, 'lz-admin');
const inbox = (openid: string, input: { unreadOnly?: boolean; page?: number; pageSize?: number } = {}) =>
  t.call('user', 'messages', input, openid);

it('a review result is kept in the 消息中心, unread, even though the subscribe message could not be sent', async () => {
  dataOf(await review('lz_vol', 'reject', '请补充工作单位'));
  expect(logged('memberReviewed to vol not sent')).toBe(true);
  const list = dataOf(await inbox('vol'));
  expect(list).toMatchObject({ total: 1, unread: 1, page: 1 });
  expect(list.items[0]).toMatchObject({ kind: 'memberReviewed', read: false, createdAt: '2026-12-01T10:00:00+08:00' });
  expect(`${list.items[0].title}${list.items[0].body}`).toContain('请补充工作单位');
  expect(dataOf(await t.call('user', 'unreadMessages', {}, 'vol'))).toEqual({ unread: 1 });
  // Nobody else sees it.
  expect(dataOf(await inbox('vol2'))).toMatchObject({ total: 0, unread: 0, items: [] });
  expect(dataOf(await inbox('lz-admin'))).toMatchObject({ total: 0 });
});

it('only the addressee marks a message read; someone else naming its id changes nothing', async () => {
  dataOf(await review('lz_vol', 'approve'));
  const [message] = dataOf(await inbox('vol')).items;
  expect(dataOf(await t.call('user', 'readMessages', { messageIds: [message.messageId] }, 'vol2'))).toEqual({ unread: 0 });
  expect(dataOf(await inbox('vol')).items[0].read).toBe(false);
  expect(dataOf(await t.call('user', 'readMessages', { messageIds: [message.messageId] }, 'vol'))).toEqual({ unread: 0 });
  expect(dataOf(await inbox('vol')).items[0]).toMatchObject({ read: true });
  const [stored] = await t.emu.db.find('messages', { openid: 'vol' });
  expect(stored.readAt).toBeDefined();
});

it('newest first, paged; unreadOnly lists the unread; 全部已读 clears the count', async () => {
  dataOf(await review('lz_vol', 'approve'));
  await t.setClock('2026-12-01T03:00:00.000Z');
  dataOf(await t.call('org', 'removeMember', { orgId: 'lz', memberId: 'lz_vol', reason: '长期未参加活动' }, 'lz-admin'));
  const all = dataOf(await inbox('vol'));
  expect(all.items.map((m) => m.kind)).toEqual(['memberRemoved', 'memberReviewed']);
  expect(dataOf(await inbox('vol', { pageSize: 1, page: 2 })).items.map((m) => m.kind)).toEqual(['memberReviewed']);
  dataOf(await t.call('user', 'readMessages', { messageIds: [all.items[1].messageId] }, 'vol'));
  expect(dataOf(await inbox('vol', { unreadOnly: true }))).toMatchObject({ total: 1, unread: 1, items: [{ kind: 'memberRemoved' }] });
  expect(dataOf(await t.call('user', 'readMessages', { all: true }, 'vol'))).toEqual({ unread: 0 });
});

it('VALIDATION for naming both some messages and all, or neither', async () => {
  expect(refusalOf(await t.call('user', 'readMessages', { messageIds: ['x'], all: true }, 'vol')).code).toBe('VALIDATION');
  expect(refusalOf(await t.call('user', 'readMessages', {}, 'vol')).code).toBe('VALIDATION');
});
