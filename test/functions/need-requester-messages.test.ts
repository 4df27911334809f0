// 消息中心 of a 需求方 who never registered as a volunteer: the progress of their need is kept for their WeChat user,
// and user.messages / readMessages / unreadMessages answer them as they answer a volunteer.
import { dataOf, refusalOf, useTestEmulator } from '../helpers/emulator';
import { FD_ADMIN, LZ_LEADER, NEED_TEAM, needInput, postNeed, seedNeedTeams } from '../helpers/needs';

// 10:00 on 2026-11-22, Asia/Shanghai.
const t = useTestEmulator({ clock: '2026-11-22T02:00:00.000Z' });
const REQUESTER = 'community-unregistered';

beforeEach(async () => {
  await seedNeedTeams(t);
});

it('an unregistered 需求方 lists, counts and reads the progress of their need', async () => {
  expect(refusalOf(await t.call('user', 'me', {}, REQUESTER)).code).toBe('USER.NOT_REGISTERED');
  const need = await postNeed(t, REQUESTER, needInput('13812345678'));
  dataOf(await t.call('need', 'dispatch', { needId: need.needId, orgId: NEED_TEAM._id }, LZ_LEADER));
  dataOf(await t.call('need', 'accept', { needId: need.needId }, FD_ADMIN));

  expect(dataOf(await t.call('user', 'unreadMessages', {}, REQUESTER)).unread).toBe(2);
  const list = dataOf(await t.call('user', 'messages', {}, REQUESTER));
  expect(list).toMatchObject({ total: 2, unread: 2 });
  expect(list.items.map((m) => [m.kind, m.title, m.page])).toEqual([
    ['needProgress', `您的需求“${need.title}”已接单`, `pages/need/index?id=${need.needId}`],
    ['needProgress', `您的需求“${need.title}”已派单`, `pages/need/index?id=${need.needId}`],
  ]);

  expect(dataOf(await t.call('user', 'readMessages', { messageIds: [list.items[0].messageId] }, REQUESTER)).unread).toBe(1);
  expect(dataOf(await t.call('user', 'readMessages', { all: true }, REQUESTER)).unread).toBe(0);
  // Nobody else reads them.
  expect(dataOf(await t.call('user', 'messages', {}, 'someone-else')).total).toBe(0);
});
