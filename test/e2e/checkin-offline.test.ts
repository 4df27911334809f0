// Check-in without a network in the h5 build: a volunteer signed in in the morning opens 扫码签到, the phone goes
// offline (context.setOffline), the rotating 签退码 read from the admin's screen is kept on the phone (已离线记录，联网后
// 自动上传, 待上传 1 条); 我的时长 lists it under 待上传 with the activity's title; when the network is back the browser's
// online event uploads it by itself and 我的时长 shows the day with its minutes. The phone's clock is pinned to the
// emulator's (helpers/browser), so the time the phone claims and the time the code proves agree.
import { bootstrapRoot, seedMembership, seedOrg, seedVolunteer } from '../helpers/emulator';
import { nonce, north, POINT, seedActivity, seedEnrollment } from '../helpers/checkin';
import { eventually, onTop as top } from '../helpers/browser';
import { useH5App } from '../helpers/h5-app';

const ADMIN = 'e2e-off-admin';
const VOLUNTEER = 'e2e-off-vol';
const TITLE = '社区科普讲解';
let activityId = '';

const app = useH5App(async (t) => {
  // 09:05 on the first day of the activity (Asia/Shanghai): the volunteer signs in online.
  await t.setClock('2026-12-01T01:05:00.000Z');
  const root = await bootstrapRoot(t, 'e2e-off-root');
  await seedOrg(t, 'e2e-off-lz', '兰州市科技志愿服务支队', root);
  await seedVolunteer(t, ADMIN, '13900003001', '李敏');
  await seedMembership(t, 'e2e-off-lz', ADMIN, 'admin');
  await seedVolunteer(t, VOLUNTEER, '13900003002', '张伟');
  activityId = (await seedActivity(t, 'e2e-off-lz', { title: TITLE }))._id;
  await seedEnrollment(t, activityId, VOLUNTEER);
  const code = await t.call('checkin', 'code', { activityId, kind: 'in', mode: 'rotating' }, ADMIN);
  if (!code.ok) throw new Error(code.code);
  const signIn = await t.call('checkin', 'scan', { payload: code.data.payload, location: POINT, nonce: nonce() }, VOLUNTEER);
  if (!signIn.ok) throw new Error(signIn.code);
  // 11:35: time to leave.
  await t.setClock('2026-12-01T03:35:00.000Z');
});

const near = () => {
  const p = north(80, POINT);
  return { latitude: p.lat, longitude: p.lng, accuracy: 25 };
};
const dayOf = async () => (await app.t.emu.db.find('checkin_days', { activityId, openid: VOLUNTEER }))[0] as Record<string, unknown>;

it('a 签退 scanned offline is kept, shown as 待上传, and uploads by itself when the network is back; 我的时长 shows the day', async () => {
  const vol = await app.pages.open(VOLUNTEER, '/pages/scan/index', { geolocation: near() });
  // Online first: 我的时长 shows the open day (the app hears the server's time here).
  await top(vol, '.ck-scan-go-hours').click();
  await top(vol, '.ck-hours-day').waitFor();
  expect(await top(vol, '.ck-hours-day-title').innerText()).toBe(TITLE);
  await vol.goBack();
  await top(vol, '.ck-scan-payload').waitFor();

  // The admin's screen shows the rotating 签退码; the volunteer's phone has no network.
  const code = await app.t.call('checkin', 'code', { activityId, kind: 'out', mode: 'rotating' }, ADMIN);
  if (!code.ok) throw new Error(code.code);
  await vol.context().setOffline(true);
  await top(vol, '.ck-scan-payload').locator('textarea').fill(code.data.payload);
  await top(vol, '.ck-scan-submit').click();
  await top(vol, '.ck-offline-title').filter({ hasText: '已离线记录，联网后自动上传' }).waitFor();
  expect(await top(vol, '.ck-offline-kind').innerText()).toBe('签退');
  expect(await top(vol, '.ck-offline-time').innerText()).toBe('2026-12-01 11:35');
  expect(await top(vol, '.ck-offline-count').innerText()).toBe('待上传 1 条');
  expect((await dayOf()).signOutAt).toBeUndefined();

  await top(vol, '.ck-offline-back').click();
  expect(await top(vol, '.ck-offline-banner').innerText()).toContain('有 1 条扫码待上传');

  // 我的时长 while offline: the hours cannot load, the queued 签退 is listed with the activity's title.
  await top(vol, '.ck-scan-go-hours').click();
  await top(vol, '.ck-hours-offline-item').waitFor();
  expect(await top(vol, '.ck-hours-offline-count').innerText()).toBe('1');
  expect(await top(vol, '.ck-hours-offline-item-kind').innerText()).toBe('签退');
  expect(await top(vol, '.ck-hours-offline-item-title').innerText()).toBe(TITLE);
  expect(await top(vol, '.ck-hours-offline').innerText()).toContain('待上传');

  // The network comes back: the browser's online event sends the queue, and the hours are read again.
  await vol.context().setOffline(false);
  await eventually(async () => expect(await top(vol, '.ck-hours-day-minutes').innerText()).toBe('2小时30分钟'), 20000);
  await eventually(async () => expect(await top(vol, '.ck-hours-offline').count()).toBe(0));
  const day = await dayOf();
  expect(day).toMatchObject({ status: 'closed', minutes: 150 });
  expect(day.flags).toEqual(expect.arrayContaining(['offline']));
  expect(await app.t.emu.db.find('checkin_offline_scans', { openid: VOLUNTEER })).toMatchObject([{ state: 'recorded', kind: 'out' }]);
});
