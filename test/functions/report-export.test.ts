// report.export through the emulator: 附件2, 附件3 and 签到记录 opened with exceljs — titles, figures, rows, masking.
import ExcelJS from 'exceljs';
import { dataOf, idNumberFor, registerVolunteer, useTestEmulator } from '../helpers/emulator';
import { REPORT_CLOCK, YEAR, readXlsx, seedProvince, sheetRows, tableUnder } from '../helpers/report';
import { seedActivity } from '../helpers/checkin';
import { MEMBERS_FORM_TITLE } from '@contract/report';
import type { InputOf } from '@contract/functions';

const t = useTestEmulator({ clock: REPORT_CLOCK });
let fx: Awaited<ReturnType<typeof seedProvince>>;
beforeEach(async () => {
  fx = await seedProvince(t);
});

const exportAs = (who: string, input: InputOf<'report', 'export'>) => t.call('report', 'export', input, who);
const allText = (wb: ExcelJS.Workbook) =>
  wb.worksheets
    .map((ws) =>
      sheetRows(ws)
        .map((r) => (r ?? []).join('|'))
        .join('\n'),
    )
    .join('\n');

describe('report.export members (附件2)', () => {
  it('the form’s title and lines, one row per approved member, phones in full for the team’s own admin', async () => {
    const out = dataOf(await exportAs('lz-admin', { orgId: 'lz', kind: 'members' }));
    expect(out.fileName).toBe('附件2_兰州市科技志愿服务支队_2026-11-23.xlsx');
    const wb = await readXlsx(out.base64);
    const ws = wb.getWorksheet('附件2')!;
    const rows = sheetRows(ws);
    expect(rows[0][0]).toBe(MEMBERS_FORM_TITLE);
    expect(rows[1][0]).toMatch(/^单位：兰州市科技志愿服务支队\s+填报日期：2026年11月23日$/);
    const { header, rows: members } = tableUnder(ws, '序号');
    expect(header.slice(0, 8)).toEqual(['序号', '志愿者姓名', '性别', '单位', '职务/职称', '志愿者编号', '身份证号', '联系电话']);
    // Leader, admin, then members by approval date; the pending applicant is not listed.
    expect(members.map((r) => r[1])).toEqual(['赵队长', '钱管理', '孙队员', '张伟', '李娜']);
    expect(members[3]).toEqual(
      expect.arrayContaining([
        '4',
        '张伟',
        '男',
        'V-v1',
        '620102********0011',
        '13900000011',
        '甘肃省 兰州市 城关区',
        '队员',
        '2026-02-01',
      ]),
    );
  });

  it('an ancestor’s leader gets masked phones; the ID number is never in clear', async () => {
    const idNumber = idNumberFor('19880808', 41);
    expect(
      await registerVolunteer(t, 'vol-real', '13955556666', {
        realName: '陈真',
        idNumber,
        orgIds: ['lz'],
        employer: '兰州大学',
        title: '副高',
      }),
    ).toMatchObject({ ok: true });
    expect(await t.call('org', 'reviewMember', { orgId: 'lz', memberId: 'lz_vol-real', decision: 'approve' }, 'lz-admin')).toMatchObject({
      ok: true,
    });
    const wb = await readXlsx(dataOf(await exportAs('root-leader', { orgId: 'lz', kind: 'members' })).base64);
    const { rows } = tableUnder(wb.getWorksheet('附件2')!, '序号');
    const chen = rows.find((r) => r[1] === '陈真')!;
    expect(chen.slice(1, 8)).toEqual([
      '陈真',
      '男',
      '兰州大学',
      '副高',
      expect.stringMatching(/^KJ2026\d{8}$/),
      `620102********${idNumber.slice(-4)}`,
      '139****6666',
    ]);
    expect(rows.find((r) => r[1] === '张伟')![7]).toBe('139****0011');
    const text = allText(wb);
    expect(text).not.toContain(idNumber);
    expect(text).not.toContain('13955556666');
    expect(text).not.toContain('v1.');
  });

  it('with the teams below: a 所属队伍 column, each person once', async () => {
    const wb = await readXlsx(dataOf(await exportAs('lz-leader', { orgId: 'lz', kind: 'members', includeDescendants: true })).base64);
    const { header, rows } = tableUnder(wb.getWorksheet('附件2')!, '序号');
    expect(header[header.length - 1]).toBe('所属队伍');
    expect(rows).toHaveLength(7);
    expect(rows.find((r) => r[1] === '王芳')![header.length - 1]).toBe('城关区科技志愿服务队');
    // lz-leader manages 兰州, not 城关: 城关's phones are masked for them.
    expect(rows.find((r) => r[1] === '王芳')![7]).toBe('139****0013');
  });
});

describe('the exports add up: each figure and list equals report.orgStats for the same team, scope and period', () => {
  // The stored documents, as far as they are counted here.
  type MembershipDoc = { orgId: string; openid: string; appliedAt: Date; reviewedAt?: Date };
  type ActivityDoc = { _id: string; orgId: string; status: string; startDate: string; servedCount?: number };
  type DayDoc = { activityId: string; orgId: string; openid: string; date: string; minutes: number };
  const shanghaiDay = (d: Date | string) => new Date(new Date(d).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

  /** The figures counted here, straight from the database, for the teams `orgIds` over [from, to]. */
  async function counted(orgIds: string[], from: string, to: string) {
    const within = (d: string) => d >= from && d <= to;
    const memberships = (await t.emu.db.find('memberships', { status: 'approved' })) as MembershipDoc[];
    const people = new Set(
      memberships.filter((m) => orgIds.includes(m.orgId) && shanghaiDay(m.reviewedAt ?? m.appliedAt) <= to).map((m) => m.openid),
    );
    const all = (await t.emu.db.find('activities', {})) as ActivityDoc[];
    const cancelled = new Set(all.filter((a) => a.status === 'cancelled').map((a) => a._id));
    // Hours of a cancelled activity are credited nowhere (not on a certificate either).
    const records = ((await t.emu.db.find('checkin_days', {})) as DayDoc[]).filter(
      (r) => orgIds.includes(r.orgId) && within(r.date) && r.minutes > 0 && !cancelled.has(r.activityId),
    );
    const activities = all.filter((a) => orgIds.includes(a.orgId) && a.status !== 'cancelled' && within(a.startDate));
    return {
      members: people.size,
      minutes: records.reduce((s, r) => s + r.minutes, 0),
      volunteerTimes: new Set(records.map((r) => `${r.activityId}/${r.openid}`)).size,
      activities: activities.length,
      servedPeople: activities.reduce((s, a) => s + (a.servedCount ?? 0), 0),
    };
  }

  beforeEach(async () => {
    // Time in 2026 on an activity that began in 2025, and on the cancelled A4 before it was called off.
    const span = await seedActivity(t, 'cg', {
      title: '跨年科普讲解',
      orgName: '城关区科技志愿服务队',
      startDate: '2025-12-30',
      endDate: '2026-01-02',
      startAt: new Date('2025-12-30T01:00:00Z'),
      endAt: new Date('2026-01-02T09:00:00Z'),
    });
    const day = (a: { _id: string; orgId: string }, openid: string, date: string, minutes: number) => ({
      _id: `${a._id}_${openid}_${date}`,
      activityId: a._id,
      orgId: a.orgId,
      openid,
      date,
      minutes,
      status: 'closed',
      adjustments: [],
      scans: {},
    });
    await t.emu.db.insert('checkin_days', [
      day(span, 'v3', '2025-12-31', 90),
      day(span, 'v3', '2026-01-02', 45),
      day(fx.A4, 'v2', '2026-07-01', 200),
    ]);
  });

  const scopes: [string, string, boolean, string[]][] = [
    ['the 总队 with every team below (three levels)', 'root', true, ['root', 'lz', 'ts', 'cg']],
    ['兰州 with 城关', 'lz', true, ['lz', 'cg']],
    ['兰州 alone', 'lz', false, ['lz']],
  ];
  const periods = [YEAR, { from: '2025-01-01', to: '2025-12-31' }, { from: '2025-06-01', to: '2026-03-31' }];

  it.each(scopes)('%s', async (_label, orgKey, includeDescendants, teamKeys) => {
    const ids: Record<string, string> = { root: fx.root._id, lz: 'lz', ts: 'ts', cg: 'cg' };
    const orgId = ids[orgKey];
    const orgIds = teamKeys.map((k) => ids[k]);
    for (const p of periods) {
      const query = { orgId, ...p, includeDescendants };
      const stats = dataOf(await t.call('report', 'orgStats', query, 'root-leader'));
      const mine = await counted(orgIds, p.from, p.to);
      expect(stats).toMatchObject({ ...mine, teams: orgIds.length });

      // 附件2: one row per member counted, and its note says so.
      const members = await readXlsx(dataOf(await exportAs('root-leader', { ...query, kind: 'members' })).base64);
      const ws = members.getWorksheet('附件2')!;
      expect(tableUnder(ws, '序号').rows).toHaveLength(stats.members);
      expect(allText(members)).toContain(`共${stats.members}人`);

      // 附件3: the sentences, the activity list and its totals, the months.
      const form = await readXlsx(dataOf(await exportAs('root-leader', { ...query, kind: 'activityStats' })).base64);
      const sheet = sheetRows(form.getWorksheet('附件3')!);
      expect(sheet[2][1]).toContain(`已建立（${orgIds.length}）支科技志愿者队，人数（${stats.members}）人`);
      expect(sheet[3][1]).toContain(`共组织科技志愿服务活动（${stats.activities}）次`);
      expect(sheet[3][1]).toContain(`参与服务的专家有（${stats.volunteerTimes}）人次，接受服务的群众有（${stats.servedPeople}）人次`);
      const list = tableUnder(form.getWorksheet('活动明细')!, '序号');
      const note = list.header.indexOf('说明');
      expect(list.rows.filter((r) => r[note] === '')).toHaveLength(stats.activities);
      const sum = (col: number) => list.rows.reduce((s, r) => s + Number(r[col] || 0), 0);
      expect([sum(11), sum(12), sum(14)]).toEqual([stats.volunteerTimes, stats.minutes, stats.servedPeople]);
      const total = sheetRows(form.getWorksheet('活动明细')!).find((r) => r && r[1] === '合计')!;
      expect([total[11], total[12], total[14]]).toEqual([String(stats.volunteerTimes), String(stats.minutes), String(stats.servedPeople)]);
      const months = tableUnder(form.getWorksheet('月度统计')!, '月份').rows;
      expect(months.map((r) => [r[0], Number(r[1]), Number(r[2]), Number(r[3])])).toEqual(
        stats.series.map((m) => [m.month, m.activities, m.volunteerTimes, m.minutes]),
      );
    }
  });

  it('an activity listed for its time only says why; a cancelled one is not listed', async () => {
    const form = await readXlsx(
      dataOf(await exportAs('root-leader', { orgId: fx.root._id, kind: 'activityStats', ...YEAR, includeDescendants: true })).base64,
    );
    const list = tableUnder(form.getWorksheet('活动明细')!, '序号');
    const note = list.header.indexOf('说明');
    expect(list.rows.find((r) => r[1] === '跨年科普讲解')![note]).toBe('活动开始于统计期间之前；服务时长计入本期');
    expect(list.rows.find((r) => r[1] === '取消的科技培训')).toBeUndefined();
    // Each activity's own category beside the row of 附件3 it is counted in.
    expect(list.rows.find((r) => r[1] === '天水科普讲解')!.slice(3, 5)).toEqual(['科普讲解', '科普报告']);
  });
});

describe('report.export activityStats (附件3)', () => {
  it('laid out like the form: 填报单位, 志愿队伍, the 志愿活动 sentence with the figures, 亮点活动, the rows left for the team', async () => {
    const out = dataOf(await exportAs('root-leader', { orgId: 'lz', kind: 'activityStats', ...YEAR, includeDescendants: true }));
    expect(out.fileName).toBe('附件3_兰州市科技志愿服务支队_2026-11-23.xlsx');
    const wb = await readXlsx(out.base64);
    const rows = sheetRows(wb.getWorksheet('附件3')!);
    expect(rows[0][0]).toBe('科技志愿服务活动情况统计表');
    expect(rows[1][0]).toBe('填报单位（公章）：兰州市科技志愿服务支队');
    expect(rows[1][2]).toBe('填报日期：2026年11月23日');
    expect(rows[2][0]).toBe('志愿\n队伍');
    expect(rows[2][1]).toBe('已建立（5）人的科技志愿支队：兰州市科技志愿服务支队。\n本级及下级已建立（2）支科技志愿者队，人数（7）人。');
    expect(rows[3][0]).toBe('志愿\n活动');
    const para = rows[3][1];
    expect(para).toContain('2026年（1）月以来（统计至2026年12月31日），共组织科技志愿服务活动（4）次（含下级志愿者队伍的数据，下同）');
    expect(para).toContain(
      '其中科普报告（1）次、科技培训（0）次、技术咨询（0）次、农技服务（1）次、医疗服务（1）次、青少年科技教育（1）次、其他（0）次。',
    );
    expect(para).toContain('结合全国科普日等重点活动开展服务（1）次');
    expect(para).toContain('结合农村妇女、青少年等重点人群开展服务（2）次');
    expect(para).toContain('参与服务的专家有（7）人次，接受服务的群众有（400）人次。');
    // The activities with the most volunteer-times: A1 and A2 (2 each; A2 has more minutes), then A5 is left out. A1's
    // line ends with its 回顾's summary and how many photos the 回顾 shows.
    const highlights = rows[4][1];
    expect(highlights).toContain(
      '1. 农技服务下乡：2026年5月10日至2026年5月11日，榆中县城关镇；参与服务专家2人次，累计服务8小时，受众40人次。',
    );
    expect(highlights).toContain(
      '2. 全国科普日科普报告会：2026年9月20日，兰州市科技馆；参与服务专家2人次，累计服务3小时30分钟，受众300人次；服务内容与效果：讲解防灾减灾知识（附照片2张）。',
    );
    expect(rows.slice(5, 8).map((r) => r[0])).toEqual(['服务\n阵地', '科技惠民(农)', '网络\n动员']);

    const list = tableUnder(wb.getWorksheet('活动明细')!, '序号');
    expect(list.rows.map((r) => [r[1], r[2], r[4], r[11], r[12], r[14]])).toEqual([
      ['农技服务下乡', '兰州市科技志愿服务支队', '农技服务', '2', '480', '40'],
      ['社区义诊咨询', '兰州市科技志愿服务支队', '医疗服务', '1', '30', ''],
      ['全国科普日科普报告会', '兰州市科技志愿服务支队', '科普报告', '2', '210', '300'],
      ['青少年科技营', '城关区科技志愿服务队', '青少年科技教育', '2', '150', '60'],
    ]);
    const total = sheetRows(wb.getWorksheet('活动明细')!).find((r) => r && r[1] === '合计')!;
    expect(total.slice(11, 15)).toEqual(['7', '870', '14小时30分钟', '400']);
    expect(tableUnder(wb.getWorksheet('月度统计')!, '月份').rows).toHaveLength(12);
  });

  it('without a period: the year to date; the team alone unless asked (as report.orgStats)', async () => {
    const wb = await readXlsx(dataOf(await exportAs('lz-admin', { orgId: 'lz', kind: 'activityStats' })).base64);
    const rows = sheetRows(wb.getWorksheet('附件3')!);
    expect(rows[3][1]).toContain('2026年（1）月以来（统计至2026年11月23日），共组织科技志愿服务活动（3）次，其中');
    expect(rows[2][1]).toContain('已建立（1）支科技志愿者队，人数（5）人');
    expect(tableUnder(wb.getWorksheet('月度统计')!, '月份').rows).toHaveLength(11);
  });
});

describe('report.export attendance', () => {
  it('one row per volunteer and day with times, minutes, "X小时Y分钟", status and the adjustment’s reason', async () => {
    const out = dataOf(await exportAs('lz-admin', { orgId: 'lz', kind: 'attendance', activityId: fx.A2._id }));
    expect(out.fileName).toBe('签到记录_兰州市科技志愿服务支队_农技服务下乡_2026-11-23.xlsx');
    const ws = (await readXlsx(out.base64)).getWorksheet('签到记录')!;
    expect(sheetRows(ws)[0][0]).toBe('农技服务下乡 签到记录');
    const { header, rows } = tableUnder(ws, '日期');
    expect(header).toEqual(['日期', '姓名', '手机', '签到时间', '签退时间', '时长（分钟）', '时长', '状态', '备注']);
    expect(rows).toEqual([
      ['2026-05-10', '李娜', '13900000012', '09:00', '10:00', '60', '1小时', '已签退', ''],
      ['2026-05-10', '张伟', '13900000011', '09:00', '13:00', '240', '4小时', '已签退', ''],
      ['2026-05-11', '张伟', '13900000011', '09:00', '12:00', '180', '3小时', '已签退', ''],
    ]);
    const total = sheetRows(ws).find((r) => r && r[0] === '合计')!;
    // Two people over two days, three person-days: 张伟 counted once though he came twice.
    expect(total).toEqual(['合计', '2人', '2天', '', '', '480', '8小时', '3人次', '共3条记录']);

    const a3 = tableUnder(
      (await readXlsx(dataOf(await exportAs('lz-admin', { orgId: 'lz', kind: 'attendance', activityId: fx.A3._id })).base64)).getWorksheet(
        '签到记录',
      )!,
      '日期',
    );
    expect(a3.rows).toEqual([['2026-06-01', '李娜', '13900000012', '09:00', '09:30', '30', '30分钟', '已补录', '现场网络故障，补录签到']]);
  });

  it('readers from above see masked phones; a 城关 activity exports from 兰州; the open day shows 未签退', async () => {
    const a1Sheet = (
      await readXlsx(dataOf(await exportAs('root-leader', { orgId: 'lz', kind: 'attendance', activityId: fx.A1._id })).base64)
    ).getWorksheet('签到记录')!;
    const a1 = tableUnder(a1Sheet, '日期');
    expect(a1.rows.map((r) => [r[1], r[2], r[4], r[6], r[7]])).toEqual([
      ['李娜', '139****0012', '10:30', '1小时30分钟', '已签退'],
      ['孙队员', '139****0003', '', '0分钟', '未签退'],
      ['张伟', '139****0011', '11:00', '2小时', '已签退'],
    ]);
    // The open day is listed but neither a person served nor a day of service.
    expect(sheetRows(a1Sheet).find((r) => r && r[0] === '合计')).toEqual([
      '合计',
      '2人',
      '1天',
      '',
      '',
      '210',
      '3小时30分钟',
      '2人次',
      '共3条记录',
    ]);
    const a5 = tableUnder(
      (await readXlsx(dataOf(await exportAs('lz-admin', { orgId: 'lz', kind: 'attendance', activityId: fx.A5._id })).base64)).getWorksheet(
        '签到记录',
      )!,
      '日期',
    );
    // lz-admin reads 城关 but does not manage it.
    expect(a5.rows.map((r) => r[2])).toEqual(['139****0013', '139****0011']);
  });

  it('VALIDATION: no activity, or one of another team; ACTIVITY.NOT_FOUND', async () => {
    expect(await exportAs('lz-admin', { orgId: 'lz', kind: 'attendance' })).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await exportAs('lz-admin', { orgId: 'lz', kind: 'attendance', activityId: fx.A6._id })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
    });
    expect(await exportAs('cg-admin', { orgId: 'cg', kind: 'attendance', activityId: fx.A1._id })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
    });
    expect(await exportAs('lz-admin', { orgId: 'lz', kind: 'attendance', activityId: 'nope' })).toMatchObject({
      ok: false,
      code: 'ACTIVITY.NOT_FOUND',
    });
  });
});

describe('report.export permissions', () => {
  it('AUTH.FORBIDDEN for a plain member and a sibling team, whatever the kind', async () => {
    for (const kind of ['members', 'activityStats'] as const) {
      for (const who of ['lz-member', 'ts-admin', 'cg-admin']) {
        expect(await exportAs(who, { orgId: 'lz', kind })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
      }
    }
    expect(await exportAs('ts-admin', { orgId: 'lz', kind: 'attendance', activityId: fx.A1._id })).toMatchObject({
      ok: false,
      code: 'AUTH.FORBIDDEN',
    });
  });
});
