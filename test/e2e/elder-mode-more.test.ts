// 长辈模式 on the other pages of the h5 build: 注册, 激活, 身份核验申请, 我要点单, 我的需求, 需求详情, 编辑资料, 更换手机号, 我的邀请, 我的签到码, 志愿服务证明, 我参加的活动, 扫码签到, 队伍,
// 队伍详情, 我的数据, 队伍注册, 相关链接, 证明查验, the admin pages 发布活动, 报名名单, 签到码, 队伍成员, 已发布活动,
// 时长更正审核, 审核, 集体注册, 身份核验, 统计报表, 需求派单 and 需求广场, and the popups (an option picker, a form sheet): in 长辈模式 body text
// ≥ 18 px, secondary ≥ 16, tags ≥ 14, tap targets ≥ 48 px; contrast ≥ 4.5:1 (placeholders too) in both modes.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { confirmModal, onTop as top } from '../helpers/browser';
import { SHOTS, useH5App } from '../helpers/h5-app';
import { ELDER, STANDARD, measure, report, type Limits, type Measure } from '../helpers/elder-measure';
import { needInput, postNeed } from '../helpers/needs';

const VOLUNTEER = 'demo-vol2'; // 刘洋: enrolled in 全国科普日主题展 (on today), served at the 大棚种植 training last week
const ADMIN = 'demo-admin'; // 李敏, admin of 兰州支队
const LEADER = 'demo-leader'; // leader of the root 总队 (身份核验) and of 兰州支队 (需求广场's self-service switch)
const NEWCOMER = 'e2e-elder-newcomer'; // not registered: 注册
const TODAY = '全国科普日主题展';
const RECRUITING = '“科技为民”社区科普讲解';
/** A need the newcomer posted (once, for both modes). */
let needId = '';

const app = useH5App(async (t) => {
  const seeded = await t.dev<{ seeded: boolean }>('POST', '/_dev/seed');
  if (!seeded.seeded) throw new Error('demo seed did not run');
});

async function activityOf(title: string): Promise<{ _id: string; orgId: string }> {
  const r = await app.t.call('activity', 'list', { keyword: title });
  if (!r.ok || !r.data.items[0]) throw new Error(`activity.list ${title}`);
  return r.data.items[0];
}

/** Opens a phone as `openid` with 长辈模式 on or off (kept in Taro storage, as the switch on 我的 keeps it). */
async function phone(openid: string, elder: boolean): Promise<Page> {
  const page = await app.pages.open(openid, '/pages/index/index');
  await page.evaluate((on) => window.localStorage.setItem('elder-mode', JSON.stringify({ data: on })), elder);
  await page.reload();
  await page.waitForFunction((on) => document.documentElement.classList.contains('elder') === on, elder);
  return page;
}

async function tour(mode: string, limits: Limits): Promise<Record<string, Measure>> {
  const elder = limits === ELDER;
  const out: Record<string, Measure> = {};
  const today = await activityOf(TODAY);
  const recruiting = await activityOf(RECRUITING);
  const visit = async (page: Page, name: string, route: string, ready: string) => {
    await page.goto(`${app.t.url}/#${route}`);
    await top(page, ready).first().waitFor();
    out[name] = await measure(page, limits);
  };

  const newcomer = await phone(NEWCOMER, elder);
  await visit(newcomer, '注册', '/pages/register/index', '.reg-phone');
  await top(newcomer, '.reg-education').click();
  await top(newcomer, '.reg-education-options .option-item').first().waitFor();
  out['选项弹窗'] = await measure(newcomer, limits, '.bottom-sheet__panel');
  await newcomer.screenshot({ path: path.join(SHOTS, `e2e-elder-${mode}-option-picker.png`) });
  await visit(newcomer, '激活', '/pages/activate/index', '.activate-submit');
  await visit(newcomer, '身份核验申请', '/pages/identity-appeal/index', '.appeal-submit');
  await visit(newcomer, '我要点单', '/pages/need-post/index', '.need-post-kind');
  await visit(newcomer, '我的需求', '/pages/my-needs/index', '.my-needs-empty, .my-needs-item');
  needId ||= (await postNeed(app.t, NEWCOMER, needInput('13812340009'))).needId;
  await visit(newcomer, '需求详情', `/pages/need/index?id=${encodeURIComponent(needId)}`, '.need-title');

  const vol = await phone(VOLUNTEER, elder);
  await visit(vol, '编辑资料', '/pages/profile-edit/index', '.profile-categories');
  await visit(vol, '我的签到码', `/pages/my-code/index?activityId=${encodeURIComponent(today._id)}`, '.ck-mycode-qr');
  await visit(vol, '志愿服务证明', '/pages/certificate/index', '.cert-issue');
  await visit(vol, '我参加的活动', '/pages/my-activities/index', '.my-act-item');
  await visit(vol, '扫码签到', '/pages/scan/index', '.ck-scan-payload');
  await visit(vol, '队伍', '/pages/orgs/index', '.org-item');
  await visit(vol, '队伍详情', `/pages/org-detail/index?orgId=${encodeURIComponent(recruiting.orgId)}`, '.org-name');
  await visit(vol, '我的数据', '/pages/my-data/index', '.my-data-download');
  await visit(vol, '更换手机号', '/pages/change-phone/index', '.change-phone-submit');
  await visit(vol, '我的邀请', '/pages/invitations/index', '.invitations-empty, .invitation');
  await visit(vol, '队伍注册', '/pages/org-register/index', '.orgreg-submit');
  await visit(vol, '相关链接', '/pages/links/index', '.links-doc');
  await visit(vol, '证明查验', '/pages/verify/index', '.verify-input');

  const admin = await phone(ADMIN, elder);
  await visit(admin, '发布活动', `/admin/activity-edit/index?orgId=${encodeURIComponent(recruiting.orgId)}`, '.act-edit-submit');
  await admin.screenshot({ path: path.join(SHOTS, `e2e-elder-${mode}-activity-edit.png`), fullPage: true });
  await visit(admin, '报名名单', `/admin/enrollments/index?id=${encodeURIComponent(recruiting._id)}`, '.roster-item');
  await visit(admin, '签到码', `/admin/checkin-code/index?activityId=${encodeURIComponent(today._id)}`, '.ck-code-qr');
  await visit(admin, '签到名单（现场签到）', `/admin/roster/index?activityId=${encodeURIComponent(today._id)}`, '.ck-console-counts');
  await visit(admin, '队伍成员', `/admin/members/index?orgId=${encodeURIComponent(recruiting.orgId)}`, '.member-name');
  await visit(admin, '已发布活动', `/admin/activities/index?orgId=${encodeURIComponent(recruiting.orgId)}`, '.pub-act-item');
  await visit(admin, '时长更正审核', `/admin/corrections/index?orgId=${encodeURIComponent(recruiting.orgId)}`, '.ck-corr-tab-pending');
  await visit(admin, '审核', '/admin/inbox/index', '.inbox-tab');
  await visit(admin, '集体注册', `/admin/import/index?orgId=${encodeURIComponent(recruiting.orgId)}`, '.import-download');
  await visit(admin, '统计报表', `/admin/stats/index?orgId=${encodeURIComponent(recruiting.orgId)}`, '.stats-figure-activities');
  await visit(admin, '需求派单', '/admin/need-inbox/index', '.need-item');
  // A form sheet: the reason of 取消活动 (opened, measured, closed: nothing is cancelled).
  await admin.goto(`${app.t.url}/#/pages/activity-detail/index?id=${encodeURIComponent(recruiting._id)}`);
  await top(admin, '.act-cancel-activity').click();
  await confirmModal(admin, '确定要取消这个活动吗');
  await top(admin, '.reason-input').waitFor();
  out['表单弹窗'] = await measure(admin, limits, '.nut-popup');
  await admin.screenshot({ path: path.join(SHOTS, `e2e-elder-${mode}-form-sheet.png`) });
  await top(admin, '.reason-cancel').click();

  const leader = await phone(LEADER, elder);
  await visit(leader, '身份核验', '/admin/identity-appeals/index', '.id-appeal-tab-pending');
  await visit(leader, '需求广场', '/admin/need-inbox/index?tab=square', '.need-self-service-org');
  return out;
}

it('in the standard mode every text on these pages and popups has a contrast of at least 4.5:1', async () => {
  const all = await tour('standard', STANDARD);
  report('标准模式', all);
  for (const [name, m] of Object.entries(all))
    expect({ page: name, contrast: m.contrast >= STANDARD.contrast, offenders: m.offenders }).toEqual({
      page: name,
      contrast: true,
      offenders: [],
    });
});

it('in 长辈模式 text and tap targets on these pages and popups reach the 适老化 sizes, and the contrast holds', async () => {
  const all = await tour('elder', ELDER);
  report('长辈模式', all);
  for (const [name, m] of Object.entries(all)) expect({ page: name, offenders: m.offenders }).toEqual({ page: name, offenders: [] });
});
