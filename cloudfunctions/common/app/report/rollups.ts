// 统计汇总: reading a report's figures from the rollups (rebuilt by rebuild-job) when they are
// current. A report never trusts a rollup that anything it counts has changed after (changedSince): it reads the
// records instead, so a rollup can be late but never wrong.
import type { OrgDoc } from '../../db/org.repository';
import { changedSince, rollupsOfTeams, type RollupDoc } from '../../db/stat-rollup.repository';
import { LOOKBACK_MONTHS, addMonths, figuresFromRollups, wholeMonths } from '../../domain/stat-rollup';
import type { Period, StatFigures } from '../../domain/report-stats';

/**
 * The figures of `org` with its subtree over `p` from the rollups, with the number of teams counted; undefined when
 * they cannot answer: a period not of whole months or longer than the lookback, a year not built, or a change since
 * the oldest rollup read.
 */
export async function rolledFigures(org: OrgDoc, p: Period): Promise<{ figures: StatFigures; teams: number } | undefined> {
  return (await rolledFiguresOf([org], p))?.get(org._id);
}

/** rolledFigures for several teams at once (one read of their rollups, one freshness check). */
export async function rolledFiguresOf(
  orgs: readonly OrgDoc[],
  p: Period,
): Promise<Map<string, { figures: StatFigures; teams: number }> | undefined> {
  const months = wholeMonths(p);
  if (!months || orgs.length === 0) return undefined;
  const years = yearsOf(months);
  const ids = orgs.map((o) => o._id);
  const docs = rollupsByTeam(await rollupsOfTeams(ids, years), ids, years);
  if (!docs || !(await stillCurrent([...docs.values()].flat(), months, p))) return undefined;
  return new Map(
    [...docs].map(([id, built]) => [id, { figures: figuresFromRollups(built, p, months), teams: built[built.length - 1].teams }]),
  );
}

/** The calendar years whole months fall in. */
export const yearsOf = (months: readonly string[]) => [...new Set(months.map((m) => m.slice(0, 4)))];

/** Each team's rollups of `years`, in year order, from those found; undefined when a team lacks one. */
export function rollupsByTeam(
  found: readonly RollupDoc[],
  orgIds: readonly string[],
  years: readonly string[],
): Map<string, RollupDoc[]> | undefined {
  const byKey = new Map(found.map((d) => [`${d.orgId}:${d.year}`, d]));
  const out = new Map<string, RollupDoc[]>();
  for (const id of orgIds) {
    const mine = years.map((y) => byKey.get(`${id}:${y}`));
    if (mine.some((d) => !d)) return undefined;
    out.set(id, mine as RollupDoc[]);
  }
  return out;
}

/** Whether rollups may answer for `months`: nothing they count was written after the oldest of them was built. */
export async function stillCurrent(docs: readonly RollupDoc[], months: readonly string[], p: Period): Promise<boolean> {
  const builtAt = new Date(Math.min(...docs.map((d) => new Date(d.builtAt).getTime())));
  return !(await changedSince(builtAt, `${addMonths(months[0], -LOOKBACK_MONTHS)}-01`, p.to));
}
