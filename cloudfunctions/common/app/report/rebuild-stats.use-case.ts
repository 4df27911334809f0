// report.rebuildStats (统计汇总): the root 总队's leader and admins rebuild a year's rollups of every team from the
// records, in parts (rebuild-job): each call goes on for its budget and says how far it got, and the next call (or
// cron's next tick) goes on from there. The cron job does the same for this year and the last whenever the root's
// rollup is missing or something it counts changed since.
import type { ReportRebuildStatsInput, ReportRebuildStatsOutput } from '@contract/report';
import { AppError, ErrorCode } from '../../errors';
import { requireOpenid, type Ctx } from '../../handler';
import { requireRootManager } from '../access';
import { findRootOrgId } from '../../db/settings.repository';
import { changedSince, findJob, rollupsOf } from '../../db/stat-rollup.repository';
import { shanghaiDate } from '../../domain/shanghai-time';
import { REBUILD_BUDGET_MS, rebuildInParts } from './rebuild-job';

const FORBIDDEN = '只有总队负责人、管理员可以重建统计汇总';

/** The budget of one call; STATS_REBUILD_BUDGET_MS may shorten it (0: one step a call). */
const budget = () => Number(process.env.STATS_REBUILD_BUDGET_MS ?? REBUILD_BUDGET_MS);

export async function rebuildStats(input: ReportRebuildStatsInput, ctx: Ctx): Promise<ReportRebuildStatsOutput> {
  const { rootId } = await requireRootManager(requireOpenid(ctx), FORBIDDEN);
  const thisYear = shanghaiDate(ctx.now).slice(0, 4);
  if (input.year < '2000' || input.year > thisYear) {
    throw new AppError(ErrorCode.VALIDATION, `年份须在2000年至${thisYear}年之间`, { latest: thisYear });
  }
  const done = await rebuildInParts(input.year, rootId, ctx.now, { restart: true, budgetMs: budget() });
  return { year: done.year, rollups: done.rollups, parts: done.parts, finished: done.finished, builtAt: done.startedAt.toISOString() };
}

/**
 * Cron: this year's rollups and last year's, a job in progress carried on, a new one started when the root's rollup
 * is missing or something it counts changed after it; one tick works for one budget in all.
 */
export async function refreshStats(at: Date): Promise<{ name: string; done: number }> {
  const name = 'statsRollup';
  const rootId = await findRootOrgId();
  if (!rootId) return { name, done: 0 };
  const began = Date.now();
  const thisYear = Number(shanghaiDate(at).slice(0, 4));
  let done = 0;
  for (const year of [String(thisYear - 1), String(thisYear)]) {
    const left = budget() - (Date.now() - began);
    if (done > 0 && left <= 0) break;
    const job = await findJob(year);
    const going = !!job && !job.finishedAt && job.rootId === rootId;
    if (!going) {
      const [built] = await rollupsOf(rootId, [year]);
      if (built && !(await changedSince(new Date(built.builtAt), `${Number(year) - 1}-01-01`, `${year}-12-31`))) continue;
    }
    await rebuildInParts(year, rootId, at, { restart: true, budgetMs: Math.max(0, left) });
    done++;
  }
  return { name, done };
}
