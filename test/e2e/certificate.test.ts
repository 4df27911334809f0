// The volunteer's certificate in the h5 build: 我的 shows the stars, 志愿服务证明 issues a PDF for this year's hours
// with the team and downloads it (read back with pdf.js), and the public 证明查验 page confirms the number and
// refuses a made-up one.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { REPORT_CLOCK, seedProvince } from '../helpers/report';
import { pdfText } from '../helpers/pdf';
import { onTop as top } from '../helpers/browser';
import { SHOTS, useH5App } from '../helpers/h5-app';

const app = useH5App(async (t) => {
  await t.setClock(REPORT_CLOCK);
  await seedProvince(t);
});
const { pages } = app;

async function issueThisYear(page: Page): Promise<string> {
  await top(page, '.cert-org').filter({ hasText: '兰州市科技志愿服务支队' }).waitFor();
  await top(page, '.cert-period-year').click();
  await top(page, '.cert-period-year.is-active').waitFor();
  await top(page, '.cert-issue').click();
  await top(page, '.cert-result').waitFor();
  return (await top(page, '.cert-no').innerText()).trim();
}

test('a volunteer issues a certificate for this year, downloads the PDF, and anyone can verify its number', async () => {
  // v1 served 2026 with 兰州 on A1 (120 min) and A2 (240 + 180 min); A5 was 城关's and A7 last year's.
  const page = await pages.open('v1', '/pages/mine/index');
  await top(page, '.mine-stars-text').filter({ hasText: '距一星还差' }).waitFor();
  await page.screenshot({ path: path.join(SHOTS, 'e2e-mine-stars.png') });
  await top(page, '.mine-certificate').click();
  const no = await issueThisYear(page);
  expect(no).toMatch(/^KJZY-2026-[0-9A-Z]{16}$/);
  expect(await top(page, '.cert-minutes').innerText()).toBe('9小时');
  await page.screenshot({ path: path.join(SHOTS, 'e2e-certificate.png') });

  const [download] = await Promise.all([page.waitForEvent('download'), top(page, '.cert-open').click()]);
  expect(download.suggestedFilename()).toBe(`志愿服务证明-${no}.pdf`);
  const file = path.join(SHOTS, 'e2e-certificate.pdf');
  await download.saveAs(file);
  const pdf = fs.readFileSync(file);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const { text } = await pdfText(pdf);
  expect(text).toContain(no);
  expect(text).toContain('兰州市科技志愿服务支队');
  expect(text).toContain('张伟');

  // The verification page is public: a stranger (no registration) opens it from the QR's link.
  await top(page, '.cert-verify').click();
  await top(page, '.verify-valid').waitFor();
  const stranger = await pages.open('e2e-stranger', `/pages/verify/index?no=${encodeURIComponent(no)}`);
  await top(stranger, '.verify-valid').waitFor();
  expect(await top(stranger, '.verify-name').innerText()).toBe('张*');
  expect(await top(stranger, '.verify-org').innerText()).toBe('兰州市科技志愿服务支队');
  expect(await top(stranger, '.verify-minutes').innerText()).toBe('9小时');
  await stranger.screenshot({ path: path.join(SHOTS, 'e2e-verify.png') });

  await top(stranger, '.verify-input').locator('input').fill('KJZY-2026-ABCDEFGHJKMNPQRS');
  await top(stranger, '.verify-submit').click();
  await top(stranger, '.verify-invalid').waitFor();
  expect(await top(stranger, '.verify-valid').count()).toBe(0);
});
