// record's 评价 through the emulator: who evaluates (the activity's team, after it ended, never themself, only
// participants), who reads, the volunteer's own, a 申诉 through checkin.requestCorrection decided by someone other
// than the evaluator, refused input writing nothing, two saves at once keeping one evaluation, 附件2 and 我的数据.
import { dataOf, refusalOf, seedMembership, seedVolunteer, useTestEmulator, type TestEmulator } from '../helpers/emulator';
import { seedCheckinScene } from '../helpers/checkin';
import { readXlsx, sheetRows, tableUnder } from '../helpers/report';
import type { InputOf } from '@contract/functions';

const t = useTestEmulator();
/** The scene's activity ends on 2026-12-02 at 17:00 in Shanghai. */
const ENDED = '2026-12-03T01:00:00Z';

/** A closed day of the activity for `openid`: what makes someone a participant. */
async function seedDay(t: TestEmulator, activityId: string, openid: string, date = '2026-12-01') {
  const signInAt = new Date(`${date}T01:00:00Z`);
  const signOutAt = new Date(`${date}T09:00:00Z`);
  await t.emu.db.insert('checkin_days', [
    {
      _id: `${activityId}_${openid}_${date.replace(/-/g, '')}`,
      activityId,
      orgId: 'lz',
      openid,
      date,
      signInAt,
      signOutAt,
      minutes: 480,
      status: 'closed',
      adjustments: [],
      createdAt: signInAt,
      updatedAt: signOutAt,
    },
  ]);
}

/** The scene with 张伟 (vol), 刘洋 (vol2) and the admin 李敏 (lz-admin) as participants; 陈静 (vol3) took no part. */
async function scene() {
  const act = await seedCheckinScene(t, ['vol', 'vol2', 'vol3']);
  for (const who of ['vol', 'vol2', 'lz-admin']) await seedDay(t, act._id, who);
  return act;
}

const evaluate = (activityId: string, items: InputOf<'record', 'evaluate'>['items'], who = 'lz-admin') =>
  t.call('record', 'evaluate', { activityId, items }, who);
const contest = (activityId: string, wishedGrade: 'excellent' | 'good' | 'pass' | 'fail', who = 'vol', note = '我全程参与并负责讲解') =>
  t.call('checkin', 'requestCorrection', { kind: 'evaluation', activityId, wishedGrade, note }, who);

describe('record.evaluate: the activity’s team, after the end, participants only, never oneself', () => {
  it('the team’s admin rates participants once the activity has ended; they read it back with the others unrated', async () => {
    const act = await scene();
    await t.setClock(ENDED);
    const out = dataOf(
      await evaluate(act._id, [
        { openid: 'vol', grade: 'excellent', comment: '讲解生动，群众反响好' },
        { openid: 'vol2', grade: 'pass' },
      ]),
    );
    expect(out).toEqual({
      saved: 2,
      results: [
        { openid: 'vol', outcome: 'saved' },
        { openid: 'vol2', outcome: 'saved' },
      ],
    });
    const read = dataOf(await t.call('record', 'evaluations', { activityId: act._id }, 'lz-admin'));
    expect(read.ended).toBe(true);
    expect(read.participants.map((p) => [p.realName, p.evaluation?.grade ?? null, p.minutes])).toEqual([
      ['李敏', null, 480],
      ['刘洋', 'pass', 480],
      ['张伟', 'excellent', 480],
    ]);
    expect(read.participants.find((p) => p.openid === 'vol')?.evaluation).toMatchObject({
      comment: '讲解生动，群众反响好',
      evaluatorName: '李敏',
      changes: [],
    });
    // The managers of a team above read it too.
    expect(dataOf(await t.call('record', 'evaluations', { activityId: act._id }, 'root-leader')).participants).toHaveLength(3);
  });

  it('before the end by the server clock it is refused, writing nothing; at the last day’s 17:00 it opens', async () => {
    const act = await scene();
    await t.setClock('2026-12-02T08:59:59Z');
    const refusal = refusalOf(await evaluate(act._id, [{ openid: 'vol', grade: 'good' }]));
    expect(refusal).toMatchObject({ code: 'EVALUATION.NOT_ENDED', details: { endAt: '2026-12-02T17:00:00+08:00' } });
    expect(dataOf(await t.call('record', 'evaluations', { activityId: act._id }, 'lz-admin')).ended).toBe(false);
    expect(await t.emu.db.find('evaluations', {})).toHaveLength(0);
    await t.setClock('2026-12-02T09:00:00Z');
    expect(dataOf(await evaluate(act._id, [{ openid: 'vol', grade: 'good' }])).saved).toBe(1);
  });

  it('refuses per item: someone who took no part, and oneself (AUTH.SELF_DEALING); the others are saved', async () => {
    const act = await scene();
    await t.setClock(ENDED);
    const out = dataOf(
      await evaluate(act._id, [
        { openid: 'vol3', grade: 'good' },
        { openid: 'lz-admin', grade: 'excellent' },
        { openid: 'vol', grade: 'good' },
      ]),
    );
    expect(out.saved).toBe(1);
    expect(out.results.map((r) => [r.openid, r.outcome, r.code ?? null])).toEqual([
      ['vol3', 'refused', 'EVALUATION.NOT_PARTICIPANT'],
      ['lz-admin', 'refused', 'AUTH.SELF_DEALING'],
      ['vol', 'saved', null],
    ]);
    expect((await t.emu.db.find('evaluations', {})).map((d) => d.openid)).toEqual(['vol']);
  });

  it('a member, another team’s admin and a volunteer may neither evaluate nor read', async () => {
    const act = await scene();
    await t.setClock(ENDED);
    for (const who of ['vol', 'ts-admin', 'vol3']) {
      expect(refusalOf(await evaluate(act._id, [{ openid: 'vol2', grade: 'good' }], who)).code).toBe('AUTH.FORBIDDEN');
      expect(refusalOf(await t.call('record', 'evaluations', { activityId: act._id }, who)).code).toBe('AUTH.FORBIDDEN');
    }
    expect(await t.emu.db.find('evaluations', {})).toHaveLength(0);
  });

  it('re-evaluating changes the one evaluation and keeps the change; saving the same again writes nothing', async () => {
    const act = await scene();
    await t.setClock(ENDED);
    await evaluate(act._id, [{ openid: 'vol', grade: 'pass' }]);
    await t.setClock('2026-12-03T02:00:00Z');
    expect(dataOf(await evaluate(act._id, [{ openid: 'vol', grade: 'good', comment: '补充：协助维持秩序' }])).saved).toBe(1);
    expect(dataOf(await evaluate(act._id, [{ openid: 'vol', grade: 'good', comment: '补充：协助维持秩序' }])).results).toEqual([
      { openid: 'vol', outcome: 'unchanged' },
    ]);
    const docs = await t.emu.db.find('evaluations', {});
    expect(docs).toHaveLength(1);
    const mine = dataOf(await t.call('record', 'myEvaluations', {}, 'vol')).items[0];
    expect(mine).toMatchObject({ grade: 'good', comment: '补充：协助维持秩序', evaluatedAt: '2026-12-03T10:00:00+08:00' });
    expect(mine.changes).toEqual([
      {
        at: '2026-12-03T10:00:00+08:00',
        byName: '李敏',
        via: 'evaluate',
        before: { grade: 'pass' },
        after: { grade: 'good', comment: '补充：协助维持秩序' },
      },
    ]);
  });

  it('bad input is VALIDATION and writes nothing', async () => {
    const act = await scene();
    await t.setClock(ENDED);
    const bad: unknown[] = [
      { activityId: act._id, items: [{ openid: 'vol', grade: 'perfect' }] },
      { activityId: act._id, items: [{ openid: 'vol', grade: 'good', comment: '好'.repeat(201) }] },
      { activityId: act._id, items: [] },
      { activityId: act._id, items: Array.from({ length: 201 }, (_, i) => ({ openid: `p${i}`, grade: 'pass' })) },
      {
        activityId: act._id,
        items: [
          { openid: 'vol', grade: 'good' },
          { openid: 'vol', grade: 'fail' },
        ],
      },
    ];
    for (const input of bad) expect(refusalOf(await t.callRaw('record', 'evaluate', input, 'lz-admin')).code).toBe('VALIDATION');
    expect(await t.emu.db.find('evaluations', {})).toHaveLength(0);
  });

  it('two admins saving at once keep one evaluation per person, each change kept', async () => {
    const act = await scene();
    await seedVolunteer(t, 'lz-admin2', '13900000009', '孙丽');
    await seedMembership(t, 'lz', 'lz-admin2', 'admin');
    await t.setClock(ENDED);
    const answers = await Promise.all([
      evaluate(act._id, [{ openid: 'vol', grade: 'excellent' }]),
      evaluate(act._id, [{ openid: 'vol', grade: 'good' }], 'lz-admin2'),
      evaluate(act._id, [{ openid: 'vol', grade: 'excellent' }]),
    ]);
    for (const a of answers) expect(a.ok).toBe(true);
    const docs = await t.emu.db.find('evaluations', { openid: 'vol' });
    expect(docs).toHaveLength(1);
    // Every grade that was written over another is in the list of changes.
    const changes = (docs[0].changes as { before: { grade: string }; after: { grade: string } }[]) ?? [];
    expect(changes.length).toBeGreaterThanOrEqual(1);
    expect(changes.at(-1)?.after.grade).toBe(docs[0].grade);
  });
});

describe('record.myEvaluations: the volunteer’s own', () => {
  it('lists the caller’s evaluations with the activity, and nobody else’s', async () => {
    const act = await scene();
    await t.setClock(ENDED);
    await evaluate(act._id, [
      { openid: 'vol', grade: 'excellent', comment: '讲解生动' },
      { openid: 'vol2', grade: 'fail', comment: '提前离开' },
    ]);
    const mine = dataOf(await t.call('record', 'myEvaluations', {}, 'vol')).items;
    expect(mine).toEqual([
      expect.objectContaining({
        openid: 'vol',
        grade: 'excellent',
        comment: '讲解生动',
        title: '社区科普讲解',
        orgName: '兰州市科技志愿服务支队',
        startDate: '2026-12-01',
        endDate: '2026-12-02',
      }),
    ]);
    expect(JSON.stringify(mine)).not.toContain('提前离开');
    expect(dataOf(await t.call('record', 'myEvaluations', {}, 'vol3')).items).toEqual([]);
  });
});

describe('申诉: contesting an evaluation through the correction path', () => {
  async function contestedScene() {
    const act = await scene();
    await seedVolunteer(t, 'lz-admin2', '13900000009', '孙丽');
    await seedMembership(t, 'lz', 'lz-admin2', 'admin');
    await t.setClock(ENDED);
    await evaluate(act._id, [{ openid: 'vol', grade: 'pass', comment: '表现一般' }]);
    const asked = dataOf(await contest(act._id, 'excellent'));
    return { act, correctionId: asked.correction.correctionId, correction: asked.correction };
  }

  it('another admin approves: the grade changes and the change is kept; the evaluator may not decide it', async () => {
    const { act, correctionId, correction } = await contestedScene();
    expect(correction).toMatchObject({
      kind: 'evaluation',
      grade: 'pass',
      wishedGrade: 'excellent',
      status: 'pending',
      date: '2026-12-02',
    });
    // It waits in the team's corrections like a day's.
    const listed = dataOf(await t.call('checkin', 'corrections', { orgId: 'lz', status: 'pending' }, 'lz-admin2')).items;
    expect(listed.map((c) => [c.kind, c.realName, c.wishedGrade])).toEqual([['evaluation', '张伟', 'excellent']]);

    const refusal = refusalOf(await t.call('checkin', 'reviewCorrection', { correctionId, decision: 'approve' }, 'lz-admin'));
    expect(refusal.code).toBe('AUTH.SELF_DEALING');
    expect(refusalOf(await t.call('checkin', 'reviewCorrection', { correctionId, decision: 'approve' }, 'vol')).code).toBe(
      'AUTH.FORBIDDEN',
    );
    expect(refusalOf(await t.call('checkin', 'reviewCorrection', { correctionId, decision: 'approve' }, 'ts-admin')).code).toBe(
      'AUTH.FORBIDDEN',
    );
    // With another admin in the team, the parent team does not step in.
    expect(refusalOf(await t.call('checkin', 'reviewCorrection', { correctionId, decision: 'approve' }, 'root-leader')).code).toBe(
      'AUTH.FORBIDDEN',
    );

    const approved = dataOf(await t.call('checkin', 'reviewCorrection', { correctionId, decision: 'approve' }, 'lz-admin2'));
    expect(approved.correction.status).toBe('approved');
    const mine = dataOf(await t.call('record', 'myEvaluations', {}, 'vol')).items[0];
    expect(mine).toMatchObject({
      grade: 'excellent',
      comment: '表现一般',
      evaluatorName: '李敏',
      contest: { correctionId, status: 'approved', wishedGrade: 'excellent' },
    });
    expect(mine.changes).toEqual([
      expect.objectContaining({
        byName: '孙丽',
        via: 'contest',
        before: { grade: 'pass', comment: '表现一般' },
        after: { grade: 'excellent', comment: '表现一般' },
        note: '我全程参与并负责讲解',
      }),
    ]);
    expect(
      dataOf(await t.call('record', 'evaluations', { activityId: act._id }, 'lz-admin')).participants.find((p) => p.openid === 'vol'),
    ).toMatchObject({ evaluation: { grade: 'excellent' } });
  });

  it('a rejection keeps the grade and says why; the team’s only manager, being the evaluator, leaves it to the parent team', async () => {
    const act = await scene();
    await t.setClock(ENDED);
    await evaluate(act._id, [{ openid: 'vol', grade: 'pass' }]);
    const correctionId = dataOf(await contest(act._id, 'good')).correction.correctionId;
    const refusal = refusalOf(await t.call('checkin', 'reviewCorrection', { correctionId, decision: 'approve' }, 'lz-admin'));
    expect(refusal).toMatchObject({ code: 'AUTH.SELF_DEALING', details: { decidedBy: 'parent' } });
    const rejected = dataOf(
      await t.call('checkin', 'reviewCorrection', { correctionId, decision: 'reject', reason: '签到记录显示提前离场' }, 'root-leader'),
    );
    expect(rejected.correction).toMatchObject({ status: 'rejected', reviewReason: '签到记录显示提前离场' });
    expect(dataOf(await t.call('record', 'myEvaluations', {}, 'vol')).items[0]).toMatchObject({
      grade: 'pass',
      changes: [],
      contest: { status: 'rejected', reviewReason: '签到记录显示提前离场' },
    });
  });

  it('refuses a contest of no evaluation, of the same grade, a second one pending, and a mixed-up request', async () => {
    const { act } = await contestedScene();
    expect(refusalOf(await contest(act._id, 'good', 'vol2')).code).toBe('EVALUATION.NOT_FOUND');
    expect(refusalOf(await contest(act._id, 'good')).code).toBe('CHECKIN.CORRECTION_PENDING');
    await evaluate(act._id, [{ openid: 'vol2', grade: 'good' }]);
    expect(refusalOf(await contest(act._id, 'good', 'vol2')).code).toBe('EVALUATION.SAME_GRADE');
    const mixed = [
      { kind: 'evaluation', activityId: act._id, note: '我全程参与' },
      { kind: 'evaluation', activityId: act._id, wishedGrade: 'good', date: '2026-12-01', note: '我全程参与' },
      { activityId: act._id, date: '2026-12-01', wishedGrade: 'good', note: '我全程参与' },
      { activityId: act._id, note: '我忘记签退了', signOutAt: '2026-12-01T16:30:00+08:00' },
    ];
    for (const input of mixed) expect(refusalOf(await t.callRaw('checkin', 'requestCorrection', input, 'vol2')).code).toBe('VALIDATION');
    expect(await t.emu.db.find('checkin_corrections', { openid: 'vol2' })).toHaveLength(0);
  });
});

describe('the whole record: 附件2 and 我的数据', () => {
  it('附件2 shows each member’s latest evaluation in 最近评价; 我的数据 has a 评价 sheet', async () => {
    const act = await scene();
    await t.setClock(ENDED);
    await evaluate(act._id, [{ openid: 'vol', grade: 'excellent', comment: '讲解生动' }]);
    const file = dataOf(await t.call('report', 'export', { orgId: 'lz', kind: 'members', to: '2026-12-03' }, 'lz-admin'));
    const { header, rows } = tableUnder((await readXlsx(file.base64)).getWorksheet('附件2')!, '序号');
    const col = header.indexOf('最近评价');
    expect(col).toBeGreaterThan(0);
    expect(rows.find((r) => r[1] === '张伟')![col]).toBe('优秀（社区科普讲解，2026-12-02）：讲解生动');
    expect(rows.find((r) => r[1] === '李敏')![col]).toBe('');

    const mine = await readXlsx(dataOf(await t.call('user', 'myData', {}, 'vol')).base64);
    const [head, ...lines] = sheetRows(mine.getWorksheet('评价')!);
    expect(head.slice(0, 6)).toEqual(['活动', '队伍', '活动结束日期', '评价', '评语', '评价人']);
    expect(lines.filter(Boolean).map((l) => l.slice(0, 6))).toEqual([
      ['社区科普讲解', '兰州市科技志愿服务支队', '2026-12-02', '优秀', '讲解生动', '李敏'],
    ]);
  });
});
