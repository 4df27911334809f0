// 统计汇总: reading a report's figures from the rollups (rebuilt by rebuild-job) when they are
// current. A report never trusts a rollup that anything it counts has changed after (changedSince): it reads the
// records instead, so a rollup can be late but never wrong.
import type { OrgDoc } from '../../db/org.repository';
import { changedSince, rollupsOfTeams, type RollupDoc } from '../../db/stat-rollup.repository';
import { LOOKBACK_MONTHS, addMonths, figuresFromRollups, wholeMonths } from '../../domain/stat-rollup';
import type { Period, StatFigures } from '../../domain/report-stats';

/**
 * Teams in the trees a report reads from which on its records are not read in one call (a whole nation: 3,070 teams
 * took 681 requests and half a minute on the emulator, past a function's 20 s): there the rollups answer even when
 * something changed after them, saying as of when (`asOf`), rather than not at all.
 */
export const LATE_ROLLUPS_TEAMS = 1000;

type Rolled = { figures: StatFigures; teams: number };

/**
 * The figures of `org` with its subtree over `p` from the rollups, with the number of teams counted; undefined when
 * they cannot answer: a period not of whole months or longer than the lookback, a year not built, or a change since
 * the oldest rollup read in a tree small enough for its records (else `asOf`: see LATE_ROLLUPS_TEAMS).
 */
export async function rolledFigures(org: OrgDoc, p: Period): Promise<(Rolled & { asOf?: Date }) | undefined> {
  const rolled = await rolledFiguresOf([org], p);
  const mine = rolled?.byTeam.get(org._id);
  return mine && { ...mine, ...(rolled?.asOf ? { asOf: rolled.asOf } : {}) };
}

/** rolledFigures for several teams at once (one read of their rollups, one freshness check). */
export async function rolledFiguresOf(
  orgs: readonly OrgDoc[],
  p: Period,
): Promise<{ byTeam: Map<string, Rolled>; asOf?: Date } | undefined> {
  const months = wholeMonths(p);
  if (!months || orgs.length === 0) return undefined;
  const years = yearsOf(months);
  const ids = orgs.map((o) => o._id);
  const docs = rollupsByTeam(await rollupsOfTeams(ids, years), ids, years);
  if (!docs) return undefined;
  const byTeam = new Map(
    [...docs].map(([id, built]) => [id, { figures: figuresFromRollups(built, p, months), teams: built[built.length - 1].teams }]),
  );
  const teams = [...byTeam.values()].reduce((n, r) => n + r.teams, 0);
  const verdict = await rollupsAnswer([...docs.values()].flat(), months, p, teams);
  return verdict && { byTeam, ...verdict };
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

/**
 * Whether rollups may answer for `months`: current ({}) when nothing they count was written after the oldest of them
 * was built; late (`asOf` that time) when something was but their trees hold `teams` ≥ LATE_ROLLUPS_TEAMS; else not
 * (undefined: the records answer).
 */
export async function rollupsAnswer(
  docs: readonly RollupDoc[],
  months: readonly string[],
  p: Period,
  teams: number,
): Promise<{ asOf?: Date } | undefined> {
  const builtAt = new Date(Math.min(...docs.map((d) => new Date(d.builtAt).getTime())));
  if (!(await changedSince(builtAt, `${addMonths(months[0], -LOOKBACK_MONTHS)}-01`, p.to))) return {};
  return teams >= LATE_ROLLUPS_TEAMS ? { asOf: builtAt } : undefined;
}
