// Check-in in the h5 build: an admin shows the 签到码 (and saves the poster), a volunteer near the activity scans it
// (WeChat's scanQRCode stubbed, the browser's WGS-84 position converted) and later the 签退码; the admin's 签到名单
// and the volunteer's 我的时长 show the day's minutes; placed 6 km away, the volunteer sees the refusal with the distance;
// a leaked 签退码 revoked from the code page (作废旧码, confirmed) is refused as revoked while the new code works; the one
// 现场签到码 opened as WeChat's 扫一扫 opens a 小程序码 signs in, asks before a short 签退, lets it be undone, signs out and
// then says the day is done.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { getDistance } from 'geolib';
import {
  ROOT,
  bootstrapRoot,
  registerVolunteer,
  seedMembership,
  seedOrg,
  seedVolunteer,
  startTestEmulator,
  type TestEmulator,
} from '../helpers/emulator';
import { activityCode, north, POINT, seedActivity, seedEnrollment } from '../helpers/checkin';
import { readXlsx, tableUnder } from '../helpers/report';
import { H5 } from '../helpers/h5-app';
import { confirmModal, eventually, launchChromium, onTop as top, phoneContext } from '../helpers/browser';
import { formatDuration } from '@contract/format';
import { wgs84ToGcj02 } from '@contract/gcj02';

const SHOTS = path.join(ROOT, '.tmp');
const ADMIN = 'e2e-ck-admin';
const VOLUNTEER = 'e2e-ck-vol';
const TITLE = '社区科普讲解';

let t: TestEmulator;
let browser: Browser;
let activityId: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  if (!fs.existsSync(path.join(H5, 'index.html'))) throw new Error('dist/h5 is missing: run `npm run build:h5` (npm test builds it first)');
  t = await startTestEmulator({ staticDir: H5 });
  await t.dev('POST', '/_dev/reset');
  // 09:30 on the first day of the two-day activity (Asia/Shanghai); the emulator clock runs on from there.
  await t.setClock('2026-12-01T01:30:00.000Z');
  const root = await bootstrapRoot(t, 'e2e-ck-root');
  await seedOrg(t, 'e2e-ck-lz', '兰州市科技志愿服务支队', root);
  await seedVolunteer(t, ADMIN, '13900001001', '李敏');
  await seedMembership(t, 'e2e-ck-lz', ADMIN, 'admin');
  // Registered for real (我的时长 reads 我的 for its team filter); enrolled straight in the database.
  const reg = await registerVolunteer(t, VOLUNTEER, '13900001002', { realName: '张伟', orgIds: ['e2e-ck-lz'] });
  if (!reg.ok) throw new Error(`register: ${reg.code}`);
  activityId = (await seedActivity(t, 'e2e-ck-lz', { title: TITLE }))._id;
  await seedEnrollment(t, activityId, VOLUNTEER);
  browser = await launchChromium();
  fs.mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
  await browser?.close();
  await t?.close();
});

type Geo = { latitude: number; longitude: number; accuracy?: number };

/**
 * A phone as `openid`. With `scanner`, WeChat's JS-SDK scanQRCode is stubbed: it answers whatever the test put in
 * `window.__scanned`, as WeChat would answer the text of the QR code in front of the camera.
 */
async function phone(
  openid: string,
  route: string,
  opts: { geolocation?: Geo; scanner?: boolean } = {},
): Promise<{ page: Page; context: BrowserContext }> {
  const context = await phoneContext(browser, t.url, { openid, geolocation: opts.geolocation });
  contexts.push(context);
  if (opts.scanner) {
    await context.addInitScript(() => {
      const w = window as unknown as { wx: unknown; __scanned: string };
      w.__scanned = '';
      w.wx = {
        scanQRCode: (o: { success: (r: { resultStr: string }) => void }) => setTimeout(() => o.success({ resultStr: w.__scanned }), 50),
      };
    });
  }
  const page = await context.newPage();
  await page.goto(`${t.url}/#${route}`);
  return { page, context };
}

const point = (p: { lat: number; lng: number }): Geo => ({ latitude: p.lat, longitude: p.lng, accuracy: 30 });
const aim = (page: Page, payload: string) => page.evaluate((p) => ((window as unknown as { __scanned: string }).__scanned = p), payload);

/** The short code the admin's page shows under the 小程序码 (the scene it carries), once it differs from `previous`. */
async function shownCode(admin: Page, previous = ''): Promise<string> {
  let code = '';
  await eventually(async () => {
    code = (await top(admin, '.ck-code-scene').innerText()).trim();
    expect(code).toMatch(/^1[ioa][sr][0-9A-Za-z_-]{20,29}$/);
    expect(code).not.toBe(previous);
  });
  return code;
}

it('an admin shows the 签到码, the volunteer signs in near the activity and later out; 签到名单 and 我的时长 show the minutes', async () => {
  // The admin's screen: the rotating 签到码 with its countdown.
  const { page: admin } = await phone(ADMIN, `/admin/checkin-code/index?activityId=${activityId}&kind=in`);
  await top(admin, '.ck-code-title').filter({ hasText: TITLE }).waitFor();
  expect(await top(admin, '.ck-code-kind-label').innerText()).toBe('签到码');
  expect(await top(admin, '.ck-code-dates').innerText()).toContain('2026-12-01 至 2026-12-02');
  await top(admin, '.ck-code-countdown')
    .filter({ hasText: /\d+秒后刷新/ })
    .waitFor();
  expect(await top(admin, '.ck-code-qr').count()).toBe(1);
  const signInCode = await shownCode(admin);
  await admin.waitForTimeout(400);
  await admin.screenshot({ path: path.join(SHOTS, 'e2e-checkin-code.png') });

  // 海报 mode: a fixed code, saved as a PNG.
  await top(admin, '.ck-code-mode-static').click();
  const posterCode = await shownCode(admin, signInCode);
  const [download] = await Promise.all([admin.waitForEvent('download'), top(admin, '.ck-code-poster').click()]);
  expect(download.suggestedFilename()).toBe(`${TITLE}-签到码.png`);
  await download.saveAs(path.join(SHOTS, 'e2e-checkin-poster.png'));
  expect(posterCode).not.toBe(signInCode);

  // The volunteer, at the activity's point (the browser reports WGS-84; the page converts it), scans the screen code.
  const { page: vol } = await phone(VOLUNTEER, '/pages/scan/index', { geolocation: point(POINT), scanner: true });
  await top(vol, '.ck-scan-camera').waitFor();
  expect(await top(vol, '.ck-scan-payload').count()).toBe(1); // typing the code in stays possible
  await aim(vol, signInCode);
  await top(vol, '.ck-scan-camera').click();
  await top(vol, '.ck-result-title').filter({ hasText: '签到成功' }).waitFor();
  expect(await top(vol, '.ck-result-time').innerText()).toMatch(/^2026-12-01 09:3\d$/);
  await vol.waitForTimeout(300);
  await vol.screenshot({ path: path.join(SHOTS, 'e2e-checkin-signed-in.png') });

  // 12:45 the same day: the admin switches to the 签退码 (screen mode) and the volunteer scans it.
  await t.setClock('2026-12-01T04:45:10Z');
  for (const c of contexts) await c.clock.setSystemTime(new Date('2026-12-01T04:45:10Z'));
  await top(admin, '.ck-code-mode-rotating').click();
  await top(admin, '.ck-code-kind-out').click();
  await top(admin, '.ck-code-kind-label').filter({ hasText: '签退码' }).waitFor();
  const signOutCode = await shownCode(admin, posterCode);
  await top(vol, '.ck-result-again').click();
  await aim(vol, signOutCode);
  await top(vol, '.ck-scan-camera').click();
  await top(vol, '.ck-result-title').filter({ hasText: '签退成功' }).waitFor();

  const hours = await t.call('checkin', 'myHours', {}, VOLUNTEER);
  if (!hours.ok) throw new Error(`myHours: ${hours.code}`);
  const [day] = hours.data.days;
  // Signed in in the 09:30 minute (after the admin's screens), out at 12:45: 195 minutes, as the screens read.
  expect(day.signInAt).toMatch(/^2026-12-01T09:3\d:\d\d\+08:00$/);
  expect(day.minutes).toBe(12 * 60 + 45 - (9 * 60 + Number(day.signInAt?.slice(14, 16))));
  expect(await top(vol, '.ck-result-minutes').innerText()).toBe(formatDuration(day.minutes));

  // The admin's 签到名单 of that day: the volunteer signed out, with the same minutes.
  await top(admin, '.ck-code-roster').click();
  await top(admin, '.ck-roster-day').filter({ hasText: '12月1日' }).click();
  const entry = top(admin, '.ck-roster-row').filter({ hasText: '张伟' });
  await entry.locator('.ck-roster-status').filter({ hasText: '已签退' }).waitFor();
  expect(await entry.locator('.ck-roster-minutes').innerText()).toBe(formatDuration(day.minutes));
  expect(await top(admin, '.ck-roster-summary').innerText()).toMatch(/1\s*报名\s*1\s*已签到\s*0\s*未签退\s*0\s*未到/);
  await admin.waitForTimeout(400);
  await admin.screenshot({ path: path.join(SHOTS, 'e2e-checkin-roster.png') });

  // 导出签到记录: the same day as an xlsx row.
  const [attendance] = await Promise.all([admin.waitForEvent('download'), top(admin, '.ck-roster-export').click()]);
  const file = path.join(SHOTS, 'e2e-checkin-attendance.xlsx');
  await attendance.saveAs(file);
  const sheet = (await readXlsx(fs.readFileSync(file).toString('base64'))).getWorksheet('签到记录')!;
  const { rows } = tableUnder(sheet, '日期');
  expect(rows).toHaveLength(1);
  expect(rows[0].slice(0, 2)).toEqual(['2026-12-01', '张伟']);
  expect(rows[0][5]).toBe(String(day.minutes));

  // 我的时长: the day with its minutes, and the total.
  await top(vol, '.ck-result-hours').click();
  const row = top(vol, '.ck-hours-day').filter({ hasText: TITLE });
  await row.waitFor();
  expect(await row.locator('.ck-hours-day-date').innerText()).toBe('2026-12-01');
  expect(await row.locator('.ck-hours-day-minutes').innerText()).toBe(formatDuration(day.minutes));
  expect(await row.locator('.ck-hours-day-status').innerText()).toBe('已签退');
  expect(await top(vol, '.ck-hours-total').innerText()).toBe(formatDuration(hours.data.totalMinutes));
  await vol.waitForTimeout(300);
  await vol.screenshot({ path: path.join(SHOTS, 'e2e-checkin-my-hours.png') });
});

it('6 km from the activity the volunteer is refused, with the measured distance and what to do', async () => {
  const far = north(6000);
  const { page: vol, context } = await phone(VOLUNTEER, '/pages/scan/index', { geolocation: point(POINT), scanner: true });
  await context.setGeolocation(point(far));
  await aim(vol, await activityCode(t, activityId, 'in', ADMIN));
  await top(vol, '.ck-scan-camera').click();
  await top(vol, '.ck-result-title').filter({ hasText: '不在签到范围内' }).waitFor();

  // What the server measured: the converted (GCJ-02) position against the activity's point.
  const gcj = wgs84ToGcj02(far);
  const metres = getDistance({ latitude: gcj.lat, longitude: gcj.lng }, { latitude: POINT.lat, longitude: POINT.lng }, 1);
  const distance = await top(vol, '.ck-result-distance').innerText();
  expect(distance).toContain(`您距活动地点约 ${Number((metres / 1000).toFixed(1))}公里`);
  expect(distance).toContain('签到范围为 5公里 以内');
  expect(await top(vol, '.ck-result-message').innerText()).toContain('超出');
  expect(await top(vol, '.ck-result-tips').innerText()).toContain('精确位置');
  await top(vol, '.ck-result-my-code').waitFor();
  await vol.waitForTimeout(300);
  await vol.screenshot({ path: path.join(SHOTS, 'e2e-checkin-out-of-range.png') });
});

it('a photographed 签退码 is revoked from the code page: the old code is refused as revoked, the new one signs out', async () => {
  const printed = await activityCode(t, activityId, 'out', ADMIN, 'static');
  // The 签退码 page opens on the rotating screen code.
  const { page: admin } = await phone(ADMIN, `/admin/checkin-code/index?activityId=${activityId}&kind=out`);
  await top(admin, '.ck-code-countdown')
    .filter({ hasText: /\d+秒后刷新/ })
    .waitFor();
  const before = await shownCode(admin);
  await top(admin, '.ck-code-revoke').click();
  expect(await confirmModal(admin, '作废已发出的签退码')).toContain('立即失效');
  const fresh = await shownCode(admin, before);

  const { page: vol } = await phone(VOLUNTEER, '/pages/scan/index', { geolocation: point(POINT), scanner: true });
  await top(vol, '.ck-scan-camera').waitFor();
  await aim(vol, printed);
  await top(vol, '.ck-scan-camera').click();
  await top(vol, '.ck-result-message').filter({ hasText: '已被管理员作废' }).waitFor();
  await top(vol, '.ck-result-again').click();
  await aim(vol, fresh);
  await top(vol, '.ck-scan-camera').click();
  await top(vol, '.ck-result-title').filter({ hasText: '签退成功' }).waitFor();
});

it('the 现场签到码: WeChat opens the scan page with its scene; a short 签退 asks first and can be undone; after the day’s 签退 it says so', async () => {
  const at = async (iso: string) => {
    await t.setClock(iso);
    for (const c of contexts) await c.clock.setSystemTime(new Date(iso));
  };
  // The second day, 09:20 in Shanghai. The code page opens on the 现场码 (one code for in and out).
  await at('2026-12-02T01:20:00Z');
  const { page: admin } = await phone(ADMIN, `/admin/checkin-code/index?activityId=${activityId}`);
  await top(admin, '.ck-code-kind-label').filter({ hasText: '现场签到码' }).waitFor();
  expect(await top(admin, '.ck-code-qr').count()).toBe(1);
  const first = await shownCode(admin);

  // WeChat's 扫一扫 on the 小程序码 opens the scan page with the scene in its query: signed in at once.
  const { page: vol } = await phone(VOLUNTEER, `/pages/scan/index?scene=${encodeURIComponent(first)}`, {
    geolocation: point(POINT),
    scanner: true,
  });
  await top(vol, '.ck-result-title').filter({ hasText: '签到成功' }).waitFor();

  // 15 minutes later the same code (rotated meanwhile) would sign out after 15 minutes: asked first.
  await at('2026-12-02T01:35:10Z');
  const second = await shownCode(admin, first);
  await top(vol, '.ck-result-again').click();
  await aim(vol, second);
  await top(vol, '.ck-scan-camera').click();
  expect(await confirmModal(vol, '确认签退')).toBe('现在签退将只记录15分钟，确定吗？');
  await top(vol, '.ck-result-title').filter({ hasText: '签退成功' }).waitFor();
  // A mistake: undone within the minutes allowed, and the day is open again.
  await top(vol, '.ck-result-undo').click();
  expect(await confirmModal(vol, '撤销签退')).toContain('再次扫码签退');
  await top(vol, '.ck-scan-camera').waitFor();
  await eventually(async () => {
    const h = await t.call('checkin', 'myHours', {}, VOLUNTEER);
    expect(h.ok && h.data.days.find((d) => d.date === '2026-12-02')).toMatchObject({ status: 'open', minutes: 0 });
  });

  // 12:45: the code signs out without asking, then says the day is done (never "请记得签退").
  await at('2026-12-02T04:45:10Z');
  const third = await shownCode(admin, second);
  await aim(vol, third);
  await top(vol, '.ck-scan-camera').click();
  await top(vol, '.ck-result-title').filter({ hasText: '签退成功' }).waitFor();
  expect(await top(vol, '.ck-result-minutes').innerText()).toBe('3小时25分钟');
  await top(vol, '.ck-result-again').click();
  await aim(vol, third);
  await top(vol, '.ck-scan-camera').click();
  await top(vol, '.ck-result-title').filter({ hasText: '今天已签退（3小时25分钟）' }).waitFor();
  expect(await top(vol, '.ck-result-message').innerText()).not.toContain('请记得签退');
  expect(await top(vol, '.ck-result-undo').count()).toBe(0);
  await vol.waitForTimeout(300);
  await vol.screenshot({ path: path.join(SHOTS, 'e2e-checkin-onsite-done.png') });
});
