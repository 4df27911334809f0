// 培训 in the h5 build: an admin records a training from 我的 (培训记录 → 新建培训), shows its code, a volunteer types the
// code's text on 扫码签到 and is signed in to it; another is entered by 名单录入 (an unknown phone reported on its line);
// the volunteer's 我的培训 shows the training with its hours labelled apart from service hours, and 我的时长 stays empty.
import path from 'node:path';
import { bootstrapRoot, seedMembership, seedOrg, seedVolunteer } from '../helpers/emulator';
import { confirmModal, eventually, onTop as top } from '../helpers/browser';
import { SHOTS, useH5App } from '../helpers/h5-app';
import { TRAINING_HOURS_LABEL } from '@contract/record';

const ORG = 'e2e-tr-lz';
const ADMIN = 'e2e-tr-admin';
const VOLUNTEER = 'e2e-tr-vol';
const OTHER = 'e2e-tr-other';
const TITLE = '急救与安全技能培训';

const app = useH5App(async (t) => {
  // 10:00 on 2026-11-23 (Asia/Shanghai): the training is held today.
  await t.setClock('2026-11-23T02:00:00Z');
  const root = await bootstrapRoot(t, 'e2e-tr-root');
  await seedOrg(t, ORG, '兰州市科技志愿服务支队', root);
  await seedVolunteer(t, ADMIN, '13900002001', '李敏');
  await seedMembership(t, ORG, ADMIN, 'admin');
  await seedVolunteer(t, VOLUNTEER, '13900002002', '张伟');
  await seedMembership(t, ORG, VOLUNTEER, 'member');
  await seedVolunteer(t, OTHER, '13900002003', '王芳');
});
const { pages } = app;

it('an admin records a training by scan and by list, and the volunteer’s 我的培训 shows it with hours apart', async () => {
  // 我的 → the team's 培训记录 → 新建培训.
  const admin = await pages.open(ADMIN, '/pages/mine/index');
  await top(admin, '.mine-trainings-admin').first().click();
  await top(admin, '.trainings-empty').waitFor();
  await top(admin, '.trainings-new').click();
  await top(admin, '.training-form-title input').fill(TITLE);
  await top(admin, '.training-form-type-安全').click();
  await top(admin, '.training-form-hours input').fill('2');
  await top(admin, '.training-form-trainer input').fill('王教授');
  await top(admin, '.training-form-content textarea').fill('心肺复苏、止血包扎与活动现场安全');
  await top(admin, '.training-form-submit').click();

  // The training's page: 显示签到码 shows the rotating QR and its text.
  await top(admin, '.training-title').filter({ hasText: TITLE }).waitFor({ timeout: 15000 });
  expect(await top(admin, '.training-hours').innerText()).toBe(`${TRAINING_HOURS_LABEL}：2小时`);
  await top(admin, '.training-show-code').click();
  await top(admin, '.training-code-qr').waitFor();
  let payload = '';
  await eventually(async () => {
    payload = (await top(admin, '.training-code-text').innerText()).trim();
    expect(payload).toMatch(/^kjzy1\./);
  });
  await admin.waitForTimeout(300);
  await admin.screenshot({ path: path.join(SHOTS, 'e2e-training-code.png') });

  // The volunteer types the code's text on 扫码签到 (h5 without WeChat's scanner).
  const vol = await pages.open(VOLUNTEER, '/pages/scan/index');
  await top(vol, '.ck-scan-payload').locator('textarea').fill(payload);
  await top(vol, '.ck-scan-submit').click();
  const said = await confirmModal(vol, '培训签到成功');
  expect(said).toContain(TITLE);
  expect(said).toContain(`${TRAINING_HOURS_LABEL}：2小时`);

  // Confirming opens 我的培训: the training, its hours, and the label that keeps them apart.
  await top(vol, '.my-trainings-item-title').filter({ hasText: TITLE }).waitFor();
  expect(await top(vol, '.my-trainings-total').innerText()).toBe('2小时');
  expect(await top(vol, '.my-trainings-label').innerText()).toBe(TRAINING_HOURS_LABEL);
  expect(await top(vol, '.my-trainings-item-via').innerText()).toBe('扫码签到');
  await vol.waitForTimeout(300);
  await vol.screenshot({ path: path.join(SHOTS, 'e2e-my-trainings.png') });

  // Training hours are not service hours: 我的时长 has no day.
  await vol.goto(`${app.t.url}/#/pages/my-hours/index`);
  await top(vol, '.ck-hours-empty').waitFor();

  // 名单录入: one registered phone, one unknown; each line answers for itself.
  await admin.reload();
  await top(admin, '.trainee-item').filter({ hasText: '张伟' }).waitFor();
  await top(admin, '.training-list-entry textarea').fill('13900002003\n13999999999');
  await top(admin, '.training-list-submit').click();
  await top(admin, '.training-list-result').first().waitFor();
  const lines = await top(admin, '.training-list-result').allInnerTexts();
  expect(lines.map((l) => l.replace(/\s+/g, ' ').trim())).toEqual(['13900002003 王芳 已录入', '13999999999 未找到该志愿者']);
  await eventually(async () => expect(await top(admin, '.training-trainee-count').innerText()).toBe('2'));

  // The list of the team shows the head count.
  await admin.goto(`${app.t.url}/#/admin/trainings/index?orgId=${ORG}`);
  const item = top(admin, '.training-item').filter({ hasText: TITLE });
  await item.waitFor();
  expect(await item.locator('.training-item-count').innerText()).toBe('2');
});
