// 对接全国系统 in the h5 build: a leader opens it from 我的, fills one member's missing 全国志愿者统一编号, generates the
// hand-off (the xlsx downloads and, read with exceljs, shows the number beside ours; the JSON too), sees the ledger row;
// a second hand-off right after holds nothing new. An admin of the team may fill numbers but not generate.
import fs from 'node:fs';
import path from 'node:path';
import type { Download, Page } from 'playwright-core';
import { onTop as top } from '../helpers/browser';
import { SHOTS, useH5App } from '../helpers/h5-app';
import { REPORT_CLOCK, readXlsx, seedProvince, sheetRows } from '../helpers/report';

const TEAM = '兰州市科技志愿服务支队';
const NUMBER = 'ZYZ2026000777';

const app = useH5App(async (t) => {
  await t.setClock(REPORT_CLOCK);
  await seedProvince(t);
  // A hand-off ends a minute before it starts (writes still landing go into the next): start two minutes later.
  await t.setClock('2026-11-23T02:02:00Z');
});
const { pages } = app;

async function saved(download: Download, name: string): Promise<Buffer> {
  const file = path.join(SHOTS, name);
  await download.saveAs(file);
  return fs.readFileSync(file);
}

const generate = (page: Page) => Promise.all([page.waitForEvent('download'), top(page, '.handoff-generate').click()]);

it('a leader fills a missing number, generates the hand-off with it, sees the ledger; the next one holds nothing new', async () => {
  const page = await pages.open('lz-leader', '/pages/mine/index');
  await top(page, '.mine-handoff').first().click();
  await top(page, '.handoff-title').filter({ hasText: TEAM }).waitFor();
  await top(page, '.handoff-ledger-empty').waitFor();
  // 兰州 and 城关 below: everyone still lacks a number.
  expect(await top(page, '.handoff-missing-total').innerText()).toContain('7 人');

  // A malformed number is refused on the page; a good one is saved.
  const lina = top(page, '.handoff-missing-item').filter({ hasText: '李娜' });
  await lina.locator('.handoff-missing-input input').fill('123');
  await lina.locator('.handoff-missing-save').click();
  await lina.locator('.handoff-missing-row-error').filter({ hasText: '全国志愿者统一编号为8至32位字母或数字' }).waitFor();
  const zhang = top(page, '.handoff-missing-item').filter({ hasText: '张伟' });
  expect(await zhang.locator('.handoff-missing-no').innerText()).toBe('V-v1');
  await zhang.locator('.handoff-missing-input input').fill(NUMBER);
  await zhang.locator('.handoff-missing-save').click();
  await zhang.locator('.handoff-missing-saved').filter({ hasText: NUMBER }).waitFor();
  expect(await top(page, '.handoff-missing-total').innerText()).toContain('6 人');

  // 生成对接文件 (自上次对接以来 by default): the xlsx downloads at once.
  const [xlsxDownload] = await generate(page);
  expect(xlsxDownload.suggestedFilename()).toBe(`对接全国系统_${TEAM}_000001.xlsx`);
  const wb = await readXlsx((await saved(xlsxDownload, 'e2e-handoff.xlsx')).toString('base64'));
  const [header, ...volunteers] = sheetRows(wb.getWorksheet('志愿者')!);
  const col = (name: string) => header.indexOf(name);
  const row = volunteers.find((r) => r[col('志愿者姓名')] === '张伟')!;
  expect(row[col('全国志愿者统一编号')]).toBe(NUMBER);
  expect(row[col('志愿者编号（本平台）')]).toBe('V-v1');
  expect(col('志愿者编号（本平台）')).toBe(col('全国志愿者统一编号') + 1);

  // What it held, as the server counted it.
  await top(page, '.handoff-result').waitFor();
  expect(await top(page, '.handoff-count-volunteers').innerText()).toBe(`志愿者 ${volunteers.length} 条`);
  expect(volunteers).toHaveLength(7);
  // The machine-readable file on a tap.
  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), top(page, '.handoff-save-json').click()]);
  expect(jsonDownload.suggestedFilename()).toBe(`对接全国系统_${TEAM}_000001.json`);
  const json = JSON.parse((await saved(jsonDownload, 'e2e-handoff.json')).toString('utf8')) as {
    sheets: { volunteers: { rows: Record<string, string>[] } };
  };
  expect(json.sheets.volunteers.rows).toContainEqual(expect.objectContaining({ 志愿者姓名: '张伟', 全国志愿者统一编号: NUMBER }));

  // The ledger: when, who, the window, what it held.
  const first = top(page, '.handoff-ledger-item').first();
  await first.waitFor();
  expect(await first.innerText()).toContain('赵队长');
  expect(await first.locator('.handoff-ledger-window').innerText()).toContain('最早的记录 至 2026-11-23 10:0');
  expect(await first.locator('.handoff-ledger-counts').innerText()).toContain('志愿者 7');
  await page.screenshot({ path: path.join(SHOTS, 'e2e-handoff.png') });

  // Right after: nothing new since the first one.
  const [again] = await generate(page);
  expect(again.suggestedFilename()).toBe(`对接全国系统_${TEAM}_000002.xlsx`);
  await top(page, '.handoff-result').filter({ hasText: '这段时间没有新增或变更的记录' }).waitFor();
  expect(await top(page, '.handoff-count-volunteers').innerText()).toBe('志愿者 0 条');
  const emptyBook = await readXlsx((await saved(again, 'e2e-handoff-2.xlsx')).toString('base64'));
  expect(sheetRows(emptyBook.getWorksheet('志愿者')!)).toHaveLength(1);
  await top(page, '.handoff-ledger-item').nth(1).waitFor();
  expect(await top(page, '.handoff-ledger-item').first().locator('.handoff-ledger-counts').innerText()).toBe('无新增记录');
});

it('an admin of the team fills numbers but does not generate the files', async () => {
  const page = await pages.open('lz-admin', '/admin/handoff/index?orgId=lz');
  await top(page, '.handoff-not-leader').waitFor();
  expect(await top(page, '.handoff-generate').count()).toBe(0);
  const wang = top(page, '.handoff-missing-item').filter({ hasText: '王芳' });
  await wang.locator('.handoff-missing-input input').fill('ZYZ2026000888');
  await wang.locator('.handoff-missing-save').click();
  await wang.locator('.handoff-missing-saved').waitFor();
  // Another volunteer's number is refused in Chinese.
  const lina = top(page, '.handoff-missing-item').filter({ hasText: '李娜' });
  await lina.locator('.handoff-missing-input input').fill('ZYZ2026000888');
  await lina.locator('.handoff-missing-save').click();
  await lina.locator('.handoff-missing-row-error').filter({ hasText: '已由其他志愿者填写' }).waitFor();
});
