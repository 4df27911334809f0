// The whole record in the h5 build, one walk through (民政部令第67号 Art. 4: service, 培训, 表彰奖励, 评价): a team's admin
// records a training and shows its code, the volunteer scans it; after an activity the admin evaluates the volunteer;
// the team's leader records a commendation that the 总队 above approves in 表彰审核; then the volunteer finds each on
// 我的培训, 我的评价 and 我的, in the 我的数据 file (sheets 培训, 评价, 表彰奖励) and on the certificate's PDF.
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { bootstrapRoot, seedMembership, seedOrg, seedVolunteer } from '../helpers/emulator';
import { seedActivity } from '../helpers/checkin';
import { readXlsx, sheetRows } from '../helpers/report';
import { pdfText } from '../helpers/pdf';
import { confirmModal, eventually, onTop as top } from '../helpers/browser';
import { SHOTS, useH5App } from '../helpers/h5-app';
import { TRAINING_HOURS_LABEL } from '@contract/record';

const LZ = 'e2e-wk-lz';
const ROOT_LEADER = 'e2e-wk-root';
const LEADER = 'e2e-wk-leader';
const ADMIN = 'e2e-wk-admin';
const VOLUNTEER = 'e2e-wk-vol';
const TEAM = '兰州市科技志愿服务支队';
const ROOT = '甘肃省科技志愿服务总队';
const TRAINING = '急救与安全技能培训';
const ACTIVITY = '社区防灾科普讲解';
const COMMENT = '讲解生动，群众反响好';
const AWARD = '优秀科技志愿者';
const ISSUER = '兰州市科学技术协会';
let activityId = '';

const app = useH5App(async (t) => {
  // 10:00 on 2026-12-03 (Asia/Shanghai): the training is held today; the activity ended yesterday at 17:00.
  await t.setClock('2026-12-03T02:00:00Z');
  const root = await bootstrapRoot(t, ROOT_LEADER, ROOT);
  await seedOrg(t, LZ, TEAM, root);
  await seedVolunteer(t, LEADER, '13900005001', '赵队长');
  await seedMembership(t, LZ, LEADER, 'leader');
  await seedVolunteer(t, ADMIN, '13900005002', '李敏');
  await seedMembership(t, LZ, ADMIN, 'admin');
  await seedVolunteer(t, VOLUNTEER, '13900005003', '张伟');
  await seedMembership(t, LZ, VOLUNTEER, 'member');
  activityId = (await seedActivity(t, LZ, { title: ACTIVITY }))._id;
  // The volunteer served the first day, 09:00–17:00.
  await t.emu.db.insert('checkin_days', [
    {
      _id: `${activityId}_${VOLUNTEER}_20261201`,
      activityId,
      orgId: LZ,
      openid: VOLUNTEER,
      date: '2026-12-01',
      signInAt: new Date('2026-12-01T01:00:00Z'),
      signOutAt: new Date('2026-12-01T09:00:00Z'),
      minutes: 480,
      status: 'closed',
      adjustments: [],
      createdAt: new Date('2026-12-01T01:00:00Z'),
      updatedAt: new Date('2026-12-01T09:00:00Z'),
    },
  ]);
});
const { pages } = app;

/** Rows of a sheet under its header, as objects keyed by the header's cells. */
function table(wb: ExcelJS.Workbook, name: string): Record<string, string>[] {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const [header, ...rows] = sheetRows(ws);
  return rows.filter(Boolean).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

test('培训 by scan, 评价 and an approved 表彰 show on the volunteer’s pages, in 我的数据 and on the certificate', async () => {
  // 1. The admin records a training from 我的 and shows its code; the volunteer types the code's text on 扫码签到.
  const admin = await pages.open(ADMIN, '/pages/mine/index');
  await top(admin, '.mine-trainings-admin').first().click();
  await top(admin, '.trainings-empty').waitFor();
  await top(admin, '.trainings-new').click();
  await top(admin, '.training-form-title input').fill(TRAINING);
  await top(admin, '.training-form-type-安全').click();
  await top(admin, '.training-form-hours input').fill('2');
  await top(admin, '.training-form-trainer input').fill('王教授');
  await top(admin, '.training-form-content textarea').fill('心肺复苏、止血包扎与活动现场安全');
  await top(admin, '.training-form-submit').click();
  await top(admin, '.training-title').filter({ hasText: TRAINING }).waitFor({ timeout: 15000 });
  await top(admin, '.training-show-code').click();
  let payload = '';
  await eventually(async () => {
    payload = (await top(admin, '.training-code-text').innerText()).trim();
    expect(payload).toMatch(/^kjzy1\./);
  });

  const vol = await pages.open(VOLUNTEER, '/pages/scan/index');
  await top(vol, '.ck-scan-payload').locator('textarea').fill(payload);
  await top(vol, '.ck-scan-submit').click();
  expect(await confirmModal(vol, '培训签到成功')).toContain(TRAINING);
  await top(vol, '.my-trainings-item-title').filter({ hasText: TRAINING }).waitFor();

  // 2. The activity has ended: the admin rates the volunteer 优秀 from 签到名单 → 评价.
  await admin.goto(`${app.t.url}/#/admin/roster/index?activityId=${encodeURIComponent(activityId)}`);
  await top(admin, '.ck-roster-evaluate').click();
  const row = top(admin, '.ev-row').filter({ hasText: '张伟' });
  await row.waitFor();
  await row.locator('.ev-grade-excellent').click();
  await row.locator('.ev-comment textarea').fill(COMMENT);
  await top(admin, '.ev-save').click();
  await top(admin, '.ev-saved').filter({ hasText: '已保存 1 人的评价' }).waitFor();

  // 3. The team's leader records a commendation of the volunteer; the 总队's leader approves it in 表彰审核.
  const leader = await pages.open(LEADER, `/admin/commend/index?orgId=${LZ}`);
  await top(leader, '.commend-kind-volunteer.is-active').waitFor();
  await top(leader, '.commend-pick').filter({ hasText: '张伟' }).click();
  await top(leader, '.commend-picked').filter({ hasText: '张伟' }).waitFor();
  await top(leader, '.commend-title input').fill(AWARD);
  await top(leader, '.commend-level-市').click();
  await top(leader, '.commend-issuer input').fill(ISSUER);
  await top(leader, '.commend-submit').click();
  await top(leader, '.commend-done')
    .filter({ hasText: `待${ROOT}审核` })
    .waitFor();

  const reviewer = await pages.open(ROOT_LEADER, '/admin/commendation-inbox/index');
  const pending = top(reviewer, '.commendation-inbox-item').filter({ hasText: '张伟' });
  await pending.waitFor();
  await pending.locator('.commendation-approve').click();
  expect(await confirmModal(reviewer, '通过表彰')).toContain(AWARD);
  await top(reviewer, '.commendation-inbox-empty').waitFor();

  // 4. The volunteer: 我的 shows the commendation; 我的数据 leads to 我的培训 and 我的评价.
  await vol.goto(`${app.t.url}/#/pages/mine/index`);
  await top(vol, '.mine-commendations-item').filter({ hasText: AWARD }).waitFor();
  expect(await top(vol, '.mine-commendations-item').innerText()).toContain(ISSUER);

  // Opened afresh (as from a link): a hash change alone within the running app leaves its page stack in disorder.
  await vol.goto(`${app.t.url}/#/pages/my-data/index`);
  await vol.reload();
  expect(await top(vol, '.my-data-sheets').innerText()).toMatch(/培训[\s\S]*表彰奖励/);
  await top(vol, '.my-data-trainings').click();
  const trained = top(vol, '.my-trainings-item').filter({ hasText: TRAINING });
  await trained.waitFor();
  expect(await trained.locator('.my-trainings-item-via').innerText()).toBe('扫码签到');
  expect(await top(vol, '.my-trainings-label').innerText()).toBe(TRAINING_HOURS_LABEL);
  // Back with the title bar's arrow, as a phone user on h5 does.
  await top(vol, '.taro-navigation-bar-back').click();
  await top(vol, '.my-data-evaluations').click();
  const rated = top(vol, '.my-ev-item').filter({ hasText: ACTIVITY });
  await rated.waitFor();
  expect(await rated.locator('.my-ev-grade').innerText()).toBe('优秀');
  expect(await rated.locator('.my-ev-comment').innerText()).toBe(COMMENT);
  await top(vol, '.taro-navigation-bar-back').click();

  // 5. 我的数据's file holds the three.
  await top(vol, '.my-data-download').waitFor();
  await vol.screenshot({ path: path.join(SHOTS, 'e2e-walkthrough-my-data.png'), fullPage: true });
  const [download] = await Promise.all([vol.waitForEvent('download'), top(vol, '.my-data-download').click()]);
  const xlsx = path.join(SHOTS, 'e2e-walkthrough-my-data.xlsx');
  await download.saveAs(xlsx);
  const wb = await readXlsx(fs.readFileSync(xlsx).toString('base64'));
  expect(table(wb, '培训')).toEqual([
    expect.objectContaining({
      日期: '2026-12-03',
      培训: TRAINING,
      类型: '安全',
      学时: '2',
      培训人: '王教授',
      队伍: TEAM,
      记录方式: '扫码签到',
    }),
  ]);
  expect(table(wb, '评价')).toEqual([expect.objectContaining({ 活动: ACTIVITY, 队伍: TEAM, 评价: '优秀', 评语: COMMENT, 评价人: '李敏' })]);
  expect(table(wb, '表彰奖励')).toEqual([
    expect.objectContaining({ 表彰名称: AWARD, 级别: '市级', 颁发单位: ISSUER, 日期: '2026-12-03', 队伍: TEAM }),
  ]);

  // 6. The certificate: 8 hours of service, the training apart from them, and the commendation.
  await vol.goto(`${app.t.url}/#/pages/mine/index`);
  await top(vol, '.mine-certificate').click();
  await top(vol, '.cert-org').filter({ hasText: TEAM }).waitFor();
  await top(vol, '.cert-issue').click();
  await top(vol, '.cert-result').waitFor();
  expect(await top(vol, '.cert-minutes').innerText()).toBe('8小时');
  const no = (await top(vol, '.cert-no').innerText()).trim();
  const [pdfDownload] = await Promise.all([vol.waitForEvent('download'), top(vol, '.cert-open').click()]);
  const pdfFile = path.join(SHOTS, 'e2e-walkthrough-certificate.pdf');
  await pdfDownload.saveAs(pdfFile);
  const text = (await pdfText(fs.readFileSync(pdfFile))).text.replace(/\s+/g, '');
  expect(text).toContain(no);
  expect(text).toContain(ACTIVITY);
  expect(text).toContain('培训情况（共1项，培训学时不计入服务时长）');
  expect(text).toContain(`2026-12-03·${TRAINING}·安全·2学时·${TEAM}`);
  expect(text).toContain('表彰奖励（共1项）');
  expect(text).toContain(`市级·${AWARD}·${ISSUER}·2026-12-03`);
});
