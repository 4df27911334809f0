// record's 表彰奖励 through the emulator: who records a commendation, who reviews it one level up (never their own), one
// decision when two reviewers race, who sees approved ones (我的, the team page), the ranking filter and the certificate.
import { dataOf, devMessages, refusalOf, seedMembership, useTestEmulator } from '../helpers/emulator';
import { pdfText } from '../helpers/pdf';
import { REPORT_CLOCK, seedProvince } from '../helpers/report';
import { PNG } from '../helpers/photos';

const PNG_1x1 = PNG.toString('base64');
import type { InputOf } from '@contract/functions';

/** Today in the fixture: 2026-11-23 (Asia/Shanghai). */
const t = useTestEmulator({ clock: REPORT_CLOCK });
let fx: Awaited<ReturnType<typeof seedProvince>>;
beforeEach(async () => {
  fx = await seedProvince(t);
});

type CommendInput = InputOf<'record', 'commend'>;
const commendInput = (subject: CommendInput['subject'], over: Partial<CommendInput> = {}): CommendInput => ({
  subject,
  title: '优秀科技志愿者',
  level: '市',
  issuer: '兰州市科学技术协会',
  date: '2026-09-20',
  ...over,
});
const commend = (who: string, subject: CommendInput['subject'], over: Partial<CommendInput> = {}) =>
  t.call('record', 'commend', commendInput(subject, over), who);
const review = (who: string, commendationId: string, decision: 'approve' | 'reject' = 'approve', reason?: string) =>
  t.call('record', 'reviewCommendation', { commendationId, decision, ...(reason ? { reason } : {}) }, who);
const inbox = async (who: string) => dataOf(await t.call('record', 'commendationInbox', {}, who)).items;

describe('record.commend: who records', () => {
  it('a 分队 admin records one for a member: pending, reviewed by the team one level up', async () => {
    const c = dataOf(await commend('cg-admin', { openid: 'v3' })).commendation;
    expect(c).toMatchObject({
      subjectKind: 'volunteer',
      subjectName: '王芳',
      subjectOrgName: '城关区科技志愿服务队',
      status: 'pending',
      orgName: '城关区科技志愿服务队',
      reviewOrgName: '兰州市科技志愿服务支队',
      level: '市',
    });
    expect((await inbox('lz-leader')).map((i) => i.commendationId)).toEqual([c.commendationId]);
    expect(await inbox('lz-admin')).toHaveLength(1);
    // Not the recorder's own team, nor the root, nor another branch.
    expect(await inbox('cg-admin')).toEqual([]);
    expect(await inbox('root-leader')).toEqual([]);
    expect(await inbox('ts-admin')).toEqual([]);
  });

  it('a 支队 records for a team below and an activity of its own; both go to the 总队', async () => {
    const team = dataOf(await commend('lz-leader', { orgId: 'cg' }, { title: '先进集体' })).commendation;
    const activity = dataOf(await commend('lz-admin', { activityId: fx.A1._id }, { title: '优秀项目' })).commendation;
    expect(team).toMatchObject({ subjectKind: 'team', subjectName: '城关区科技志愿服务队', orgName: '兰州市科技志愿服务支队' });
    expect(activity).toMatchObject({
      subjectKind: 'activity',
      subjectName: '全国科普日科普报告会',
      reviewOrgName: '甘肃省科技志愿服务总队',
    });
    expect((await inbox('root-leader')).map((i) => i.title).sort()).toEqual(['先进集体', '优秀项目'].sort());
  });

  it('a member, another branch and a team below may not record; nothing is written', async () => {
    expect(refusalOf(await commend('lz-member', { openid: 'v1' })).code).toBe('AUTH.FORBIDDEN');
    expect(refusalOf(await commend('ts-admin', { openid: 'v1' })).code).toBe('AUTH.FORBIDDEN');
    expect(refusalOf(await commend('ts-admin', { orgId: 'lz' })).code).toBe('AUTH.FORBIDDEN');
    expect(refusalOf(await commend('cg-admin', { orgId: 'lz' })).code).toBe('AUTH.FORBIDDEN');
    expect(refusalOf(await commend('cg-admin', { activityId: fx.A1._id })).code).toBe('AUTH.FORBIDDEN');
    expect(refusalOf(await commend('lz-admin', { activityId: 'nope' })).code).toBe('ACTIVITY.NOT_FOUND');
    expect(await t.emu.db.find('commendations', {})).toHaveLength(0);
  });

  it('bad input is VALIDATION and a date after today COMMENDATION.DATE_IN_FUTURE; nothing is written', async () => {
    const bad: Partial<CommendInput>[] = [
      { title: '优' },
      { title: '优'.repeat(41) },
      { level: '区' as never },
      { issuer: '科' },
      { issuer: '科'.repeat(61) },
      { date: '2026-02-30' },
    ];
    for (const over of bad) expect(refusalOf(await commend('lz-admin', { openid: 'v1' }, over)).code).toBe('VALIDATION');
    expect(
      refusalOf(
        await t.call(
          'record',
          'commend',
          { ...commendInput({ openid: 'v1' }), subject: { openid: 'v1', orgId: 'lz' } } as never,
          'lz-admin',
        ),
      ).code,
    ).toBe('VALIDATION');
    expect(refusalOf(await commend('lz-admin', { openid: 'v1' }, { date: '2026-11-24' })).code).toBe('COMMENDATION.DATE_IN_FUTURE');
    expect(await t.emu.db.find('commendations', {})).toHaveLength(0);
  });

  it('keeps an optional document picture, shown by a temporary address', async () => {
    const c = dataOf(
      await commend('lz-admin', { openid: 'v1' }, { document: { contentType: 'image/png', dataBase64: PNG_1x1 } }),
    ).commendation;
    expect(c.documentUrl).toMatch(/^https?:\/\//);
    const refused = refusalOf(
      await commend('lz-admin', { openid: 'v1' }, { document: { contentType: 'image/jpeg', dataBase64: PNG_1x1 } }),
    );
    expect(refused.code).toBe('FILE.BAD_TYPE');
    expect(await t.emu.db.find('commendations', {})).toHaveLength(1);
  });
});

describe('record.reviewCommendation', () => {
  it('the parent approves; the recorder is told in 消息中心; approved ones show on 我的 and to the team’s managers', async () => {
    const { commendationId } = dataOf(await commend('cg-admin', { openid: 'v3' })).commendation;
    // Pending: nobody sees it yet.
    expect(dataOf(await t.call('record', 'myCommendations', {}, 'v3')).items).toEqual([]);
    const approved = dataOf(await review('lz-leader', commendationId)).commendation;
    expect(approved).toMatchObject({ status: 'approved', reviewedAt: expect.any(String) });
    expect(dataOf(await t.call('record', 'myCommendations', {}, 'v3')).items).toEqual([
      expect.objectContaining({ commendationId, title: '优秀科技志愿者', status: 'approved' }),
    ]);
    for (const who of ['cg-admin', 'lz-admin', 'root-leader', 'v3'])
      expect(dataOf(await t.call('record', 'commendations', { openid: 'v3' }, who)).items).toHaveLength(1);
    for (const who of ['ts-admin', 'v1'])
      expect(refusalOf(await t.call('record', 'commendations', { openid: 'v3' }, who)).code).toBe('AUTH.FORBIDDEN');
    const messages = (await devMessages(t, 'cg-admin')).filter((m) => m.kind === 'commendationReviewed');
    expect(messages).toEqual([expect.objectContaining({ title: '表彰奖励已通过', data: expect.objectContaining({ result: '已通过' }) })]);
    expect(await inbox('lz-leader')).toEqual([]);
  });

  it('rejects with a reason (required); the recorder hears why; a rejected one is never shown', async () => {
    const { commendationId } = dataOf(await commend('cg-admin', { openid: 'v3' })).commendation;
    expect(refusalOf(await review('lz-leader', commendationId, 'reject')).code).toBe('VALIDATION');
    expect(dataOf(await review('lz-leader', commendationId, 'reject', '缺少表彰文件')).commendation).toMatchObject({
      status: 'rejected',
      rejectReason: '缺少表彰文件',
    });
    expect(dataOf(await t.call('record', 'myCommendations', {}, 'v3')).items).toEqual([]);
    const [message] = (await devMessages(t, 'cg-admin')).filter((m) => m.kind === 'commendationReviewed');
    expect(message.body).toContain('缺少表彰文件');
    expect(refusalOf(await review('lz-admin', commendationId)).code).toBe('COMMENDATION.DECIDED');
  });

  it('not the recording team, another branch, nor an unknown one', async () => {
    const { commendationId } = dataOf(await commend('cg-admin', { openid: 'v3' })).commendation;
    for (const who of ['cg-admin', 'ts-admin', 'lz-member', 'root-leader'])
      expect(refusalOf(await review(who, commendationId)).code).toMatch(/^AUTH\.(FORBIDDEN|SELF_DEALING)$/);
    expect(refusalOf(await review('ts-admin', commendationId)).code).toBe('AUTH.FORBIDDEN');
    expect(refusalOf(await review('lz-leader', 'nope')).code).toBe('COMMENDATION.NOT_FOUND');
  });

  it('nobody approves their own: a commendation of the reviewer, of their team, or recorded by them is AUTH.SELF_DEALING', async () => {
    // lz-admin is also a member of 城关: 城关 commends them, and 兰州 reviews it.
    await seedMembership(t, 'cg', 'lz-admin', 'member');
    const ofReviewer = dataOf(await commend('cg-admin', { openid: 'lz-admin' })).commendation.commendationId;
    expect(refusalOf(await review('lz-admin', ofReviewer)).code).toBe('AUTH.SELF_DEALING');
    expect((await inbox('lz-admin')).map((i) => i.commendationId)).not.toContain(ofReviewer);
    expect(dataOf(await review('lz-leader', ofReviewer)).commendation.status).toBe('approved');
    // The root reviews its own records with its other managers: the recorder never.
    await seedMembership(t, fx.root._id, 'root-admin', 'admin');
    const byRoot = dataOf(await commend('root-leader', { orgId: 'lz' })).commendation;
    expect(byRoot).toMatchObject({ orgName: '甘肃省科技志愿服务总队', reviewOrgName: '甘肃省科技志愿服务总队' });
    expect(refusalOf(await review('root-leader', byRoot.commendationId)).code).toBe('AUTH.SELF_DEALING');
    // A team's manager does not approve their own team's commendation.
    await seedMembership(t, fx.root._id, 'lz-leader', 'admin');
    expect(refusalOf(await review('lz-leader', byRoot.commendationId)).code).toBe('AUTH.SELF_DEALING');
    expect(dataOf(await review('root-admin', byRoot.commendationId)).commendation.status).toBe('approved');
  });

  it('two reviewers at once: one decision, the other told it is decided', async () => {
    const { commendationId } = dataOf(await commend('cg-admin', { openid: 'v3' })).commendation;
    const answers = await Promise.all([review('lz-leader', commendationId), review('lz-admin', commendationId, 'reject', '重复记录')]);
    const codes = answers.map((a) => (a.ok ? 'ok' : a.code)).sort();
    expect(codes).toEqual(['COMMENDATION.DECIDED', 'ok']);
    const [stored] = await t.emu.db.find('commendations', { _id: commendationId });
    const winner = answers.find((a) => a.ok);
    expect(stored.status).toBe(dataOf(winner as never as { ok: true; data: { commendation: { status: string } } }).commendation.status);
    expect((await devMessages(t, 'cg-admin')).filter((m) => m.kind === 'commendationReviewed')).toHaveLength(1);
  });
});

describe('who sees approved commendations', () => {
  it('the team page shows the team’s and its activities’ approved ones to anyone; pending ones to nobody', async () => {
    const team = dataOf(await commend('lz-leader', { orgId: 'cg' }, { title: '先进集体', level: '省' })).commendation;
    const activity = dataOf(await commend('cg-admin', { activityId: fx.A5._id }, { title: '优秀项目' })).commendation;
    expect(dataOf(await t.call('record', 'commendations', { orgId: 'cg' }, 'v1')).items).toEqual([]);
    await review('root-leader', team.commendationId);
    await review('lz-admin', activity.commendationId);
    const page = dataOf(await t.call('record', 'commendations', { orgId: 'cg' }, 'v1')).items;
    expect(page.map((i) => i.title).sort()).toEqual(['优秀项目', '先进集体'].sort());
    expect(dataOf(await t.call('record', 'commendations', { activityId: fx.A5._id }, 'ts-admin')).items).toHaveLength(1);
    expect(refusalOf(await t.call('record', 'commendations', {}, 'v1')).code).toBe('VALIDATION');
  });
});

describe('report.ranking commended and the certificate', () => {
  it('with commended, only teams with an approved commendation in the period are ranked', async () => {
    const { commendationId } = dataOf(await commend('cg-admin', { openid: 'v3' }, { date: '2026-06-01' })).commendation;
    const ranking = (over: Record<string, unknown>) =>
      t.call('report', 'ranking', { orgId: fx.root._id, from: '2026-01-01', to: '2026-11-23', ...over }, 'root-leader');
    // Pending does not count.
    expect(dataOf(await ranking({ commended: true })).items).toEqual([]);
    await review('lz-leader', commendationId);
    expect(dataOf(await ranking({ commended: true })).items.map((i) => i.orgId)).toEqual(['lz']);
    expect(
      dataOf(await ranking({}))
        .items.map((i) => i.orgId)
        .sort(),
    ).toEqual(['lz', 'ts']);
    // Outside the period: none.
    expect(dataOf(await ranking({ commended: true, from: '2026-07-01' })).items).toEqual([]);
  });

  it('the certificate lists the volunteer’s approved commendations under 表彰奖励, and has no such section without any', async () => {
    const cert = async () => {
      const out = dataOf<{ pdfBase64: string }>(await t.call('report', 'certificate', { orgId: 'lz' }, 'v1'));
      return (await pdfText(Buffer.from(out.pdfBase64, 'base64'))).text.replace(/\s+/g, '');
    };
    expect(await cert()).not.toContain('表彰奖励');
    const { commendationId } = dataOf(
      await commend('lz-admin', { openid: 'v1' }, { level: '省', issuer: '甘肃省科学技术协会' }),
    ).commendation;
    expect(await cert()).not.toContain('表彰奖励');
    await review('root-leader', commendationId);
    const text = await cert();
    expect(text).toContain('表彰奖励（共1项）');
    expect(text).toContain('省级·优秀科技志愿者·甘肃省科学技术协会·2026-09-20');
  });
});
