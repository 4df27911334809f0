// Activities in the h5 build: a team admin publishes a two-day activity with its point typed into the coordinate form;
// a volunteer of an approved team finds it in the square filtered by region, enrolls after the risk notice, and finds
// it under 我参加的活动 → 报名中; the square puts what is under way first, and 离我最近 orders each group by the
// distance from the browser's (WGS-84) position. An admin adds a photo through the file chooser; a volunteer sees it,
// and the 回顾 with it once chosen.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { confirmModal, eventually, onTop as top, pickOption } from '../helpers/browser';
import { SHOTS, useH5App } from '../helpers/h5-app';
import { DEFAULT_TEST_CLOCK } from '../helpers/emulator';

const TEAM = '兰州市科技志愿服务支队';
const ADMIN = 'demo-admin'; // 李敏, admin of 兰州支队 (emulator seed)
const VOLUNTEER = 'demo-vol2'; // 刘洋, approved member of 兰州支队
const TITLE = '黄河风情线科普讲解';
const RISK = '沿河步道活动，请注意防滑；本活动已为志愿者购买意外伤害保险。';
/** 中山桥 in GCJ-02, typed by the admin. */
const POINT = { lat: 36.0668, lng: 103.8226 };

const app = useH5App(async (t) => {
  const seeded = await t.dev<{ seeded: boolean }>('POST', '/_dev/seed');
  if (!seeded.seeded) throw new Error('demo seed did not run');
});
const { pages } = app;

/** YYYY-MM-DD in Asia/Shanghai, `days` from the test clock's today. */
const shDate = (days: number) => new Date(Date.parse(DEFAULT_TEST_CLOCK) + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
const START = shDate(9);
const END = shDate(10);

async function publish(admin: Page): Promise<void> {
  await top(admin, '.act-edit-submit').waitFor();
  expect(await top(admin, '.act-edit-org').innerText()).toContain(TEAM);
  await top(admin, '.act-edit-title textarea').fill(TITLE);
  await pickOption(admin, 'act-edit-category', '科普讲解');
  await top(admin, '.act-edit-description textarea').fill('沿黄河风情线为市民和游客讲解黄河生态保护与防汛知识，发放科普资料。');
  await top(admin, '.act-edit-target').filter({ hasText: '公众' }).click();
  await pickOption(admin, 'act-edit-region-province', '甘肃省');
  await pickOption(admin, 'act-edit-region-city', '兰州市');
  await pickOption(admin, 'act-edit-region-county', '城关区');
  // h5 has no map picker: the coordinate form, refused until both numbers are there.
  await top(admin, '.act-edit-lat input').fill(String(POINT.lat));
  await top(admin, '.act-edit-address input').fill('兰州市城关区中山桥南端');
  await top(admin, '.act-edit-capacity input').fill('20');
  await top(admin, '.act-edit-submit').click();
  await top(admin, '.field-error-location').filter({ hasText: '请填写正确的纬度' }).waitFor();
  await top(admin, '.act-edit-lng input').fill(String(POINT.lng));
  // Two days, 09:00–17:00 each; the signup deadline follows the start date.
  await top(admin, '.act-edit-start-date input').fill(START);
  await top(admin, '.act-edit-end-date input').fill(END);
  await top(admin, '.act-edit-daily-end input').fill('17:00');
  expect(await top(admin, '.form-field-endDate').innerText()).toContain('共2天');
  expect(await top(admin, '.act-edit-signup-end-date input').inputValue()).toBe(shDate(8));
  await top(admin, '.act-edit-risk textarea').fill(RISK);
  await admin.screenshot({ path: path.join(SHOTS, 'e2e-activity-edit.png'), fullPage: true });
  await top(admin, '.act-edit-submit').click();
}

it('an admin publishes a two-day activity; a volunteer finds it by region, enrolls and sees it under 我参加的活动', async () => {
  // The admin goes from 我的 → 队伍管理 → 发布活动 of 兰州支队.
  const admin = await pages.open(ADMIN, '/pages/mine/index');
  await top(admin, '.mine-managed-org').filter({ hasText: TEAM }).waitFor();
  await top(admin, '.mine__team').filter({ hasText: TEAM }).locator('.mine-publish-activity').click();
  await publish(admin);

  // Published: the detail page of the new activity, with the manager's tools.
  await top(admin, '.act-title').filter({ hasText: TITLE }).waitFor({ timeout: 15000 });
  expect(await top(admin, '.act-schedule').innerText()).toBe(`${monthDay(START)}—${monthDay(END)} 每天09:00-17:00`);
  expect(await top(admin, '.act-phase').innerText()).toBe('报名中');
  await top(admin, '.act-manage').waitFor();
  const found = await app.t.call('activity', 'list', { keyword: TITLE });
  if (!found.ok) throw new Error(`activity.list: ${found.code}`);
  expect(found.data.items).toHaveLength(1);
  expect(found.data.items[0]).toMatchObject({
    location: POINT,
    startDate: START,
    endDate: END,
    radiusM: 5000,
    dailyCapMinutes: 480,
    riskNotice: RISK,
  });

  // The volunteer filters the square by 兰州: the 天水 activity of the seed goes, ours stays.
  const vol = await pages.open(VOLUNTEER, '/pages/activities/index');
  await top(vol, '.act-item').first().waitFor();
  await eventually(async () => expect(await top(vol, '.act-item').filter({ hasText: '苹果园冬季管理' }).count()).toBe(1));
  await top(vol, '.act-filter-toggle').click();
  await pickOption(vol, 'act-region-province', '甘肃省');
  await pickOption(vol, 'act-region-city', '兰州市');
  await eventually(async () => expect(await top(vol, '.act-item').filter({ hasText: '苹果园冬季管理' }).count()).toBe(0));
  const card = top(vol, '.act-item').filter({ hasText: TITLE });
  await card.waitFor();
  expect(await card.locator('.act-card-schedule').innerText()).toBe(`${monthDay(START)}—${monthDay(END)} 每天09:00-17:00`);
  expect(await card.locator('.act-card-seats').innerText()).toBe('已报名 0/20');
  await vol.screenshot({ path: path.join(SHOTS, 'e2e-activity-square.png') });
  await card.click();

  // Enrolling shows the risk notice first (志愿服务条例 §17).
  await top(vol, '.act-title').filter({ hasText: TITLE }).waitFor();
  expect(await top(vol, '.act-manage').count()).toBe(0);
  await top(vol, '.act-enroll').click();
  expect(await confirmModal(vol, '风险告知')).toContain(RISK);
  await top(vol, '.act-my-status').filter({ hasText: '已报名' }).waitFor();
  expect(await top(vol, '.act-enrolled-count').innerText()).toBe('1');
  await top(vol, '.act-cancel-enroll').waitFor();
  await vol.waitForTimeout(300);
  await vol.screenshot({ path: path.join(SHOTS, 'e2e-activity-enrolled.png') });

  // 我的 → 我参加的活动 → 待参加.
  await vol.goto(`${app.t.url}/#/pages/mine/index`);
  await top(vol, '.mine-my-activities').click();
  await top(vol, '.my-act-item').first().waitFor();
  await top(vol, '.my-act-tab-upcoming').click();
  const mine = top(vol, '.my-act-item').filter({ hasText: TITLE });
  await mine.waitFor();
  expect(await mine.locator('.act-card-phase').innerText()).toBe('报名中');
  expect(await mine.locator('.my-act-status').innerText()).toBe('已报名');
  // 待参加 holds what is still ahead of me, whatever its signup: 报名中 or 报名结束, never under way or over.
  await eventually(async () =>
    expect(new Set(await top(vol, '.my-act-item .act-card-phase').allInnerTexts())).toEqual(new Set(['报名中', '报名结束'])),
  );
});

it('离我最近 puts what is under way first, then what is open, each nearest first from the browser position (GCJ-02)', async () => {
  // About 1 km from 东方红广场 in WGS-84 (the browser's system).
  const vol = await pages.open(VOLUNTEER, '/pages/activities/index', { geolocation: { latitude: 36.0603, longitude: 103.8295 } });
  await top(vol, '.act-item').first().waitFor();
  // 全部: under way first, then open for signup, by start time; the header says so.
  await top(vol, '.act-total').filter({ hasText: '进行中优先，其次报名中，各按开始时间' }).waitFor();
  expect(await top(vol, '.act-item .act-card-phase').first().innerText()).toBe('活动中');
  await top(vol, '.act-filter-toggle').click();
  await top(vol, '.act-near').click();
  await top(vol, '.act-total').filter({ hasText: '各按距离由近到远' }).waitFor();
  const cards = await top(vol, '.act-item').evaluateAll((items) =>
    items.map((item) => ({
      phase: item.querySelector('.act-card-phase')?.textContent ?? '',
      distance: item.querySelector('.act-card-distance')?.textContent ?? '',
      text: item.textContent ?? '',
    })),
  );
  const metres = (d: string) => (d.endsWith('公里') ? parseFloat(d) * 1000 : parseFloat(d));
  const phases = cards.map((c) => c.phase);
  // The groups in order (nothing over), each nearest first.
  const order = ['活动中', '报名中', '报名结束'];
  expect(phases.map((p) => order.indexOf(p))).toEqual([...phases.map((p) => order.indexOf(p))].sort((a, b) => a - b));
  expect(phases[0]).toBe('活动中');
  for (const phase of order) {
    const run = cards.filter((c) => c.phase === phase).map((c) => metres(c.distance));
    expect([...run].sort((a, b) => a - b)).toEqual(run);
  }
  // Open for signup: the nearest in 兰州, within a few km; 天水 (≈ 250 km) last of them.
  const open = cards.filter((c) => c.phase === '报名中');
  expect(metres(open[0].distance)).toBeLessThan(5000);
  expect(open.at(-1)!.text).toContain('天水');
});

it('取消活动 sits apart from 编辑 and takes two steps: what it does, then the reason', async () => {
  const NAME = '青少年科技教育进校园';
  const found = await app.t.call('activity', 'list', { keyword: NAME });
  if (!found.ok) throw new Error(`activity.list: ${found.code}`);
  const admin = await pages.open(ADMIN, `/pages/activity-detail/index?id=${encodeURIComponent(found.data.items[0]._id)}`);
  await top(admin, '.act-title').filter({ hasText: NAME }).waitFor();

  // Apart: not in the row with 编辑, but below a line at the bottom of the card, with what it does said.
  const zone = top(admin, '.act-danger-zone');
  expect(await zone.innerText()).toContain('通知已报名和候补的志愿者');
  expect(await top(admin, '.act-detail__manage .act-cancel-activity').count()).toBe(0);
  const edit = await top(admin, '.act-edit').boundingBox();
  const cancel = await zone.locator('.act-cancel-activity').boundingBox();
  expect(cancel!.y).toBeGreaterThan(edit!.y + edit!.height + 40);

  // First step: the consequences; 不取消 leaves everything as it was.
  await zone.locator('.act-cancel-activity').click();
  const dialog = admin.locator('.taro-modal__content:visible');
  await dialog.locator('.taro-modal__title').filter({ hasText: '确定要取消这个活动吗' }).waitFor();
  expect(await dialog.locator('.taro-modal__text').innerText()).toContain('签到码立即停止使用');
  await dialog.locator('.taro-model__cancel').click();
  await admin.waitForTimeout(300);
  expect(await top(admin, '.reason-input').count()).toBe(0);
  expect(await top(admin, '.act-phase').innerText()).toBe('报名中');

  // Second step: 继续取消, then the reason is required.
  await zone.locator('.act-cancel-activity').click();
  await confirmModal(admin, '确定要取消这个活动吗');
  await top(admin, '.reason-confirm').click();
  await top(admin, '.reason-error').filter({ hasText: '请填写原因' }).waitFor();
  await top(admin, '.reason-input textarea').fill('学校临时安排考试，活动取消');
  await top(admin, '.reason-confirm').click();
  await top(admin, '.act-cancel-reason').filter({ hasText: '学校临时安排考试' }).waitFor();
  expect(await top(admin, '.act-phase').innerText()).toBe('已取消');
  expect(await top(admin, '.act-danger-zone').count()).toBe(0);
});

/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

it('an admin adds a photo from the phone; a volunteer sees it, and the 回顾 with its summary and chosen photo', async () => {
  const NAME = '农村科技培训：大棚种植技术'; // ended last week (emulator seed)
  const found = await app.t.call('activity', 'list', { keyword: NAME, phase: 'ended' });
  if (!found.ok) throw new Error(`activity.list: ${found.code}`);
  const activityId = found.data.items[0]._id;
  const admin = await pages.open(ADMIN, `/pages/activity-detail/index?id=${encodeURIComponent(activityId)}`);
  await top(admin, '.act-photos-empty').waitFor();
  const chooser = admin.waitForEvent('filechooser');
  await top(admin, '.act-photos-add').click();
  await (await chooser).setFiles({ name: 'scene.png', mimeType: 'image/png', buffer: PNG });
  await top(admin, '.act-photo').first().waitFor({ timeout: 15000 });
  expect(await top(admin, '.act-photo-delete').count()).toBe(1);

  // The volunteer sees the photo, loaded from its temporary address, with nothing to change.
  const vol = await pages.open(VOLUNTEER, `/pages/activity-detail/index?id=${encodeURIComponent(activityId)}`);
  await top(vol, '.act-photo').first().waitFor();
  await eventually(async () =>
    expect(
      await top(vol, '.act-photo img')
        .first()
        .evaluate((img) => (img as HTMLImageElement).naturalWidth),
    ).toBe(1),
  );
  expect(await top(vol, '.act-photos-add').count()).toBe(0);
  expect(await top(vol, '.act-photo-delete').count()).toBe(0);

  // The 回顾: the admin's summary and chosen photo, for everyone once the activity has ended.
  const got = await app.t.call('activity', 'get', { activityId }, ADMIN);
  if (!got.ok) throw new Error(`activity.get: ${got.code}`);
  const recorded = await app.t.call(
    'activity',
    'recordServed',
    { activityId, servedCount: 40, summary: '讲解大棚保温与病虫害防治', recapPhotoIds: [got.data.photos[0].photoId] },
    ADMIN,
  );
  expect(recorded.ok).toBe(true);
  await vol.reload();
  await top(vol, '.act-recap-summary').filter({ hasText: '讲解大棚保温与病虫害防治' }).waitFor();
  expect(await top(vol, '.act-recap-photo').count()).toBe(1);
  await top(vol, '.act-photos').scrollIntoViewIfNeeded();
  await vol.screenshot({ path: path.join(SHOTS, 'e2e-activity-photos.png') });
});
