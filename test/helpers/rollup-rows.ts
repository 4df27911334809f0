// Random rows over a small tree for the rollup tests: a deterministic generator, so a failure can be replayed.
import { addMonths, type RollupOrg, type RollupRecord } from '../../cloudfunctions/common/domain/stat-rollup';
import type { StatActivity, StatMembership } from '../../cloudfunctions/common/domain/report-stats';
import { SERVICE_CATEGORIES } from '@contract/enums';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
export function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// root ─ a ─ a1, a2 (pending) ─ a21 ; root ─ b ; c (another root)
export const ORGS: RollupOrg[] = [
  { _id: 'root', path: [], status: 'approved' },
  { _id: 'a', path: ['root'], status: 'approved' },
  { _id: 'a1', path: ['root', 'a'], status: 'approved' },
  { _id: 'a2', path: ['root', 'a'], status: 'pending' },
  { _id: 'a21', path: ['root', 'a', 'a2'], status: 'approved' },
  { _id: 'b', path: ['root'], status: 'approved' },
  { _id: 'c', path: [], status: 'approved' },
];
/** What report-scope reads for a subtree: the team, and every approved team whose path holds it. */
export const subtree = (id: string) =>
  ORGS.filter((o) => o._id === id || (o.status === 'approved' && o.path.includes(id))).map((o) => o._id);

export function rows(seed: number) {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const date = (year: number) => {
    const m = 1 + Math.floor(r() * 12);
    const d = 1 + Math.floor(r() * 28);
    return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  };
  const activities: (StatActivity & { endDate: string })[] = Array.from({ length: 60 }, (_, i) => {
    const startDate = date(r() < 0.3 ? 2025 : 2026);
    return {
      _id: `act${i}`,
      orgId: pick(ORGS)._id,
      category: pick(SERVICE_CATEGORIES),
      // Cancellations: a cancelled activity's records are left out before the rows reach either side.
      status: r() < 0.1 ? 'cancelled' : 'published',
      startDate,
      // Some run into the next months: one 人次 of the period, one of each month.
      endDate: r() < 0.2 ? addMonths(startDate.slice(0, 7), 1 + Math.floor(r() * 3)) + '-15' : startDate,
      keyDay: r() < 0.2 ? '全国科普日' : undefined,
      serviceTargets: r() < 0.3 ? ['青少年'] : [],
      servedCount: r() < 0.5 ? Math.floor(r() * 100) : undefined,
    };
  });
  const people = Array.from({ length: 25 }, (_, i) => `v${i}`);
  const records: RollupRecord[] = [];
  for (let i = 0; i < 900; i++) {
    const a = pick(activities);
    const start = new Date(`${a.startDate}T00:00:00Z`).getTime();
    const end = new Date(`${a.endDate.length === 10 ? a.endDate : a.startDate}T00:00:00Z`).getTime();
    const day = new Date(start + Math.floor(r() * ((end - start) / 86_400_000 + 1)) * 86_400_000).toISOString().slice(0, 10);
    // Scans without a sign-out and adjustments down to nothing credit no time.
    records.push({
      activityId: a._id,
      orgId: a.orgId,
      openid: pick(people),
      date: day,
      minutes: r() < 0.15 ? 0 : 30 + Math.floor(r() * 300),
    });
  }
  const memberships: StatMembership[] = Array.from({ length: 70 }, () => {
    const appliedAt = new Date(`${date(r() < 0.4 ? 2025 : 2026)}T04:00:00Z`);
    return {
      orgId: pick(ORGS)._id,
      openid: pick(people),
      status: r() < 0.8 ? 'approved' : pick(['pending', 'rejected', 'left'] as const),
      appliedAt,
      reviewedAt: r() < 0.7 ? new Date(appliedAt.getTime() + Math.floor(r() * 40) * 86_400_000) : undefined,
    } as StatMembership;
  });
  const cancelled = new Set(activities.filter((a) => a.status === 'cancelled').map((a) => a._id));
  return { activities, records: records.filter((x) => !cancelled.has(x.activityId)), memberships };
}
