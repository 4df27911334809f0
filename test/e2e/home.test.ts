// 首页 in the h5 build, in each state: someone not registered, a volunteer whose application waits (its team and state,
// no 欢迎回来), a volunteer with an activity today (the activity, the day's check-in state, 扫码签到), an admin with
// to-dos (counts, tapping leads to the inbox); and a 通知公告 a leader publishes from 我的, with a picture uploaded from
// the phone, reaches a member's 消息中心 with an unread badge and shows on 首页.
import { bootstrapRoot, seedMembership, seedOrg, seedVolunteer } from '../helpers/emulator';
import { seedActivity, seedEnrollment } from '../helpers/checkin';
import { eventually, onTop as top } from '../helpers/browser';
import { useH5App } from '../helpers/h5-app';

/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const LEADER = 'e2e-home-leader';
const ADMIN = 'e2e-home-admin';
const PENDING = 'e2e-home-pending';
const TODAY = 'e2e-home-today';
const CHILD = 'e2e-home-child';
let activityId = '';

const app = useH5App(async (t) => {
  // 10:00 on 2026-12-01, Asia/Shanghai: the first day of seedActivity's activity.
  await t.setClock('2026-12-01T02:00:00.000Z');
  const root = await bootstrapRoot(t, 'e2e-home-root');
  const lz = await seedOrg(t, 'e2e-home-lz', '兰州市科技志愿服务支队', root);
  await seedOrg(t, 'e2e-home-fd', '兰州大学科技志愿服务分队', lz, { level: '分队' });
  const people: [string, string, string][] = [
    [LEADER, '13900004001', '王建国'],
    [ADMIN, '13900004002', '李敏'],
    [PENDING, '13900004003', '陈静'],
    [TODAY, '13900004004', '刘洋'],
    [CHILD, '13900004005', '赵强'],
  ];
  for (const [openid, phone, name] of people) await seedVolunteer(t, openid, phone, name);
  await seedMembership(t, 'e2e-home-lz', LEADER, 'leader');
  await seedMembership(t, 'e2e-home-lz', ADMIN, 'admin');
  await seedMembership(t, 'e2e-home-lz', PENDING, 'member', 'pending');
  await seedMembership(t, 'e2e-home-lz', TODAY, 'member');
  await seedMembership(t, 'e2e-home-fd', CHILD, 'member');
  const act = await seedActivity(t, 'e2e-home-lz');
  activityId = act._id;
  await seedEnrollment(t, act._id, TODAY);
});

it('someone not registered is invited to register, not welcomed back', async () => {
  const page = await app.pages.open('e2e-home-stranger', '/pages/index/index');
  await top(page, '.home-register').waitFor();
  expect(await top(page, '.home-welcome').count()).toBe(0);
  expect(await page.locator('.taro_page:visible').innerText()).not.toContain('欢迎回来');
  await top(page, '.home-register').click();
  await eventually(async () => expect(page.url()).toContain('/pages/register/index'));
});

it('a volunteer whose application waits sees the team and its state, and is not welcomed back', async () => {
  const page = await app.pages.open(PENDING, '/pages/index/index');
  await top(page, '.home-pending').waitFor();
  expect(await top(page, '.home-membership').innerText()).toContain('兰州市科技志愿服务支队');
  expect(await top(page, '.home-membership').innerText()).toContain('待审核');
  expect(await top(page, '.home-greeting').innerText()).toBe('陈静，您好');
  expect(await top(page, '.home-todo').count()).toBe(0);
  await top(page, '.home-membership').click();
  await eventually(async () => expect(page.url()).toContain('/pages/org-detail/index?orgId=e2e-home-lz'));
});

it('on the day of an activity: the activity, its check-in state and 扫码签到', async () => {
  const page = await app.pages.open(TODAY, '/pages/index/index');
  await top(page, '.home-today').waitFor();
  expect(await top(page, '.home-greeting').innerText()).toBe('刘洋，欢迎回来');
  expect(await top(page, '.home-today-title').innerText()).toBe('社区科普讲解');
  expect(await top(page, '.home-today-state').innerText()).toBe('未签到');
  expect(await top(page, '.home-scan').innerText()).toContain('扫码签到');

  // Signed in at 09:05 (a day record as a scan writes it): 首页 says so and offers 签退.
  await app.t.emu.db.insert('checkin_days', [
    {
      _id: `${activityId}_${TODAY}_20261201`,
      activityId,
      orgId: 'e2e-home-lz',
      openid: TODAY,
      date: '2026-12-01',
      signInAt: new Date('2026-12-01T01:05:00Z'),
      minutes: 0,
      status: 'open',
      adjustments: [],
      createdAt: new Date('2026-12-01T01:05:00Z'),
      updatedAt: new Date('2026-12-01T01:05:00Z'),
    },
  ]);
  await page.reload();
  await eventually(async () => expect(await top(page, '.home-today-state').innerText()).toBe('已签到，未签退（09:05 签到）'));
  expect(await top(page, '.home-scan').innerText()).toContain('扫码签退');
  await top(page, '.home-scan').click();
  await eventually(async () => expect(page.url()).toContain(`/pages/scan/index?activityId=${activityId}`));
});

it('an admin sees the to-dos counted, and tapping one opens the inbox', async () => {
  const page = await app.pages.open(ADMIN, '/pages/index/index');
  await top(page, '.home-todo').waitFor();
  expect(await top(page, '.home-todo-members').innerText()).toContain('入队申请待审核');
  expect(await top(page, '.home-todo-members .home__count').innerText()).toBe('1');
  await top(page, '.home-todo-members').click();
  await eventually(async () => expect(page.url()).toContain('/admin/inbox/index'));
});

it('a notice the leader publishes with an uploaded picture reaches a member of a team below in 消息中心, badged, and shows on 首页', async () => {
  const leader = await app.pages.open(LEADER, '/pages/mine/index');
  await top(leader, '.mine-publish-notice').click();
  await top(leader, '.notice-edit-title').waitFor();
  // Nothing filled: the form says what is missing and sends nothing.
  await top(leader, '.notice-edit-submit').click();
  await top(leader, '.field-error-title').waitFor();
  expect(await app.t.emu.db.find('notices')).toHaveLength(0);

  await top(leader, '.notice-edit-title input').fill('关于开展冬季科普进社区活动的通知');
  await top(leader, '.notice-edit-text textarea').fill('各分队：\n请于12月10日前报送活动计划。');
  // 添加图片: a picture from the phone goes to cloud storage, its file id into the image lines, a preview below.
  const chooser = leader.waitForEvent('filechooser');
  await top(leader, '.notice-edit-add-image').click();
  await (await chooser).setFiles({ name: 'poster.png', mimeType: 'image/png', buffer: PNG });
  await top(leader, '.notice-edit-image-preview').waitFor({ timeout: 15000 });
  expect(await top(leader, '.notice-edit-images textarea').inputValue()).toMatch(/^cloud:\/\/local-dev\.[\w-]+\/notices\//);
  await top(leader, '.notice-edit-submit').click();
  await eventually(async () => expect(leader.url()).toContain('/pages/notice/index?id='));
  await top(leader, '.notice-reads').waitFor();
  // The leader pins it from the notice itself.
  await top(leader, '.notice-pin').click();
  await eventually(async () => expect(await top(leader, '.notice-pin').innerText()).toBe('取消置顶'));
  expect((await app.t.emu.db.find('notices'))[0]).toMatchObject({ pinned: true });

  const member = await app.pages.open(CHILD, '/pages/mine/index');
  await eventually(async () => expect(await top(member, '.mine-messages-badge').innerText()).toBe('1'));
  await eventually(async () => expect(await member.locator('.taro-tabbar-badge').innerText()).toBe('1'));
  await top(member, '.mine-messages').click();
  await top(member, '.message').first().waitFor();
  expect(await top(member, '.message-title').innerText()).toContain('关于开展冬季科普进社区活动的通知');

  const home = await app.pages.open(CHILD, '/pages/index/index');
  await top(home, '.home-notice').waitFor();
  expect(await top(home, '.home-notice').innerText()).toContain('关于开展冬季科普进社区活动的通知');
  expect(await top(home, '.home-notice').innerText()).toContain('置顶');
  expect(await top(home, '.home-notice').getAttribute('class')).toContain('is-unread');
  await top(home, '.home-notice').click();
  await top(home, '.notice-title').waitFor();
  expect(await top(home, '.notice-paragraph').allInnerTexts()).toEqual(['各分队：', '请于12月10日前报送活动计划。']);
  // The picture shows from its temporary address.
  await eventually(async () =>
    expect(
      await top(home, '.notice-image img')
        .first()
        .evaluate((img) => (img as HTMLImageElement).naturalWidth),
    ).toBe(1),
  );
  // A member may not pin or delete it.
  expect(await top(home, '.notice-pin').count()).toBe(0);
  expect(await top(home, '.notice-delete').count()).toBe(0);
  // 更多 lists every notice of the member's teams and the teams above, read now.
  const list = await app.pages.open(CHILD, '/pages/index/index');
  await top(list, '.home-notices-more').click();
  await top(list, '.notices-item').first().waitFor();
  expect(await top(list, '.notices-item').count()).toBe(1);
  expect(await top(list, '.notices-item').innerText()).toContain('兰州市科技志愿服务支队');
  expect(await top(list, '.notices-item').getAttribute('class')).not.toContain('is-unread');
  // Read here, read in 消息中心: the badge goes.
  const again = await app.pages.open(CHILD, '/pages/mine/index');
  await top(again, '.mine-messages').waitFor();
  await again.waitForTimeout(500);
  expect(await top(again, '.mine-messages-badge').count()).toBe(0);

  // Someone whose application waits is not in the audience: nothing on their 首页.
  const outsider = await app.pages.open(PENDING, '/pages/index/index');
  await top(outsider, '.home-pending').waitFor();
  expect(await top(outsider, '.home-notice').count()).toBe(0);
});
