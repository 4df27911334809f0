// The volunteer-side finish in the h5 build: 发布活动 wraps a long name, reads its dates in Chinese in an English browser,
// fills 坐标 from the browser's position and shows no pink shadow under the radios; the activity square on a small
// phone (375×667) folds its filters so the list starts in the upper half, shows every phase tab whole, clears its
// search box with ×, and offers 清除筛选 under a drawn empty state; pages other than the tabs have a back bar, and
// 证明查验 opened from a QR code leads into the app.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { eventually, onTop as top, pickOption } from '../helpers/browser';
import { SHOTS, useH5App } from '../helpers/h5-app';
import { DEFAULT_TEST_CLOCK } from '../helpers/emulator';

const TEAM = '兰州市科技志愿服务支队';
const ADMIN = 'demo-admin'; // 李敏, admin of 兰州支队 (emulator seed)
const VOLUNTEER = 'demo-vol2';
/** About 1 km from 东方红广场, as a browser reports it (WGS-84). */
const HERE = { latitude: 36.0603, longitude: 103.8295 };

const app = useH5App(async (t) => {
  const seeded = await t.dev<{ seeded: boolean }>('POST', '/_dev/seed');
  if (!seeded.seeded) throw new Error('demo seed did not run');
});
const { pages } = app;

const shDate = (days: number) => new Date(Date.parse(DEFAULT_TEST_CLOCK) + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
const chinese = (date: string) => `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

it('发布活动 in an English browser: the name wraps, dates read in Chinese, 坐标 comes from my position; a back bar leads home', async () => {
  const admin = await pages.open(ADMIN, '/pages/mine/index', { locale: 'en-US', geolocation: HERE });
  await top(admin, '.mine-managed-org').filter({ hasText: TEAM }).waitFor();
  // A tab: the bar has a title but neither back nor 首页.
  await top(admin, '#taro-navigation-bar').waitFor();
  expect(await top(admin, '.taro-navigation-bar-back').count()).toBe(0);
  expect(await top(admin, '.taro-navigation-bar-home').count()).toBe(0);
  await top(admin, '.mine__team').filter({ hasText: TEAM }).locator('.mine-publish-activity').click();
  await top(admin, '.act-edit-submit').waitFor();

  // A long name wraps onto a second line instead of being cut to one.
  const title = top(admin, '.act-edit-title textarea');
  await title.fill('黄河风情线沿岸社区青少年科技教育与老年人防诈骗科普讲解志愿服务');
  await eventually(async () => {
    const box = await title.evaluate((el) => ({
      h: el.clientHeight,
      line: parseFloat(getComputedStyle(el).lineHeight),
      sw: el.scrollWidth,
      cw: el.clientWidth,
    }));
    expect(box.h).toBeGreaterThanOrEqual(box.line * 2 - 1);
    expect(box.sw).toBeLessThanOrEqual(box.cw);
  });
  // In the page's Chinese font, not the browser's monospace default for textareas.
  expect(await title.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/^"PingFang SC".*Noto Sans CJK SC/);

  // Dates and times read in Chinese although the browser speaks English.
  const start = shDate(9);
  await top(admin, '.act-edit-start-date input').fill(start);
  await top(admin, '.act-edit-signup-start-date input').fill(shDate(1));
  await top(admin, '.act-edit-signup-start-time input').fill('09:30');
  expect(await top(admin, '.act-edit-start-date-shown').innerText()).toBe(chinese(start));
  const signup = await top(admin, '.form-field-signupStartAt').innerText();
  expect(signup.replace(/\s+/g, ' ')).toContain(`${chinese(shDate(1))} 09:30`);
  expect(signup).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{4}|AM|PM/);

  // 坐标, without naming the coordinate system; 使用我的位置 fills it from the browser (converted to GCJ-02).
  const field = top(admin, '.form-field-location');
  expect(await field.innerText()).toContain('坐标');
  expect(await field.innerText()).not.toContain('GCJ');
  await top(admin, '.act-edit-use-location').click();
  await eventually(async () => expect(await top(admin, '.act-edit-lat input').inputValue()).not.toBe(''));
  const lat = Number(await top(admin, '.act-edit-lat input').inputValue());
  const lng = Number(await top(admin, '.act-edit-lng input').inputValue());
  // GCJ-02 lies a few hundred metres from WGS-84 in Lanzhou.
  expect(Math.abs(lat - HERE.latitude)).toBeLessThan(0.01);
  expect(Math.abs(lng - HERE.longitude)).toBeLessThan(0.01);
  expect(lat).not.toBe(HERE.latitude);

  // NutUI's red shadow is gone from the chosen radio.
  const radio = top(admin, '.form-field-audience .nut-radio-icon-checked').first();
  await radio.waitFor();
  expect(await radio.evaluate((el) => getComputedStyle(el).boxShadow)).toBe('none');
  await admin.screenshot({ path: path.join(SHOTS, 'e2e-activity-edit-en.png'), fullPage: true });

  // Not a tab: the bar has a back button (a whole tap target) and the page's whole name, and it goes back to 我的.
  await barIsWhole(admin, '.taro-navigation-bar-back', '发布活动');
  await top(admin, '.taro-navigation-bar-back').click();
  await top(admin, '.mine-managed-org').filter({ hasText: TEAM }).waitFor();
});

it('the square on a 375×667 phone: filters folded, the list in the upper half, whole tabs, × and 清除筛选', async () => {
  const vol = await pages.open(VOLUNTEER, '/pages/activities/index', { viewport: { width: 375, height: 667 } });
  const first = top(vol, '.act-item').first();
  await first.waitFor();
  expect((await first.boundingBox())!.y).toBeLessThan(667 / 2);
  expect(await top(vol, '.act-region-province').count()).toBe(0);

  // Every phase tab shows its whole title inside the screen.
  const tabs = await vol.locator('.act-tab .seg-tabs__tab:visible').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      const t = el.querySelector('.seg-tabs__title') as HTMLElement;
      return { left: r.left, right: r.right, fits: t.scrollWidth <= t.clientWidth + 1 && t.getBoundingClientRect().right <= r.right + 1 };
    }),
  );
  expect(tabs).toHaveLength(5);
  for (const t of tabs) {
    expect(t.fits).toBe(true);
    expect(t.left).toBeGreaterThanOrEqual(0);
    expect(t.right).toBeLessThanOrEqual(375);
  }
  await vol.screenshot({ path: path.join(SHOTS, 'e2e-square-small.png') });

  // 筛选 unfolds the region, category and 离我最近; choosing one marks the fold.
  await top(vol, '.act-filter-toggle').click();
  await pickOption(vol, 'act-category', '科普讲解');
  await eventually(async () => expect(await top(vol, '.act-filter-toggle').innerText()).toContain('筛选·1'));
  await top(vol, '.act-filter-toggle').click();

  // A search that finds nothing: the drawing, and 清除筛选 brings everything back.
  await top(vol, '.act-keyword input').fill('没有这样的活动');
  await top(vol, '.act-search').click();
  const empty = top(vol, '.act-empty');
  await empty.waitFor();
  expect(await empty.locator('.state-art__tray').count()).toBe(1);
  expect(await empty.locator('.state-art__glyph').innerText()).toBe('活');
  await vol.screenshot({ path: path.join(SHOTS, 'e2e-square-empty.png') });
  await top(vol, '.act-clear-filters').click();
  await top(vol, '.act-item').first().waitFor();
  expect(await top(vol, '.act-keyword input').inputValue()).toBe('');
  expect(await top(vol, '.act-filter-toggle').innerText()).not.toContain('·');

  // × empties the box and lists everything again.
  const total = await top(vol, '.act-total').innerText();
  await top(vol, '.act-keyword input').fill('科普');
  await top(vol, '.act-search').click();
  await top(vol, '.act-clear').click();
  expect(await top(vol, '.act-keyword input').inputValue()).toBe('');
  await top(vol, '.act-total').filter({ hasText: total }).waitFor();
  expect(await top(vol, '.act-clear').count()).toBe(0);
});

it('证明查验 opened from a certificate’s QR code: a 首页 button in the bar and 进入科技志愿服务 lead into the app', async () => {
  const page = await pages.open('e2e-qr-visitor', '/pages/verify/index?no=KJZY-2026-ABCDEFGHJKMNPQRS');
  await top(page, '.verify-invalid').waitFor();
  // Opened directly: no page to go back to, so the bar offers 首页.
  await top(page, '.taro-navigation-bar-home').waitFor();
  await barIsWhole(page, '.taro-navigation-bar-home', '证明查验');
  await top(page, '.verify-enter').filter({ hasText: '进入科技志愿服务' }).click();
  await page.waitForURL(/#\/pages\/index\/index/);
  await barIsWhole(page, null, '科技志愿服务');
});

/** The title bar's button is at least 44 px square and its title is shown whole, not cut to “…”. */
async function barIsWhole(page: Page, button: string | null, title: string) {
  if (button) {
    const box = await top(page, button).boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(44);
    expect(box?.height).toBeGreaterThanOrEqual(44);
  }
  const shown = top(page, '.taro-navigation-bar-title');
  await eventually(async () => expect(await shown.innerText()).toBe(title));
  expect(await shown.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
}
