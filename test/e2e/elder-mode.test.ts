// 长辈模式 in the h5 build: the switch on 我的 applies at once and is remembered; on 首页, 活动, 详情, 我的 and 我的时长
// the smallest text by role, the smallest tap target and the lowest text contrast meet the 适老化 thresholds (contrast
// ≥ 4.5:1 in the standard mode too), measured in the browser with getComputedStyle and getBoundingClientRect.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { eventually, onTop as top } from '../helpers/browser';
import { SHOTS, useH5App } from '../helpers/h5-app';
import { ELDER, STANDARD, measure, report, type Limits, type Measure } from '../helpers/elder-measure';

const VOLUNTEER = 'demo-vol2'; // 刘洋: enrolled in 全国科普日主题展 (on today), served at the 大棚种植 training last week
const TODAY = '全国科普日主题展';
/** Taro storage keeps values as {"data": …} in localStorage (src/device/elder-mode.ts names the key). */
const STORAGE_KEY = 'elder-mode';

const app = useH5App(async (t) => {
  const seeded = await t.dev<{ seeded: boolean }>('POST', '/_dev/seed');
  if (!seeded.seeded) throw new Error('demo seed did not run');
});

/** The pages to measure, opened in turn in one phone. */
async function tour(page: Page, mode: string, limits: Limits): Promise<Record<string, Measure>> {
  const out: Record<string, Measure> = {};
  const go = async (route: string) => page.goto(`${app.t.url}/#${route}`);

  await go('/pages/index/index');
  await top(page, '.home-welcome').waitFor();
  out['首页'] = await measure(page, limits);

  await go('/pages/activities/index');
  await top(page, '.act-item').first().waitFor();
  out['活动'] = await measure(page, limits);

  await top(page, '.act-item').filter({ hasText: TODAY }).click();
  await top(page, '.ck-act-scan').waitFor();
  out['详情'] = await measure(page, limits);
  await page.screenshot({ path: path.join(SHOTS, `e2e-elder-${mode}-detail.png`), fullPage: true });

  await go('/pages/mine/index');
  await top(page, '.mine-name').waitFor();
  out['我的'] = await measure(page, limits);
  await page.screenshot({ path: path.join(SHOTS, `e2e-elder-${mode}-mine.png`), fullPage: true });

  await go('/pages/my-hours/index');
  await top(page, '.hours-day').first().waitFor();
  out['我的时长'] = await measure(page, limits);
  return out;
}

it('in the standard mode every text on the main pages has a contrast of at least 4.5:1', async () => {
  const page = await app.pages.open(VOLUNTEER, '/pages/index/index');
  const all = await tour(page, 'standard', STANDARD);
  report('标准模式', all);
  expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(false);
  for (const [name, m] of Object.entries(all))
    expect({ page: name, contrast: m.contrast >= STANDARD.contrast }).toEqual({ page: name, contrast: true });
});

it('长辈模式, switched on under 我的 and remembered, enlarges text and tap targets and keeps the contrast', async () => {
  const page = await app.pages.open(VOLUNTEER, '/pages/mine/index');
  await top(page, '.mine-name').waitFor();
  const before = parseFloat(
    await top(page, '.mine__row-value')
      .first()
      .evaluate((el) => getComputedStyle(el).fontSize),
  );
  await top(page, '.mine-elder-mode').click();
  // Applied at once, without reloading, and kept on the device.
  await eventually(async () => expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true));
  expect(
    parseFloat(
      await top(page, '.mine__row-value')
        .first()
        .evaluate((el) => getComputedStyle(el).fontSize),
    ),
  ).toBeGreaterThan(before);
  expect(await page.evaluate((key) => window.localStorage.getItem(key), STORAGE_KEY)).toContain('true');
  await page.reload();
  await top(page, '.mine-name').waitFor();
  expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true);

  const all = await tour(page, 'elder', ELDER);
  report('长辈模式', all);
  for (const [name, m] of Object.entries(all)) {
    const ok = (k: keyof Limits) => m[k] >= ELDER[k];
    expect({ page: name, body: ok('body'), secondary: ok('secondary'), tag: ok('tag'), tap: ok('tap'), contrast: ok('contrast') }).toEqual({
      page: name,
      body: true,
      secondary: true,
      tag: true,
      tap: true,
      contrast: true,
    });
  }
  expect(all['首页'].scanIsLargest).toBe(true);

  // Switched off again, the standard sizes come back at once.
  await page.goto(`${app.t.url}/#/pages/mine/index`);
  await top(page, '.mine-elder-mode').click();
  await eventually(async () => expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(false));
  expect(
    parseFloat(
      await top(page, '.mine__row-value')
        .first()
        .evaluate((el) => getComputedStyle(el).fontSize),
    ),
  ).toBe(before);
});
