// 统计汇总 through the emulator: report.orgStats over a subtree (and report.ranking over the teams below) reads the rollups only while nothing they count has
// changed since they were built, and then gives the figures the records give; the rebuild action and the cron job.
import { useTestEmulator, dataOf, refusalOf, type TestEmulator } from '../helpers/emulator';
import { REPORT_CLOCK, seedProvince } from '../helpers/report';
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

async function statsOfEveryScope(em: TestEmulator) {
  const out: unknown[] = [];
  for (const orgId of [rootId, 'lz', 'cg', 'ts'])
    for (const p of PERIODS)
      out.push(dataOf(await em.call('report', 'orgStats', { orgId, ...p, includeDescendants: true }, 'root-leader')));
  // The ranking of the teams below, from their rollups.
  for (const orgId of [rootId, 'lz'])
    for (const sortBy of ['minutes', 'rating'])
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
  it('after a mix of scans, an adjustment and a cancellation, the rollups give every subtree the records’ figures', async () => {
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

    // Read from the rollups: a record written behind the functions' back (no updatedAt) is not seen…
    await scans(t, 5, 11, undefined);
    expect(await statsOfEveryScope(t)).toEqual(fromRecords);
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

  it('only the root 总队’s leader and admins rebuild; a year ahead of the server’s clock is refused', async () => {
    expect(refusalOf(await t.call('report', 'rebuildStats', { year: '2026' }, 'lz-leader')).code).toBe('AUTH.FORBIDDEN');
    expect(refusalOf(await t.call('report', 'rebuildStats', { year: '2027' }, 'root-leader')).code).toBe('VALIDATION');
    expect(refusalOf(await t.call('report', 'rebuildStats', { year: '26' }, 'root-leader')).code).toBe('VALIDATION');
  });
});
