// 供需对接 in the reports through the emulator: report.orgStats's `needs` for the team alone and with its subtree (by
// the Asia/Shanghai day each need was posted), the ranking by rating, and 附件3's 供需对接 sheet.
import { dataOf, useTestEmulator } from '../helpers/emulator';
import { REPORT_CLOCK, YEAR, readXlsx, seedProvince, sheetRows, tableUnder } from '../helpers/report';

const t = useTestEmulator({ clock: REPORT_CLOCK });
let rootId: string;

const HOUR = 3_600_000;
const CHENGGUAN = { province: '620000', city: '620100', county: '620102' };
const ORG_NAME: Record<string, string> = { lz: '兰州市科技志愿服务支队', cg: '城关区科技志愿服务队', ts: '天水市科技志愿服务支队' };

/** A stored need: posted at `posted` (UTC), covered by `covering`; `steps` are [step, hours after posting]. */
function need(
  _id: string,
  posted: string,
  covering: string,
  over: { status?: string; assigned?: string; steps?: [string, number][]; stars?: number; activityId?: string } = {},
) {
  const postedAt = new Date(posted);
  const at = (h: number) => new Date(postedAt.getTime() + h * HOUR);
  return {
    _id,
    requesterOpenid: `req-${_id}`,
    requesterKind: '社区',
    requesterName: '东岗街道社区',
    category: '科普讲解',
    title: `需求${_id}`,
    description: '社区老年人多，希望请志愿者讲讲电信诈骗的常见套路。',
    region: CHENGGUAN,
    address: '兰州市城关区东岗西路1号',
    preferredFrom: '2026-12-01',
    preferredTo: '2026-12-02',
    audienceSize: 60,
    contactName: '李主任',
    phoneEnc: 'sealed',
    phoneHash: `hash-${_id}`,
    status: over.status ?? 'open',
    coveringOrgId: covering,
    coveringOrgName: ORG_NAME[covering],
    coveringPath: covering === 'cg' ? [rootId, 'lz', 'cg'] : [rootId, covering],
    ...(over.assigned ? { assignedOrgId: over.assigned, assignedOrgName: ORG_NAME[over.assigned] } : {}),
    ...(over.activityId ? { activityId: over.activityId } : {}),
    ...(over.status === 'closed' ? { closeReason: '需求方已自行解决' } : {}),
    ...(over.stars ? { rating: { stars: over.stars, tags: ['专业'], ratedAt: at(24 * 40) } } : {}),
    history: [['posted', 0] as [string, number], ...(over.steps ?? [])].map(([step, h]) => ({ step, at: at(h) })),
    postedAt,
    updatedAt: postedAt,
  };
}

beforeEach(async () => {
  const p = await seedProvince(t);
  rootId = p.root._id;
  await t.emu.db.insert('needs', [
    need('n1', '2026-03-02T02:00:00Z', 'lz'),
    need('n2', '2026-03-03T02:00:00Z', 'lz', { status: 'dispatched', assigned: 'cg', steps: [['dispatched', 1]] }),
    need('n3', '2026-03-04T02:00:00Z', 'lz', {
      status: 'accepted',
      assigned: 'cg',
      steps: [
        ['dispatched', 1],
        ['accepted', 6],
      ],
    }),
    // Taken from 需求广场 by 兰州 itself 10 hours after posting; rated 4.
    need('n4', '2026-03-05T02:00:00Z', 'lz', {
      status: 'rated',
      assigned: 'lz',
      steps: [
        ['taken', 10],
        ['linked', 11],
        ['rated', 900],
      ],
      stars: 4,
    }),
    need('n5', '2026-03-06T02:00:00Z', 'cg', {
      status: 'rated',
      assigned: 'cg',
      steps: [
        ['dispatched', 1],
        ['accepted', 2],
        ['rated', 900],
      ],
      stars: 5,
    }),
    need('n6', '2026-03-07T02:00:00Z', 'lz', { status: 'closed', steps: [['closed', 3]] }),
    // Served by 城关's A5 (10-10): over 30 days ago, so 已完成 unrated.
    need('n10', '2026-09-01T02:00:00Z', 'cg', {
      status: 'accepted',
      assigned: 'cg',
      steps: [
        ['dispatched', 1],
        ['accepted', 24],
        ['linked', 25],
      ],
      activityId: p.A5._id,
    }),
    // 23:00 on 31 December 2025 in Shanghai: last year. 00:00 on 1 January 2026: this year.
    need('n7', '2025-12-31T15:00:00Z', 'lz', { status: 'rated', assigned: 'lz', steps: [['taken', 1]], stars: 1 }),
    need('n8', '2025-12-31T16:00:00Z', 'lz'),
    // 天水, a sibling: never in 兰州's figures; rated 5 (it leads the ranking by rating).
    need('n9', '2026-04-01T02:00:00Z', 'ts', {
      status: 'rated',
      assigned: 'ts',
      steps: [
        ['dispatched', 1],
        ['accepted', 4],
      ],
      stars: 5,
    }),
  ]);
});

describe('report.orgStats needs', () => {
  it('the team alone: needs it covers or was assigned, posted within the period', async () => {
    const r = dataOf(await t.call('report', 'orgStats', { orgId: 'lz', ...YEAR }, 'lz-admin'));
    // n1, n2, n3, n4, n6, n8 (n5 and n10 are 城关's own, n7 last year, n9 天水's).
    expect(r.needs).toEqual({
      received: 6,
      // n2, n3 dispatched, n4 taken.
      dispatched: 3,
      accepted: 2,
      completed: 1,
      avgHoursToAccept: 8,
      avgRating: 4,
      ratedCount: 1,
    });
  });

  it('with the teams below: 城关’s needs join; completed counts the rated and those whose rating window passed', async () => {
    const r = dataOf(await t.call('report', 'orgStats', { orgId: 'lz', ...YEAR, includeDescendants: true }, 'root-leader'));
    expect(r.needs).toEqual({
      received: 8,
      dispatched: 5,
      accepted: 4,
      completed: 3,
      // (6 + 10 + 2 + 24) / 4
      avgHoursToAccept: 10.5,
      avgRating: 4.5,
      ratedCount: 2,
    });
  });

  it('a team counts what it was assigned even when the team above covers it; an empty period has no averages', async () => {
    const cg = dataOf(await t.call('report', 'orgStats', { orgId: 'cg', ...YEAR }, 'cg-admin'));
    expect(cg.needs).toMatchObject({
      received: 4,
      dispatched: 4,
      accepted: 3,
      completed: 2,
      avgHoursToAccept: 10.7,
      avgRating: 5,
      ratedCount: 1,
    });
    const december = dataOf(await t.call('report', 'orgStats', { orgId: 'lz', from: '2025-12-01', to: '2025-12-31' }, 'lz-admin'));
    expect(december.needs).toEqual({
      received: 1,
      dispatched: 1,
      accepted: 1,
      completed: 1,
      avgHoursToAccept: 1,
      avgRating: 1,
      ratedCount: 1,
    });
    const may = dataOf(await t.call('report', 'orgStats', { orgId: 'lz', from: '2026-05-01', to: '2026-05-31' }, 'lz-admin'));
    expect(may.needs).toEqual({
      received: 0,
      dispatched: 0,
      accepted: 0,
      completed: 0,
      avgHoursToAccept: null,
      avgRating: null,
      ratedCount: 0,
    });
  });
});

describe('report.ranking sortBy', () => {
  it('by rating: the higher average first, whatever the minutes; each row carries its average and count', async () => {
    const byMinutes = dataOf(await t.call('report', 'ranking', { orgId: rootId, ...YEAR }, 'root-leader'));
    expect(byMinutes.items.map((i) => [i.orgId, i.avgRating, i.ratedCount])).toEqual([
      ['lz', 4.5, 2],
      ['ts', 5, 1],
    ]);
    const byRating = dataOf(await t.call('report', 'ranking', { orgId: rootId, ...YEAR, sortBy: 'rating' }, 'root-leader'));
    expect(byRating.items).toMatchObject([
      { rank: 1, orgId: 'ts', avgRating: 5, ratedCount: 1, minutes: 500 },
      { rank: 2, orgId: 'lz', avgRating: 4.5, ratedCount: 2, minutes: 870 },
    ]);
  });

  it('a child without a rating has none (null), and an unknown sort is refused', async () => {
    const lz = dataOf(
      await t.call('report', 'ranking', { orgId: 'lz', from: '2026-04-01', to: '2026-04-30', sortBy: 'rating' }, 'lz-admin'),
    );
    expect(lz.items).toEqual([
      { rank: 1, orgId: 'cg', orgName: '城关区科技志愿服务队', minutes: 0, volunteers: 0, activities: 0, avgRating: null, ratedCount: 0 },
    ]);
    const bad = await t.call('report', 'ranking', { orgId: 'lz', ...YEAR, sortBy: 'stars' as never }, 'lz-admin');
    expect(bad).toMatchObject({ ok: false, code: 'VALIDATION' });
  });
});

describe('附件3’s 供需对接 sheet', () => {
  it('has orgStats’s figures and one row per need in scope, oldest first', async () => {
    const out = dataOf(
      await t.call('report', 'export', { orgId: 'lz', kind: 'activityStats', ...YEAR, includeDescendants: true }, 'root-leader'),
    );
    const wb = await readXlsx(out.base64);
    const ws = wb.getWorksheet('供需对接');
    expect(ws).toBeTruthy();
    const rows = sheetRows(ws!);
    expect(rows[0][0]).toBe('兰州市科技志愿服务支队 供需对接情况');
    const figures = Object.fromEntries(rows.slice(1, 8).map((r) => [r[0], r[2]]));
    expect(figures).toEqual({
      收到需求: '8',
      已派单: '5',
      已接单: '4',
      已完成: '3',
      '平均接单用时（小时）': '10.5',
      平均评价星级: '4.5',
      评价数: '2',
    });
    const { header, rows: list } = tableUnder(ws!, '序号');
    expect(header).toEqual(['序号', '提交时间', '需求方类型', '服务类别', '需求标题', '状态', '承接队伍', '接单用时（小时）', '评价星级']);
    expect(list.map((r) => r[4])).toEqual(['需求n8', '需求n1', '需求n2', '需求n3', '需求n4', '需求n5', '需求n6', '需求n10']);
    expect(list[0].slice(1, 4)).toEqual(['2026-01-01 00:00', '社区', '科普讲解']);
    expect(list[4]).toEqual(['5', '2026-03-05 10:00', '社区', '科普讲解', '需求n4', '已完成', '兰州市科技志愿服务支队', '10', '4']);
    expect(list[6].slice(5, 9)).toEqual(['已关闭', '', '', '']);
    expect(list[7].slice(5, 9)).toEqual(['已完成', '城关区科技志愿服务队', '24', '']);
  });
});
