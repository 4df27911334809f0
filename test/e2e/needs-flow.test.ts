// 供需对接's whole path in the h5 build, each person on their own phone: a 社区 (not registered) posts a need in 西固区,
// where no 分队 is, so 兰州's leader receives it; the leader dispatches it from 需求派单 to 城关区's team, whose admin
// accepts it from 待接单 and publishes the activity from the prefilled form; two members of the team enroll and sign
// in and out; once the activity ended the 社区 rates it and sees 已完成, and the leader's 统计报表 shows it in 供需对接.
// Direct calls, not pages: the second volunteer's enrollment (the first enrolls on the activity page, the same step)
// and both volunteers' scans (checkin.scan with the admin's code, as the check-in tests do: scanning through the
// camera has its own browser test, and it is not what this path is about).
import path from 'node:path';
import { confirmModal, eventually, onTop as top } from '../helpers/browser';
import { SHOTS, useH5App } from '../helpers/h5-app';
import { dataOf, seedMembers } from '../helpers/emulator';
import { POINT, activityCode, nonce } from '../helpers/checkin';
import { CHENGGUAN, FD_ADMIN, LZ_LEADER, NEED_TEAM, fillNeedForm, needInput, seedNeedTeams } from '../helpers/needs';

/** A WeChat user who never registered as a volunteer. */
const COMMUNITY = 'e2e-flow-community';
const PHONE = '13812340002';
const LZ_NAME = '兰州市科技志愿服务支队';
/** Two approved members of 城关区's team. */
const VOLUNTEERS = ['e2e-flow-vol1', 'e2e-flow-vol2'];
/** 西固区: in 兰州, with no team of its own. */
const XIGU = { ...CHENGGUAN, county: '620104' };

const app = useH5App(async (t) => {
  await seedNeedTeams(t);
  await seedMembers(t, NEED_TEAM._id, VOLUNTEERS);
});
const { pages } = app;

/** 我的 → 需求派单, as `openid`. */
async function openInbox(openid: string) {
  const page = await pages.open(openid, '/pages/mine/index');
  await top(page, '.mine-need-inbox').click();
  await top(page, '.need-inbox-tab-toDispatch').waitFor();
  return page;
}

it('a 社区 posts a need, 兰州 dispatches it, 城关区 accepts and publishes, volunteers serve, the 社区 rates, 统计报表 counts it', async () => {
  const { t } = app;
  const input = needInput(PHONE, { region: XIGU, address: '兰州市西固区福利路社区服务中心' });

  // 1. The 社区 posts on 我要点单.
  const community = await pages.open(COMMUNITY, '/pages/need-post/index');
  await top(community, '.need-post-submit').waitFor();
  await fillNeedForm(community, t, input, '西固区');
  await top(community, '.need-title').filter({ hasText: input.title }).waitFor({ timeout: 15000 });
  expect(await top(community, '.need-progress').innerText()).toBe('待响应');
  // No team in 西固区: 兰州 receives it.
  expect(await top(community, '.need-team').innerText()).toBe(LZ_NAME);
  const [stored] = await t.emu.db.find('needs', {});
  const needId = String(stored._id);
  const preferredFrom = String(stored.preferredFrom);

  // 2. 兰州's leader: 我的 → 需求派单 → 待派单 → the need → 派单 → 城关区's team.
  const leader = await openInbox(LZ_LEADER);
  await top(leader, '.need-inbox-tab-toDispatch-count').filter({ hasText: '1' }).waitFor();
  await top(leader, '.need-item').filter({ hasText: input.title }).click();
  await top(leader, '.need-dispatch').click();
  await top(leader, '.need-team-option').filter({ hasText: NEED_TEAM.name }).click();
  await top(leader, '.need-team-confirm').click();
  await eventually(async () => expect(await top(leader, '.need-progress').innerText()).toBe('已派单'));
  expect(await top(leader, '.need-dispatch').count()).toBe(0);

  // 3. 城关区's admin: 需求派单 → 待接单 → the need → 接单 → 发布活动, prefilled from the need.
  const admin = await openInbox(FD_ADMIN);
  await top(admin, '.need-inbox-tab-toAccept').click();
  await top(admin, '.need-item').filter({ hasText: input.title }).click();
  await top(admin, '.need-accept').click();
  await confirmModal(admin, '接单');
  await top(admin, '.act-edit-submit').waitFor();
  await top(admin, '.act-edit-need').waitFor();
  expect(await top(admin, '.act-edit-title textarea').inputValue()).toBe(input.title);
  expect(await top(admin, '.act-edit-start-date input').inputValue()).toBe(preferredFrom);
  expect(await top(admin, '.act-edit-end-date input').inputValue()).toBe(preferredFrom);
  expect(await top(admin, '.act-edit-address input').inputValue()).toBe(input.address);
  // What the need does not say: whom it serves, the point (typed: h5 has no map picker), the seats.
  await top(admin, '.act-edit-target').filter({ hasText: '公众' }).click();
  await top(admin, '.act-edit-lat input').fill(String(POINT.lat));
  await top(admin, '.act-edit-lng input').fill(String(POINT.lng));
  await top(admin, '.act-edit-capacity input').fill('10');
  await top(admin, '.act-edit-submit').click();
  await top(admin, '.act-title').filter({ hasText: input.title }).waitFor({ timeout: 15000 });
  const [activity] = await t.emu.db.find('activities', { needId });
  const activityId = String(activity._id);
  expect(activity).toMatchObject({ orgId: NEED_TEAM._id, startDate: preferredFrom, endDate: preferredFrom, status: 'published' });
  expect((await t.emu.db.find('needs', { _id: needId }))[0]).toMatchObject({ status: 'accepted', activityId });

  // 4. The first volunteer enrolls on the activity page; the second by a direct call. On the day, both sign in and out.
  const vol = await pages.open(VOLUNTEERS[0], `/pages/activity-detail/index?id=${activityId}`);
  await top(vol, '.act-title').filter({ hasText: input.title }).waitFor();
  await top(vol, '.act-enroll').click();
  await top(vol, '.act-my-status').filter({ hasText: '已报名' }).waitFor();
  dataOf(await t.call('activity', 'enroll', { activityId }, VOLUNTEERS[1]));
  await t.setClock(`${preferredFrom}T01:30:00.000Z`); // 09:30 on the day
  const signIn = await activityCode(t, activityId, 'in', FD_ADMIN);
  for (const openid of VOLUNTEERS) dataOf(await t.call('checkin', 'scan', { payload: signIn, location: POINT, nonce: nonce() }, openid));
  await t.setClock(`${preferredFrom}T03:45:00.000Z`); // 11:45
  const signOut = await activityCode(t, activityId, 'out', FD_ADMIN);
  for (const openid of VOLUNTEERS) dataOf(await t.call('checkin', 'scan', { payload: signOut, location: POINT, nonce: nonce() }, openid));

  // 5. The afternoon after the activity (09:00–12:00) ended.
  await t.setClock(`${preferredFrom}T06:00:00.000Z`);

  // 6. The 社区 rates it on the need page and sees 已完成.
  await community.reload();
  await top(community, '.need-rate').click();
  await top(community, '.need-rate-star-5').click();
  await top(community, '.need-rate-tag-0').click(); // 准时
  await top(community, '.need-rate-comment textarea').fill('志愿者讲得生动，居民很受用');
  await top(community, '.need-rate-confirm').click();
  await eventually(async () => expect(await top(community, '.need-progress').innerText()).toBe('已完成'));
  expect(await top(community, '.need-rating-stars').innerText()).toBe('★★★★★');
  expect(await top(community, '.need-rating-tags').innerText()).toContain('准时');

  // 7. 兰州's leader: 我的 → 统计报表 of 兰州 (本月, with the teams below): 供需对接.
  await leader.goto(`${t.url}/#/pages/mine/index`);
  await top(leader, '.mine__team').filter({ hasText: LZ_NAME }).locator('.mine-stats').click();
  const card = top(leader, '.stats-needs');
  await card.waitFor({ timeout: 15000 });
  const figure = (key: string) => card.locator(`.stats-need-${key}`).innerText();
  expect(await figure('received')).toContain('1\n收到需求');
  expect(await figure('dispatched')).toContain('1\n已派单');
  expect(await figure('accepted')).toContain('1\n已接单');
  expect(await figure('completed')).toContain('1\n已完成');
  expect(await figure('rating')).toContain('5★\n平均评价（1条）');
  // The two volunteers' day in the same report.
  expect(await top(leader, '.stats-figure-times').innerText()).toBe('2\n参与服务人次');
  expect(await top(leader, '.stats-figure-volunteers').innerText()).toBe('2 人\n参与志愿者');
  await leader.screenshot({ path: path.join(SHOTS, 'e2e-needs-flow-stats.png'), fullPage: true });

  const [rated] = await t.emu.db.find('needs', { _id: needId });
  expect(rated).toMatchObject({ status: 'rated', assignedOrgId: NEED_TEAM._id, rating: { stars: 5, tags: ['准时'] } });
  expect(await t.emu.db.find('checkin_days', { activityId })).toHaveLength(2);
});
