// 投诉 through the emulator: anyone with an SMS-verified phone complains about a team or an activity; the team one
// level up receives and answers it, the complainant reads the answer, the team complained about sees nothing unless
// shared; an unanswered complaint moves up after COMPLAINT_ANSWER_DAYS; two answers at once leave one; a phone
// complains a few times a day; nobody judges their own team.
import {
  dataOf,
  devMessages,
  latestSmsCode,
  publishActivity,
  refusalOf,
  seedLanzhou,
  seedOrg,
  seedStaff,
  useTestEmulator,
} from '../helpers/emulator';
import type { InputOf } from '@contract/functions';

// 10:00 on 2026-11-22, Asia/Shanghai.
const t = useTestEmulator({ clock: '2026-11-22T02:00:00.000Z' });

beforeEach(async () => {
  const { lz } = await seedLanzhou(t);
  await seedOrg(t, 'fd', '城关区科技志愿服务分队', lz, { level: '分队' });
  await seedStaff(t, [
    ['lz-leader', '13900000001', 'lz', 'leader'],
    ['lz-admin', '13900000002', 'lz', 'admin'],
    ['fd-admin', '13900000003', 'fd', 'admin'],
    ['fd-member', '13900000004', 'fd', 'member'],
  ]);
});

const COMPLAINANT = 'resident-1';
const PHONE = '13812345678';
type ComplainInput = InputOf<'org', 'complain'>;
const input = (over: Partial<ComplainInput> = {}): Omit<ComplainInput, 'smsCode'> => ({
  target: { orgId: 'fd' },
  category: '服务态度',
  content: '志愿者在社区讲座上态度很差，不回答老人的问题。',
  contactName: '张女士',
  phone: PHONE,
  ...over,
});

async function smsCode(phone = PHONE, openid = COMPLAINANT): Promise<string> {
  const sent = await t.call('sms', 'send', { phone, purpose: 'complaint' }, openid);
  if (!sent.ok) throw new Error(`sms.send: ${sent.code}`);
  return latestSmsCode(t, phone);
}

async function complain(over: Partial<ComplainInput> = {}, openid = COMPLAINANT) {
  const i = input(over);
  return dataOf(await t.call('org', 'complain', { ...i, smsCode: await smsCode(i.phone, openid) }, openid)).complaint;
}

const count = async () => (await t.emu.db.find('complaints', {})).length;
const inbox = (openid: string, status?: 'open' | 'answered') => t.call('org', 'complaintInbox', status ? { status } : {}, openid);
const answer = (complaintId: string, openid: string, text = '已约谈相关志愿者，向您致歉。', shareWithTeam?: boolean) =>
  t.call('org', 'answerComplaint', { complaintId, answer: text, ...(shareWithTeam === undefined ? {} : { shareWithTeam }) }, openid);
const kindOf = async (openid: string, kind: string) => (await devMessages(t, openid)).filter((m) => m.kind === kind);

describe('投诉: making a complaint', () => {
  it('an unregistered complainant with an SMS-verified phone reaches the team one level up, never the team itself', async () => {
    const c = await complain();
    expect(c).toMatchObject({
      status: 'open',
      targetOrgId: 'fd',
      handlerOrgId: 'lz',
      handlerOrgName: '兰州市科技志愿服务支队',
      overdue: false,
    });
    expect(c.answerDueAt).toMatch(/^2026-11-29T10:00:\d\d\+08:00$/);
    expect(c.contactPhone).toBe(PHONE);
    expect(await kindOf('lz-leader', 'complaintTask')).toHaveLength(1);
    expect(await kindOf('fd-admin', 'complaintTask')).toHaveLength(0);
    expect(dataOf(await inbox('lz-admin')).items.map((x) => x.complaintId)).toEqual([c.complaintId]);
    expect(dataOf(await inbox('lz-admin')).counts).toEqual({ open: 1, overdue: 0 });
    // The team complained about: nothing in its inbox, and no answering it.
    expect(dataOf(await inbox('fd-admin')).items).toEqual([]);
    expect(refusalOf(await answer(c.complaintId, 'fd-admin')).code).toBe('AUTH.FORBIDDEN');
    expect(refusalOf(await inbox('fd-member')).code).toBe('AUTH.FORBIDDEN');
    // The phone is sealed at rest.
    const [stored] = await t.emu.db.find('complaints', { _id: c.complaintId });
    expect(JSON.stringify(stored)).not.toContain(PHONE);
  });

  it('a complaint about an activity goes above the activity’s team; about the root, to the root’s own leaders', async () => {
    const a = await publishActivity(t, 'fd-admin', 'fd');
    const c = await complain({ target: { activityId: a._id }, category: '活动组织' });
    expect(c).toMatchObject({ targetOrgId: 'fd', activityId: a._id, activityTitle: a.title, handlerOrgId: 'lz' });
    await t.setClock('2026-11-22T03:00:00.000Z');
    const root = (await t.emu.db.find('orgs', { level: '总队' }))[0]._id as string;
    const r = await complain({ target: { orgId: root } });
    expect(r.handlerOrgId).toBe(root);
    expect(dataOf(await answer(r.complaintId, 'root-leader')).complaint.status).toBe('answered');
  });

  it('the answer reaches the complainant; shared, the team complained about reads it without the phone or, if asked, the name', async () => {
    const c = await complain({ anonymousToTeam: true });
    const answered = dataOf(await answer(c.complaintId, 'lz-leader', '已核实，已对相关志愿者进行批评教育。')).complaint;
    expect(answered).toMatchObject({
      status: 'answered',
      answer: { text: '已核实，已对相关志愿者进行批评教育。', orgName: '兰州市科技志愿服务支队' },
    });
    const mine = dataOf(await t.call('org', 'myComplaints', {}, COMPLAINANT)).items;
    expect(mine).toHaveLength(1);
    expect(mine[0].answer?.text).toBe('已核实，已对相关志愿者进行批评教育。');
    expect((await kindOf(COMPLAINANT, 'complaintProgress')).at(-1)?.title).toContain('已答复');
    // Not shared yet: the team sees nothing.
    expect(dataOf(await inbox('fd-admin')).items).toEqual([]);
    const shared = dataOf(await t.call('org', 'shareComplaint', { complaintId: c.complaintId, shared: true }, 'lz-admin')).complaint;
    expect(shared.shared).toBe(true);
    const [seen] = dataOf(await inbox('fd-admin')).items;
    expect(seen).toMatchObject({ complaintId: c.complaintId, content: c.content, can: { answer: false, share: false } });
    expect(seen.contactPhone).toBeUndefined();
    expect(seen.contactName).toBeUndefined();
    expect(refusalOf(await t.call('org', 'shareComplaint', { complaintId: c.complaintId, shared: false }, 'fd-admin')).code).toBe(
      'AUTH.FORBIDDEN',
    );
    expect(refusalOf(await answer(c.complaintId, 'lz-admin')).code).toBe('COMPLAINT.ANSWERED');
  });

  it('a wrong SMS code is refused and nothing is written; bad input is refused with nothing written', async () => {
    const code = await smsCode();
    const wrong = code === '000000' ? '111111' : '000000';
    expect(refusalOf(await t.call('org', 'complain', { ...input(), smsCode: wrong }, COMPLAINANT)).code).toBe('SMS.CODE_INVALID');
    for (const over of [{ content: '太差了' }, { category: '跳舞' as never }, { target: { orgId: 'fd', activityId: 'x' } as never }]) {
      expect(refusalOf(await t.call('org', 'complain', { ...input(over), smsCode: code }, COMPLAINANT)).code).toBe('VALIDATION');
    }
    expect(refusalOf(await t.call('org', 'complain', { ...input({ target: { orgId: 'nope' } }), smsCode: code }, COMPLAINANT)).code).toBe(
      'COMPLAINT.TARGET_NOT_FOUND',
    );
    expect(await count()).toBe(0);
    expect(await t.emu.db.find('complaint_quota', {})).toEqual([]);
  });

  it('a phone complains at most 3 times a day', async () => {
    for (let i = 0; i < 3; i++) {
      await complain();
      await t.setClock(`2026-11-22T0${3 + i}:00:00.000Z`);
    }
    const code = await smsCode();
    expect(refusalOf(await t.call('org', 'complain', { ...input(), smsCode: code }, COMPLAINANT)).code).toBe('COMPLAINT.DAILY_LIMIT');
    expect(await count()).toBe(3);
  });
});

describe('投诉处理: answering', () => {
  it('two answers at once: one wins, the other is told it was answered', async () => {
    const c = await complain();
    const [a, b] = await Promise.all([
      answer(c.complaintId, 'lz-leader', '答复甲：已处理。'),
      answer(c.complaintId, 'lz-admin', '答复乙：已处理。'),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect(refusalOf((a.ok ? b : a) as never).code).toBe('COMPLAINT.ANSWERED');
    const [stored] = await t.emu.db.find('complaints', { _id: c.complaintId });
    expect((stored.history as { step: string }[]).filter((s) => s.step === 'answered')).toHaveLength(1);
    expect(await kindOf(COMPLAINANT, 'complaintProgress')).toHaveLength(1);
  });

  it('a manager of the handling team who is also a member of the team complained about may not answer', async () => {
    await seedStaff(t, [['both', '13900000009', 'lz', 'admin']]);
    await t.emu.db.insert('memberships', [
      { _id: 'fd_both', orgId: 'fd', openid: 'both', role: 'member', status: 'approved', appliedAt: new Date() },
    ]);
    const c = await complain();
    const r = await answer(c.complaintId, 'both');
    expect(refusalOf(r).code).toBe('AUTH.SELF_DEALING');
    expect(dataOf(await inbox('both')).items[0].can).toEqual({ answer: false, share: false });
    expect(dataOf(await answer(c.complaintId, 'lz-leader')).complaint.status).toBe('answered');
  });

  it('an unanswered complaint moves up after 7 days, once, even when two ticks overlap; the complainant is told', async () => {
    const c = await complain();
    await t.setClock('2026-11-29T01:59:00.000Z');
    await t.dev('POST', '/_dev/cron');
    expect(dataOf(await inbox('lz-leader')).items).toHaveLength(1);
    // The emulator clock runs on from each setting: a minute past seven days is past the complaint's own instant.
    await t.setClock('2026-11-29T02:01:00.000Z');
    expect(dataOf(await inbox('lz-leader')).items[0].overdue).toBe(true);
    await Promise.all([t.dev('POST', '/_dev/cron'), t.dev('POST', '/_dev/cron')]);
    const root = (await t.emu.db.find('orgs', { level: '总队' }))[0];
    const [moved] = dataOf(await inbox('root-leader')).items;
    expect(moved).toMatchObject({ complaintId: c.complaintId, handlerOrgId: root._id, overdue: false });
    expect(moved.history.filter((s) => s.step === 'escalated')).toHaveLength(1);
    expect((await kindOf(COMPLAINANT, 'complaintProgress')).at(-1)?.body).toContain(root.name as string);
    expect((await kindOf('root-leader', 'complaintTask')).at(-1)?.title).toContain('逾期未答复');
    // 兰州 no longer has it, nor may answer it.
    expect(dataOf(await inbox('lz-leader')).items).toEqual([]);
    expect(refusalOf(await answer(c.complaintId, 'lz-leader')).code).toBe('AUTH.FORBIDDEN');
    // At the root it stays: nobody is above.
    await t.setClock('2026-12-20T02:00:00.000Z');
    await t.dev('POST', '/_dev/cron');
    expect(dataOf(await inbox('root-leader')).items[0]).toMatchObject({ handlerOrgId: root._id, overdue: true });
  });
});
