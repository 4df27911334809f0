// report.ranking: the teams directly below a team, each with its own subtree, ranked by credited minutes.
import type { ReportRankingInput, ReportRankingOutput } from '../../../../types/report';
import { requireOpenid, type Ctx } from '../../handler';
import { approvedChildren } from '../../db/org.repository';
import { activitiesIn, approvedDescendants, recordsIn } from '../../db/report.repository';
import { rankChildren } from '../../domain/report-stats';
import { periodRange, requestedRange } from '../../domain/shanghai-time';
import { requireReadableOrg } from './report-scope';

export async function ranking(input: ReportRankingInput, ctx: Ctx): Promise<ReportRankingOutput> {
  const { org } = await requireReadableOrg(requireOpenid(ctx), input.orgId);
  const requested = requestedRange(input, ctx.now);
  const p = requested.from && requested.to ? { from: requested.from, to: requested.to } : periodRange('thisMonth', ctx.now);
  const [children, below] = await Promise.all([approvedChildren(org._id), approvedDescendants(org._id)]);
  if (children.length === 0) return { ...p, items: [] };
  const ids = below.map((o) => o._id);
  const [activities, records] = await Promise.all([activitiesIn(ids, p), recordsIn(ids, p)]);
  return { ...p, items: rankChildren(org._id, children, below, { activities, records }, p) };
}
