// 成员管理 in the h5 build: an admin searches by name, narrows by role, downloads 导出名单 (read back with exceljs,
// its rows the filtered list), is shown 清除筛选 when nothing matches, sees each member's hours this year and calls
// a member (the tel: link the page hands to the phone, the reveal audited).
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEFAULT_TEST_CLOCK, seedLanzhou, seedStaff, seedVolunteer, type TestEmulator } from '../helpers/emulator';
import { seedActivity } from '../helpers/checkin';
import { readXlsx, tableUnder } from '../helpers/report';
import { eventually, onTop as top } from '../helpers/browser';
import { SHOTS, useH5App } from '../helpers/h5-app';

async function member(t: TestEmulator, openid: string, phone: string, realName: string, joined: string, role = 'member') {
  await seedVolunteer(t, openid, phone, realName, { volunteerNo: `KJ-${openid}` });
  const at = new Date(joined);
  await t.emu.db.insert('memberships', [
    { _id: `lz_${openid}`, orgId: 'lz', openid, role, status: 'approved', appliedAt: at, reviewedAt: at, reviewedBy: 'lz-leader' },
  ]);
}

const app = useH5App(async (t) => {
  await t.setClock(DEFAULT_TEST_CLOCK);
  await seedLanzhou(t);
  await seedStaff(t, [
    ['lz-leader', '13900000001', 'lz', 'leader'],
    ['lz-admin', '13900000002', 'lz', 'admin'],
  ]);
  await member(t, 'p1', '13911112222', '周甲', '2026-03-10T02:00:00Z');
  await member(t, 'p2', '13933334444', '周乙', '2025-06-01T02:00:00Z', 'admin');
  await member(t, 'p3', '13955552222', '吴丙', '2026-10-01T02:00:00Z');
  const held = await seedActivity(t, 'lz');
  await t.emu.db.insert('checkin_days', [
    {
      _id: `${held._id}_p1_2026-09-01`,
      activityId: held._id,
      orgId: 'lz',
      openid: 'p1',
      date: '2026-09-01',
      minutes: 210,
      status: 'closed',
      adjustments: [],
      createdAt: new Date('2026-09-01T01:00:00Z'),
      updatedAt: new Date('2026-09-01T09:00:00Z'),
    },
  ]);
});
const { pages } = app;

const names = async (page: Page) => (await top(page, '.member-name').allInnerTexts()).map((s) => s.trim());

test('an admin searches, filters, exports the filtered list, clears the filters and calls a member', async () => {
  const page = await pages.open('lz-admin', '/admin/members/index?orgId=lz');
  // Every phone the page hands to the dialer (tel: links on h5), kept from navigating away.
  await page.evaluate(() => {
    const w = window as unknown as { dialled: string[] };
    w.dialled = [];
    document.addEventListener(
      'click',
      (e) => {
        const a = e.target as HTMLAnchorElement;
        if (a.href?.startsWith('tel:')) {
          w.dialled.push(a.href);
          e.preventDefault();
        }
      },
      true,
    );
  });
  await top(page, '.member-name').filter({ hasText: '吴丙' }).waitFor();
  expect(await top(page, '.members-total').innerText()).toContain('共 5 人');
  const zhou = top(page, '.member-item').filter({ hasText: '周甲' });
  expect(await zhou.locator('.member-hours').innerText()).toContain('今年服务 3小时30分钟');
  expect(await top(page, '.member-item').filter({ hasText: '吴丙' }).locator('.member-hours').innerText()).toContain('0分钟');

  // Search by name.
  await top(page, '.members-keyword input').fill('周');
  await top(page, '.members-search-go').click();
  await eventually(async () => expect(await names(page)).toEqual(['周甲', '周乙']));

  // A half-typed number is explained, not sent.
  await top(page, '.members-keyword input').fill('139');
  await top(page, '.members-search-go').click();
  expect(await top(page, '.members-query-hint').innerText()).toContain('手机号后4位');

  // By the last 4 digits of a phone, then narrowed to admins.
  await top(page, '.members-keyword input').fill('2222');
  await top(page, '.members-search-go').click();
  await eventually(async () => expect(await names(page)).toEqual(['吴丙', '周甲']));
  await top(page, '.members-keyword input').fill('周');
  await top(page, '.members-search-go').click();
  await top(page, '.members-chip-role').click();
  await top(page, '.members-option').filter({ hasText: '管理员' }).click();
  await eventually(async () => expect(await names(page)).toEqual(['周乙']));
  await page.screenshot({ path: path.join(SHOTS, 'e2e-members-filtered.png') });

  // 导出名单: the filtered list, downloaded.
  const [download] = await Promise.all([page.waitForEvent('download'), top(page, '.members-export').click()]);
  expect(download.suggestedFilename()).toBe('成员名单_兰州市科技志愿服务支队_2026-11-22.xlsx');
  const file = path.join(SHOTS, 'e2e-成员名单.xlsx');
  await download.saveAs(file);
  const wb = await readXlsx(fs.readFileSync(file).toString('base64'));
  expect(tableUnder(wb.getWorksheet('成员名单')!, '序号').rows).toEqual([
    ['1', '周乙', '13933334444', '管理员', '已加入', '2025-06-01', 'KJ-p2', '', '0', '0分钟'],
  ]);

  // Nothing matches: 清除筛选 brings everyone back and empties the box.
  await top(page, '.members-chip-active').click();
  await top(page, '.members-filtered-empty').waitFor();
  await top(page, '.members-clear-filters').click();
  await eventually(async () => expect((await names(page)).sort()).toEqual(['吴丙', '周乙', '周甲', '张伟', '张伟'].sort()));
  expect(await top(page, '.members-keyword input').inputValue()).toBe('');
  expect(await top(page, '.members-chip-role').innerText()).toContain('角色');

  // 拨打: the whole number reaches the dialer; the reveal is audited.
  await top(page, '.member-item').filter({ hasText: '周甲' }).locator('.member-call').click();
  await eventually(async () =>
    expect(await page.evaluate(() => (window as unknown as { dialled: string[] }).dialled)).toEqual(['tel:13911112222']),
  );
  expect(await app.t.emu.db.find('audit_log', {})).toMatchObject([
    { kind: 'phone.revealed', actor: 'lz-admin', subject: 'p1', orgId: 'lz' },
  ]);
});

test('a manager of the team above reads the list without 拨打', async () => {
  const page = await pages.open('root-leader', '/admin/members/index?orgId=lz');
  await top(page, '.member-name').filter({ hasText: '周甲' }).waitFor();
  await top(page, '.members-readonly').waitFor();
  expect(await top(page, '.member-call').count()).toBe(0);
  await top(page, '.members-export').waitFor();
});
