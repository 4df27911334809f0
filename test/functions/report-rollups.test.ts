// 统计汇总 through the emulator: report.orgStats over a subtree (and report.ranking over the teams below) reads the rollups only while nothing they count has
// changed since they were built, and then gives the figures the records give; the rebuild action and the cron job.
import { useTestEmulator, dataOf, refusalOf, type TestEmulator } from '../helpers/emulator';
import { REPORT_CLOCK, readXlsx, seedProvince, sheetRows, tableUnder } from '../helpers/report';
import { seedActivity, seedEnrollment } from '../helpers/checkin';

const t = useTestEmulator({ clock: REPORT_CLOCK });
let rootId: string;
let ids: { A1: string; A2: string; A5: string; A6: string };

/** A few minutes on: past the margin the freshness check allows a write stamped before a rebuild. */
const later = (minutes: number) => new Date(new Date(REPORT_CLOCK).getTime() + minutes * 60_000).toISOString();

/** The whole-month periods compared: a year, a quarter, one month, and 13 months over the turn of the year. */
const PERIODS = [
  { from: '2026-01-01', to: '2026-12-31' },
  { from: '2026-04-01', to: '2026-06-30' },
  { from: '2026-05-01', to: '2026-05-31' },
  { from: '2025-12-01', to: '2026-12-31' },
];

/** `scopes`: the subtrees whose orgStats are read (城关 and 天水 have no team below: they read their own records). */
async function statsOfEveryScope(em: TestEmulator, scopes = [rootId, 'lz', 'cg', 'ts']) {
  const out: unknown[] = [];
  for (const orgId of scopes)
    for (const p of PERIODS)
      out.push(dataOf(await em.call('report', 'orgStats', { orgId, ...p, includeDescendants: true }, 'root-leader')));
  // The ranking of the teams below, from their rollups.
  for (const orgId of [rootId, 'lz'])
    for (const sortBy of ['minutes', 'rating'] as const)
      for (const p of PERIODS) out.push(dataOf(await em.call('report', 'ranking', { orgId, ...p, sortBy }, 'root-leader')));
  return out;
}

/** Day records as scans leave them (random volunteers, days and minutes from a fixed seed), stamped or not. */
async function scans(em: TestEmulator, n: number, seed: number, stamped: Date | undefined) {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const acts = [
    { id: ids.A1, orgId: 'lz', date: '2026-09-20' },
    { id: ids.A2, orgId: 'lz', date: '2026-05-11' },
    { id: ids.A5, orgId: 'cg', date: '2026-10-10' },
    { id: ids.A6, orgId: 'ts', date: '2026-04-01' },
  ];
  const docs = Array.from({ length: n }, (_, i) => {
    const a = acts[Math.floor(next() * acts.length)];
    const openid = `walk-in-${seed}-${i}`;
    const minutes = next() < 0.2 ? 0 : 15 + Math.floor(next() * 200);
    const signInAt = new Date(`${a.date}T02:00:00Z`);
    return {
      _id: `${a.id}_${openid}_${a.date}`,
      activityId: a.id,
      orgId: a.orgId,
      openid,
      date: a.date,
      signInAt,
      ...(minutes > 0 ? { signOutAt: new Date(signInAt.getTime() + minutes * 60_000) } : {}),
      minutes,
      status: minutes > 0 ? 'closed' : 'open',
      adjustments: [],
      scans: {},
      createdAt: signInAt,
      ...(stamped ? { updatedAt: stamped } : {}),
    };
  });
  await em.emu.db.insert('checkin_days', docs);
}

beforeEach(async () => {
  const p = await seedProvince(t);
  rootId = p.root._id;
  ids = { A1: p.A1._id, A2: p.A2._id, A5: p.A5._id, A6: p.A6._id };
});

describe('report.rebuildStats and orgStats from the rollups', () => {
  it('after a mix of scans, an adjustment, a correction and a cancellation, the rollups give every subtree the records’ figures', async () => {
    await t.setClock(later(1));
    await scans(t, 40, 7, new Date(later(1)));
    // An adjustment (补录 for v3 at A5) and a cancellation (a running activity of 天水: its first day stops counting).
    await seedEnrollment(t, ids.A5, 'v3');
    dataOf(
      await t.call(
        'checkin',
        'adjust',
        {
          activityId: ids.A5,
          openid: 'v3',
          date: '2026-10-10',
          signInAt: '2026-10-10T08:00:00+08:00',
          signOutAt: '2026-10-10T12:00:00+08:00',
          reason: '签退时间有误，按签到表更正',
        },
        'cg-admin',
      ),
    );
    // A correction (更正) asked by 兰州's admin for a day at A1 with no record, approved by its leader: a new day of 3 hours.
    await seedEnrollment(t, ids.A1, 'lz-admin');
    const asked = dataOf(
      await t.call(
        'checkin',
        'requestCorrection',
        {
          activityId: ids.A1,
          date: '2026-09-20',
          signInAt: '2026-09-20T09:00:00+08:00',
          signOutAt: '2026-09-20T12:00:00+08:00',
          note: '当天忘记扫码签到',
        },
        'lz-admin',
      ),
    );
    dataOf(await t.call('checkin', 'reviewCorrection', { correctionId: asked.correction.correctionId, decision: 'approve' }, 'lz-leader'));
    expect(await t.emu.db.find('checkin_days', { openid: 'lz-admin', date: '2026-09-20' })).toMatchObject([{ minutes: 180 }]);
    const running = await seedActivity(t, 'ts', {
      title: '天水三日科普展',
      category: '科普讲解',
      startDate: '2026-11-22',
      endDate: '2026-11-24',
      startAt: new Date('2026-11-22T01:00:00Z'),
      endAt: new Date('2026-11-24T09:00:00Z'),
    });
    const first = { activityId: running._id, orgId: 'ts', openid: 'v1', date: '2026-11-22', minutes: 240 };
    await t.emu.db.insert('checkin_days', [
      {
        _id: 'running_v1',
        ...first,
        status: 'closed',
        adjustments: [],
        scans: {},
        createdAt: new Date(later(1)),
        updatedAt: new Date(later(1)),
      },
    ]);
    const before = (await statsOfEveryScope(t)) as { minutes: number }[];
    dataOf(await t.call('activity', 'cancel', { activityId: running._id, reason: '场地临时关闭' }, 'ts-admin'));
    const fromRecords = await statsOfEveryScope(t);
    // The cancelled activity's first day no longer counts.
    expect((fromRecords[0] as { minutes: number }).minutes).toBe(before[0].minutes - 240);

    await t.setClock(later(10));
    expect(dataOf(await t.call('report', 'rebuildStats', { year: '2026' }, 'root-leader'))).toMatchObject({ year: '2026', rollups: 4 });
    dataOf(await t.call('report', 'rebuildStats', { year: '2025' }, 'root-leader'));
    await t.setClock(later(20));
    expect(await statsOfEveryScope(t)).toEqual(fromRecords);

    // Read from the rollups: a record written behind the functions' back (no updatedAt) is not seen by the subtrees…
    const trees = await statsOfEveryScope(t, [rootId, 'lz']);
    await scans(t, 5, 11, undefined);
    expect(await statsOfEveryScope(t, [rootId, 'lz'])).toEqual(trees);
    // …while one written as every function writes (stamped) makes them stale: the records answer, with both.
    await scans(t, 5, 13, new Date(later(20)));
    const fresh = (await statsOfEveryScope(t)) as { minutes: number }[];
    expect(fresh).not.toEqual(fromRecords);
    expect(fresh[0].minutes).toBeGreaterThan((fromRecords[0] as { minutes: number }).minutes);

    // The timer's job rebuilds what changed; the rollups then agree with the records again.
    await t.setClock(later(30));
    const tick = dataOf(await t.dev<{ ok: true; data: { jobs: { name: string; done: number }[] } }>('POST', '/_dev/cron'));
    expect(tick.jobs).toContainEqual({ name: 'statsRollup', done: 1 });
    await t.setClock(later(40));
    expect(await statsOfEveryScope(t)).toEqual(fresh);
  });

  it('rebuilds in parts: a call or a tick does what fits its time, the root comes last, the figures are the same', async () => {
    process.env.STATS_REBUILD_BUDGET_MS = '0'; // one step a call
    try {
      await t.setClock(later(1));
      await scans(t, 40, 5, new Date(later(1)));
      const fromRecords = await statsOfEveryScope(t);
      await t.setClock(later(10));
      const first = dataOf(await t.call('report', 'rebuildStats', { year: '2026' }, 'root-leader'));
      expect(first).toMatchObject({ year: '2026', finished: false, parts: { done: 1 } });
      expect(first.parts.total).toBeGreaterThan(1);
      expect(first.rollups).toBeGreaterThan(0);
      // The root's rollup waits for every part's share.
      expect(await t.emu.db.find('stat_rollups', { _id: `tree:${rootId}:2026` })).toEqual([]);
      // The leader's next tap and the timer's ticks carry the job on; both years end finished, then the ticks rest.
      expect(dataOf(await t.call('report', 'rebuildStats', { year: '2026' }, 'root-leader'))).toMatchObject({ parts: { done: 2 } });
      let ticks = 0;
      for (;;) {
        const tick = dataOf(await t.dev<{ ok: true; data: { jobs: { name: string; done: number }[] } }>('POST', '/_dev/cron'));
        if (tick.jobs.find((j) => j.name === 'statsRollup')?.done === 0) break;
        expect(++ticks).toBeLessThan(40);
      }
      expect(ticks).toBeGreaterThan(first.parts.total);
      const jobs = await t.emu.db.find('stat_rollups', { _id: 'job:2026' });
      expect(jobs).toMatchObject([{ done: first.parts.total, finishedAt: expect.anything() }]);
      await t.setClock(later(20));
      expect(await statsOfEveryScope(t)).toEqual(fromRecords);
      // A finished rebuild asked again starts over.
      expect(dataOf(await t.call('report', 'rebuildStats', { year: '2026' }, 'root-leader'))).toMatchObject({
        finished: false,
        parts: { done: 1 },
        builtAt: expect.stringMatching(new RegExp(`^${later(20).slice(0, 16)}`)),
      });
    } finally {
      delete process.env.STATS_REBUILD_BUDGET_MS;
    }
  });

  it('a tree too large to read its records answers from late rollups, saying as of when; a small one reads its records', async () => {
    // 1,000 more teams below 天水: the tree holds 1,004 (LATE_ROLLUPS_TEAMS is 1,000).
    await t.emu.db.insert(
      'orgs',
      Array.from({ length: 1000 }, (_, i) => ({
        _id: `ts-${i}`,
        name: `天水第${i}科技志愿服务队`,
        level: '队',
        parentId: 'ts',
        path: [rootId, 'ts'],
        status: 'approved',
        createdAt: new Date('2026-01-01T00:00:00Z'),
      })),
    );
    await t.setClock(later(1));
    await scans(t, 30, 3, new Date(later(1)));
    const whole = { orgId: rootId, from: '2026-01-01', to: '2026-12-31', includeDescendants: true };
    const before = dataOf(await t.call('report', 'orgStats', whole, 'root-leader'));
    expect(before).toMatchObject({ teams: 1004 });
    expect(before.asOf).toBeUndefined();
    await t.setClock(later(10));
    for (let i = 0; !dataOf(await t.call('report', 'rebuildStats', { year: '2026' }, 'root-leader')).finished; i++)
      expect(i).toBeLessThan(5);
    await t.setClock(later(20));
    expect(dataOf(await t.call('report', 'orgStats', whole, 'root-leader'))).toEqual(before);

    // Something changes after the rebuild: the whole tree answers as of the rebuild, a branch of two teams from its records.
    await scans(t, 10, 19, new Date(later(20)));
    const late = dataOf(await t.call('report', 'orgStats', whole, 'root-leader'));
    expect(late).toEqual({ ...before, asOf: expect.stringMatching(new RegExp(`^${later(10).slice(0, 16)}`)) });
    const branch = dataOf(await t.call('report', 'orgStats', { ...whole, orgId: 'lz' }, 'root-leader'));
    expect(branch.asOf).toBeUndefined();
    const ranked = dataOf(
      await t.call('report', 'ranking', { orgId: rootId, from: '2026-01-01', to: '2026-12-31', sortBy: 'minutes' }, 'root-leader'),
    );
    expect(ranked.asOf).toBe(late.asOf);
    const small = dataOf(
      await t.call('report', 'ranking', { orgId: 'lz', from: '2026-01-01', to: '2026-12-31', sortBy: 'minutes' }, 'root-leader'),
    );
    expect(small.asOf).toBeUndefined();
    // The timer's rebuild brings it up to date.
    await t.setClock(later(30));
    for (let i = 0; i < 5; i++) await t.dev('POST', '/_dev/cron');
    await t.setClock(later(40));
    const rebuilt = dataOf(await t.call('report', 'orgStats', whole, 'root-leader'));
    expect(rebuilt.asOf).toBeUndefined();
    expect(rebuilt.volunteerTimes).toBeGreaterThan(before.volunteerTimes);
  });

  it('only the root 总队’s leader and admins rebuild; a year ahead of the server’s clock is refused', async () => {
    expect(refusalOf(await t.call('report', 'rebuildStats', { year: '2026' }, 'lz-leader')).code).toBe('AUTH.FORBIDDEN');
    expect(refusalOf(await t.call('report', 'rebuildStats', { year: '2027' }, 'root-leader')).code).toBe('VALIDATION');
    expect(refusalOf(await t.call('report', 'rebuildStats', { year: '26' }, 'root-leader')).code).toBe('VALIDATION');
  });
});

describe('附件3 of a tree of more than 1,000 activities', () => {
  /** 1,100 one-day activities of 城关 and 天水 in 2026 with 3 day records each, written as the functions write them. */
  async function manyActivities() {
    const at = new Date(later(1));
    const teams = [
      { orgId: 'cg', orgName: '城关区科技志愿服务队' },
      { orgId: 'ts', orgName: '天水市科技志愿服务支队' },
    ];
    const activities = Array.from({ length: 1100 }, (_, i) => {
      const date = new Date(Date.UTC(2026, 0, 1) + (i % 300) * 86_400_000).toISOString().slice(0, 10);
      return {
        _id: `many-${i}`,
        ...teams[i % 2],
        title: `科普进社区第${i + 1}场`,
        category: i % 3 === 0 ? '科普讲解' : '科技咨询',
        status: 'published',
        startDate: date,
        endDate: date,
        address: '社区活动中心',
        servedCount: i % 7,
        serviceTargets: i % 5 === 0 ? ['青少年'] : [],
        createdAt: at,
        updatedAt: at,
      };
    });
    await t.emu.db.insert('activities', activities);
    await t.emu.db.insert(
      'checkin_days',
      activities.flatMap((a, i) =>
        [0, 1, 2].map((k) => ({
          _id: `${a._id}_p${(i + k) % 40}`,
          activityId: a._id,
          orgId: a.orgId,
          openid: `p${(i + k) % 40}`,
          date: a.startDate,
          minutes: 30 + ((i * 7 + k * 13) % 120),
          status: 'closed',
          adjustments: [],
          scans: {},
          createdAt: at,
          updatedAt: at,
        })),
      ),
    );
  }
  const exportOf = async () => {
    const r = dataOf(
      await t.call('report', 'export', { orgId: rootId, kind: 'activityStats', ...PERIODS[0], includeDescendants: true }, 'root-leader'),
    );
    return readXlsx(r.base64);
  };

  it('lists the teams below from the rollups; the form, the months, 供需对接 and 培训 are those the records give', async () => {
    await manyActivities();
    const fromRecords = await exportOf();
    expect(fromRecords.getWorksheet('活动明细')!.rowCount).toBeGreaterThan(1100);

    await t.setClock(later(10));
    dataOf(await t.call('report', 'rebuildStats', { year: '2026' }, 'root-leader'));
    await t.setClock(later(20));
    const fromRollups = await exportOf();
    expect(fromRollups.getWorksheet('活动明细')).toBeUndefined();

    const form = (wb: typeof fromRecords) => sheetRows(wb.getWorksheet('附件3')!).slice(0, 6);
    expect(form(fromRollups)).toEqual(form(fromRecords));
    for (const sheet of ['月度统计', '供需对接', '培训']) {
      expect(sheetRows(fromRollups.getWorksheet(sheet)!)).toEqual(sheetRows(fromRecords.getWorksheet(sheet)!));
    }
    const note = sheetRows(fromRollups.getWorksheet('附件3')!)
      .flat()
      .find((c) => c.startsWith('注：'));
    expect(note).toContain('活动明细按下级队伍汇总');

    // The teams directly below (兰州 with 城关, 天水) and the 总队's own level add up to the totals, which are orgStats'.
    const list = fromRollups.getWorksheet('下级队伍汇总')!;
    const { header, rows } = tableUnder(list, '序号');
    expect(rows.map((r) => r[1])).toEqual(['甘肃省科技志愿服务总队（本级）', '兰州市科技志愿服务支队', '天水市科技志愿服务支队']);
    const totals = sheetRows(list).find((r) => r[1] === '合计')!;
    const stats = dataOf(await t.call('report', 'orgStats', { orgId: rootId, ...PERIODS[0], includeDescendants: true }, 'root-leader'));
    const col = (name: string) => header.indexOf(name);
    for (const [name, value] of [
      ['活动次数', stats.activities],
      ['参与人次', stats.volunteerTimes],
      ['服务时长（分钟）', stats.minutes],
      ['服务群众人次', stats.servedPeople],
      ['科普报告', stats.byCategory.科普报告],
    ] as const) {
      expect(Number(totals[col(name)])).toBe(value);
      expect(rows.reduce((s, r) => s + Number(r[col(name)]), 0)).toBe(value);
    }
    expect(Number(rows[1][col('队伍数（含下级）')])).toBe(2);
  });
});
