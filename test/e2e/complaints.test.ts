// 投诉 in the h5 build: someone not registered complains about a 分队 from its page (phone proven by an SMS code read
// from the emulator's outbox); the 分队 does not see it; the 支队 above it sees it whole in 投诉处理 and answers it; the
// complainant reads the answer on 我的投诉; once the 支队 shares it, the 分队's leader reads it, without the phone.
import path from 'node:path';
import { bootstrapRoot, latestSmsCode, seedMembership, seedOrg, seedVolunteer } from '../helpers/emulator';
import { eventually, onTop as top, pickOption } from '../helpers/browser';
import { SHOTS, useH5App } from '../helpers/h5-app';

const LZ = 'e2e-cp-lz';
const CG = 'e2e-cp-cg';
const LZ_LEADER = 'e2e-cp-lz-leader';
const CG_LEADER = 'e2e-cp-cg-leader';
const PERSON = 'e2e-cp-person';
const PHONE = '13812345678';
const CONTENT = '志愿者在社区讲座上态度很差，不回答老人的问题。';
const ANSWER = '已约谈相关志愿者并向您致歉，今后讲座安排答疑时间。';

const app = useH5App(async (t) => {
  // 10:00 on 2026-11-23 (Asia/Shanghai).
  await t.setClock('2026-11-23T02:00:00Z');
  const root = await bootstrapRoot(t, 'e2e-cp-root');
  const lz = await seedOrg(t, LZ, '兰州市科技志愿服务支队', root);
  await seedOrg(t, CG, '城关区科技志愿服务分队', lz, { level: '分队' });
  await seedVolunteer(t, LZ_LEADER, '13900004001', '赵队长');
  await seedMembership(t, LZ, LZ_LEADER, 'leader');
  await seedVolunteer(t, CG_LEADER, '13900004002', '钱队长');
  await seedMembership(t, CG, CG_LEADER, 'leader');
});
const { pages } = app;

/** The 分队's leader: nothing under 待答复, and 已答复 holds `expected` complaints. */
async function teamInbox(expected: number) {
  const page = await pages.open(CG_LEADER, '/admin/complaint-inbox/index');
  await top(page, '.complaint-inbox-empty').waitFor();
  await top(page, '.complaint-inbox-tab-answered').click();
  if (expected === 0) await top(page, '.complaint-inbox-empty').filter({ hasText: '暂无已答复的投诉' }).waitFor();
  else await eventually(async () => expect(await top(page, '.complaint-item').count()).toBe(expected));
  return page;
}

test('a complaint about a 分队 goes to the 支队 above it, is answered there, and reaches the 分队 only when shared', async () => {
  // Someone not registered opens the 分队's page and its 投诉 link.
  const person = await pages.open(PERSON, `/pages/org-detail/index?orgId=${CG}`);
  await top(person, '.org-complain').click();
  await top(person, '.complaint-target').filter({ hasText: '城关区科技志愿服务分队' }).waitFor();
  await pickOption(person, 'complaint-category', '服务态度');
  await top(person, '.complaint-content textarea').fill(CONTENT);
  await top(person, '.complaint-contact input').fill('张女士');
  await top(person, '.reg-phone input').fill(PHONE);
  await top(person, '.reg-send-code').click();
  await top(person, '.reg-send-code').filter({ hasText: /秒/ }).waitFor();
  await top(person, '.reg-sms-code input').fill(await latestSmsCode(app.t, PHONE));
  await person.screenshot({ path: path.join(SHOTS, 'e2e-complaint-form.png') });
  await top(person, '.complaint-submit').click();

  // 我的投诉 opens with it, waiting for the 支队's answer.
  const mine = top(person, '.complaint-item').filter({ hasText: CONTENT });
  await mine.waitFor({ timeout: 15000 });
  expect(await mine.locator('.complaint-status').innerText()).toBe('待答复');
  expect(await mine.locator('.complaint-handler').innerText()).toContain('兰州市科技志愿服务支队受理');
  const stored = await app.t.emu.db.find('complaints', {});
  expect(stored).toEqual([expect.objectContaining({ targetOrgId: CG, handlerOrgId: LZ, status: 'open', shared: false })]);

  // The 分队 complained about sees nothing of it.
  await teamInbox(0);

  // The 支队's leader sees it whole under 待答复, the phone included, and answers it without sharing it.
  const leader = await pages.open(LZ_LEADER, '/admin/complaint-inbox/index');
  const item = top(leader, '.complaint-item').filter({ hasText: CONTENT });
  await item.waitFor();
  expect(await top(leader, '.complaint-inbox-tab-open-count').innerText()).toBe('1');
  expect(await item.innerText()).toContain(`张女士 ${PHONE}`);
  await item.locator('.complaint-answer-input textarea').fill(ANSWER);
  await item.locator('.complaint-answer-submit').click();
  await item.locator('.complaint-answer').filter({ hasText: ANSWER }).waitFor();
  await leader.screenshot({ path: path.join(SHOTS, 'e2e-complaint-inbox.png') });

  // The complainant reads the answer on 我的投诉.
  await person.reload();
  const answered = top(person, '.complaint-item').filter({ hasText: CONTENT });
  await answered.locator('.complaint-answer').filter({ hasText: ANSWER }).waitFor();
  expect(await answered.locator('.complaint-status').innerText()).toBe('已答复');
  expect(await answered.locator('.complaint-answer').innerText()).toContain('兰州市科技志愿服务支队 答复');
  await person.screenshot({ path: path.join(SHOTS, 'e2e-my-complaints.png') });

  // Still not shared: the 分队 sees nothing.
  await teamInbox(0);

  // The 支队 shares it (已答复 → 告知被投诉队伍).
  await leader.reload();
  await top(leader, '.complaint-inbox-tab-answered').click();
  const done = top(leader, '.complaint-item').filter({ hasText: CONTENT });
  await done.locator('.complaint-share').click();
  await eventually(async () =>
    expect(await app.t.emu.db.find('complaints', {})).toEqual([expect.objectContaining({ status: 'answered', shared: true })]),
  );

  // Now the 分队's leader reads it and its answer, with the name but without the phone, and cannot answer it.
  const team = await teamInbox(1);
  const shared = top(team, '.complaint-item').filter({ hasText: CONTENT });
  expect(await shared.locator('.complaint-answer').innerText()).toContain(ANSWER);
  const text = await shared.innerText();
  expect(text).toContain('张女士');
  expect(text).not.toContain(PHONE);
  expect(await shared.locator('.complaint-answer-input').count()).toBe(0);
  expect(await shared.locator('.complaint-share').count()).toBe(0);
  await team.screenshot({ path: path.join(SHOTS, 'e2e-complaint-shared.png') });
});
