// report.ranking: the teams directly below a team, each with its own subtree, ranked by credited minutes or by the
// average rating of the needs assigned to them; with `commended`, only those whose subtree holds an approved 表彰奖励
// conferred within the period.
import type { ReportRankingInput, ReportRankingOutput } from '@contract/report';
import { requireOpenid, type Ctx } from '../../handler';
import { approvedChildren } from '../../db/org.repository';
import { activitiesIn, approvedDescendants, needsIn } from '../../db/report.repository';
import { approvedWithin } from '../../db/commendation.repository';
import { commendedWithin } from '../../domain/commendation';
import { rankChildren } from '../../domain/report-stats';
import { requireReadableOrg } from '../access';
import { periodRecords, READ_STATS, reportPeriod } from './report-scope';

export async function ranking(input: ReportRankingInput, ctx: Ctx): Promise<ReportRankingOutput> {
  const { org } = await requireReadableOrg(requireOpenid(ctx), input.orgId, READ_STATS);
  const p = reportPeriod(input, ctx.now, 'thisMonth');
  const [all, below, commended] = await Promise.all([
    approvedChildren(org._id),
    approvedDescendants(org._id),
    input.commended ? approvedWithin(org._id, p.from, p.to) : undefined,
  ]);
  const children = commended ? all.filter((c) => commended.some((x) => commendedWithin(c._id, x.subjectTeams))) : all;
  if (children.length === 0) return { ...p, items: [] };
  const ids = below.map((o) => o._id);
  const [activities, needs] = await Promise.all([activitiesIn(ids, p), needsIn(ids, p)]);
  const { records } = await periodRecords(ids, p, activities);
  return { ...p, items: rankChildren(org._id, children, below, { activities, records, needs }, p, input.sortBy) };
}
