// A new volunteer registers in the h5 build with the code from the SMS outbox (性别/出生日期 read from the ID number; no 微信手机号快捷填写 on the web) and sees 我的 with a masked ID.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ROOT, bootstrapRoot, idNumberFor, latestSmsCode, startTestEmulator, type TestEmulator } from '../helpers/emulator';
import { H5 } from '../helpers/h5-app';
import { eventually, launchChromium, phoneContext } from '../helpers/browser';

let t: TestEmulator;
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(path.join(H5, 'index.html'))) throw new Error(`${H5} is missing: run \`npm run build:h5\` (npm test builds it first)`);
  t = await startTestEmulator({ staticDir: H5 });
  await t.dev('POST', '/_dev/reset');
  await bootstrapRoot(t, 'e2e-root-leader');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function pick(page: Page, trigger: string, option: string) {
  await page.locator(`.${trigger}`).click();
  await page.locator(`.${trigger}-options .option-item`, { hasText: option }).first().click();
}

it('registers a new volunteer with an SMS code and shows 我的 with the ID masked', async () => {
  const context = await phoneContext(browser, t.url, { openid: 'e2e-new-volunteer' });
  const page = await context.newPage();
  const phone = '13912345678';
  const idNumber = idNumberFor('19910305', 17);
  try {
    await page.goto(`${t.url}/#/pages/register/index`);
    await page.locator('.reg-phone input').fill(phone);
    // 微信手机号快捷填写 is WeChat's own button: the web build has none.
    expect(await page.locator('.reg-wx-phone-button').count()).toBe(0);
    await page.locator('.reg-send-code').click();
    await page
      .getByText(/\d+\s*秒/)
      .first()
      .waitFor();
    const code = await latestSmsCode(t, phone);

    await page.locator('.reg-sms-code input').fill(code);
    await page.locator('.reg-real-name input').fill('周晓明');
    expect(await page.locator('.reg-gender-male').count()).toBe(0); // the sex is not asked
    await page.locator('.reg-id-number input').fill(idNumber);
    // Read from the number: its 17th digit is odd (a man), born 1991-03-05.
    await page.locator('.reg-derived-gender', { hasText: '男' }).waitFor();
    expect(await page.locator('.reg-derived-birth-date').innerText()).toBe('1991-03-05');
    await pick(page, 'reg-education', '硕士研究生');
    // Only what 附件2 requires is asked: the rest waits behind 补充更多信息 (and 编辑资料).
    expect(await page.locator('.reg-employer').count()).toBe(0);
    await page.locator('.reg-more-toggle').waitFor();
    await page.locator('.reg-category', { hasText: '青少年科技教育' }).click();
    // 所在地区 is left alone: choosing the team fills it with the team's.
    await page.locator('.reg-org-item', { hasText: '甘肃省科技志愿服务总队' }).click();
    await eventually(async () => expect(await page.locator('.reg-region-county').innerText()).toContain('城关区'));
    await page.locator('.reg-consent').click();
    await page.locator('.reg-submit').click();

    await page.getByText('周晓明').first().waitFor({ timeout: 15000 });
    const masked = `620102********${idNumber.slice(-4)}`;
    await page.getByText(masked).first().waitFor();
    const body = await page.locator('body').innerText();
    expect(body).toMatch(/\d{6}\*{8}\d{3}[\dX]/);
    expect(body).not.toContain(idNumber);
    expect(body).toContain('139****5678');
    expect(body).toContain('待审核');
    // What registration left for later, one tap from 编辑资料.
    expect(await page.locator('.mine-completeness').innerText()).toContain('资料完整度 50%');
    fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
    await page.waitForTimeout(600); // let the h5 page transition finish before the picture
    await page.screenshot({ path: path.join(ROOT, '.tmp', 'e2e-mine.png') });

    // The ID number is nowhere in clear in the database.
    const volunteers = await t.emu.db.find('volunteers', {});
    expect(volunteers).toHaveLength(1);
    const [team] = await t.emu.db.find('orgs', {});
    expect(volunteers[0]).toMatchObject({ gender: 'male', birthDate: '1991-03-05', region: team.region });
    expect(JSON.stringify(volunteers)).not.toContain(idNumber);
  } finally {
    await context.close();
  }
});
