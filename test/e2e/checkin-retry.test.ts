// The typed fallback and lost connections in the h5 build: a volunteer types the 6-digit 现场数字码 shown under the
// admin's code; a scanned code whose request never left the phone is kept offline and uploaded when the connection is
// back (a phone that never heard the server's time has it flagged for an admin); a tap whose answer was lost is kept
// offline with the same nonce and its upload leaves the day as the first attempt wrote it.
import type { Page } from 'playwright-core';
import { bootstrapRoot, seedMembership, seedOrg, seedVolunteer } from '../helpers/emulator';
import { north, POINT, seedActivity, seedEnrollment } from '../helpers/checkin';
import { eventually, onTop as top } from '../helpers/browser';
import { useH5App } from '../helpers/h5-app';

const ADMIN = 'e2e-rt-admin';
const VOLUNTEERS = ['e2e-rt-vol1', 'e2e-rt-vol2', 'e2e-rt-vol3'];
let activityId = '';

const app = useH5App(async (t) => {
  // 09:30 on the first day of the two-day activity (Asia/Shanghai), the start of a 5-minute step.
  await t.setClock('2026-12-01T01:30:00.000Z');
  const root = await bootstrapRoot(t, 'e2e-rt-root');
  await seedOrg(t, 'e2e-rt-lz', '兰州市科技志愿服务支队', root);
  await seedVolunteer(t, ADMIN, '13900002001', '李敏');
  await seedMembership(t, 'e2e-rt-lz', ADMIN, 'admin');
  activityId = (await seedActivity(t, 'e2e-rt-lz'))._id;
  for (const [i, openid] of VOLUNTEERS.entries()) {
    await seedVolunteer(t, openid, `1390000201${i}`, ['张伟', '刘洋', '陈静'][i]);
    await seedEnrollment(t, activityId, openid);
  }
});

const near = () => {
  const p = north(80, POINT);
  return { latitude: p.lat, longitude: p.lng, accuracy: 25 };
};
const scanPage = (openid: string) => app.pages.open(openid, `/pages/scan/index?activityId=${activityId}`, { geolocation: near() });
const dayOf = async (openid: string) =>
  (await app.t.emu.db.find('checkin_days', { activityId, openid }))[0] as Record<string, unknown> | undefined;

/** The number under the admin's code, as typed: six digits. */
async function shownNumber(admin: Page, previous = ''): Promise<string> {
  let number = '';
  await eventually(async () => {
    number = (await top(admin, '.ck-code-number').innerText()).replace(/\s/g, '');
    expect(number).toMatch(/^\d{6}$/);
    expect(number).not.toBe(previous);
  });
  return number;
}

/** The long code of the admin's screen (what the in-app scanner reads), as a volunteer's phone would send it. */
async function screenPayload(): Promise<string> {
  const r = await app.t.call('checkin', 'code', { activityId, kind: 'auto' }, ADMIN);
  if (!r.ok) throw new Error(r.code);
  return r.data.payload;
}

async function typePayload(vol: Page, payload: string) {
  await top(vol, '.ck-scan-payload').locator('textarea').fill(payload);
  await top(vol, '.ck-scan-submit').click();
}

it('the volunteer types the 6-digit number under the admin’s code and is signed in; a wrong one is refused with what to do', async () => {
  const admin = await app.pages.open(ADMIN, `/admin/checkin-code/index?activityId=${activityId}`);
  const number = await shownNumber(admin);
  expect(await top(admin, '.code-page__number-hint').innerText()).toContain('每5分钟更新');

  const vol = await scanPage(VOLUNTEERS[0]);
  const wrong = String((Number(number) + 1) % 1_000_000).padStart(6, '0');
  await top(vol, '.ck-scan-number').locator('input').fill(wrong);
  await top(vol, '.ck-scan-number-submit').click();
  await top(vol, '.ck-result-title').filter({ hasText: '无法识别的签到码' }).waitFor();
  expect(await top(vol, '.ck-result-message').innerText()).toContain('现场数字码不正确或已更新');
  await top(vol, '.ck-result-again').click();

  await top(vol, '.ck-scan-number').locator('input').fill(number);
  await top(vol, '.ck-scan-number-submit').click();
  await top(vol, '.ck-result-title').filter({ hasText: '签到成功' }).waitFor();
  expect(await dayOf(VOLUNTEERS[0])).toMatchObject({ status: 'open' });

  // Five minutes on the admin's page shows the next number.
  await app.t.setClock('2026-12-01T01:35:01Z');
  await shownNumber(admin, number);
});

it('a scan whose request never left the phone is kept offline and uploaded when the connection is back; never synced, it waits for an admin', async () => {
  const payload = await screenPayload();
  const vol = await scanPage(VOLUNTEERS[1]);
  // No connection from the moment the app starts: not even the page's first questions (who am I) reach the server.
  const blocked = (url: URL) => url.pathname.includes('/functions/');
  await vol.route(blocked, (route) => route.abort('internetdisconnected'));
  await vol.reload();
  await typePayload(vol, payload);
  await top(vol, '.ck-offline-title').filter({ hasText: '已离线记录，联网后自动上传' }).waitFor();
  expect(await top(vol, '.ck-offline-count').innerText()).toBe('待上传 1 条');
  expect(await dayOf(VOLUNTEERS[1])).toBeUndefined();

  // The connection comes back 70 s later: 立即上传 (unless the automatic retry came first).
  await app.t.setClock('2026-12-01T01:36:10Z');
  await vol.unroute(blocked);
  await top(vol, '.ck-offline-flush')
    .click({ timeout: 3000 })
    .catch(() => undefined);
  // The page never heard the server's time before the scan: the phone's clock proves nothing, an admin decides.
  await top(vol, '.ck-offline-result-title').filter({ hasText: '待管理员核实' }).waitFor();
  expect(await top(vol, '.ck-offline-result-detail').innerText()).toBe('手机未曾与服务器对时，待管理员核实');
  expect(await top(vol, '.ck-offline-count').innerText()).toBe('待上传 0 条');
  expect(await dayOf(VOLUNTEERS[1])).toBeUndefined();
  expect(await app.t.emu.db.find('checkin_offline_scans', { openid: VOLUNTEERS[1] })).toMatchObject([
    { state: 'flagged', reason: 'NEVER_SYNCED' },
  ]);
});

it('a tap whose answer was lost is kept offline with the same nonce; its upload is known as that scan and leaves the one record as it was', async () => {
  const payload = await screenPayload();
  const vol = await scanPage(VOLUNTEERS[2]);
  const fn = (url: URL) => url.pathname.endsWith('/functions/checkin');
  // The request reaches the server and is recorded; the answer never reaches the phone.
  await vol.route(fn, async (route) => {
    await route.fetch();
    await route.abort('connectionreset');
  });
  await typePayload(vol, payload);
  await top(vol, '.ck-offline-title').filter({ hasText: '已离线记录' }).waitFor();
  const recorded = await dayOf(VOLUNTEERS[2]);
  expect(recorded).toMatchObject({ status: 'open' });
  const sent = (await app.t.emu.db.find('checkin_days', { activityId, openid: VOLUNTEERS[2] }))[0] as { echoes?: { nonce: string }[] };

  const uploads: string[] = [];
  vol.on('request', (r) => {
    const body = r.postData() ?? '';
    if (fn(new URL(r.url())) && body.includes('uploadOffline')) uploads.push(body);
  });
  await app.t.setClock('2026-12-01T01:42:00Z');
  await vol.unroute(fn);
  await top(vol, '.ck-offline-flush')
    .click({ timeout: 3000 })
    .catch(() => undefined);
  await eventually(async () => expect(await top(vol, '.ck-offline-count').innerText()).toBe('待上传 0 条'));
  // The upload carried the tap's nonce; the server knew it as the scan it had recorded: nothing is kept or held for
  // an admin, the phone says it counted, and the day is still the first attempt's, once.
  const nonce = sent.echoes?.[0]?.nonce ?? 'no echo';
  expect(uploads.some((body) => body.includes(nonce))).toBe(true);
  await top(vol, '.ck-offline-result-title').filter({ hasText: '已上传并记录' }).waitFor();
  expect(await app.t.emu.db.find('checkin_offline_scans', { openid: VOLUNTEERS[2] })).toEqual([]);
  expect(await app.t.emu.db.find('checkin_days', { activityId, openid: VOLUNTEERS[2] })).toEqual([recorded]);
});
