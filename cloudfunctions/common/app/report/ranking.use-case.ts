// report.ranking: the teams directly below a team, each with its own subtree, ranked by credited minutes or by the
// average rating of the needs assigned to them; with `commended`, only those whose subtree holds an approved 表彰奖励
// conferred within the period. Over whole months the children's rollups (统计汇总) answer when current, else the records.
import type { ReportRankingInput, ReportRankingOutput } from '@contract/report';
import { requireOpenid, type Ctx } from '../../handler';
import { approvedChildren, type OrgDoc } from '../../db/org.repository';
import { activitiesIn, approvedDescendants, needsIn, needsPostedIn } from '../../db/report.repository';
import { approvedWithin } from '../../db/commendation.repository';
import { commendedWithin } from '../../domain/commendation';
import { rankChildren, rankTeams, starsByChild, type Period } from '../../domain/report-stats';
import { requireReadableOrg } from '../access';
import { periodRecords, READ_STATS, reportPeriod, teamsBelowAmong } from './report-scope';
import { rolledFiguresOf } from './rollups';

export async function ranking(input: ReportRankingInput, ctx: Ctx): Promise<ReportRankingOutput> {
  const { org } = await requireReadableOrg(requireOpenid(ctx), input.orgId, READ_STATS);
  const p = reportPeriod(input, ctx.now, 'thisMonth');
  const [all, commended] = await Promise.all([
    approvedChildren(org._id),
    input.commended ? approvedWithin(org._id, p.from, p.to) : undefined,
  ]);
  const children = commended ? all.filter((c) => commended.some((x) => commendedWithin(c._id, x.subjectTeams))) : all;
  if (children.length === 0) return { ...p, items: [] };
  const rolled = await rolledFiguresOf(children, p);
  if (rolled) {
    const totals = new Map(
      [...rolled.byTeam].map(([id, { figures: f }]) => [
        id,
        { minutes: f.minutes, volunteers: f.distinctVolunteers, activities: f.activities },
      ]),
    );
    const asOf = rolled.asOf ? { asOf: rolled.asOf.toISOString() } : {};
    return { ...p, items: rankTeams(children, totals, await starsOf(org, p), input.sortBy), ...asOf };
  }
  const below = await approvedDescendants(org._id);
  const ids = below.map((o) => o._id);
  const [activities, needs] = await Promise.all([activitiesIn(ids, p), needsIn(ids, p)]);
  const { records } = await periodRecords(ids, p, activities);
  return { ...p, items: rankChildren(org._id, children, below, { activities, records, needs }, p, input.sortBy) };
}

/** The rated needs of the period by child, from the needs posted in it and the teams they were assigned to. */
async function starsOf(root: OrgDoc, p: Period) {
  const needs = (await needsPostedIn(p)).filter((n) => n.rating && n.assignedOrgId);
  const below = await teamsBelowAmong(
    root,
    needs.map((n) => n.assignedOrgId!),
  );
  return starsByChild(root._id, below, needs, p);
}
