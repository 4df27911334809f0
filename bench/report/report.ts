// The body of bench/report (bundled by run.mjs): seed a tree of teams straight into the database, then time the
// reports through the record-scanning path (no rollups yet) and, after report.rebuildStats, through the rollups.
import { startBenchEmulator } from '../emulator';

const LANZHOU = { province: '620000', city: '620100', county: '620102' };
const CATEGORIES = ['科普报告', '科技培训', '科技咨询', '农技服务', '义诊咨询', '青少年科技教育', '科普讲解', '网络科普'];
const VOLUNTEERS_PER_DAY = 20;
const MEMBERS_PER_TEAM = 30;

/** `province`: 总队 → 10 支队 → 5 队 each (61 teams). `national`: 全国 → 31 省 → 14 市 each → 6 县 each (3,070 teams). */
export type Scale = 'province' | 'national';
const SHAPES: Record<Scale, { levels: string[]; fanout: number[] }> = {
  province: { levels: ['总队', '支队', '分队'], fanout: [10, 5] },
  national: { levels: ['全国', '省', '市', '县'], fanout: [31, 14, 6] },
};

export async function runReport({ root, records, runs, scale }: { root: string; records: number; runs: number; scale: Scale }) {
  const { emu, post, resetStats, databaseRequests } = await startBenchEmulator(root);
  try {
    await post('/_dev/clock', { now: '2027-01-10T08:00:00Z' });
    const created = new Date('2025-06-01T00:00:00Z');
    const shape = SHAPES[scale];
    const orgs: Record<string, unknown>[] = [];
    const teams: string[] = [];
    const children = new Map<string, string[]>();
    const grow = (id: string, name: string, depth: number, path: string[]) => {
      orgs.push({
        _id: id,
        name,
        level: shape.levels[depth],
        parentId: path.at(-1) ?? null,
        path,
        region: LANZHOU,
        status: 'approved',
        createdAt: created,
      });
      teams.push(id);
      const n = shape.fanout[depth] ?? 0;
      children.set(id, []);
      for (let i = 0; i < n; i++) {
        const child = `${id}.${i}`;
        children.get(id)!.push(child);
        grow(child, `${name}第${i + 1}${shape.levels[depth + 1]}`, depth + 1, [...path, id]);
      }
    };
    grow('root', scale === 'national' ? '全国科技志愿服务总队' : '甘肃省科技志愿服务总队', 0, []);
    for (let i = 0; i < orgs.length; i += 1000) await emu.db.insert('orgs', orgs.slice(i, i + 1000));
    await emu.db.insert('settings', [{ _id: 'rootOrg', orgId: 'root', createdAt: created }]);
    await emu.db.insert('volunteers', [
      { _id: 'leader', openid: 'leader', realName: '王建国', phone: '13900000000', registeredAt: created },
    ]);
    await emu.db.insert('memberships', [
      { _id: 'root_leader', orgId: 'root', openid: 'leader', role: 'leader', status: 'approved', appliedAt: created },
    ]);
    const members = teams.flatMap((orgId) =>
      Array.from({ length: MEMBERS_PER_TEAM }, (_, i) => ({
        _id: `${orgId}_m${i}`,
        orgId,
        openid: `${orgId}-v${i}`,
        role: 'member',
        status: 'approved',
        appliedAt: created,
        reviewedAt: new Date(created.getTime() + (i % 300) * 86_400_000),
      })),
    );
    for (let i = 0; i < members.length; i += 1000) await emu.db.insert('memberships', members.slice(i, i + 1000));

    // Activities of one day each, VOLUNTEERS_PER_DAY records each, spread over 2026 and the teams.
    const activityCount = Math.ceil(records / VOLUNTEERS_PER_DAY);
    let written = 0;
    for (let from = 0; from < activityCount; from += 1000) {
      const activities: Record<string, unknown>[] = [];
      const days: Record<string, unknown>[] = [];
      for (let a = from; a < Math.min(activityCount, from + 1000); a++) {
        const orgId = teams[a % teams.length];
        const date = new Date(Date.UTC(2026, 0, 1) + (a % 365) * 86_400_000).toISOString().slice(0, 10);
        const _id = `act-${a}`;
        activities.push({
          _id,
          orgId,
          orgName: orgId,
          title: `活动${a}`,
          category: CATEGORIES[a % CATEGORIES.length],
          serviceTargets: a % 3 === 0 ? ['青少年'] : [],
          keyDay: a % 50 === 0 ? '全国科普日' : undefined,
          address: '兰州市',
          startDate: date,
          endDate: date,
          status: 'published',
          servedCount: 50,
          enrolledCount: VOLUNTEERS_PER_DAY,
          createdAt: created,
        });
        for (let v = 0; v < VOLUNTEERS_PER_DAY && written < records; v++, written++) {
          const openid = `${orgId}-v${(a + v) % MEMBERS_PER_TEAM}`;
          const signInAt = new Date(`${date}T01:00:00Z`);
          days.push({
            _id: `${_id}_${openid}_${date}`,
            activityId: _id,
            orgId,
            openid,
            date,
            signInAt,
            signOutAt: new Date(signInAt.getTime() + 180 * 60_000),
            minutes: 180,
            status: 'closed',
            adjustments: [],
            scans: {},
            createdAt: signInAt,
            updatedAt: signInAt,
          });
        }
      }
      await emu.db.insert('activities', activities);
      await emu.db.insert('checkin_days', days);
    }

    const year = { orgId: 'root', from: '2026-01-01', to: '2026-12-31' };
    const team = teams[teams.length - 1];
    const calls: [string, Record<string, unknown>][] = [
      [`orgStats (2026, ${teams.length} teams)`, { action: 'orgStats', ...year, includeDescendants: true }],
      [
        `orgStats (2026, one ${shape.levels[1]})`,
        { action: 'orgStats', orgId: children.get('root')![0], from: year.from, to: year.to, includeDescendants: true },
      ],
      ['orgStats (one month, one team)', { action: 'orgStats', orgId: team, from: '2026-06-01', to: '2026-06-30' }],
      [`ranking (2026, ${children.get('root')!.length} below)`, { action: 'ranking', ...year }],
      [`export 附件3 (2026, ${teams.length} teams)`, { action: 'export', kind: 'activityStats', ...year, includeDescendants: true }],
    ];
    console.log(
      `\nreport (${scale}): ${activityCount} activities, ${written} day records, ${members.length} memberships, ${teams.length} teams; node ${process.version}, ${new Date().toISOString()}`,
    );
    const time = async (body: Record<string, unknown>, n: number) => {
      const times: number[] = [];
      let requests = 0;
      for (let r = 0; r < n; r++) {
        await resetStats();
        const t0 = performance.now();
        const answer = await post<{ ok: boolean; code?: string; message?: string }>('/functions/report', body, 'leader');
        times.push(performance.now() - t0);
        if (!answer.ok) throw new Error(`${String(body.action)}: ${answer.code} ${answer.message}`);
        requests = (await databaseRequests()).total;
      }
      times.sort((a, b) => a - b);
      return { median: times[Math.floor(times.length / 2)], worst: times[times.length - 1], requests };
    };
    // The record-scanning path first (no rollups exist), each call once at national scale (it reads every record).
    const before: Awaited<ReturnType<typeof time>>[] = [];
    for (const [, body] of calls) before.push(await time(body, scale === 'national' ? 1 : runs));
    // The rebuild goes in parts: called again until it says it is finished, each call as long as one function runs.
    const t0 = performance.now();
    const callMs: number[] = [];
    let rebuilt: { rollups: number; finished: boolean; parts: { total: number } } | undefined;
    let rollups = 0;
    while (!rebuilt?.finished) {
      const c0 = performance.now();
      const answer = await post<{ ok: boolean; data?: NonNullable<typeof rebuilt>; code?: string }>(
        '/functions/report',
        { action: 'rebuildStats', year: '2026' },
        'leader',
      );
      callMs.push(performance.now() - c0);
      if (!answer.ok || !answer.data) throw new Error(`rebuildStats: ${answer.code}`);
      rebuilt = answer.data;
      rollups += rebuilt.rollups;
    }
    const rebuildMs = performance.now() - t0;
    const rebuildRequests = (await databaseRequests()).total;
    // Past the freshness margin (2 minutes) of the rebuild.
    await post('/_dev/clock', { now: '2027-01-10T08:10:00Z' });
    const after: Awaited<ReturnType<typeof time>>[] = [];
    for (const [, body] of calls) after.push(await time(body, runs));
    const fmt = (n: number) => n.toFixed(0).padStart(8);
    console.log(
      `rebuildStats 2026: ${rollups} rollups in ${rebuildMs.toFixed(0)} ms, ${rebuildRequests} database requests, ` +
        `${callMs.length} calls (${rebuilt.parts.total} parts and the root), the longest call ${Math.max(...callMs).toFixed(0)} ms`,
    );
    console.log(
      `${''.padEnd(38)} ${'records: median ms  worst  requests'.padStart(36)} | ${'rollups: median ms  worst  requests'.padStart(36)}`,
    );
    calls.forEach(([name], i) => {
      const b = before[i];
      const a = after[i];
      console.log(
        `${name.padEnd(38)} ${fmt(b.median)} ${fmt(b.worst)} ${String(b.requests).padStart(18)} | ${fmt(a.median)} ${fmt(a.worst)} ${String(a.requests).padStart(18)}`,
      );
    });

    // One day record written after the rebuild (as every scan stamps it): the rollups are stale. A tree of 1,000 teams
    // or more still answers from them, as of their build (asOf); a smaller one reads its records.
    await emu.db.insert('checkin_days', [
      {
        _id: 'late-record',
        activityId: 'late-activity',
        orgId: team,
        openid: `${team}-v0`,
        date: '2026-12-30',
        minutes: 60,
        status: 'closed',
        adjustments: [],
        scans: {},
        createdAt: new Date('2027-01-10T08:10:00Z'),
        updatedAt: new Date('2027-01-10T08:10:00Z'),
      },
    ]);
    for (const [name, body] of [calls[0], calls[3]]) {
      await resetStats();
      const t0 = performance.now();
      const answer = await post<{ ok: boolean; code?: string; data?: { asOf?: string } }>('/functions/report', body, 'leader');
      const ms = performance.now() - t0;
      if (!answer.ok) throw new Error(`${String(body.action)} after a change: ${answer.code}`);
      const requests = (await databaseRequests()).total;
      const how = answer.data?.asOf ? `from the rollups as of ${answer.data.asOf}` : 'from the records';
      console.log(`after one new day record, ${name}: ${ms.toFixed(0)} ms, ${requests} requests, ${how}`);
    }
  } finally {
    await emu.close();
  }
}
