// The volunteer's own data in the h5 build: 我的 shows a team's invitation with a badge and accepting it makes them a
// member; 我的数据 downloads every record as an xlsx (ID number and phone in full) and shows what 注销 keeps before it.
import fs from 'node:fs';
import path from 'node:path';
import { dataOf } from '../helpers/emulator';
import { readXlsx, sheetRows } from '../helpers/report';
import { ME, OTHER, seedPeople } from '../helpers/my-data';
import { onTop as top, eventually } from '../helpers/browser';
import { SHOTS, useH5App } from '../helpers/h5-app';

let rootName = '';
const app = useH5App(async (t) => {
  rootName = (await seedPeople(t)).root.name;
});
const { pages } = app;

test('a team’s invitation waits on 我的 with a badge; accepting it makes the volunteer a member', async () => {
  const page = await pages.open(ME.openid, '/pages/mine/index');
  await top(page, '.mine-name').filter({ hasText: ME.realName }).waitFor();
  expect(await top(page, '.mine-invitations-badge').innerText()).toBe('1');
  expect(await top(page, '.mine-membership').filter({ hasText: rootName }).count()).toBe(0);
  await top(page, '.mine-invitations').click();
  const item = top(page, '.invitation').filter({ hasText: rootName });
  await item.waitFor();
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SHOTS, 'e2e-invitations.png') });
  await item.locator('.invitation-accept').click();
  await eventually(async () => expect(await item.count()).toBe(0));
  await top(page, '.invitations-empty').waitFor();
  expect(
    await app.t.emu.db.find('memberships', { openid: ME.openid, orgId: (await app.t.emu.db.find('orgs', { name: rootName }))[0]._id }),
  ).toEqual([expect.objectContaining({ status: 'approved' })]);

  await page.goto(`${app.t.url}/#/pages/mine/index`);
  await top(page, '.mine-membership').filter({ hasText: rootName }).filter({ hasText: '已加入' }).waitFor();
  expect(await top(page, '.mine-invitations').count()).toBe(0);
});

test('我的数据 downloads every record as an xlsx, with the ID number and phone in full, and says what 注销 keeps', async () => {
  const page = await pages.open(ME.openid, '/pages/mine/index');
  await top(page, '.mine-my-data').click();
  await top(page, '.my-data-download').waitFor();
  expect(await top(page, '.my-data-full-id-note').innerText()).toContain('完整号码');
  expect(await top(page, '.withdraw-keeps').innerText()).toContain('志愿服务记录与证明出具办法');
  expect(await top(page, '.withdraw-removes').innerText()).toContain('重新注册');
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SHOTS, 'e2e-my-data.png'), fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), top(page, '.my-data-download').click()]);
  expect(download.suggestedFilename()).toMatch(/^我的志愿服务数据_.+\.xlsx$/);
  const file = path.join(SHOTS, 'e2e-my-data.xlsx');
  await download.saveAs(file);
  await top(page, '.my-data-saved').waitFor();
  const wb = await readXlsx(fs.readFileSync(file).toString('base64'));
  const text = wb.worksheets
    .map((ws) =>
      sheetRows(ws)
        .map((r) => (r ?? []).join('\t'))
        .join('\n'),
    )
    .join('\n');
  expect(text).toContain(ME.idNumber);
  expect(text).toContain(ME.phone);
  expect(text).toContain(`${ME.realName}实际服务到16点`);
  expect(text).not.toContain(OTHER.idNumber);
  expect(text).not.toContain(OTHER.realName);
  // Nothing was withdrawn by looking.
  expect(dataOf(await app.t.call('user', 'me', {}, ME.openid)).volunteer.realName).toBe(ME.realName);
});
