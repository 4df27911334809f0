// A time later than now cannot be sent, in the h5 build, by the server's clock (14:00 on the first day): the admin's
// 批量签退 at 16:00 and a volunteer's correction to 17:00 are refused as soon as the time is picked, their buttons stay
// disabled, and nothing reaches the server; a time before now is accepted again.
import type { Page } from 'playwright-core';
import { bootstrapRoot, idNumberFor, registerVolunteer, seedMembership, seedOrg, seedVolunteer } from '../helpers/emulator';
import { activityCode, nonce, POINT, seedActivity, seedEnrollment } from '../helpers/checkin';
import { onTop as top } from '../helpers/browser';
import { useH5App } from '../helpers/h5-app';

const ADMIN = 'e2e-ckf-admin';
const VOL = 'e2e-ckf-vol';
const TITLE = '社区科普讲解';
const FUTURE = '不能填写未来的时间';
let activityId = '';

const app = useH5App(async (t) => {
  // 09:30 on the first day (Asia/Shanghai, window 09:00–17:00): the volunteer signs in; then it is 14:00.
  await t.setClock('2026-12-01T01:30:00.000Z');
  const root = await bootstrapRoot(t, 'e2e-ckf-root');
  await seedOrg(t, 'e2e-ckf-lz', '兰州市科技志愿服务支队', root);
  await seedVolunteer(t, ADMIN, '13900003001', '李敏');
  await seedMembership(t, 'e2e-ckf-lz', ADMIN, 'admin');
  const reg = await registerVolunteer(t, VOL, '13900003002', {
    realName: '张伟',
    idNumber: idNumberFor('19900101', 21),
    orgIds: ['e2e-ckf-lz'],
  });
  if (!reg.ok) throw new Error(`register: ${reg.code}`);
  activityId = (await seedActivity(t, 'e2e-ckf-lz', { title: TITLE }))._id;
  const payload = await activityCode(t, activityId, 'in', ADMIN);
  await seedEnrollment(t, activityId, VOL);
  const scan = await t.call('checkin', 'scan', { payload, location: POINT, nonce: nonce() }, VOL);
  if (!scan.ok) throw new Error(`scan: ${scan.code}`);
  await t.setClock('2026-12-01T06:00:00Z');
});

/**
 * Sets the HH:mm picker `trigger` to `target` ("HH:00", minutes as they are) by turning its hour wheel (drags, as a
 * finger would) and confirming; a drag the wheel took short is made up by another round.
 */
async function pickHour(page: Page, trigger: string, target: string) {
  const hourOf = async () => Number(/(\d\d):\d\d/.exec(await top(page, trigger).innerText())?.[1]);
  for (let round = 0; round < 3; round++) {
    const hours = Number(target.slice(0, 2)) - (await hourOf());
    if (hours === 0) return;
    await top(page, trigger).click();
    await page.waitForTimeout(600); // the sheet slides in
    const box = (await page.locator('.weui-picker__group:visible').first().boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    // One row is 34px, up is later; at most two rows a drag keeps the finger inside the wheel.
    for (let left = hours; left !== 0; ) {
      const step = Math.max(-2, Math.min(2, left));
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x, y - 34 * step, { steps: 8 });
      await page.mouse.up();
      await page.waitForTimeout(500); // the wheel settles
      left -= step;
    }
    await page.locator('.weui-picker__action:visible').last().click();
    await page.waitForTimeout(300);
  }
  await top(page, trigger).filter({ hasText: target }).waitFor();
}

const isDisabled = async (page: Page, selector: string) => /disabled/.test((await top(page, selector).getAttribute('class')) ?? '');

test('批量签退 at a time later than now is refused as soon as it is picked and cannot be sent', async () => {
  const admin = await app.pages.open(ADMIN, `/admin/roster/index?activityId=${encodeURIComponent(activityId)}`);
  await top(admin, '.ck-roster-day').filter({ hasText: '12月1日' }).click();
  await top(admin, '.ck-roster-summary')
    .filter({ hasText: /1\s*未签退/ })
    .waitFor();
  await top(admin, '.ck-roster-batch').click();
  // Offered: now (the day has not ended), which may be sent.
  await top(admin, '.ck-batch-at').filter({ hasText: '14:00' }).waitFor();
  expect(await top(admin, '.ck-batch-error').innerText()).toBe('');
  expect(await isDisabled(admin, '.ck-batch-submit')).toBe(false);

  await pickHour(admin, '.ck-batch-at', '16:00');
  await top(admin, '.ck-batch-at').filter({ hasText: '16:00' }).waitFor();
  await top(admin, '.ck-batch-error').filter({ hasText: FUTURE }).waitFor();
  expect(await isDisabled(admin, '.ck-batch-submit')).toBe(true);
  await top(admin, '.ck-batch-submit').click({ force: true });
  await admin.waitForTimeout(500);
  expect(await admin.locator('.taro-modal__content:visible').count()).toBe(0); // no confirmation: nothing to send
  expect(await app.t.emu.db.find('checkin_days', { openid: VOL })).toMatchObject([{ status: 'open' }]);

  // Back before now: the refusal goes and the button comes back.
  await pickHour(admin, '.ck-batch-at', '13:00');
  await top(admin, '.ck-batch-at').filter({ hasText: '13:00' }).waitFor();
  expect(await top(admin, '.ck-batch-error').innerText()).toBe('');
  expect(await isDisabled(admin, '.ck-batch-submit')).toBe(false);
});

test('a correction to a time later than now is refused as soon as it is picked and cannot be sent', async () => {
  const vol = await app.pages.open(VOL, '/pages/my-hours/index');
  const day = top(vol, '.ck-hours-day').filter({ hasText: TITLE });
  await day.locator('.ck-hours-correct').click();
  // 我忘记签退了: the sign-out wheel starts at 17:00, three hours ahead of the server's 14:00.
  await top(vol, '.ck-correct-out').click();
  await vol.locator('.weui-picker__action:visible').last().click();
  await top(vol, '.ck-correct-out').filter({ hasText: '17:00' }).waitFor();
  await top(vol, '.ck-correct-error').filter({ hasText: FUTURE }).waitFor();
  expect(await isDisabled(vol, '.ck-correct-submit')).toBe(true);
  await top(vol, '.ck-correct-submit').click({ force: true });
  await vol.waitForTimeout(500);
  expect(await app.t.emu.db.find('checkin_corrections', {})).toHaveLength(0);

  // 13:00 is in the past: sent, and the day shows it waiting for review.
  await pickHour(vol, '.ck-correct-out', '13:00');
  await top(vol, '.ck-correct-out').filter({ hasText: '13:00' }).waitFor();
  expect(await vol.locator('.ck-correct-error').filter({ hasText: FUTURE }).count()).toBe(0);
  await top(vol, '.ck-correct-submit').click();
  await top(vol, '.ck-hours-correction-status').filter({ hasText: '待审核' }).waitFor();
  expect(await app.t.emu.db.find('checkin_corrections', {})).toMatchObject([{ status: 'pending' }]);
});
