// Joining and founding teams in the h5 build: apply → leader approves from 我的 → 审核 → 已加入 and a message;
// register a team → the parent's admin rejects it with a reason → the applicant reads the reason.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { registerVolunteer } from '../helpers/emulator';
import { eventually, onTop } from '../helpers/browser';
import { SHOTS, useH5App } from '../helpers/h5-app';

const TEAM = '兰州市科技志愿服务支队';
const VOLUNTEER = { openid: 'e2e-org-joiner', phone: '13912340001', realName: '孙悦' };
const LEADER = 'demo-leader';

const app = useH5App(async (t) => {
  const seeded = await t.dev<{ seeded: boolean }>('POST', '/_dev/seed');
  if (!seeded.seeded) throw new Error('demo seed did not run');
  // The volunteer registers (through the real functions) applying to the 总队 only: 兰州 is joined in the browser.
  const root = await t.call('org', 'search', { keyword: '甘肃省科技志愿服务总队' });
  if (!root.ok || root.data.items.length !== 1) throw new Error('seeded 总队 not found');
  const reg = await registerVolunteer(t, VOLUNTEER.openid, VOLUNTEER.phone, {
    realName: VOLUNTEER.realName,
    orgIds: [root.data.items[0]._id],
  });
  if (!reg.ok) throw new Error(`register: ${reg.code}`);
});
const { pages } = app;
const open = pages.open;

const top = onTop;

const countOf = (page: Page, selector: string) => top(page, selector).count();

it('applies to a team, the leader approves it from the inbox, and the volunteer sees 已加入 and the message', async () => {
  // Context A, the volunteer: search, open the team, apply.
  const a = await open(VOLUNTEER.openid, '/pages/orgs/index');
  await top(a, '.org-item').first().waitFor();
  await top(a, '.orgs-keyword input').fill('兰州');
  await top(a, '.orgs-search').click();
  await eventually(async () => expect(await countOf(a, '.org-item')).toBe(1));
  await top(a, '.org-item').filter({ hasText: TEAM }).click();
  await top(a, '.org-name').filter({ hasText: TEAM }).waitFor();
  expect(await top(a, '.org-status').innerText()).toBe('未加入');
  await top(a, '.org-join').click();
  await top(a, '.org-status').filter({ hasText: '待审核' }).waitFor();
  expect(await countOf(a, '.org-join')).toBe(0);
  await a.waitForTimeout(400);
  await a.screenshot({ path: path.join(SHOTS, 'e2e-org-pending.png') });

  // Context B, the leader: 我的 shows the inbox badge with every pending application they may review.
  const expected = await app.t.call('org', 'inbox', {}, LEADER);
  if (!expected.ok) throw new Error(`inbox: ${expected.code}`);
  expect(expected.data.counts.total).toBeGreaterThanOrEqual(1);
  const b = await open(LEADER, '/pages/mine/index');
  const badge = top(b, '.mine-inbox-badge');
  await badge.waitFor();
  expect(await badge.innerText()).toBe(String(expected.data.counts.total));
  await b.waitForTimeout(400);
  await b.screenshot({ path: path.join(SHOTS, 'e2e-mine-manage.png') });

  await top(b, '.mine-inbox').click();
  // By the team applied to: the volunteer's other application (to the 总队) names 兰州 among the teams joined.
  const application = top(b, '.inbox-member-item')
    .filter({ hasText: VOLUNTEER.realName })
    .filter({ has: b.locator('.inbox-item__line', { hasText: `申请加入：${TEAM}` }) });
  await application.waitFor();
  const membersBefore = Number(await top(b, '.inbox-tab-members-count').innerText());
  await b.waitForTimeout(600); // let the h5 page transition finish before the picture
  await b.screenshot({ path: path.join(SHOTS, 'e2e-inbox.png') });
  await application.locator('.inbox-approve').click();
  await eventually(async () => expect(await application.count()).toBe(0));
  // The tab count follows the refreshed inbox (no count is shown at zero).
  await eventually(async () => expect(Number((await top(b, '.inbox-tab-members-count').allInnerTexts())[0] ?? 0)).toBe(membersBefore - 1));

  // Back on A: the team page and 我的 say 已加入.
  await a.reload();
  await top(a, '.org-status').filter({ hasText: '已加入' }).waitFor();
  expect(await top(a, '.org-leave').innerText()).toBe('退出队伍');
  await a.goto(`${app.t.url}/#/pages/mine/index`);
  await top(a, '.mine-membership').filter({ hasText: TEAM }).filter({ hasText: '已加入' }).waitFor();

  // The review result went out as a subscribe message to the volunteer.
  const messages = await app.t.dev<Array<{ openid: string; kind: string; data: Record<string, string> }>>(
    'GET',
    `/_dev/messages?openid=${VOLUNTEER.openid}`,
  );
  const reviewed = messages.filter((m) => m.kind === 'memberReviewed');
  expect(reviewed).toHaveLength(1);
  expect(JSON.stringify(reviewed[0])).toContain(TEAM);
});

it('registers a team under 兰州支队 with the proposed name; its admin rejects it with a reason the applicant then reads', async () => {
  // 张伟 (seeded, approved in 兰州支队) applies for a new 大队.
  const a = await open('demo-vol1', '/pages/org-register/index');
  await top(a, '.orgreg-submit').waitFor();
  await top(a, '.orgreg-parent').click();
  await top(a, '.orgreg-parent-keyword input').fill('兰州');
  await top(a, '.orgreg-parent-search').click();
  await top(a, '.orgreg-parent-option').filter({ hasText: TEAM }).click();
  await pick(a, 'orgreg-level', '大队');
  await pick(a, 'orgreg-region-province', '甘肃省');
  await pick(a, 'orgreg-region-city', '兰州市');
  await pick(a, 'orgreg-region-county', '城关区');
  await top(a, '.orgreg-suggest-name').filter({ hasText: '城关区科技志愿服务大队' }).waitFor();
  await top(a, '.orgreg-suggest-use').click();
  expect(await top(a, '.orgreg-name input').inputValue()).toBe('城关区科技志愿服务大队');
  await top(a, '.orgreg-intro textarea').fill('服务城关区社区和中小学，开展科普讲解');
  expect(await top(a, '.orgreg-intro-count').innerText()).toBe('18/100');
  await top(a, '.orgreg-contact-phone input').fill('13912340002');
  await top(a, '.orgreg-category').filter({ hasText: '科普讲解' }).click();
  await top(a, '.orgreg-submit').click();
  await top(a, '.org-review-status').filter({ hasText: '待审核' }).waitFor({ timeout: 15000 });
  expect(await top(a, '.org-name').innerText()).toBe('城关区科技志愿服务大队');

  // 李敏, admin of 兰州支队, rejects it from 审核 → 队伍申请 with a reason (required).
  const b = await open('demo-admin', '/admin/inbox/index?tab=orgs');
  const application = top(b, '.inbox-org-item').filter({ hasText: '城关区科技志愿服务大队' });
  await application.waitFor();
  await application.locator('.inbox-reject').click();
  await top(b, '.reason-confirm').click();
  expect(await top(b, '.reason-error').innerText()).toBe('请填写原因');
  await top(b, '.reason-input textarea').fill('请补充主管单位后重新申请');
  await b.waitForTimeout(300);
  await b.screenshot({ path: path.join(SHOTS, 'e2e-inbox-reject.png') });
  await top(b, '.reason-confirm').click();
  await eventually(async () => expect(await application.count()).toBe(0));
  await top(b, '.inbox-orgs-empty').waitFor();

  // The applicant sees the decision and its reason on the team page.
  await a.reload();
  await top(a, '.org-reject-reason').filter({ hasText: '请补充主管单位后重新申请' }).waitFor();
  expect(await top(a, '.org-review-status').innerText()).toContain('未通过');
});

it('loads the next page of search results when the list is scrolled to the bottom', async () => {
  const found = await app.t.call('org', 'search', { keyword: TEAM });
  if (!found.ok) throw new Error(`org.search: ${found.code}`);
  const [lanzhou] = found.data.items;
  const base = Date.parse('2026-01-01T00:00:00Z');
  await app.t.emu.db.insert(
    'orgs',
    Array.from({ length: 27 }, (_, i) => ({
      _id: `e2e-scroll-${i}`,
      name: `城关区第${i + 1}社区科技志愿服务分队`,
      level: '分队',
      parentId: lanzhou._id,
      path: [...lanzhou.path, lanzhou._id],
      region: lanzhou.region,
      status: 'approved',
      createdAt: new Date(base + i * 60000),
    })),
  );
  const page = await open('demo-vol2', '/pages/orgs/index?keyword=' + encodeURIComponent('社区'));
  await top(page, '.orgs-total').filter({ hasText: '共 27 支队伍' }).waitFor();
  expect(await countOf(page, '.org-item')).toBe(20);
  // The list scrolls inside the page, under the title bar: the wheel turns over the list.
  await page.mouse.move(187, 500);
  await page.mouse.wheel(0, 20000);
  await top(page, '.orgs-end').waitFor();
  expect(await countOf(page, '.org-item')).toBe(27);
});

async function pick(page: Page, trigger: string, option: string) {
  await top(page, `.${trigger}`).click();
  await top(page, `.${trigger}-options .option-item`).filter({ hasText: option }).first().click();
}
