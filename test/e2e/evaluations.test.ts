// 评价 in the h5 build: after an activity has ended (page and emulator clocks pinned), the team's admin opens 评价
// from 签到名单, rates one participant 优秀 with a comment and the other with 未评的全部合格, saves both in one go, and
// the volunteer reads 优秀 with the comment on 我的评价 (linked from 我的数据).
import path from 'node:path';
import { bootstrapRoot, seedMembership, seedOrg, seedVolunteer } from '../helpers/emulator';
import { seedActivity } from '../helpers/checkin';
import { eventually, onTop as top } from '../helpers/browser';
import { SHOTS, useH5App } from '../helpers/h5-app';

const ADMIN = 'e2e-ev-admin';
const ZHANG = 'e2e-ev-zhang';
const WANG = 'e2e-ev-wang';
const TITLE = '社区科普讲解';
const COMMENT = '讲解生动，群众反响好';
let activityId = '';

const app = useH5App(async (t) => {
  await t.setClock('2026-12-01T01:30:00.000Z');
  const root = await bootstrapRoot(t, 'e2e-ev-root');
  await seedOrg(t, 'e2e-ev-lz', '兰州市科技志愿服务支队', root);
  await seedVolunteer(t, ADMIN, '13900003001', '李敏');
  await seedMembership(t, 'e2e-ev-lz', ADMIN, 'admin');
  await seedVolunteer(t, ZHANG, '13900003002', '张伟');
  await seedVolunteer(t, WANG, '13900003003', '王芳');
  activityId = (await seedActivity(t, 'e2e-ev-lz', { title: TITLE }))._id;
  // Both served the first day (09:00–17:00 in Shanghai).
  for (const openid of [ZHANG, WANG]) {
    await t.emu.db.insert('checkin_days', [
      {
        _id: `${activityId}_${openid}_20261201`,
        activityId,
        orgId: 'e2e-ev-lz',
        openid,
        date: '2026-12-01',
        signInAt: new Date('2026-12-01T01:00:00Z'),
        signOutAt: new Date('2026-12-01T09:00:00Z'),
        minutes: 480,
        status: 'closed',
        adjustments: [],
        createdAt: new Date('2026-12-01T01:00:00Z'),
        updatedAt: new Date('2026-12-01T09:00:00Z'),
      },
    ]);
  }
  // The activity ended on 2026-12-02 at 17:00; the next morning it is evaluated.
  await t.setClock('2026-12-03T02:00:00.000Z');
});

test('an admin evaluates two participants after the activity ended; the volunteer sees 优秀 with the comment', async () => {
  const admin = await app.pages.open(ADMIN, `/admin/roster/index?activityId=${encodeURIComponent(activityId)}`);
  await top(admin, '.ck-roster-evaluate').click();
  const zhang = top(admin, '.ev-row').filter({ hasText: '张伟' });
  await zhang.waitFor();
  await zhang.locator('.ev-grade-excellent').click();
  await zhang.locator('.ev-comment textarea').fill(COMMENT);
  await top(admin, '.ev-fill-pass').click();
  await top(admin, '.ev-row').filter({ hasText: '王芳' }).locator('.ev-grade-pass.is-active').waitFor();
  await top(admin, '.ev-save').click();
  await top(admin, '.ev-saved').filter({ hasText: '已保存 2 人的评价' }).waitFor();
  await admin.screenshot({ path: path.join(SHOTS, 'evaluations-admin.png') });

  await eventually(async () => {
    const read = await app.t.call('record', 'evaluations', { activityId }, ADMIN);
    if (!read.ok) throw new Error(read.code);
    expect(read.data.participants.map((p) => [p.realName, p.evaluation?.grade, p.evaluation?.comment])).toEqual([
      ['王芳', 'pass', undefined],
      ['张伟', 'excellent', COMMENT],
    ]);
  });

  // The volunteer: 我的数据 → 我的评价.
  const vol = await app.pages.open(ZHANG, '/pages/my-data/index');
  await top(vol, '.my-data-evaluations').click();
  const item = top(vol, '.my-ev-item').filter({ hasText: TITLE });
  await item.waitFor();
  expect(await item.locator('.my-ev-grade').innerText()).toBe('优秀');
  expect(await item.locator('.my-ev-comment').innerText()).toBe(COMMENT);
  expect(await item.innerText()).toContain('评价人 李敏');
  await vol.screenshot({ path: path.join(SHOTS, 'evaluations-volunteer.png') });
});
