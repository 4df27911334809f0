// 审核 in the h5 build: the reviewer judges member applications by their profile (age from the ID number, region,
// 从业类别, 服务领域, 专业特长, teams joined), approves two with one confirmation in 批量 mode, undoes one within the
// minute, and reads both decisions and the undo in 审核记录 (another team's reviewer sees its empty state).
import path from 'node:path';
import {
  DEFAULT_TEST_CLOCK,
  bootstrapRoot,
  idNumberFor,
  registerVolunteer,
  seedMembership,
  seedOrg,
  seedVolunteer,
} from '../helpers/emulator';
import type { InputOf } from '@contract/functions';
import { confirmModal, eventually, onTop as top } from '../helpers/browser';
import { SHOTS, useH5App } from '../helpers/h5-app';

const LZ = '兰州市科技志愿服务支队';
const TS = '天水市科技志愿服务支队';

const app = useH5App(async (t) => {
  await t.setClock(DEFAULT_TEST_CLOCK);
  const root = await bootstrapRoot(t, 'root-leader');
  await seedOrg(t, 'lz', LZ, root);
  await seedOrg(t, 'ts', TS, root);
  await seedVolunteer(t, 'lz-admin', '13900000002', '李敏');
  await seedMembership(t, 'lz', 'lz-admin', 'admin');
  await seedVolunteer(t, 'ts-admin', '13900000004', '王强');
  await seedMembership(t, 'ts', 'ts-admin', 'admin');
  const people: [string, string, string, string, Partial<InputOf<'user', 'register'>>][] = [
    ['app1', '13812345671', '赵晓明', '19900101', { occupation: '科研院所', serviceFields: ['科普报告类'], skills: '气象科普' }],
    ['app2', '13812345672', '钱多多', '19950615', {}],
    ['app3', '13812345673', '孙立', '20000229', {}],
  ];
  for (const [openid, phone, realName, birth, over] of people) {
    const r = await registerVolunteer(t, openid, phone, { realName, idNumber: idNumberFor(birth), orgIds: ['lz'], ...over });
    if (!r.ok) throw new Error(`register ${openid}: ${r.code}`);
  }
  // 赵晓明 already belongs to 天水.
  await seedMembership(t, 'ts', 'app1');
});
const { pages } = app;

const statusOf = async (id: string) => (await app.t.emu.db.find('memberships', { _id: id }))[0]?.status;

test('the reviewer sees the profile, batch-approves two with one confirmation, undoes one within the minute and reads the history', async () => {
  const page = await pages.open('lz-admin', '/admin/inbox/index');
  const item = (name: string) => top(page, '.inbox-member-item').filter({ hasText: name });
  await item('赵晓明').waitFor();
  const profile = await item('赵晓明').locator('.inbox-profile').innerText();
  for (const text of ['36岁', '甘肃省', '科研院所', '科普报告类', '气象科普', TS]) expect(profile).toContain(text);
  expect(await item('孙立').locator('.inbox-profile').innerText()).toContain('26岁');
  expect(await item('钱多多').innerText()).not.toContain('19950615');
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SHOTS, 'e2e-review-profile.png') });

  // 批量: choose two, 批量通过, one confirmation.
  await top(page, '.inbox-batch-toggle').click();
  await item('赵晓明').click();
  await item('钱多多').click();
  expect(await top(page, '.inbox-batch-count').innerText()).toBe('已选2条');
  await top(page, '.inbox-batch-approve').click();
  expect(await confirmModal(page, '批量通过')).toContain('2条');
  await eventually(async () => expect(await top(page, '.inbox-undo-item').count()).toBe(2));
  await eventually(async () => expect(await item('赵晓明').count()).toBe(0));
  // The confirmation closes with an animation: on a loaded machine it may still be fading out.
  await eventually(async () => expect(await page.locator('.taro-modal__content:visible').count()).toBe(0));
  expect([await statusOf('lz_app1'), await statusOf('lz_app2'), await statusOf('lz_app3')]).toEqual(['approved', 'approved', 'pending']);
  await page.screenshot({ path: path.join(SHOTS, 'e2e-review-undo.png') });

  // Within the minute: 撤销 赵晓明's approval; the application waits again.
  const undo = top(page, '.inbox-undo-item').filter({ hasText: '赵晓明' });
  expect(await undo.innerText()).toMatch(/\d+秒内可撤销/);
  await undo.locator('.inbox-undo-button').click();
  await item('赵晓明').waitFor();
  await eventually(async () => expect(await top(page, '.inbox-undo-item').count()).toBe(1));
  expect(await statusOf('lz_app1')).toBe('pending');
  expect(await statusOf('lz_app2')).toBe('approved');

  // 审核记录: newest first, with who decided.
  await top(page, '.inbox-tab-history').click();
  const rows = top(page, '.inbox-history-item');
  await eventually(async () => expect(await rows.count()).toBe(3));
  const texts = await rows.allInnerTexts();
  expect(texts[0]).toContain('赵晓明');
  expect(texts[0]).toContain('撤销通过');
  expect(texts.join('\n')).toContain('钱多多');
  for (const text of texts) expect(text).toContain('审核人：李敏');
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SHOTS, 'e2e-review-history.png') });

  // Another team's reviewer: nothing decided there yet.
  const other = await pages.open('ts-admin', '/admin/inbox/index?tab=history');
  await top(other, '.inbox-history-empty').waitFor();
});
