// 统计报表 in the h5 build: a leader picks 上月, sees the figures report.orgStats gives, the month chart actually
// drawn on its canvas, the ranking of the teams below, and downloads 附件3 (read back with exceljs); a plain member
// is refused.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { dataOf } from '../helpers/emulator';
import { REPORT_CLOCK, readXlsx, seedProvince, sheetRows } from '../helpers/report';
import { onTop as top } from '../helpers/browser';
import { SHOTS, useH5App } from '../helpers/h5-app';
import { formatDuration } from '@contract/format';
import type { OrgStats } from '@contract/report';

/** The clock is 2026-11-23 (Asia/Shanghai): 上月 is October, when 城关 (below 兰州) held 青少年科技营. */
const OCTOBER = { from: '2026-10-01', to: '2026-10-31' };

const app = useH5App(async (t) => {
  await t.setClock(REPORT_CLOCK);
  await seedProvince(t);
});
const { pages } = app;

/** Pixels of the chart's canvas that are drawn (not transparent), those in the bars' blue and the 场次 line's green. */
function chartPixels(page: Page): Promise<{ width: number; drawn: number; blue: number; green: number }> {
  return top(page, 'canvas.stats-chart').evaluate((el) => {
    const canvas = el as HTMLCanvasElement;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let drawn = 0;
    let blue = 0;
    let green = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 0) drawn++;
      if (data[i + 3] > 200 && data[i] < 60 && data[i + 1] > 90 && data[i + 1] < 130 && data[i + 2] > 200) blue++;
      if (data[i + 3] > 200 && data[i] < 60 && data[i + 1] > 140 && data[i + 2] < 110) green++;
    }
    return { width: canvas.width, drawn, blue, green };
  });
}

test('a leader opens last month’s statistics, sees the chart and downloads 附件3', async () => {
  const expected = dataOf<OrgStats>(
    await app.t.call('report', 'orgStats', { orgId: 'lz', ...OCTOBER, includeDescendants: true }, 'lz-leader'),
  );
  expect(expected.activities).toBe(1);

  const page = await pages.open('lz-leader', '/pages/mine/index');
  await top(page, '.mine-stats').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'e2e-mine-manage.png') });
  await top(page, '.mine-stats').first().click();
  await top(page, '.stats-title').filter({ hasText: '兰州市科技志愿服务支队' }).waitFor();
  await top(page, '.stats-period-lastMonth').click();
  await top(page, '.stats__range').filter({ hasText: '2026-10-01 至 2026-10-31' }).waitFor();
  await top(page, '.stats-figure-minutes .stats__figure-value')
    .filter({ hasText: String(Math.round(expected.minutes / 6) / 10) })
    .waitFor();
  const figure = (key: string) => top(page, `.stats-figure-${key} .stats__figure-value`).innerText();
  expect(await figure('activities')).toBe(String(expected.activities));
  expect(await figure('times')).toBe(String(expected.volunteerTimes));
  expect(await figure('volunteers')).toBe(`${expected.distinctVolunteers} 人`);
  expect(await figure('members')).toBe(`${expected.members} / ${expected.newMembers}`);
  expect(await figure('served')).toBe(String(expected.servedPeople));
  expect(await figure('key-days')).toBe(String(expected.keyDayActivities));
  expect(await figure('key-groups')).toBe(String(expected.keyGroupActivities));
  expect(await top(page, '.stats-category-row').filter({ hasText: '青少年科技教育' }).innerText()).toContain('1 场');

  // The chart: one bar (October) in blue, the 人次 and 场次 dots, the labels; an empty canvas would fail here.
  const pixels = await chartPixels(page);
  expect(pixels.width).toBeGreaterThan(300);
  expect(pixels.blue).toBeGreaterThan(500);
  expect(pixels.green).toBeGreaterThan(10);
  expect(pixels.drawn).toBeGreaterThan(pixels.blue + pixels.green);

  // Ranking of the teams below 兰州: 城关 with its October hours.
  const rank = top(page, '.stats-ranking-item').first();
  await rank.waitFor();
  expect(await rank.innerText()).toContain('城关区科技志愿服务队');
  expect(await rank.innerText()).toContain(formatDuration(expected.minutes));
  await page.screenshot({ path: path.join(SHOTS, 'e2e-stats.png') });
  await top(page, 'canvas.stats-chart').screenshot({ path: path.join(SHOTS, 'e2e-stats-chart.png') });

  const [download] = await Promise.all([page.waitForEvent('download'), top(page, '.stats-export-activity').click()]);
  expect(download.suggestedFilename()).toBe('附件3_兰州市科技志愿服务支队_2026-11-23.xlsx');
  const file = path.join(SHOTS, 'e2e-附件3.xlsx');
  await download.saveAs(file);
  const rows = sheetRows((await readXlsx(fs.readFileSync(file).toString('base64'))).getWorksheet('附件3')!);
  expect(rows[0][0]).toBe('科技志愿服务活动情况统计表');
  expect(rows[1][0]).toBe('填报单位（公章）：兰州市科技志愿服务支队');
  expect(rows[3][1]).toContain('共组织科技志愿服务活动（1）次');
  expect(rows[3][1]).toContain('青少年科技教育（1）次');
  expect(rows[3][1]).toContain(`接受服务的群众有（${expected.servedPeople}）人次`);

  // Without the teams below, 兰州 itself held nothing in October.
  await top(page, '.stats-include').click();
  await top(page, '.stats-empty').waitFor();
  expect(await figure('activities')).toBe('0');
});

test('a plain member of the team is refused', async () => {
  const page = await pages.open('lz-member', '/admin/stats/index?orgId=lz');
  await top(page, '.stats-error').waitFor();
  expect(await top(page, '.stats-error').innerText()).toContain('只有本队及上级队伍的负责人、管理员可以查看统计');
  expect(await top(page, 'canvas.stats-chart').count()).toBe(0);
});

test('a phone whose clock is years off still gets the server’s 上月: the page shows what the server counted', async () => {
  const page = await pages.open('lz-leader', '/admin/stats/index?orgId=lz');
  await page.context().clock.setSystemTime(new Date('2031-06-15T04:00:00Z'));
  await top(page, '.stats-title').filter({ hasText: '兰州市科技志愿服务支队' }).waitFor();
  await top(page, '.stats-period-lastMonth').click();
  await top(page, '.stats__range').filter({ hasText: '2026-10-01 至 2026-10-31' }).waitFor();
  await top(page, '.stats-period-year').click();
  await top(page, '.stats__range').filter({ hasText: '2026-01-01 至 2026-11-23' }).waitFor();
});
