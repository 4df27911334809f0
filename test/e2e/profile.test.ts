// 编辑资料 and 集体注册 in the h5 build: a volunteer sees 性别/出生日期 read-only, edits 工作单位 and 政治面貌 (only those are
// sent) and sees them on 我的; a leader uploads a filled template and reads the report;
// a leader of two teams picks the one to import into and reads the people created and invited by name.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import {
  ROOT,
  bootstrapRoot,
  idNumberFor,
  registerVolunteer,
  seedMembership,
  seedOrg,
  startTestEmulator,
  type TestEmulator,
} from '../helpers/emulator';
import { filledTemplate, importRow } from '../helpers/import-sheet';
import { H5 } from '../helpers/h5-app';
import { launchChromium, pageOpener, onTop, pickOption } from '../helpers/browser';

const TMP = path.join(ROOT, '.tmp');
const LEADER = 'e2e-profile-leader';
const VOLUNTEER = { openid: 'e2e-profile-volunteer', phone: '13912340011' };

let t: TestEmulator;
let browser: Browser;
let rootId: string;
const pages = pageOpener(
  () => browser,
  () => t.url,
);
const open = pages.open;

beforeAll(async () => {
  if (!fs.existsSync(path.join(H5, 'index.html'))) throw new Error(`${H5} is missing: run \`npm run build:h5\` (npm test builds it first)`);
  t = await startTestEmulator({ staticDir: H5 });
  await t.dev('POST', '/_dev/reset');
  rootId = (await bootstrapRoot(t, LEADER))._id;
  const reg = await registerVolunteer(t, VOLUNTEER.openid, VOLUNTEER.phone, {
    realName: '钱进',
    orgIds: [rootId],
    idNumber: idNumberFor('19900101', 401),
  });
  if (!reg.ok) throw new Error(`register: ${reg.code}`);
  browser = await launchChromium();
  fs.mkdirSync(TMP, { recursive: true });
});
afterAll(async () => {
  await pages.closeAll();
  await browser?.close();
  await t?.close();
});

const top = onTop;

it('a volunteer edits 工作单位 and 政治面貌 from 我的 and sees them there', async () => {
  const page = await open(VOLUNTEER.openid, '/pages/mine/index');
  await top(page, '.mine-edit-profile').click();
  await top(page, '.profile-save').waitFor();
  expect(await top(page, '.profile-employer input').inputValue()).toBe('兰州大学');
  // 性别 and 出生日期 are the ID number's: shown, not offered.
  expect(await top(page, '.profile-derived-gender').innerText()).toBe('男');
  expect(await top(page, '.profile-derived-birth-date').innerText()).toBe('1990-01-01');
  expect(await top(page, '.profile-gender').count()).toBe(0);
  const saved = page.waitForRequest(
    (r) => r.url().endsWith('/functions/user') && (r.postDataJSON() as { action?: string } | null)?.action === 'updateProfile',
  );
  await top(page, '.profile-employer input').fill('甘肃农业大学');
  await top(page, '.profile-political').click();
  await top(page, '.profile-political-options .option-item').filter({ hasText: '中共预备党员' }).first().click();
  await top(page, '.profile-save').click();
  expect((await saved).postDataJSON()).toEqual({ action: 'updateProfile', employer: '甘肃农业大学', politicalStatus: '中共预备党员' });
  await top(page, '.mine-employer').filter({ hasText: '甘肃农业大学' }).waitFor({ timeout: 10000 });
  expect(await top(page, '.mine-political').innerText()).toBe('中共预备党员');
});

it('a leader uploads a filled-in template and reads created, invited and failed rows', async () => {
  // 性别 女: 李四's number has an even 17th digit.
  const rows = [
    importRow(1, '李四', '13800138102', idNumberFor('19900909', 404), { gender: '女' }),
    importRow(2, '少年', '13800138104', idNumberFor('20100101', 405), { gender: '女' }),
  ];
  const file = path.join(TMP, 'e2e-import.xlsx');
  fs.writeFileSync(file, Buffer.from(await filledTemplate(t, rootId, LEADER, rows), 'base64'));

  const page = await open(LEADER, `/admin/import/index?orgId=${encodeURIComponent(rootId)}`);
  await top(page, '.import-upload').waitFor();
  const chooser = page.waitForEvent('filechooser');
  await top(page, '.import-upload').click();
  await (await chooser).setFiles(file);
  await top(page, '.import-report').waitFor({ timeout: 15000 });
  expect(await top(page, '.import-created').innerText()).toContain('1');
  expect(await top(page, '.import-invited').innerText()).toContain('0');
  const failed = top(page, '.import-failed-row');
  expect(await failed.count()).toBe(1);
  expect(await failed.first().innerText()).toContain('第 5 行');
  expect(await failed.first().innerText()).toContain('少年');
});

it('a leader of two teams picks the team, sees it named, and reads the created and invited people by name', async () => {
  await seedOrg(t, 'e2e-lz', '兰州市科技志愿服务支队', { _id: rootId });
  await seedMembership(t, 'e2e-lz', LEADER, 'leader');
  const rows = [
    importRow(1, '周九', '13800138111', idNumberFor('19920202', 403)),
    // 钱进 is registered already: invited, by the name and phone the file gave.
    importRow(2, '钱进', VOLUNTEER.phone, idNumberFor('19900101', 401)),
  ];
  const file = path.join(TMP, 'e2e-import-two-teams.xlsx');
  fs.writeFileSync(file, Buffer.from(await filledTemplate(t, rootId, LEADER, rows), 'base64'));

  // No team in the route: the choice of the teams the leader leads.
  const page = await open(LEADER, '/admin/import/index');
  await top(page, '.import-org-option').first().waitFor();
  const options = await top(page, '.import-org-option').allInnerTexts();
  expect(options).toHaveLength(2);
  expect(options).toEqual(
    expect.arrayContaining([expect.stringContaining('甘肃省科技志愿服务总队'), expect.stringContaining('兰州市科技志愿服务支队')]),
  );
  await top(page, '.import-org-option').filter({ hasText: '兰州市科技志愿服务支队' }).click();
  await top(page, '.import-org').filter({ hasText: '兰州市科技志愿服务支队' }).waitFor();
  // The picker switches the team named at the top, and back.
  await pickOption(page, 'import-org-picker', '甘肃省科技志愿服务总队');
  await top(page, '.import-org').filter({ hasText: '甘肃省科技志愿服务总队' }).waitFor();
  await pickOption(page, 'import-org-picker', '兰州市科技志愿服务支队');
  await top(page, '.import-org').filter({ hasText: '兰州市科技志愿服务支队' }).waitFor();

  const chooser = page.waitForEvent('filechooser');
  await top(page, '.import-upload').click();
  await (await chooser).setFiles(file);
  await top(page, '.import-report').waitFor({ timeout: 15000 });
  expect(await top(page, '.import-report-org').innerText()).toBe('导入队伍：兰州市科技志愿服务支队');
  const created = await top(page, '.import-created-row').allInnerTexts();
  expect(created).toHaveLength(1);
  expect(created[0]).toContain('周九');
  expect(created[0]).toContain('138****8111');
  const invited = await top(page, '.import-invited-row').allInnerTexts();
  expect(invited).toHaveLength(1);
  expect(invited[0]).toContain('钱进');
  expect(invited[0]).toContain('139****0011');
  await page.screenshot({ path: path.join(TMP, 'e2e-import-named.png'), fullPage: true });
  // The rows went into 兰州, not the 总队.
  expect(await t.emu.db.find('invitations', { realName: '周九' })).toMatchObject([{ orgId: 'e2e-lz' }]);
  expect(await t.emu.db.find('member_invitations', { openid: VOLUNTEER.openid })).toMatchObject([{ orgId: 'e2e-lz' }]);
});
