// record's hand-off to 全国志愿服务信息系统 through the emulator: the first export carries the whole subtree (read back
// with exceljs and as JSON, counted against the seeded data), the next only what changed since, the ledger lists them,
// only the team's leader may export, and two exports at once of one team: one runs, the other is HANDOFF.BUSY.
import ExcelJS from 'exceljs';
import { dataOf, refusalOf, seedVolunteer, useTestEmulator } from '../helpers/emulator';
import { REPORT_CLOCK, seedProvince, sheetRows } from '../helpers/report';
import type { OutputOf } from '@contract/functions';
import { HANDOFF_KINDS, HANDOFF_SHEET, type HandoffCounts } from '@contract/handoff';

/** Today in the fixture: 2026-11-23 (Asia/Shanghai). */
const t = useTestEmulator({ clock: REPORT_CLOCK });
let fx: Awaited<ReturnType<typeof seedProvince>>;
const SUBTREE = ['lz', 'cg'];

beforeEach(async () => {
  fx = await seedProvince(t);
  // v2 (lz) has a national number; a training of 兰州 with two trainees; a commendation of v3 approved; an evaluation.
  await t.call('user', 'updateProfile', { nationalVolunteerId: 'ZYZ2026000123' }, 'v2');
  const training = dataOf(
    await t.call(
      'record',
      'createTraining',
      {
        orgId: 'lz',
        title: '新志愿者岗前培训',
        type: '岗前培训',
        date: '2026-11-20',
        hours: 2,
        trainer: '王教授',
        content: '志愿服务条例与安全须知',
      },
      'lz-admin',
    ),
  ).training;
  dataOf(await t.call('record', 'addTrainees', { trainingId: training.trainingId, people: ['13900000011', '13900000012'] }, 'lz-admin'));
  const { commendationId } = dataOf(
    await t.call(
      'record',
      'commend',
      { subject: { openid: 'v3' }, title: '优秀科技志愿者', level: '市', issuer: '兰州市科协', date: '2026-09-20' },
      'cg-admin',
    ),
  ).commendation;
  dataOf(await t.call('record', 'reviewCommendation', { commendationId, decision: 'approve' }, 'lz-leader'));
  dataOf(
    await t.call(
      'record',
      'evaluate',
      { activityId: fx.A1._id, items: [{ openid: 'v1', grade: 'excellent', comment: '讲解清楚' }] },
      'lz-admin',
    ),
  );
  // A hand-off ends a minute before it starts (writes still landing are left to the next): export two minutes later.
  await t.setClock('2026-11-23T02:02:00Z');
});

const exportAs = (who: string, input: Partial<{ mode: 'sinceLast' | 'period'; from: string; to: string }> = {}) =>
  t.call('record', 'handoffExport', { orgId: 'lz', mode: 'sinceLast', ...input }, who);

/** 补录 of A3's day for v2 (its admin corrects the sign-out): the day record changes. */
const adjustA3 = (signOutAt: string) =>
  t.call(
    'checkin',
    'adjust',
    {
      activityId: fx.A3._id,
      openid: 'v2',
      date: '2026-06-01',
      signInAt: '2026-06-01T09:00:00+08:00',
      signOutAt,
      reason: '核对签到表，签退时间更正',
    },
    'lz-admin',
  );

async function download(url: string): Promise<Buffer> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

interface HandoffJson {
  handoffId: string;
  counts: HandoffCounts;
  sheets: Record<string, { name: string; columns: { name: string; standardItem?: string }[]; rows: Record<string, string>[] }>;
}
async function filesOf(out: OutputOf<'record', 'handoffExport'>) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await download(out.xlsxUrl)) as unknown as ArrayBuffer);
  const json = JSON.parse((await download(out.jsonUrl)).toString('utf8')) as HandoffJson;
  /** Each sheet's data rows (under its header row). */
  const rows = Object.fromEntries(HANDOFF_KINDS.map((k) => [k, sheetRows(wb.getWorksheet(HANDOFF_SHEET[k])!).slice(1)]));
  return { wb, json, rows };
}

/** What the seeded data holds for the subtree, counted here from the database. */
async function seededCounts(): Promise<HandoffCounts> {
  const inSubtree = { orgId: { $in: SUBTREE } };
  const members = new Set(
    (await t.emu.db.find('memberships', { ...inSubtree, status: 'approved' })).map((m: { openid: string }) => m.openid),
  );
  return {
    volunteers: members.size,
    teams: SUBTREE.length,
    projects: (await t.emu.db.find('activities', inSubtree)).length,
    serviceRecords: (await t.emu.db.find('checkin_days', inSubtree)).length,
    trainings: (await t.emu.db.find('training_attendance', inSubtree)).length,
    commendations: (await t.emu.db.find('commendations', { status: 'approved' })).length,
    evaluations: (await t.emu.db.find('evaluations', inSubtree)).length,
  };
}

describe('record.handoffExport', () => {
  it('the first hand-off carries the whole subtree; xlsx and JSON agree with the data; the ID number is masked', async () => {
    const expected = await seededCounts();
    expect(expected).toMatchObject({
      volunteers: 7,
      teams: 2,
      projects: 6,
      serviceRecords: 10,
      trainings: 2,
      commendations: 1,
      evaluations: 1,
    });
    const out = dataOf(await exportAs('lz-leader'));
    expect(out.counts).toEqual(expected);
    const { wb, json, rows } = await filesOf(out);
    for (const k of HANDOFF_KINDS) {
      expect(rows[k]).toHaveLength(expected[k]);
      expect(json.sheets[k].rows).toHaveLength(expected[k]);
    }
    expect(json.counts).toEqual(expected);
    expect(json.handoffId).toBe(out.handoffId);
    // 天水 (another branch) is not in it; 城关 (below) is.
    expect(rows.teams.map((r) => r[0]).sort()).toEqual(['兰州市科技志愿服务支队', '城关区科技志愿服务队'].sort());
    expect(rows.projects.map((r) => r[0])).not.toContain('天水科普讲解');
    // The national number beside ours; the ID number masked in both files.
    const v2 = json.sheets.volunteers.rows.find((r) => r['志愿者姓名'] === '李娜')!;
    expect(v2).toMatchObject({
      全国志愿者统一编号: 'ZYZ2026000123',
      '志愿者编号（本平台）': 'V-v2',
      '证件号码（脱敏）': '620102********0011',
    });
    expect(JSON.stringify(json)).not.toMatch(/\d{17}[\dX]/);
    // Service time in hours; the standard's items are named as columns where a source confirms them.
    const a1v1 = json.sheets.serviceRecords.rows.find((r) => r['本平台记录编号'] === `${fx.A1._id}_v1_2026-09-20`)!;
    expect(a1v1['志愿服务时间（小时）']).toBe('2');
    expect(json.sheets.serviceRecords.columns).toContainEqual(
      expect.objectContaining({ name: '志愿服务时间（小时）', standardItem: expect.any(String) }),
    );
    expect(rows.commendations[0][0]).toBe('优秀科技志愿者');
    expect(rows.evaluations[0]).toEqual(expect.arrayContaining(['张伟', '优秀', '讲解清楚', '全国科普日科普报告会']));
    expect(wb.getWorksheet('说明')).toBeDefined();
  });

  it('the second sinceLast carries exactly what changed since; a third with nothing changed carries nothing', async () => {
    const first = dataOf(await exportAs('lz-leader'));
    // Ten minutes later: one day record corrected and one member joins 城关.
    await t.setClock('2026-11-23T02:10:00Z');
    const adjusted = await adjustA3('2026-06-01T10:00:00+08:00');
    expect(adjusted.ok).toBe(true);
    await seedVolunteer(t, 'v4', '13900000014', '刘洋');
    await t.emu.db.insert('memberships', [
      {
        _id: 'cg_v4',
        orgId: 'cg',
        openid: 'v4',
        role: 'member',
        status: 'approved',
        appliedAt: new Date('2026-11-23T02:05:00Z'),
        reviewedAt: new Date('2026-11-23T02:10:00Z'),
      },
    ]);
    await t.setClock('2026-11-23T02:20:00Z');
    const second = dataOf(await exportAs('lz-leader'));
    expect(second.counts).toEqual({
      volunteers: 1,
      teams: 0,
      projects: 0,
      serviceRecords: 1,
      trainings: 0,
      commendations: 0,
      evaluations: 0,
    });
    const { json } = await filesOf(second);
    expect(json.sheets.volunteers.rows[0]).toMatchObject({ 志愿者姓名: '刘洋' });
    expect(json.sheets.serviceRecords.rows[0]).toMatchObject({ 志愿者姓名: '李娜', '志愿服务时间（小时）': '1' });

    await t.setClock('2026-11-23T02:30:00Z');
    const third = dataOf(await exportAs('lz-leader'));
    expect(Object.values(third.counts).every((n) => n === 0)).toBe(true);

    // The ledger: latest first, each window starting where the one before ended.
    const { items } = dataOf(await t.call('record', 'handoffs', { orgId: 'lz' }, 'lz-leader'));
    expect(items.map((h) => h.handoffId)).toEqual([third.handoffId, second.handoffId, first.handoffId]);
    expect(items[2].from).toBeUndefined();
    expect(items[1].from).toBe(items[2].to);
    expect(items[0].from).toBe(items[1].to);
    expect(items[1].counts).toEqual(second.counts);
    expect(items[0].xlsxUrl).toMatch(/^https?:\/\//);

    // A period hand-off re-sends on purpose and leaves the sinceLast mark where it was.
    const period = dataOf(await exportAs('lz-leader', { mode: 'period', from: '2026-11-23', to: '2026-11-23' }));
    // What changed on that day: v2's profile and v4 joining, A3's corrected day, the training's two trainees, the
    // commendation approved and the evaluation given (the rest was seeded with earlier times).
    expect(period.counts).toEqual({
      volunteers: 2,
      teams: 0,
      projects: 0,
      serviceRecords: 1,
      trainings: 2,
      commendations: 1,
      evaluations: 1,
    });
    await t.setClock('2026-11-23T02:40:00Z');
    expect(Object.values(dataOf(await exportAs('lz-leader')).counts).every((n) => n === 0)).toBe(true);

    // A change written in the last minute before an export is left to the next one, not lost.
    await t.setClock('2026-11-23T02:45:00Z');
    expect((await adjustA3('2026-06-01T10:30:00+08:00')).ok).toBe(true);
    await t.setClock('2026-11-23T02:45:30Z');
    expect(dataOf(await exportAs('lz-leader')).counts.serviceRecords).toBe(0);
    await t.setClock('2026-11-23T02:47:00Z');
    expect(dataOf(await exportAs('lz-leader')).counts.serviceRecords).toBe(1);
  });

  it('only the team’s own leader may export or read the ledger; nothing is written', async () => {
    for (const who of ['lz-admin', 'lz-member', 'cg-admin', 'ts-admin', 'root-leader', 'v1'])
      expect(refusalOf(await exportAs(who)).code).toBe('AUTH.FORBIDDEN');
    expect(refusalOf(await t.call('record', 'handoffs', { orgId: 'lz' }, 'lz-admin')).code).toBe('AUTH.FORBIDDEN');
    expect(refusalOf(await t.call('record', 'handoffExport', { orgId: 'nope', mode: 'sinceLast' }, 'lz-leader')).code).toBe(
      'ORG.NOT_FOUND',
    );
    expect(await t.emu.db.find('handoffs')).toHaveLength(0);
  });

  it('bad input is VALIDATION; nothing is written', async () => {
    expect(refusalOf(await exportAs('lz-leader', { mode: 'period' })).code).toBe('VALIDATION');
    expect(refusalOf(await exportAs('lz-leader', { mode: 'period', from: '2026-11-23', to: '2026-11-01' })).code).toBe('VALIDATION');
    expect(refusalOf(await exportAs('lz-leader', { from: '2026-11-01' })).code).toBe('VALIDATION');
    expect(refusalOf(await t.callRaw('record', 'handoffExport', { orgId: 'lz', mode: 'all' }, 'lz-leader')).code).toBe('VALIDATION');
    expect(await t.emu.db.find('handoffs')).toHaveLength(0);
  });

  it('two exports of one team at once: one runs, the other is HANDOFF.BUSY', async () => {
    const answers = await Promise.all([exportAs('lz-leader'), exportAs('lz-leader')]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).map((a) => refusalOf(a).code)).toEqual(['HANDOFF.BUSY']);
    const ledger = await t.emu.db.find('handoffs');
    expect(ledger.map((h: { status: string }) => h.status)).toEqual(['done']);
  });
});

describe('全国志愿者统一编号', () => {
  it('a volunteer sets it in the profile (letters and digits, 8–32); 我的 shows it', async () => {
    expect(dataOf(await t.call('user', 'updateProfile', { nationalVolunteerId: 'AB12345678' }, 'v1')).volunteer.nationalVolunteerId).toBe(
      'AB12345678',
    );
    expect(dataOf(await t.call('user', 'me', {}, 'v1')).volunteer.nationalVolunteerId).toBe('AB12345678');
    // The member list shows it beside ours.
    const { items } = dataOf(await t.call('org', 'members', { orgId: 'lz' }, 'lz-leader'));
    expect(items.find((m) => m.openid === 'v1')).toMatchObject({ volunteerNo: 'V-v1', nationalVolunteerId: 'AB12345678' });
    for (const bad of ['1234567', 'A'.repeat(33), '12345-678'])
      expect(refusalOf(await t.call('user', 'updateProfile', { nationalVolunteerId: bad }, 'v1')).code).toBe('VALIDATION');
  });
});
