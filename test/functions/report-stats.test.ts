// report.orgStats and report.ranking through the emulator: who may read them, and the figures of 附件3 on a small province.
import { useTestEmulator } from '../helpers/emulator';
import { REPORT_CLOCK, YEAR, seedProvince } from '../helpers/report';

const t = useTestEmulator({ clock: REPORT_CLOCK });
let rootId: string;
let A3: { _id: string };
beforeEach(async () => {
  const p = await seedProvince(t);
  rootId = p.root._id;
  A3 = p.A3;
});

describe('report.orgStats', () => {
  it('the team alone: activities by the rows of 附件3, key days and groups, 人次, minutes, people served, members', async () => {
    const r = await t.call('report', 'orgStats', { orgId: 'lz', ...YEAR }, 'lz-admin');
    expect(r).toMatchObject({ ok: true });
    if (!r.ok) return;
    expect(r.data).toMatchObject({
      orgId: 'lz',
      orgName: '兰州市科技志愿服务支队',
      from: '2026-01-01',
      to: '2026-12-31',
      includeDescendants: false,
      teams: 1,
      // A1, A2, A3 (A4 cancelled, A7 last year).
      activities: 3,
      byCategory: { 科普报告: 1, 科技培训: 0, 技术咨询: 0, 农技服务: 1, 医疗服务: 1, 青少年科技教育: 0, 其他: 0 },
      keyDayActivities: 1,
      keyGroupActivities: 1,
      // (A1,v1) (A1,v2) (A2,v1) (A2,v2) (A3,v2): lz-member signed in without credited time.
      volunteerTimes: 5,
      distinctVolunteers: 2,
      minutes: 120 + 90 + 240 + 180 + 60 + 30,
      servedPeople: 340,
      members: 5,
      // lz-member, v1 and v2 (approved in March after applying last year); the leader and admin joined in 2025.
      newMembers: 3,
    });
    expect(r.data.series).toHaveLength(12);
    expect(r.data.series[4]).toEqual({ month: '2026-05', activities: 1, volunteerTimes: 2, minutes: 480 });
    expect(r.data.series[5]).toEqual({ month: '2026-06', activities: 1, volunteerTimes: 1, minutes: 30 });
    expect(r.data.series[8]).toEqual({ month: '2026-09', activities: 1, volunteerTimes: 2, minutes: 210 });
  });

  it('with the teams below: 城关 counts, 天水 (a sibling) never does', async () => {
    const r = await t.call('report', 'orgStats', { orgId: 'lz', ...YEAR, includeDescendants: true }, 'root-leader');
    expect(r).toMatchObject({
      ok: true,
      data: {
        teams: 2,
        activities: 4,
        byCategory: { 科普报告: 1, 农技服务: 1, 医疗服务: 1, 青少年科技教育: 1, 其他: 0 },
        keyGroupActivities: 2,
        volunteerTimes: 7,
        distinctVolunteers: 3,
        minutes: 720 + 150,
        servedPeople: 400,
        members: 7,
      },
    });
  });

  it('the 总队 with every team: 天水’s 科普讲解 is counted in 附件3’s 科普报告 row, not in 其他', async () => {
    const r = await t.call('report', 'orgStats', { orgId: rootId, ...YEAR, includeDescendants: true }, 'root-leader');
    expect(r).toMatchObject({
      ok: true,
      data: {
        activities: 5,
        byCategory: { 科普报告: 2, 科技培训: 0, 技术咨询: 0, 农技服务: 1, 医疗服务: 1, 青少年科技教育: 1, 其他: 0 },
      },
    });
  });

  it('a shorter period counts only what falls in it; the activity recorded served later shows up', async () => {
    expect(await t.call('report', 'orgStats', { orgId: 'lz', from: '2026-05-11', to: '2026-06-30' }, 'lz-leader')).toMatchObject({
      ok: true,
      // A3 starts in the period; A2 started the day before, but its second day's 180 minutes are dated within it.
      data: { activities: 1, volunteerTimes: 2, minutes: 180 + 30, servedPeople: 0, series: [{ month: '2026-05' }, { month: '2026-06' }] },
    });
    expect(await t.call('activity', 'recordServed', { activityId: A3._id, servedCount: 75 }, 'lz-admin')).toMatchObject({ ok: true });
    expect(await t.call('report', 'orgStats', { orgId: 'lz', from: '2026-05-11', to: '2026-06-30' }, 'lz-leader')).toMatchObject({
      ok: true,
      data: { servedPeople: 75 },
    });
  });

  it('the team’s own admin and leader and an ancestor’s leader may read', async () => {
    for (const who of ['lz-admin', 'lz-leader', 'root-leader']) {
      expect(await t.call('report', 'orgStats', { orgId: 'lz', ...YEAR }, who)).toMatchObject({ ok: true, data: { activities: 3 } });
    }
    expect(await t.call('report', 'orgStats', { orgId: 'cg', ...YEAR }, 'lz-admin')).toMatchObject({
      ok: true,
      data: { activities: 1, minutes: 150 },
    });
  });

  it('AUTH.FORBIDDEN: a plain member, a sibling team’s admin, a child team’s admin, a stranger', async () => {
    for (const who of ['lz-member', 'v1', 'ts-admin', 'cg-admin', 'stranger']) {
      expect(await t.call('report', 'orgStats', { orgId: 'lz', ...YEAR }, who)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
  });

  it('a named period is resolved on the server’s clock (Asia/Shanghai), whatever the phone thinks, and answered with its dates', async () => {
    // The clock is 2026-11-23 10:00 in Shanghai: 上月 is October, 本月 runs to today, 今年 from 1 January.
    const lastMonth = await t.call('report', 'orgStats', { orgId: 'lz', period: 'lastMonth', includeDescendants: true }, 'lz-leader');
    const october = await t.call(
      'report',
      'orgStats',
      { orgId: 'lz', from: '2026-10-01', to: '2026-10-31', includeDescendants: true },
      'lz-leader',
    );
    expect(lastMonth).toMatchObject({ ok: true, data: { from: '2026-10-01', to: '2026-10-31' } });
    expect(lastMonth).toEqual(october);
    expect(await t.call('report', 'orgStats', { orgId: 'lz', period: 'thisMonth' }, 'lz-leader')).toMatchObject({
      ok: true,
      data: { from: '2026-11-01', to: '2026-11-23' },
    });
    expect(await t.call('report', 'ranking', { orgId: 'lz', period: 'thisYear' }, 'lz-leader')).toMatchObject({
      ok: true,
      data: { from: '2026-01-01', to: '2026-11-23' },
    });
    // Just before midnight on New Year’s Eve in Shanghai (15:59 UTC) it is still December; a minute later, January.
    await t.setClock('2026-12-31T15:59:00Z');
    expect(await t.call('report', 'orgStats', { orgId: 'lz', period: 'lastMonth' }, 'lz-leader')).toMatchObject({
      ok: true,
      data: { from: '2026-11-01', to: '2026-11-30' },
    });
    await t.setClock('2026-12-31T16:01:00Z');
    expect(await t.call('report', 'orgStats', { orgId: 'lz', period: 'lastMonth' }, 'lz-leader')).toMatchObject({
      ok: true,
      data: { from: '2026-12-01', to: '2026-12-31' },
    });
  });

  it('VALIDATION: a period and dates together, or neither', async () => {
    expect(await t.call('report', 'orgStats', { orgId: 'lz', period: 'lastMonth', ...YEAR }, 'lz-leader')).toMatchObject({
      ok: false,
      code: 'VALIDATION',
    });
    expect(await t.call('report', 'orgStats', { orgId: 'lz' }, 'lz-leader')).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await t.call('report', 'ranking', { orgId: 'lz', from: '2026-01-01' }, 'lz-leader')).toMatchObject({
      ok: false,
      code: 'VALIDATION',
    });
  });

  it('ORG.NOT_FOUND and VALIDATION', async () => {
    expect(await t.call('report', 'orgStats', { orgId: 'nope', ...YEAR }, 'root-leader')).toMatchObject({
      ok: false,
      code: 'ORG.NOT_FOUND',
    });
    expect(await t.call('report', 'orgStats', { orgId: 'lz', from: '2026-12-01', to: '2026-01-01' }, 'lz-admin')).toMatchObject({
      ok: false,
      code: 'VALIDATION',
    });
  });
});

describe('periods are bounded (VALIDATION with a Chinese message, before anything is read)', () => {
  // The clock says 2026-11-23: a period may reach 2027-12-31 at the latest.
  const refusals: [{ from: string; to: string }, string][] = [
    [{ from: '2026-01-01', to: '9999-12-31' }, '统计期间最长10年'],
    [{ from: '2027-12-01', to: '9999-12-31' }, '统计期间最长10年'],
    [{ from: '2028-01-01', to: '2028-01-31' }, '统计期间不能晚于2027年12月31日'],
    [{ from: '2026-01-01', to: '2028-01-01' }, '统计期间不能晚于2027年12月31日'],
    [{ from: '1999-12-31', to: '2000-12-31' }, '统计期间不能早于2000年1月1日'],
    [{ from: '2010-01-01', to: '2020-01-01' }, '统计期间最长10年'],
    [{ from: '2027-02-30', to: '2027-03-31' }, '日期不存在：2027-02-30'],
    [{ from: '2026-02-01', to: '2026-02-29' }, '日期不存在：2026-02-29'],
    [{ from: '2026-04-01', to: '2026-04-31' }, '日期不存在：2026-04-31'],
  ];

  it('orgStats, ranking and the 附件2/附件3 exports', async () => {
    for (const [dates, message] of refusals) {
      for (const [action, extra] of [
        ['orgStats', {}],
        ['ranking', {}],
        ['export', { kind: 'activityStats' }],
        ['export', { kind: 'members' }],
      ] as const) {
        const r = await t.call('report', action, { orgId: 'lz', ...extra, ...dates }, 'lz-leader');
        expect(r).toMatchObject({ ok: false, code: 'VALIDATION', message });
        expect(JSON.stringify(r).length).toBeLessThan(1000);
      }
    }
  });

  it('the certificate and 我的时长 (checkin.myHours), open ends included', async () => {
    for (const [dates, message] of refusals) {
      expect(await t.call('report', 'certificate', { orgId: 'lz', ...dates }, 'v1')).toMatchObject({
        ok: false,
        code: 'VALIDATION',
        message,
      });
      expect(await t.call('checkin', 'myHours', dates, 'v1')).toMatchObject({ ok: false, code: 'VALIDATION', message });
    }
    expect(await t.call('report', 'certificate', { orgId: 'lz', to: '9999-12-31' }, 'v1')).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      message: '统计期间不能晚于2027年12月31日',
    });
    expect(await t.call('checkin', 'myHours', { from: '9999-01-01' }, 'v1')).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      message: '统计期间不能晚于2027年12月31日',
    });
  });

  it('the widest periods allowed still answer: ten years, up to the end of next year', async () => {
    const r = await t.call(
      'report',
      'orgStats',
      { orgId: 'lz', from: '2018-01-01', to: '2027-12-31', includeDescendants: true },
      'lz-leader',
    );
    expect(r).toMatchObject({ ok: true, data: { from: '2018-01-01', to: '2027-12-31', minutes: 930 } });
    expect(r.ok && r.data.series).toHaveLength(120);
    expect(JSON.stringify(r).length).toBeLessThan(20_000);
    expect(await t.call('report', 'orgStats', { orgId: 'lz', from: '2000-01-01', to: '2009-12-31' }, 'lz-leader')).toMatchObject({
      ok: true,
    });
  });
});

describe('report.ranking', () => {
  it('the child teams, each with its subtree, by credited minutes', async () => {
    expect(await t.call('report', 'ranking', { orgId: rootId, ...YEAR }, 'root-leader')).toMatchObject({
      ok: true,
      data: {
        items: [
          { rank: 1, orgId: 'lz', orgName: '兰州市科技志愿服务支队', minutes: 870, volunteers: 3, activities: 4 },
          { rank: 2, orgId: 'ts', orgName: '天水市科技志愿服务支队', minutes: 500, volunteers: 1, activities: 1 },
        ],
      },
    });
  });

  it('a team without children answers an empty list; readers only', async () => {
    expect(await t.call('report', 'ranking', { orgId: 'cg', ...YEAR }, 'lz-admin')).toEqual({ ok: true, data: { ...YEAR, items: [] } });
    expect(await t.call('report', 'ranking', { orgId: 'lz', ...YEAR }, 'lz-admin')).toMatchObject({
      ok: true,
      data: { items: [{ orgId: 'cg', minutes: 150, volunteers: 2, activities: 1 }] },
    });
    for (const who of ['lz-member', 'ts-admin']) {
      expect(await t.call('report', 'ranking', { orgId: 'lz', ...YEAR }, who)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
  });
});
