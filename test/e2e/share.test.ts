// Sharing in the h5 build: a volunteer passes an activity on (the link carries their share token), another registered
// volunteer opens it and enrolls, and the team's admin then sees 1 enrollment through shares; a team's admin copies
// the invitation link, and a volunteer who opens it finds 申请加入 ready and applies.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { confirmModal, eventually, onTop as top } from '../helpers/browser';
import { SHOTS, useH5App } from '../helpers/h5-app';
import { activityInput, DEFAULT_TEST_CLOCK, registerVolunteer } from '../helpers/emulator';

const TEAM = '兰州市科技志愿服务支队';
const ADMIN = 'demo-admin'; // 李敏, admin of 兰州支队 (emulator seed)
const SHARER = 'demo-vol1'; // approved members of 兰州支队
const FRIEND = 'demo-vol2';
const TITLE = '社区老年人防诈骗科普讲座';
const JOINER = { openid: 'e2e-share-joiner', phone: '13912340077', realName: '周敏' };

let activityId = '';
let teamId = '';
const app = useH5App(async (t) => {
  // Signup of activityInput is open 2026-11-20 – 11-30: the clock is pinned inside it.
  await t.setClock(DEFAULT_TEST_CLOCK);
  const seeded = await t.dev<{ seeded: boolean }>('POST', '/_dev/seed');
  if (!seeded.seeded) throw new Error('demo seed did not run');
  const team = await t.call('org', 'search', { keyword: TEAM });
  if (!team.ok || team.data.items.length !== 1) throw new Error('seeded 兰州支队 not found');
  teamId = team.data.items[0]._id;
  const published = await t.call('activity', 'publish', activityInput(teamId, { title: TITLE, riskNotice: undefined }), ADMIN);
  if (!published.ok) throw new Error(`publish: ${published.code}`);
  activityId = published.data.activity._id;
  const root = await t.call('org', 'search', { keyword: '甘肃省科技志愿服务总队' });
  if (!root.ok) throw new Error('seeded 总队 not found');
  const reg = await registerVolunteer(t, JOINER.openid, JOINER.phone, { realName: JOINER.realName, orgIds: [root.data.items[0]._id] });
  if (!reg.ok) throw new Error(`register: ${reg.code}`);
});
const { pages } = app;

/** The route part (after `#`) of an h5 address the page showed. */
const routeOf = (url: string) => {
  const at = url.indexOf('#');
  if (at < 0) throw new Error(`not an app address: ${url}`);
  return url.slice(at + 1);
};

async function copiedLink(page: Page, button: string, title: string): Promise<string> {
  await top(page, button).click();
  return (await confirmModal(page, title)).trim();
}

it("a volunteer's shared activity link leads another volunteer to enroll, and the admin sees 1 enrollment through shares", async () => {
  const sharer = await pages.open(SHARER, `/pages/activity-detail/index?id=${activityId}`);
  await top(sharer, '.act-title').filter({ hasText: TITLE }).waitFor();
  // Volunteers never see the count.
  expect(await top(sharer, '.act-share-count').count()).toBe(0);
  // The token arrives in the background; the copied link carries it.
  let link = '';
  await eventually(async () => {
    link = await copiedLink(sharer, '.act-share', '活动链接已复制');
    expect(link).toMatch(/from=[0-9A-Za-z]{8}$/);
  });
  const route = routeOf(link);
  expect(route).toContain(`id=${encodeURIComponent(activityId)}`);

  const friend = await pages.open(FRIEND, route);
  await top(friend, '.act-title').filter({ hasText: TITLE }).waitFor();
  await top(friend, '.act-enroll').click();
  await top(friend, '.act-my-status').filter({ hasText: '已报名' }).waitFor();
  await friend.waitForTimeout(300);
  await friend.screenshot({ path: path.join(SHOTS, 'e2e-share-enrolled.png'), fullPage: true });

  const admin = await pages.open(ADMIN, `/pages/activity-detail/index?id=${activityId}`);
  await top(admin, '.act-share-count').filter({ hasText: '通过分享报名 1 人' }).waitFor();
  const answer = await app.t.call('activity', 'get', { activityId }, ADMIN);
  expect(answer).toMatchObject({ ok: true, data: { shareEnrollments: 1, enrolledCount: 1 } });
  await admin.screenshot({ path: path.join(SHOTS, 'e2e-share-admin.png'), fullPage: true });

  // 活动海报: the poster with the activity's 小程序码 is downloaded as a PNG.
  const [download] = await Promise.all([admin.waitForEvent('download'), top(admin, '.act-poster').click()]);
  expect(download.suggestedFilename()).toBe(`${TITLE}-活动海报.png`);
  const file = path.join(SHOTS, 'e2e-share-poster.png');
  await download.saveAs(file);
  const png = fs.readFileSync(file);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  // Printable on A4 at 300 dpi: 2480 × 3508 pixels (IHDR's width and height).
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2480, 3508]);

  // Scanning the poster's code opens the h5 page with its scene: the activity shows.
  const poster = await app.t.call('activity', 'poster', { activityId }, ADMIN);
  if (!poster.ok) throw new Error(`poster: ${poster.code}`);
  const scanned = await pages.open(FRIEND, `/${poster.data.page}?scene=${encodeURIComponent(poster.data.scene)}`);
  await top(scanned, '.act-title').filter({ hasText: TITLE }).waitFor();
  await top(scanned, '.act-my-status').filter({ hasText: '已报名' }).waitFor();
});

it("a team's invitation link opens the team page with 申请加入 ready, and applying works", async () => {
  const admin = await pages.open(ADMIN, `/pages/org-detail/index?orgId=${teamId}`);
  await top(admin, '.org-name').filter({ hasText: TEAM }).waitFor();
  await top(admin, '.org-invite').click();
  await top(admin, '.org-invite-code').waitFor();
  await admin.waitForTimeout(300);
  await admin.screenshot({ path: path.join(SHOTS, 'e2e-share-invite.png') });
  const link = await copiedLink(admin, '.org-invite-copy', '邀请链接已复制');
  expect(routeOf(link)).toBe(`/pages/org-detail/index?orgId=${encodeURIComponent(teamId)}&join=1`);

  const joiner = await pages.open(JOINER.openid, routeOf(link));
  await top(joiner, '.org-name').filter({ hasText: TEAM }).waitFor();
  await top(joiner, '.org-invited').waitFor();
  expect(await top(joiner, '.org-status').innerText()).toBe('未加入');
  await top(joiner, '.org-invite-join').click();
  await top(joiner, '.org-status').filter({ hasText: '待审核' }).waitFor();
  expect(await top(joiner, '.org-invite-join').count()).toBe(0);
  const members = await app.t.call('org', 'members', { orgId: teamId, status: 'pending' }, ADMIN);
  if (!members.ok) throw new Error(`members: ${members.code}`);
  expect(members.data.items.map((m) => m.realName)).toContain(JOINER.realName);
});
