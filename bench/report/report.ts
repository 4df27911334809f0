// The body of bench/report (bundled by run.mjs): seed a province straight into the database, then time the reports.
import { startBenchEmulator } from '../emulator';

const LANZHOU = { province: '620000', city: '620100', county: '620102' };
const CATEGORIES = ['科普报告', '科技培训', '科技咨询', '农技服务', '义诊咨询', '青少年科技教育', '科普讲解', '网络科普'];
const BRANCHES = 10;
const TEAMS_PER_BRANCH = 5;
const VOLUNTEERS_PER_DAY = 20;

export async function runReport({ root, records, runs }: { root: string; records: number; runs: number }) {
  const { emu, post, resetStats, databaseRequests } = await startBenchEmulator(root);
  try {
    await post('/_dev/clock', { now: '2026-12-31T08:00:00Z' });
    const created = new Date('2026-01-01T00:00:00Z');
    // 总队 → 10 支队 → 5 队 each: 61 teams.
    const orgs: Record<string, unknown>[] = [
      {
        _id: 'root',
        name: '甘肃省科技志愿服务总队',
        level: '总队',
        parentId: null,
        path: [],
        region: LANZHOU,
        status: 'approved',
        createdAt: created,
      },
    ];
    const teams: string[] = ['root'];
    for (let b = 0; b < BRANCHES; b++) {
      const branch = `b${b}`;
      orgs.push({
        _id: branch,
        name: `第${b + 1}支队`,
        level: '支队',
        parentId: 'root',
        path: ['root'],
        region: LANZHOU,
        status: 'approved',
        createdAt: created,
      });
      teams.push(branch);
      for (let t = 0; t < TEAMS_PER_BRANCH; t++) {
        const team = `${branch}-t${t}`;
        orgs.push({
          _id: team,
          name: `第${b + 1}支队第${t + 1}分队`,
          level: '分队',
          parentId: branch,
          path: ['root', branch],
          region: LANZHOU,
          status: 'approved',
          createdAt: created,
        });
        teams.push(team);
      }
    }
    await emu.db.insert('orgs', orgs);
    await emu.db.insert('volunteers', [
      { _id: 'leader', openid: 'leader', realName: '王建国', phone: '13900000000', registeredAt: created },
    ]);
    await emu.db.insert('memberships', [
      { _id: 'root_leader', orgId: 'root', openid: 'leader', role: 'leader', status: 'approved', appliedAt: created },
    ]);
    // Members: 100 per team.
    const members = teams.flatMap((orgId) =>
      Array.from({ length: 100 }, (_, i) => ({
        _id: `${orgId}_m${i}`,
        orgId,
        openid: `${orgId}-v${i}`,
        role: 'member',
        status: 'approved',
        appliedAt: created,
        reviewedAt: created,
      })),
    );
    for (let i = 0; i < members.length; i += 1000) await emu.db.insert('memberships', members.slice(i, i + 1000));

    // Activities: one day each, VOLUNTEERS_PER_DAY records each, spread over the year and the teams.
    const activityCount = Math.ceil(records / VOLUNTEERS_PER_DAY);
    const activities: Record<string, unknown>[] = [];
    const days: Record<string, unknown>[] = [];
    for (let a = 0; a < activityCount; a++) {
      const orgId = teams[a % teams.length];
      const date = new Date(Date.UTC(2026, 0, 1) + (a % 360) * 86_400_000).toISOString().slice(0, 10);
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
      for (let v = 0; v < VOLUNTEERS_PER_DAY && days.length < records; v++) {
        const openid = `${orgId}-v${(a + v) % 100}`;
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
    for (let i = 0; i < activities.length; i += 1000) await emu.db.insert('activities', activities.slice(i, i + 1000));
    for (let i = 0; i < days.length; i += 1000) await emu.db.insert('checkin_days', days.slice(i, i + 1000));

    const year = { orgId: 'root', from: '2026-01-01', to: '2026-12-31' };
    const calls: [string, Record<string, unknown>][] = [
      ['report.orgStats (year, 61 teams)', { action: 'orgStats', ...year, includeDescendants: true }],
      ['report.ranking (year, 10 branches)', { action: 'ranking', ...year }],
      ['report.export 附件3 (year, 61 teams)', { action: 'export', kind: 'activityStats', ...year, includeDescendants: true }],
      ['report.orgStats (one month, one team)', { action: 'orgStats', orgId: 'b0-t0', from: '2026-06-01', to: '2026-06-30' }],
    ];
    console.log(
      `\nreport: ${activities.length} activities, ${days.length} day records, ${members.length} memberships, ${teams.length} teams; node ${process.version}, ${new Date().toISOString()}`,
    );
    console.log('                                         median ms   worst ms   db requests');
    for (const [name, body] of calls) {
      const times: number[] = [];
      let requests = 0;
      for (let r = 0; r < runs; r++) {
        await resetStats();
        const t0 = performance.now();
        const answer = await post('/functions/report', body, 'leader');
        times.push(performance.now() - t0);
        if (!answer.ok) throw new Error(`${name}: ${answer.code}`);
        requests = (await databaseRequests()).total;
      }
      times.sort((a, b) => a - b);
      console.log(
        `${name.padEnd(40)} ${times[Math.floor(times.length / 2)].toFixed(0).padStart(9)} ${times[times.length - 1].toFixed(0).padStart(10)} ${String(requests).padStart(13)}`,
      );
    }
  } finally {
    await emu.close();
  }
}
