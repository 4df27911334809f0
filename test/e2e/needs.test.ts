// 供需对接 in the h5 build, the 需求方's side: a 社区 with no volunteer registration posts a need with the SMS code
// from the outbox and sees it in 我的需求 as 待响应; 城关区's team (by direct calls) is dispatched it, accepts it and
// publishes the activity; once the activity ended the 社区 rates it on the need page and sees 已完成.
import path from 'node:path';
import { eventually, onTop as top } from '../helpers/browser';
import { SHOTS, useH5App } from '../helpers/h5-app';
import { FD_ADMIN, LZ_LEADER, NEED_TEAM, dispatchAcceptPublish, fillNeedForm, needInput, seedNeedTeams } from '../helpers/needs';

/** A WeChat user who never registered as a volunteer. */
const COMMUNITY = 'e2e-need-community';
const PHONE = '13812340001';

const app = useH5App(async (t) => {
  await seedNeedTeams(t);
});
const { pages } = app;

it('a 社区 posts a need, follows it in 我的需求, and rates the service once the activity ended', async () => {
  const input = needInput(PHONE);
  // 我要点单 from 首页, where someone not registered finds it too.
  const page = await pages.open(COMMUNITY, '/pages/index/index');
  await top(page, '.home-register').waitFor();
  await top(page, '.home-need').click();
  await top(page, '.need-post-submit').waitFor();

  // Nothing filled in: each row says what is missing, and nothing is sent.
  await top(page, '.need-post-submit').click();
  await top(page, '.field-error-requesterKind').filter({ hasText: '请选择需求方类型' }).waitFor();
  expect(await app.t.emu.db.find('needs', {})).toHaveLength(0);

  await fillNeedForm(page, app.t, input);
  await top(page, '.need-title').filter({ hasText: input.title }).waitFor({ timeout: 15000 });
  expect(await top(page, '.need-progress').innerText()).toBe('待响应');
  expect(await top(page, '.need-step-current').innerText()).toContain('待响应');
  expect(await top(page, '.need-team').innerText()).toBe(NEED_TEAM.name);
  // Its own phone, whole, to the 需求方.
  expect(await top(page, '.need-contact-phone').innerText()).toBe(PHONE);
  expect(await top(page, '.need-actions').count()).toBe(0);
  const [stored] = await app.t.emu.db.find('needs', {});
  const needId = String(stored._id);

  // 我的 → 我的需求: the need, 待响应.
  await page.goto(`${app.t.url}/#/pages/mine/index`);
  await top(page, '.mine-my-needs').click();
  const item = top(page, '.my-needs-item').filter({ hasText: input.title });
  await item.waitFor();
  expect(await item.locator('.my-needs-progress').innerText()).toBe('待响应');

  // 兰州's leader dispatches it to 城关区's team, which accepts it and publishes the activity (12-01 and 12-02).
  const { activity } = await dispatchAcceptPublish(app.t, needId, { dispatcher: LZ_LEADER, orgId: NEED_TEAM._id, admin: FD_ADMIN });
  await page.reload();
  await eventually(async () => expect(await top(page, '.my-needs-progress').innerText()).toBe('已接单'));

  // The day after the activity ended: 待评价, and the need page offers 评价 only.
  await app.t.setClock('2026-12-03T03:00:00.000Z');
  await page.reload();
  await eventually(async () => expect(await top(page, '.my-needs-progress').innerText()).toBe('待评价'));
  await top(page, '.my-needs-item').click();
  await top(page, '.need-rate').waitFor();
  expect(await top(page, '.need-dispatch, .need-close, .need-accept, .need-decline, .need-take').count()).toBe(0);
  expect(await top(page, '.need-activity').count()).toBe(1);
  expect((await top(page, '.need-history-item').allInnerTexts()).join('\n')).toContain(`接单（${NEED_TEAM.name}）`);

  await top(page, '.need-rate').click();
  await top(page, '.need-rate-star-5').click();
  await top(page, '.need-rate-tag-0').click(); // 准时
  await top(page, '.need-rate-tag-1').click(); // 专业
  await top(page, '.need-rate-comment textarea').fill('讲得很清楚，老人们都说有用');
  await top(page, '.need-rate-confirm').click();
  await eventually(async () => expect(await top(page, '.need-progress').innerText()).toBe('已完成'));
  expect(await top(page, '.need-rating-stars').innerText()).toBe('★★★★★');
  expect(await top(page, '.need-rating-tags').innerText()).toContain('准时');
  expect(await top(page, '.need-rating-comment').innerText()).toBe('讲得很清楚，老人们都说有用');
  expect(await top(page, '.need-rate').count()).toBe(0);
  await page.screenshot({ path: path.join(SHOTS, 'e2e-need-rated.png'), fullPage: true });

  const [rated] = await app.t.emu.db.find('needs', { _id: needId });
  expect(rated).toMatchObject({ status: 'rated', activityId: activity._id, rating: { stars: 5, tags: ['准时', '专业'] } });
  // No volunteer was made of the 社区.
  expect(await app.t.emu.db.find('volunteers', { _id: COMMUNITY })).toHaveLength(0);
});
