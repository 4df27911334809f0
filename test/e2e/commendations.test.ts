// 表彰奖励 in the h5 build: a 分队's admin records a commendation of a member, the 支队's leader approves it in 表彰审核,
// and the volunteer's 我的 shows it (the certificate's section is read from the PDF in test/functions/record-commendations).
import path from 'node:path';
import { REPORT_CLOCK, seedProvince } from '../helpers/report';
import { confirmModal, onTop as top } from '../helpers/browser';
import { SHOTS, useH5App } from '../helpers/h5-app';

const app = useH5App(async (t) => {
  await t.setClock(REPORT_CLOCK);
  await seedProvince(t);
});
const { pages } = app;

test('a 分队 admin records a commendation, the 支队 leader approves it, and the volunteer’s 我的 shows it', async () => {
  // 城关 (a team below 兰州): its admin commends its member 王芳 (v3).
  const admin = await pages.open('cg-admin', '/admin/commend/index?orgId=cg');
  await top(admin, '.commend-kind-volunteer.is-active').waitFor();
  await top(admin, '.commend-pick').filter({ hasText: '王芳' }).click();
  await top(admin, '.commend-picked').filter({ hasText: '王芳' }).waitFor();
  await top(admin, '.commend-title input').fill('优秀科技志愿者');
  await top(admin, '.commend-level-市').click();
  await top(admin, '.commend-issuer input').fill('兰州市科学技术协会');
  await top(admin, '.commend-submit').click();
  await top(admin, '.commend-done').filter({ hasText: '待兰州市科技志愿服务支队审核' }).waitFor();
  await admin.screenshot({ path: path.join(SHOTS, 'e2e-commend.png') });

  // Pending: 我的 shows no 表彰奖励 yet.
  const volunteer = await pages.open('v3', '/pages/mine/index');
  await top(volunteer, '.mine-certificate').waitFor();
  expect(await top(volunteer, '.mine-commendations').count()).toBe(0);

  const leader = await pages.open('lz-leader', '/admin/commendation-inbox/index');
  const item = top(leader, '.commendation-inbox-item').filter({ hasText: '王芳' });
  await item.waitFor();
  expect(await item.locator('.commendation-inbox-title').innerText()).toContain('市级 · 优秀科技志愿者');
  await leader.screenshot({ path: path.join(SHOTS, 'e2e-commendation-inbox.png') });
  await item.locator('.commendation-approve').click();
  expect(await confirmModal(leader, '通过表彰')).toContain('优秀科技志愿者');
  await top(leader, '.commendation-inbox-empty').waitFor();

  const again = await pages.open('v3', '/pages/mine/index');
  const shown = top(again, '.mine-commendations-item');
  await shown.filter({ hasText: '优秀科技志愿者' }).waitFor();
  expect(await shown.innerText()).toContain('兰州市科学技术协会');
  await again.screenshot({ path: path.join(SHOTS, 'e2e-mine-commendations.png') });
});
