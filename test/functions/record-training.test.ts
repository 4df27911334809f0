// record's 培训 through the emulator: who records and reads trainings, the training code scanned once on the day, 名单录入
// per line, training hours kept out of service hours, and the figures of report.orgStats and 附件3 over a subtree.
import { dataOf, refusalOf, seedVolunteer, useTestEmulator } from '../helpers/emulator';
import { REPORT_CLOCK, readXlsx, sheetRows, tableUnder, seedProvince } from '../helpers/report';
import { activityCode, seedActivity } from '../helpers/checkin';
import type { InputOf } from '@contract/functions';
import { pdfText } from '../helpers/pdf';

/** Today in the fixture: 2026-11-23 (Asia/Shanghai). */
const t = useTestEmulator({ clock: REPORT_CLOCK });
const TODAY = '2026-11-23';
beforeEach(async () => {
  await seedProvince(t);
});

const trainingInput = (orgId: string, over: Partial<InputOf<'record', 'createTraining'>> = {}): InputOf<'record', 'createTraining'> => ({
  orgId,
  title: '新志愿者岗前培训',
  type: '岗前培训',
  date: TODAY,
  startTime: '09:00',
  hours: 2.5,
  trainer: '王教授',
  content: '志愿服务条例、活动签到与安全须知',
  ...over,
});

async function createTraining(who: string, orgId: string, over: Partial<InputOf<'record', 'createTraining'>> = {}) {
  return dataOf(await t.call('record', 'createTraining', trainingInput(orgId, over), who)).training;
}
const codeOf = async (trainingId: string, who = 'lz-admin') => dataOf(await t.call('record', 'trainingCode', { trainingId }, who)).payload;
const attend = (payload: string, who: string) => t.call('record', 'attendTraining', { payload }, who);

describe('record.createTraining and who may record', () => {
  it('the team’s admin records a training; it lists with no one attending yet', async () => {
    const training = await createTraining('lz-admin', 'lz');
    expect(training).toMatchObject({
      orgName: '兰州市科技志愿服务支队',
      type: '岗前培训',
      date: TODAY,
      hours: 2.5,
      status: 'scheduled',
      traineeCount: 0,
    });
    const list = dataOf(await t.call('record', 'trainings', { orgId: 'lz' }, 'lz-leader'));
    expect(list.items.map((i) => i.trainingId)).toEqual([training.trainingId]);
    // The managers of a team above read it too.
    expect(dataOf(await t.call('record', 'trainings', { orgId: 'lz' }, 'root-leader')).items).toHaveLength(1);
  });

  it('a member, another team’s admin and a child team’s admin may not record for the team', async () => {
    for (const who of ['lz-member', 'ts-admin', 'cg-admin']) {
      expect(refusalOf(await t.call('record', 'createTraining', trainingInput('lz'), who)).code).toBe('AUTH.FORBIDDEN');
    }
    expect(refusalOf(await t.call('record', 'trainings', { orgId: 'lz' }, 'lz-member')).code).toBe('AUTH.FORBIDDEN');
    expect(refusalOf(await t.call('record', 'trainings', { orgId: 'lz' }, 'ts-admin')).code).toBe('AUTH.FORBIDDEN');
    expect(await t.emu.db.find('trainings', {})).toHaveLength(0);
  });

  it('hours are 0.5 to 24 in steps of half an hour; a bad type is refused; nothing is written', async () => {
    for (const over of [{ hours: 0.25 }, { hours: 1.3 }, { hours: 25 }, { hours: 0 }, { type: '讲座' as never }]) {
      expect(refusalOf(await t.call('record', 'createTraining', trainingInput('lz', over), 'lz-admin')).code).toBe('VALIDATION');
    }
    expect(await t.emu.db.find('trainings', {})).toHaveLength(0);
  });

  it('updates and cancels: a cancelled training takes no change and no scan', async () => {
    const training = await createTraining('lz-admin', 'lz');
    const payload = await codeOf(training.trainingId);
    const updated = dataOf(
      await t.call('record', 'updateTraining', { trainingId: training.trainingId, hours: 3, trainer: '李老师' }, 'lz-admin'),
    );
    expect(updated.training).toMatchObject({ hours: 3, trainer: '李老师', title: '新志愿者岗前培训' });
    expect(refusalOf(await t.call('record', 'updateTraining', { trainingId: training.trainingId, hours: 1 }, 'lz-member')).code).toBe(
      'AUTH.FORBIDDEN',
    );
    expect(dataOf(await t.call('record', 'cancelTraining', { trainingId: training.trainingId }, 'lz-admin')).training.status).toBe(
      'cancelled',
    );
    expect(refusalOf(await t.call('record', 'updateTraining', { trainingId: training.trainingId, hours: 1 }, 'lz-admin')).code).toBe(
      'TRAINING.CANCELLED',
    );
    expect(refusalOf(await attend(payload, 'v1')).code).toBe('TRAINING.CANCELLED');
    expect(refusalOf(await t.call('record', 'training', { trainingId: 'nope' }, 'lz-admin')).code).toBe('TRAINING.NOT_FOUND');
  });
});

describe('record.attendTraining: the training code', () => {
  it('a volunteer scans once; a second scan writes nothing and says so', async () => {
    const training = await createTraining('lz-admin', 'lz');
    const payload = await codeOf(training.trainingId);
    const first = dataOf(await attend(payload, 'v1'));
    expect(first).toMatchObject({ repeated: false, training: { trainingId: training.trainingId, hours: 2.5, via: 'scan' } });
    expect(dataOf(await attend(payload, 'v1'))).toMatchObject({ repeated: true, training: { at: first.training.at } });
    const detail = dataOf(await t.call('record', 'training', { trainingId: training.trainingId }, 'lz-admin'));
    expect(detail.training.traineeCount).toBe(1);
    expect(detail.trainees).toEqual([expect.objectContaining({ realName: '张伟', phoneMasked: '139****0011', via: 'scan' })]);
    // The attendees are for the team's managers (and those above), not its members.
    expect(refusalOf(await t.call('record', 'training', { trainingId: training.trainingId }, 'lz-member')).code).toBe('AUTH.FORBIDDEN');
  });

  it('two scans at the same moment record one attendance', async () => {
    const training = await createTraining('lz-admin', 'lz');
    const payload = await codeOf(training.trainingId);
    const answers = await Promise.all([attend(payload, 'v2'), attend(payload, 'v2'), attend(payload, 'v2')]);
    const repeated = answers.map((a) => dataOf(a).repeated).sort();
    expect(repeated).toEqual([false, true, true]);
    expect(await t.emu.db.find('training_attendance', { trainingId: training.trainingId })).toHaveLength(1);
    expect(dataOf(await t.call('record', 'training', { trainingId: training.trainingId }, 'lz-admin')).training.traineeCount).toBe(1);
  });

  it('only on the training’s day by the server clock: the day before is refused, nothing written', async () => {
    const training = await createTraining('lz-admin', 'lz', { date: '2026-11-24' });
    const payload = await codeOf(training.trainingId);
    const refusal = refusalOf(await attend(payload, 'v1'));
    expect(refusal).toMatchObject({ code: 'TRAINING.NOT_TODAY', details: { date: '2026-11-24' } });
    expect(await t.emu.db.find('training_attendance', {})).toHaveLength(0);
    // On the day, the code shown then signs in.
    await t.setClock('2026-11-24T01:00:00Z');
    expect(dataOf(await attend(await codeOf(training.trainingId), 'v1')).repeated).toBe(false);
  });

  it('a forged, tampered, stale or activity code is not a training code', async () => {
    const training = await createTraining('lz-admin', 'lz');
    const payload = await codeOf(training.trainingId);
    const [head, body, mac] = payload.split('.');
    const tampered = `${head}.${body}.${mac.slice(0, -2)}${mac.endsWith('AA') ? 'BB' : 'AA'}`;
    const activity = await seedActivity(t, 'lz', { startDate: TODAY, endDate: TODAY });
    const activityPayload = await activityCode(t, activity._id, 'in', 'lz-admin');
    for (const p of [tampered, 'kjzy1.abc.def', activityPayload, '123456']) {
      expect(refusalOf(await attend(p, 'v1')).code).toBe('TRAINING.CODE_INVALID');
    }
    // A minute and a half later the rotating code has passed.
    await t.setClock('2026-11-23T02:01:30Z');
    expect(refusalOf(await attend(payload, 'v1')).code).toBe('TRAINING.CODE_INVALID');
    // And a training code is no check-in code.
    expect(
      refusalOf(
        await t.call(
          'checkin',
          'scan',
          { payload: await codeOf(training.trainingId), location: { lat: 36.0611, lng: 103.8343 }, nonce: 'nonce-training-1' },
          'v1',
        ),
      ).code,
    ).toBe('CHECKIN.CODE_INVALID');
    expect(await t.emu.db.find('training_attendance', {})).toHaveLength(0);
  });

  it('who is not registered cannot scan', async () => {
    const training = await createTraining('lz-admin', 'lz');
    expect(refusalOf(await attend(await codeOf(training.trainingId), 'stranger')).code).toBe('USER.NOT_REGISTERED');
  });
});

describe('record.addTrainees: 名单录入', () => {
  it('each line answers for itself: added, already there, unknown phone, not a phone or number, a repeat', async () => {
    await seedVolunteer(t, 'v9', '13900000019', '陈晨', { volunteerNo: 'KJ202600000009' });
    const training = await createTraining('lz-admin', 'lz');
    await attend(await codeOf(training.trainingId), 'v1');
    const out = dataOf(
      await t.call(
        'record',
        'addTrainees',
        {
          trainingId: training.trainingId,
          people: ['13900000011', '139 0000 0013', 'kj202600000009', '13999999999', '你好', '13900000013'],
        },
        'lz-admin',
      ),
    );
    expect(out.results).toEqual([
      { entry: '13900000011', outcome: 'already', realName: '张伟' },
      { entry: '139 0000 0013', outcome: 'added', realName: '王芳' },
      { entry: 'kj202600000009', outcome: 'added', realName: '陈晨' },
      { entry: '13999999999', outcome: 'notFound' },
      { entry: '你好', outcome: 'invalid' },
      { entry: '13900000013', outcome: 'already', realName: '王芳' },
    ]);
    expect(out).toMatchObject({ added: 2, traineeCount: 3 });
    const detail = dataOf(await t.call('record', 'training', { trainingId: training.trainingId }, 'lz-admin'));
    expect(detail.trainees.map((p) => [p.realName, p.via])).toEqual([
      ['张伟', 'scan'],
      ['王芳', 'list'],
      ['陈晨', 'list'],
    ]);
    expect(
      refusalOf(await t.call('record', 'addTrainees', { trainingId: training.trainingId, people: ['13900000012'] }, 'cg-admin')).code,
    ).toBe('AUTH.FORBIDDEN');
    expect(
      refusalOf(
        await t.call(
          'record',
          'addTrainees',
          { trainingId: training.trainingId, people: Array<string>(201).fill('13900000012') },
          'lz-admin',
        ),
      ).code,
    ).toBe('VALIDATION');

    const removed = dataOf(await t.call('record', 'removeTrainee', { trainingId: training.trainingId, openid: 'v9' }, 'lz-admin'));
    expect(removed).toEqual({ removed: true, traineeCount: 2 });
    expect(dataOf(await t.call('record', 'removeTrainee', { trainingId: training.trainingId, openid: 'v9' }, 'lz-admin'))).toEqual({
      removed: false,
      traineeCount: 2,
    });
  });
});

describe('training hours are kept apart from service hours', () => {
  it('myTrainings holds them; myHours never does', async () => {
    const before = dataOf(await t.call('checkin', 'myHours', {}, 'v1')).totalMinutes;
    const a = await createTraining('lz-admin', 'lz');
    const b = await createTraining('cg-admin', 'cg', { title: '急救安全培训', type: '安全', hours: 1.5, date: '2026-11-20' });
    await attend(await codeOf(a.trainingId), 'v1');
    dataOf(await t.call('record', 'addTrainees', { trainingId: b.trainingId, people: ['13900000011'] }, 'cg-admin'));
    const mine = dataOf(await t.call('record', 'myTrainings', {}, 'v1'));
    expect(mine.totalHours).toBe(4);
    expect(mine.items.map((i) => [i.title, i.hours, i.via, i.orgName])).toEqual([
      ['新志愿者岗前培训', 2.5, 'scan', '兰州市科技志愿服务支队'],
      ['急救安全培训', 1.5, 'list', '城关区科技志愿服务队'],
    ]);
    expect(dataOf(await t.call('checkin', 'myHours', {}, 'v1')).totalMinutes).toBe(before);
    // A cancelled training drops out of the volunteer's hours.
    await t.call('record', 'cancelTraining', { trainingId: b.trainingId }, 'cg-admin');
    expect(dataOf(await t.call('record', 'myTrainings', {}, 'v1')).totalHours).toBe(2.5);
  });

  it('the certificate lists the trainings held by the team or a team below it within its period, apart from the hours', async () => {
    const cert = async (input: Record<string, unknown> = {}) => {
      const out = dataOf(await t.call('report', 'certificate', { orgId: 'lz', ...input }, 'v1'));
      return { minutes: out.minutes, text: (await pdfText(Buffer.from(out.pdfBase64, 'base64'))).text.replace(/\s+/g, '') };
    };
    const before = await cert();
    expect(before.text).not.toContain('培训情况');
    const a = await createTraining('lz-admin', 'lz');
    const b = await createTraining('cg-admin', 'cg', { title: '急救安全培训', type: '安全', hours: 1.5, date: '2026-11-20' });
    const c = await createTraining('ts-admin', 'ts', { title: '天水科普讲解培训', date: '2026-11-19' });
    const d = await createTraining('lz-admin', 'lz', { title: '已取消的培训', date: '2026-11-18' });
    await attend(await codeOf(a.trainingId), 'v1');
    for (const [tr, who] of [
      [b, 'cg-admin'],
      [c, 'ts-admin'],
      [d, 'lz-admin'],
    ] as const)
      dataOf(await t.call('record', 'addTrainees', { trainingId: tr.trainingId, people: ['13900000011'] }, who));
    await t.call('record', 'cancelTraining', { trainingId: d.trainingId }, 'lz-admin');

    const after = await cert();
    expect(after.minutes).toBe(before.minutes);
    expect(after.text).toContain('培训情况（共2项，培训学时不计入服务时长）');
    expect(after.text).toContain('2026-11-20·急救安全培训·安全·1.5学时·城关区科技志愿服务队');
    expect(after.text).toContain('2026-11-23·新志愿者岗前培训·岗前培训·2.5学时·兰州市科技志愿服务支队');
    expect(after.text).not.toContain('天水科普讲解培训');
    expect(after.text).not.toContain('已取消的培训');
    // Outside the certified period: none.
    expect((await cert({ from: '2026-01-01', to: '2026-10-31' })).text).not.toContain('培训情况');
  });
});

describe('report.orgStats and 附件3 count trainings and trainees', () => {
  async function seedTrainings() {
    const a = await createTraining('lz-admin', 'lz');
    const c = await createTraining('cg-admin', 'cg', { title: '科普讲解技能培训', type: '专业技能', hours: 3, date: '2026-11-10' });
    const ts = await createTraining('ts-admin', 'ts', { title: '天水安全培训', type: '安全', hours: 1 });
    const cancelled = await createTraining('lz-admin', 'lz', { title: '取消的培训', hours: 5 });
    await attend(await codeOf(a.trainingId), 'v1');
    await attend(await codeOf(a.trainingId), 'v2');
    await t.call('record', 'addTrainees', { trainingId: c.trainingId, people: ['13900000011', '13900000013'] }, 'cg-admin');
    await t.call('record', 'addTrainees', { trainingId: ts.trainingId, people: ['13900000012'] }, 'ts-admin');
    await t.call('record', 'addTrainees', { trainingId: cancelled.trainingId, people: ['13900000003'] }, 'lz-admin');
    await t.call('record', 'cancelTraining', { trainingId: cancelled.trainingId }, 'lz-admin');
  }

  it('the team alone, and with the teams below: distinct trainees, attendances, hours; service minutes unchanged', async () => {
    const period = { orgId: 'lz', from: '2026-11-01', to: '2026-11-30' };
    const minutesBefore = dataOf(await t.call('report', 'orgStats', { ...period, includeDescendants: true }, 'lz-admin')).minutes;
    await seedTrainings();
    expect(dataOf(await t.call('report', 'orgStats', period, 'lz-admin'))).toMatchObject({
      trainings: 1,
      trainees: 2,
      traineeTimes: 2,
      trainingHours: 5,
    });
    const subtree = dataOf(await t.call('report', 'orgStats', { ...period, includeDescendants: true }, 'lz-admin'));
    // v1 attended both; 天水's training is a sibling's; the cancelled one counts nowhere.
    expect(subtree).toMatchObject({ trainings: 2, trainees: 3, traineeTimes: 4, trainingHours: 2.5 * 2 + 3 * 2, minutes: minutesBefore });
    // Outside the period: nothing.
    expect(
      dataOf(
        await t.call('report', 'orgStats', { orgId: 'lz', from: '2026-10-01', to: '2026-10-31', includeDescendants: true }, 'lz-admin'),
      ),
    ).toMatchObject({
      trainings: 0,
      trainees: 0,
      trainingHours: 0,
    });
  });

  it('附件3 gains a 培训 sheet; the other sheets keep their rows', async () => {
    await seedTrainings();
    const out = dataOf(
      await t.call(
        'report',
        'export',
        { orgId: 'lz', kind: 'activityStats', from: '2026-11-01', to: '2026-11-30', includeDescendants: true },
        'lz-admin',
      ),
    );
    const wb = await readXlsx(out.base64);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['附件3', '活动明细', '月度统计', '供需对接', '培训']);
    const sheet = wb.getWorksheet('培训')!;
    const figure = (label: string) => sheetRows(sheet).find((r) => r && r[0] === label)?.[2];
    expect(['培训次数', '参训人数', '参训人次', '培训学时（不计入服务时长）'].map(figure)).toEqual(['2', '3', '4', '11']);
    const { header, rows } = tableUnder(sheet, '序号');
    expect(header).toEqual(['序号', '培训日期', '培训名称', '培训类型', '举办队伍', '授课人', '培训学时', '参训人数']);
    expect(rows.map((r) => [r[1], r[2], r[7]])).toEqual([
      ['2026-11-10', '科普讲解技能培训', '2'],
      ['2026-11-23', '新志愿者岗前培训', '2'],
    ]);
  });
});
