// report.rebuildStats (统计汇总): the root 总队's leader and admins rebuild a year's rollups of every team from the
// records; the cron job does the same for this year and the last whenever something they count changed since.
import type { ReportRebuildStatsInput, ReportRebuildStatsOutput } from '@contract/report';
import { AppError, ErrorCode } from '../../errors';
import { requireOpenid, type Ctx } from '../../handler';
import { requireRootManager } from '../access';
import { findRootOrgId } from '../../db/settings.repository';
import { changedSince, rollupsOf } from '../../db/stat-rollup.repository';
import { shanghaiDate } from '../../domain/shanghai-time';
import { rebuildYear } from './rollups';

const FORBIDDEN = '只有总队负责人、管理员可以重建统计汇总';

export async function rebuildStats(input: ReportRebuildStatsInput, ctx: Ctx): Promise<ReportRebuildStatsOutput> {
  await requireRootManager(requireOpenid(ctx), FORBIDDEN);
  const thisYear = shanghaiDate(ctx.now).slice(0, 4);
  if (input.year < '2000' || input.year > thisYear) {
    throw new AppError(ErrorCode.VALIDATION, `年份须在2000年至${thisYear}年之间`, { latest: thisYear });
  }
  const done = await rebuildYear(input.year, ctx.now);
  return { ...done, builtAt: ctx.now.toISOString() };
}

/** Cron: this year's rollups (and last year's) rebuilt when missing or when something they count changed after them. */
export async function refreshStats(at: Date): Promise<{ name: string; done: number }> {
  const name = 'statsRollup';
  const rootId = await findRootOrgId();
  if (!rootId) return { name, done: 0 };
  const thisYear = Number(shanghaiDate(at).slice(0, 4));
  let done = 0;
  for (const year of [String(thisYear - 1), String(thisYear)]) {
    const [built] = await rollupsOf(rootId, [year]);
    if (built && !(await changedSince(new Date(built.builtAt), `${Number(year) - 1}-01-01`, `${year}-12-31`))) continue;
    await rebuildYear(year, at);
    done++;
  }
  return { name, done };
}
