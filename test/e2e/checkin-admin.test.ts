// The admin side of check-in in the h5 build, after a day where two volunteers and the admin signed in and none signed
// out: one volunteer asks for a correction from 我的时长 ("我忘记签退了", 17:00), the team's admin approves it on
// 时长更正审核, and closes the other with 批量签退 on 签到名单, which then names whom it signed out and leaves the admin's
// own day for another manager; both volunteers' days credit their minutes.
import path from 'node:path';
import { bootstrapRoot, idNumberFor, registerVolunteer, seedMembership, seedOrg, seedVolunteer } from '../helpers/emulator';
import { activityCode, nonce, POINT, seedActivity, seedEnrollment } from '../helpers/checkin';
import { confirmModal, onTop as top } from '../helpers/browser';
import { SHOTS, useH5App } from '../helpers/h5-app';
import { formatDuration } from '@contract/format';

const ADMIN = 'e2e-cka-admin';
const FORGOT = 'e2e-cka-forgot'; // asks for a correction
const LEFT = 'e2e-cka-left'; // closed by 批量签退
const TITLE = '社区科普讲解';
let activityId = '';

const app = useH5App(async (t) => {
  // 09:30 on the first day (Asia/Shanghai, window 09:00–17:00): both sign in, then the clock moves to 18:00.
  await t.setClock('2026-12-01T01:30:00.000Z');
  const root = await bootstrapRoot(t, 'e2e-cka-root');
  await seedOrg(t, 'e2e-cka-lz', '兰州市科技志愿服务支队', root);
  await seedVolunteer(t, ADMIN, '13900002001', '李敏');
  await seedMembership(t, 'e2e-cka-lz', ADMIN, 'admin');
  for (const [openid, phone, realName, seq] of [
    [FORGOT, '13900002002', '张伟', 11],
    [LEFT, '13900002003', '王芳', 12],
  ] as const) {
    const reg = await registerVolunteer(t, openid, phone, { realName, idNumber: idNumberFor('19900101', seq), orgIds: ['e2e-cka-lz'] });
    if (!reg.ok) throw new Error(`register: ${reg.code}`);
  }
  activityId = (await seedActivity(t, 'e2e-cka-lz', { title: TITLE }))._id;
  const payload = await activityCode(t, activityId, 'in', ADMIN);
  for (const openid of [FORGOT, LEFT, ADMIN]) {
    await seedEnrollment(t, activityId, openid);
    const scan = await t.call('checkin', 'scan', { payload, location: POINT, nonce: nonce() }, openid);
    if (!scan.ok) throw new Error(`scan: ${scan.code}`);
  }
  await t.setClock('2026-12-01T10:00:00Z');
});

async function dayOf(openid: string) {
  const hours = await app.t.call('checkin', 'myHours', {}, openid);
  if (!hours.ok) throw new Error(`myHours: ${hours.code}`);
  return hours.data.days[0] as { minutes: number; status: string; signInAt: string; signOutAt?: string };
}
/** The day's credit runs from the minute of its sign-in (09:30, as the screen shows it) to 17:00, the end of the window. */
function expectUntilFive(day: { signInAt: string; minutes: number }) {
  expect(day.signInAt).toMatch(/^2026-12-01T09:30:\d\d\+08:00$/);
  expect(day.minutes).toBe(450);
}

test('a forgotten sign-out is corrected on request and approved; the rest are closed with 批量签退', async () => {
  // The volunteer: 我的时长 → 申请更正, the sign-out time picked (17:00) with the note prefilled.
  const vol = await app.pages.open(FORGOT, '/pages/my-hours/index');
  const day = top(vol, '.ck-hours-day').filter({ hasText: TITLE });
  await day.locator('.ck-hours-correct').click();
  await top(vol, '.ck-correct-out').click();
  await vol.locator('.weui-picker__action:visible').last().click();
  await top(vol, '.ck-correct-out').filter({ hasText: '17:00' }).waitFor();
  expect(await top(vol, '.ck-correct-note textarea').inputValue()).toBe('我忘记签退了');
  await top(vol, '.ck-correct-submit').click();
  await top(vol, '.ck-hours-correction-status').filter({ hasText: '待审核' }).waitFor();
  expect((await dayOf(FORGOT)).minutes).toBe(0);

  // The admin: 时长更正审核 → 通过 (confirmed), the request leaves 待审核.
  const admin = await app.pages.open(ADMIN, '/admin/corrections/index?orgId=e2e-cka-lz');
  const item = top(admin, '.ck-corr-item').filter({ hasText: '张伟' });
  await item.waitFor();
  await item.locator('.ck-corr-approve').click();
  expect(await confirmModal(admin, '通过更正申请')).toContain('签退时间');
  await top(admin, '.ck-corr-empty').waitFor();
  const corrected = await dayOf(FORGOT);
  expect(corrected.status).toBe('adjusted');
  expectUntilFive(corrected);

  // 签到名单: a volunteer and the admin still open; 批量签退 at the end of the day (17:00) closes the volunteer's day and
  // says why the admin's own is left.
  await admin.goto(`${app.t.url}/#/admin/roster/index?activityId=${encodeURIComponent(activityId)}`);
  await top(admin, '.ck-roster-day').filter({ hasText: '12月1日' }).click();
  await top(admin, '.ck-roster-summary')
    .filter({ hasText: /2\s*未签退/ })
    .waitFor();
  await top(admin, '.ck-roster-batch').click();
  await top(admin, '.ck-batch-at').filter({ hasText: '17:00' }).waitFor();
  await top(admin, '.ck-batch-submit').click();
  expect(await confirmModal(admin, '批量签退')).toContain('2名未签退的志愿者');
  // One line each on weapp; Taro's h5 modal runs them together.
  const told = await confirmModal(admin, '已为1人签退');
  for (const line of ['已签退：王芳', '以下1人未签退：', '李敏：您本人的记录，须由本队其他管理员处理']) expect(told).toContain(line);
  const left = top(admin, '.ck-roster-row').filter({ hasText: '王芳' });
  await left.locator('.ck-roster-status').filter({ hasText: '批量签退' }).waitFor(); // closed by a batch sign-out: tagged so, not 已补录
  const closed = await dayOf(LEFT);
  expectUntilFive(closed);
  expect(await left.locator('.ck-roster-minutes').innerText()).toBe(formatDuration(closed.minutes));
  expect(await top(admin, '.ck-roster-row').filter({ hasText: '张伟' }).locator('.ck-roster-minutes').innerText()).toBe(
    formatDuration(corrected.minutes),
  );
  await top(admin, '.ck-roster-summary')
    .filter({ hasText: /1\s*未签退/ })
    .waitFor();
  await admin.screenshot({ path: path.join(SHOTS, 'e2e-checkin-admin-roster.png') });
});
