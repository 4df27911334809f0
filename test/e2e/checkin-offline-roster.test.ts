// 离线 on 签到名单 in the h5 build: volunteers whose phones had no signal uploaded static-code sign-ins later (待确认), one
// with a doubtful position, the admin their own, and a second admin's offline scan of a personal code was recorded;
// the roster tags them 离线 and says each in words, the 离线扫码待确认 card lists them, 一键确认 takes the plausible
// ones (never the admin's own), a refused one says why, 驳回 asks first, and the confirmed days show on the roster.
import path from 'node:path';
import { bootstrapRoot, dataOf, seedMembership, seedOrg, seedVolunteer, type TestEmulator } from '../helpers/emulator';
import { activityCode, nonce, north, seedActivity, seedEnrollment } from '../helpers/checkin';
import { confirmModal, eventually, onTop as top } from '../helpers/browser';
import { SHOTS, useH5App } from '../helpers/h5-app';

const ADMIN = 'e2e-off-admin'; // 李敏, decides on the roster
const SCANNER = 'e2e-off-scanner'; // 王芳, the admin who scanned a personal code offline
const VOL = ['e2e-off-vol1', 'e2e-off-vol2'] as const; // 张伟, 刘洋: plausible
const DOUBTFUL = 'e2e-off-vol3'; // 陈静: a position reported 800 m accurate
const SCANNED = 'e2e-off-vol4'; // 赵磊: signed in by 王芳's phone
const MIN = 60_000;
let activityId = '';

/** A static-code scan kept on a phone at `claimedAt` (its clock agrees with the time it measured since the last sync). */
const queued = (payload: string, claimedAt: string, accuracy = 20) => ({
  nonce: nonce(),
  payload,
  claimedAt,
  syncedServerTime: new Date(Date.parse(claimedAt) - 20 * MIN).toISOString(),
  elapsedMs: 20 * MIN,
  location: { ...north(100), accuracy },
});

async function uploadOffline(t: TestEmulator, openid: string, scan: ReturnType<typeof queued>) {
  const [r] = dataOf(await t.call('checkin', 'uploadOffline', { scans: [scan] }, openid)).results;
  if (r.result !== 'pending') throw new Error(`uploadOffline: ${r.result} ${r.code ?? ''}`);
}

const app = useH5App(async (t) => {
  // The static 签到码 is shown at 09:00 on the first day (Asia/Shanghai, window 09:00–17:00); the phones upload at 11:00.
  await t.setClock('2026-12-01T01:00:00.000Z');
  const root = await bootstrapRoot(t, 'e2e-off-root');
  await seedOrg(t, 'e2e-off-lz', '兰州市科技志愿服务支队', root);
  for (const [openid, phone, name] of [
    [ADMIN, '13900004001', '李敏'],
    [SCANNER, '13900004002', '王芳'],
    [VOL[0], '13900004003', '张伟'],
    [VOL[1], '13900004004', '刘洋'],
    [DOUBTFUL, '13900004005', '陈静'],
    [SCANNED, '13900004006', '赵磊'],
  ] as const)
    await seedVolunteer(t, openid, phone, name);
  await seedMembership(t, 'e2e-off-lz', ADMIN, 'admin');
  await seedMembership(t, 'e2e-off-lz', SCANNER, 'admin');
  activityId = (await seedActivity(t, 'e2e-off-lz'))._id;
  for (const openid of [ADMIN, ...VOL, DOUBTFUL, SCANNED]) await seedEnrollment(t, activityId, openid);
  const code = await activityCode(t, activityId, 'in', ADMIN, 'static');
  await t.setClock('2026-12-01T01:10:00.000Z');
  const personal = dataOf(await t.call('checkin', 'myCode', { activityId }, SCANNED)).payload;

  await t.setClock('2026-12-01T03:00:00.000Z');
  await uploadOffline(t, ADMIN, queued(code, '2026-12-01T01:15:00.000Z'));
  await uploadOffline(t, VOL[0], queued(code, '2026-12-01T01:20:00.000Z'));
  await uploadOffline(t, VOL[1], queued(code, '2026-12-01T01:25:00.000Z'));
  await uploadOffline(t, DOUBTFUL, queued(code, '2026-12-01T01:30:00.000Z', 800));
  const { location: _, ...scan } = queued(personal, '2026-12-01T01:10:00.000Z');
  const byAdmin = await t.call('checkin', 'uploadOfflineVolunteerScans', { activityId, scans: [{ ...scan, kind: 'in' }] }, SCANNER);
  if (dataOf(byAdmin).results[0].result !== 'recorded') throw new Error('uploadOfflineVolunteerScans: not recorded');
});

test('签到名单: 离线 rows in words, 离线扫码待确认 decided with 一键确认, a refusal and 驳回', async () => {
  const admin = await app.pages.open(ADMIN, `/admin/roster/index?activityId=${encodeURIComponent(activityId)}`);
  const row = (name: string) => top(admin, '.ck-roster-row').filter({ hasText: name });

  // The admin's offline scan of a personal code counts already: tagged 离线, said in words.
  const scanned = row('赵磊');
  await scanned.locator('.ck-roster-status').filter({ hasText: '未签退' }).waitFor();
  await scanned.locator('.ck-roster-offline').filter({ hasText: '离线' }).waitFor();
  expect(await scanned.locator('.ck-roster-offline-mark').innerText()).toBe('离线签到 09:10（管理员王芳代扫）');
  expect(await scanned.locator('.ck-roster-flag').count()).toBe(0);

  // 待确认: counted nowhere yet; each row says so, the card lists all four, oldest first.
  await row('张伟').locator('.ck-roster-offline-pending').filter({ hasText: '1条离线扫码待确认' }).waitFor();
  expect(await row('张伟').locator('.ck-roster-status').innerText()).toBe('未签到');
  await top(admin, '.ck-offline-count').filter({ hasText: '4条' }).waitFor();
  const items = top(admin, '.ck-offline-item');
  await eventually(async () => expect(await items.count()).toBe(4));
  expect(await top(admin, '.ck-offline-title').allInnerTexts()).toEqual([
    '李敏 签到 09:15',
    '张伟 签到 09:20',
    '刘洋 签到 09:25',
    '陈静 签到 09:30',
  ]);
  const doubtful = items.filter({ hasText: '陈静' });
  expect(await doubtful.locator('.ck-offline-plausible').innerText()).toBe('需核实');
  expect(await doubtful.locator('.ck-offline-facts').innerText()).toContain('定位精度差');
  expect(await items.filter({ hasText: '张伟' }).locator('.ck-offline-reason').innerText()).toBe(
    '固定签到码无法证明扫码时间，待管理员确认',
  );
  expect(await items.filter({ hasText: '张伟' }).locator('.ck-offline-facts').innerText()).toMatch(/距活动地点\d+米/);
  await admin.screenshot({ path: path.join(SHOTS, 'e2e-checkin-offline-roster.png'), fullPage: true });
  await top(admin, '.ck-offline').screenshot({ path: path.join(SHOTS, 'e2e-checkin-offline-pending.png') });
  await scanned.screenshot({ path: path.join(SHOTS, 'e2e-checkin-offline-row.png') });

  // 一键确认 takes the plausible ones but the admin's own, and says so.
  await top(admin, '.ck-offline-confirm-all').filter({ hasText: '一键确认合理的3条' }).click();
  expect(await confirmModal(admin, '已确认2条')).toContain('另有1条涉及您本人');
  await top(admin, '.ck-offline-count').filter({ hasText: '2条' }).waitFor();
  for (const [name, at] of [
    ['张伟', '09:20'],
    ['刘洋', '09:25'],
  ]) {
    await row(name).locator('.ck-roster-status').filter({ hasText: '未签退' }).waitFor();
    expect(await row(name).locator('.ck-roster-times').innerText()).toContain(`签到 ${at}`);
    expect(await row(name).locator('.ck-roster-offline-mark').innerText()).toBe(`离线签到 ${at}（本人扫码，李敏确认）`);
    expect(await row(name).locator('.ck-roster-offline-pending').count()).toBe(0);
  }
  expect(await top(admin, '.ck-console-counts').innerText()).toBe('已签到 3/5 · 已签退 0');

  // The admin's own scan: refused, with the reason, for another admin to decide.
  const own = items.filter({ hasText: '李敏' });
  await own.locator('.ck-offline-confirm').click();
  expect(await confirmModal(admin, '没有处理任何记录')).toContain('李敏 签到 09:15：此离线扫码涉及您本人');
  await own.locator('.ck-offline-refused').filter({ hasText: '须由本队其他负责人或管理员确认' }).waitFor();

  // 驳回 asks first; the scan then counts toward nothing.
  await doubtful.locator('.ck-offline-reject').click();
  expect(await confirmModal(admin, '驳回离线扫码')).toContain('陈静 签到 09:30');
  await top(admin, '.ck-offline-count').filter({ hasText: '1条' }).waitFor();
  expect(await row('陈静').locator('.ck-roster-status').innerText()).toBe('未签到');
  expect(await row('陈静').locator('.ck-roster-offline').count()).toBe(0);
  const left = dataOf(await app.t.call('checkin', 'offlinePending', { activityId }, SCANNER));
  expect(left.map((p) => p.realName)).toEqual(['李敏']);
});
