// 消息中心 in the h5 build: a team's decision on a volunteer's application reaches their 消息中心 with an unread badge
// on 我的 and on the tab bar; opening it shows the reason, marks it read and the badges go.
import { bootstrapRoot, seedMembership, seedOrg, seedVolunteer } from '../helpers/emulator';
import { eventually, onTop as top } from '../helpers/browser';
import { useH5App } from '../helpers/h5-app';

const ADMIN = 'e2e-msg-admin';
const VOLUNTEER = 'e2e-msg-vol';

const app = useH5App(async (t) => {
  await t.setClock('2026-12-01T02:00:00.000Z');
  const root = await bootstrapRoot(t, 'e2e-msg-root');
  await seedOrg(t, 'e2e-msg-lz', '兰州市科技志愿服务支队', root);
  await seedVolunteer(t, ADMIN, '13900003001', '李敏');
  await seedMembership(t, 'e2e-msg-lz', ADMIN, 'admin');
  await seedVolunteer(t, VOLUNTEER, '13900003002', '张伟');
  await seedMembership(t, 'e2e-msg-lz', VOLUNTEER, 'member', 'pending');
});

it('a rejected application reaches 消息中心 with its reason, badged on 我的 and the tab bar until opened', async () => {
  const decided = await app.t.call(
    'org',
    'reviewMember',
    { orgId: 'e2e-msg-lz', memberId: `e2e-msg-lz_${VOLUNTEER}`, decision: 'reject', reason: '请补充工作单位后重新申请' },
    ADMIN,
  );
  expect(decided.ok).toBe(true);

  const vol = await app.pages.open(VOLUNTEER, '/pages/mine/index');
  await eventually(async () => expect(await top(vol, '.mine-messages-badge').innerText()).toBe('1'));
  await eventually(async () => expect(await vol.locator('.taro-tabbar-badge').innerText()).toBe('1'));

  await top(vol, '.mine-messages').click();
  const item = top(vol, '.message');
  await item.first().waitFor();
  expect(await item.count()).toBe(1);
  expect(await item.first().getAttribute('class')).toContain('is-unread');
  expect(await top(vol, '.message-body').innerText()).toContain('请补充工作单位后重新申请');
  expect(await top(vol, '.message-time').innerText()).toContain('2026-12-01 10:00');
  expect(await top(vol, '.messages-unread').innerText()).toBe('1 条未读');

  // Opening it marks it read (and leads to what it is about); back on 我的 the badges are gone.
  await item.first().click();
  await eventually(async () => {
    const [stored] = await app.t.emu.db.find('messages', { openid: VOLUNTEER });
    expect(stored.read).toBe(true);
  });
  const again = await app.pages.open(VOLUNTEER, '/pages/mine/index');
  await top(again, '.mine-messages').waitFor();
  await again.waitForTimeout(500);
  expect(await top(again, '.mine-messages-badge').count()).toBe(0);
  expect(await again.locator('.taro-tabbar-badge').count()).toBe(0);
});

it('with nothing sent, 消息中心 says so', async () => {
  const other = 'e2e-msg-new';
  await seedVolunteer(app.t, other, '13900003003', '陈静');
  const page = await app.pages.open(other, '/pages/messages/index');
  await top(page, '.messages-empty').waitFor();
  expect(await top(page, '.messages-empty').innerText()).toContain('暂无消息');
});
