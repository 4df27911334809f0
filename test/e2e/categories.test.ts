// One category list in the h5 build: the publish form shows beside 服务类别 the row of 附件3 it is counted in, and a
// 科普讲解 activity with a day record is counted in 附件3's 科普报告 row on 统计报表 and in the downloaded 附件3.
import fs from 'node:fs';
import path from 'node:path';
import { pickOption, onTop as top } from '../helpers/browser';
import { SHOTS, useH5App } from '../helpers/h5-app';
import { REPORT_CLOCK, readXlsx, seedProvince, sheetRows, tableUnder } from '../helpers/report';

/** The clock is 2026-11-23 (Asia/Shanghai); 天水 held 天水科普讲解 (科普讲解) on 2026-04-01, v1 served 500 minutes. */
const app = useH5App(async (t) => {
  await t.setClock(REPORT_CLOCK);
  await seedProvince(t);
});
const { pages } = app;

test('the publish form names the row of 附件3 beside the category, and follows the category as it changes', async () => {
  const page = await pages.open('lz-admin', '/admin/activity-edit/index?orgId=lz');
  await top(page, '.act-edit-submit').waitFor();
  const hint = top(page, '.form-field-category .form-field__hint');
  expect(await hint.count()).toBe(0);
  await pickOption(page, 'act-edit-category', '科普讲解');
  await hint.filter({ hasText: '计入附件3：科普报告' }).waitFor();
  await page.screenshot({ path: path.join(SHOTS, 'e2e-category-row.png') });
  await pickOption(page, 'act-edit-category', '网络科普');
  await hint.filter({ hasText: '计入附件3：其他' }).waitFor();
  await pickOption(page, 'act-edit-category', '义诊咨询');
  await hint.filter({ hasText: '计入附件3：医疗服务' }).waitFor();
  await pickOption(page, 'act-edit-category', '科技咨询');
  expect(await hint.innerText()).toBe('计入附件3：技术咨询');
});

test('a 科普讲解 activity with a day record is counted in 附件3’s 科普报告 row, not in 其他', async () => {
  const page = await pages.open('ts-admin', '/admin/stats/index?orgId=ts');
  await top(page, '.stats-title').filter({ hasText: '天水市科技志愿服务支队' }).waitFor();
  await top(page, '.stats-period-year').click();
  await top(page, '.stats__range').filter({ hasText: '2026-01-01 至 2026-11-23' }).waitFor();
  await top(page, '.stats-figure-activities .stats__figure-value').filter({ hasText: '1' }).waitFor();
  expect(await top(page, '.stats-category-row').filter({ hasText: '科普报告' }).innerText()).toContain('1 场');
  expect(await top(page, '.stats-category-row').filter({ hasText: '其他' }).innerText()).toContain('0 场');

  const [download] = await Promise.all([page.waitForEvent('download'), top(page, '.stats-export-activity').click()]);
  expect(download.suggestedFilename()).toBe('附件3_天水市科技志愿服务支队_2026-11-23.xlsx');
  const file = path.join(SHOTS, 'e2e-附件3-天水.xlsx');
  await download.saveAs(file);
  const wb = await readXlsx(fs.readFileSync(file).toString('base64'));
  const sentence = sheetRows(wb.getWorksheet('附件3')!)[3][1];
  expect(sentence).toContain('共组织科技志愿服务活动（1）次');
  expect(sentence).toContain('其中科普报告（1）次、');
  expect(sentence).toContain('其他（0）次');
  const list = tableUnder(wb.getWorksheet('活动明细')!, '序号');
  expect(list.rows.map((r) => [r[1], r[3], r[4], r[12]])).toEqual([['天水科普讲解', '科普讲解', '科普报告', '500']]);
});
