// The 现场签到 console in the h5 build on the first day of an activity: the team's admin taps 现场签到 on 活动详情,
// reads 已签到 1/3 · 已签退 0, calls one of the two absent volunteers (the dialer gets the full number, the reveal is
// audited), enrolls a walk-in by phone (the counts follow), and invites a phone not yet registered by SMS; an
// enrolled volunteer calls the organizer, whose number everyone else reads masked.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { bootstrapRoot, seedMembership, seedOrg, seedVolunteer } from '../helpers/emulator';
import { activityCode, nonce, POINT, seedActivity, seedEnrollment } from '../helpers/checkin';
import { eventually, onTop as top } from '../helpers/browser';
import { SHOTS, useH5App } from '../helpers/h5-app';

const ADMIN = 'e2e-con-admin';
const ARRIVED = 'e2e-con-arrived';
const LATE = ['e2e-con-late1', 'e2e-con-late2'];
const WALKER = 'e2e-con-walker';
let activityId = '';

const app = useH5App(async (t) => {
  // 10:00 on the first day (Asia/Shanghai, window 09:00–17:00); signup closed the day before.
  await t.setClock('2026-12-01T02:00:00.000Z');
  const root = await bootstrapRoot(t, 'e2e-con-root');
  await seedOrg(t, 'e2e-con-lz', '兰州市科技志愿服务支队', root);
  await seedVolunteer(t, ADMIN, '13900003001', '李敏');
  await seedMembership(t, 'e2e-con-lz', ADMIN, 'admin');
  await seedVolunteer(t, ARRIVED, '13900003002', '张伟');
  await seedVolunteer(t, LATE[0], '13900003003', '刘洋');
  await seedVolunteer(t, LATE[1], '13900003004', '陈静');
  await seedVolunteer(t, WALKER, '13900003005', '王芳');
  activityId = (
    await seedActivity(t, 'e2e-con-lz', {
      title: '社区科普讲解',
      capacity: 5,
      enrolledCount: 3,
      waitlist: false,
      contactName: '李老师',
      contactPhone: '13912345678',
    })
  )._id;
  for (const openid of [ARRIVED, ...LATE]) await seedEnrollment(t, activityId, openid);
  const payload = await activityCode(t, activityId, 'in', ADMIN);
  const scan = await t.call('checkin', 'scan', { payload, location: POINT, nonce: nonce() }, ARRIVED);
  if (!scan.ok) throw new Error(`scan: ${scan.code}`);
});

type Dialled = { dialled?: string[] };
/** A tel: link is handed to the phone's dialer: here each is caught and noted instead (window.dialled). */
async function catchDialling(page: Page): Promise<void> {
  await page.evaluate(() => {
    document.addEventListener(
      'click',
      (e) => {
        const a = (e.target as Element).closest?.('a[href^="tel:"]');
        if (!a) return;
        e.preventDefault();
        const w = window as unknown as Dialled;
        w.dialled = [...(w.dialled ?? []), a.getAttribute('href') ?? ''];
      },
      true,
    );
  });
}
const dialled = (page: Page) => page.evaluate(() => (window as unknown as Dialled).dialled);

test('现场签到: the counts, the absent with a call button, and a walk-in enrolled by phone', async () => {
  const admin = await app.pages.open(ADMIN, `/pages/activity-detail/index?id=${encodeURIComponent(activityId)}`);
  await catchDialling(admin);
  await top(admin, '.act-console').filter({ hasText: '现场签到' }).click();
  await top(admin, '.ck-console-counts').filter({ hasText: '已签到 1/3 · 已签退 0' }).waitFor();
  expect(await top(admin, '.act-enroll-disabled').count()).toBe(0);

  // 未到: the two who have not come, each with 拨打电话; the number dialled is the full one.
  const absent = top(admin, '.ck-absent-row');
  await eventually(async () => expect(await absent.count()).toBe(2));
  expect((await top(admin, '.ck-absent-name').allInnerTexts()).sort()).toEqual(['刘洋', '陈静'].sort());
  expect(await top(admin, '.ck-absent-count').innerText()).toBe('2人');
  await admin.screenshot({ path: path.join(SHOTS, 'e2e-checkin-console.png'), fullPage: true });
  await absent.filter({ hasText: '刘洋' }).locator('.ck-absent-call').click();
  await eventually(async () => expect(await dialled(admin)).toEqual(['tel:13900003003']));
  expect(await app.t.emu.db.find('audit_log', { kind: 'phone.revealed' })).toMatchObject([{ actor: ADMIN, subject: LATE[0] }]);

  // 现场报名 by phone: 王芳 is enrolled after the deadline; the counts and 未到 follow.
  await top(admin, '.ck-console-walkin').click();
  await top(admin, '.ck-walkin-input input').fill('13900003005');
  await top(admin, '.ck-walkin-submit').click();
  await top(admin, '.ck-walkin-done').filter({ hasText: '已为王芳（139****3005）报名，报名 4/5' }).waitFor();
  await top(admin, '.ck-console-counts').filter({ hasText: '已签到 1/4 · 已签退 0' }).waitFor();
  expect(await app.t.emu.db.find('enrollments', { activityId, openid: WALKER })).toMatchObject([{ status: 'enrolled', addedBy: ADMIN }]);

  // A phone not registered: the admin is told so and may send an SMS invitation.
  await top(admin, '.ck-walkin-input input').fill('13800003099');
  await top(admin, '.ck-walkin-submit').click();
  await top(admin, '.ck-walkin-error').filter({ hasText: '尚未注册' }).waitFor();
  await top(admin, '.ck-walkin-invite').click();
  await top(admin, '.ck-walkin-done').filter({ hasText: '已向 138****3099 发送邀请短信' }).waitFor();
  await admin.screenshot({ path: path.join(SHOTS, 'e2e-checkin-console-walkin.png') });
  const sms = await app.t.dev<{ purpose: string; text: string }[]>('GET', '/_dev/sms?phone=13800003099');
  expect(sms).toMatchObject([{ purpose: 'walkInInvite', text: expect.stringContaining('社区科普讲解') }]);
  await eventually(async () => expect(await absent.count()).toBe(3));
});

test('联系组织者: an enrolled volunteer dials the organizer; others read the number masked', async () => {
  const vol = await app.pages.open(LATE[1], `/pages/activity-detail/index?id=${encodeURIComponent(activityId)}`);
  await catchDialling(vol);
  await top(vol, '.act-contact').filter({ hasText: '李老师 13912345678' }).waitFor();
  expect(await top(vol, '.act-console').count()).toBe(0);
  await top(vol, '.act-contact-call').click();
  await eventually(async () => expect(await dialled(vol)).toEqual(['tel:13912345678']));

  const stranger = await app.pages.open('e2e-con-root', `/pages/activity-detail/index?id=${encodeURIComponent(activityId)}`);
  await top(stranger, '.act-contact').filter({ hasText: '李老师 139****5678' }).waitFor();
  expect(await top(stranger, '.act-contact-call').count()).toBe(0);
});

test('the console counts by itself: volunteers signing in meanwhile show within 20 s, then 全部已到', async () => {
  // Everyone enrolled by now: the three of the scene and 王芳, enrolled on the spot by the first test.
  const admin = await app.pages.open(ADMIN, `/admin/roster/index?activityId=${encodeURIComponent(activityId)}`);
  await top(admin, '.ck-console-counts').filter({ hasText: '已签到 1/4 · 已签退 0' }).waitFor();
  const payload = await activityCode(app.t, activityId, 'in', ADMIN);
  for (const openid of [...LATE, WALKER]) {
    const scan = await app.t.call('checkin', 'scan', { payload, location: POINT, nonce: nonce() }, openid);
    if (!scan.ok) throw new Error(`scan: ${scan.code}`);
  }
  // Nobody taps anything: the page reads the day again on its own.
  await admin.clock.fastForward(20_000);
  await top(admin, '.ck-console-counts').filter({ hasText: '已签到 4/4 · 已签退 0' }).waitFor();
  await top(admin, '.ck-absent-none').filter({ hasText: '全部已到' }).waitFor();
  expect(await top(admin, '.ck-absent-call').count()).toBe(0);
});
