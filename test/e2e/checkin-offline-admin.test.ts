// Check-in without signal, the admin's side, in the h5 build: on 签到名单 the admin taps 离线准备, loses the network,
// signs two volunteers in by their personal codes (kept on the phone: 已离线记录…（待上传）), sees them in the 离线名单
// with 2 waiting, gets the network back, and the queue uploads: the roster shows both signed in, marked 离线, by the
// admin.
import path from 'node:path';
import { bootstrapRoot, seedMembership, seedOrg, seedVolunteer } from '../helpers/emulator';
import { seedActivity, seedEnrollment } from '../helpers/checkin';
import { eventually, onTop as top } from '../helpers/browser';
import { SHOTS, useH5App } from '../helpers/h5-app';

const ADMIN = 'e2e-off-admin';
const VOLUNTEERS = [
  ['e2e-off-vol1', '张伟'],
  ['e2e-off-vol2', '刘洋'],
  ['e2e-off-vol3', '陈静'],
] as const;
let activityId = '';
/** Each volunteer's 我的签到码, as their phone showed it before the admin went offline. */
const codes: Record<string, string> = {};

const app = useH5App(async (t) => {
  // 09:30 on the first day (Asia/Shanghai, window 09:00–17:00).
  await t.setClock('2026-12-01T01:30:00.000Z');
  const root = await bootstrapRoot(t, 'e2e-off-root');
  await seedOrg(t, 'e2e-off-lz', '兰州市科技志愿服务支队', root);
  await seedVolunteer(t, ADMIN, '13900004001', '李敏');
  await seedMembership(t, 'e2e-off-lz', ADMIN, 'admin');
  activityId = (await seedActivity(t, 'e2e-off-lz'))._id;
  for (const [i, [openid, name]] of VOLUNTEERS.entries()) {
    await seedVolunteer(t, openid, `1390000401${i}`, name);
    await seedEnrollment(t, activityId, openid);
  }
  for (const [openid] of VOLUNTEERS.slice(0, 2)) {
    const mine = await t.call('checkin', 'myCode', { activityId }, openid);
    if (!mine.ok) throw new Error(`myCode: ${mine.code}`);
    codes[openid] = mine.data.payload;
  }
});

const dayOf = async (openid: string) =>
  (await app.t.emu.db.find('checkin_days', { activityId, openid }))[0] as Record<string, unknown> | undefined;

test('离线准备, two volunteers signed in without a network, uploaded when it comes back', async () => {
  const admin = await app.pages.open(ADMIN, `/admin/roster/index?activityId=${encodeURIComponent(activityId)}`);
  await eventually(async () => expect(await top(admin, '.ck-roster-row').count()).toBe(3));

  await top(admin, '.ck-offline-prepare').click();
  await top(admin, '.ck-offline-kit').filter({ hasText: '3名志愿者' }).waitFor();
  expect(await top(admin, '.ck-offline-kit').innerText()).toMatch(/^已离线准备（12月1日 09:3\d），3名志愿者$/);

  await admin.context().setOffline(true);
  await top(admin, '.ck-roster-scan').click();
  for (const [openid, name] of VOLUNTEERS.slice(0, 2)) {
    await top(admin, '.ck-vscan-payload').locator('textarea').fill(codes[openid]);
    await top(admin, '.ck-vscan-submit').click();
    await top(admin, '.ck-vscan-offline-text')
      .filter({ hasText: `已离线记录：${name} 签到（待上传）` })
      .waitFor();
    await top(admin, '.ck-vscan-offline-again').click();
  }
  await admin.locator('.nut-popup-title-right:visible').first().click();

  const list = top(admin, '.ck-offline-list');
  await list.locator('.ck-offline-waiting').filter({ hasText: '2条待上传' }).waitFor();
  for (const [, name] of VOLUNTEERS.slice(0, 2))
    expect(await list.locator('.ck-offline-row').filter({ hasText: name }).locator('.ck-offline-state').innerText()).toMatch(
      /^已签到 09:3\d（待上传）$/,
    );
  expect(await list.locator('.ck-offline-row').filter({ hasText: '陈静' }).locator('.ck-offline-state').innerText()).toBe('未签到');
  expect(await dayOf(VOLUNTEERS[0][0])).toBeUndefined();
  await admin.screenshot({ path: path.join(SHOTS, 'e2e-checkin-offline-admin.png'), fullPage: true });

  // The network is back: the queue uploads by itself (or at 立即上传) and the roster is read again.
  await admin.context().setOffline(false);
  const uploaded = await list
    .first()
    .waitFor({ state: 'detached', timeout: 8000 })
    .then(
      () => true,
      () => false,
    );
  if (!uploaded) await top(admin, '.ck-offline-upload').click();
  await eventually(async () => expect(await top(admin, '.ck-offline-list').count()).toBe(0), 15000);

  for (const [openid, name] of VOLUNTEERS.slice(0, 2)) {
    const row = top(admin, '.ck-roster-row').filter({ hasText: name });
    await row.locator('.ck-roster-status').filter({ hasText: '未签退' }).waitFor();
    await row.locator('.ck-roster-offline').filter({ hasText: '离线' }).waitFor();
    expect(await row.locator('.ck-roster-offline-mark').innerText()).toMatch(/^离线签到 09:3\d（管理员.+代扫）$/);
    expect(await row.locator('.ck-roster-times').innerText()).toMatch(/签到 09:3\d/);
    expect(await dayOf(openid)).toMatchObject({ status: 'open', signInBy: ADMIN, offline: [{ kind: 'in', by: ADMIN }] });
  }
  await top(admin, '.ck-console-counts').filter({ hasText: '已签到 2/3' }).waitFor();
});
