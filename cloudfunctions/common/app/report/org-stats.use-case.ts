// report.orgStats: the figures of 附件3 for a team (optionally with the teams below it) over a period, 供需对接's and 培训's.
// A subtree over whole months reads the rollups (统计汇总) when they are current, else the records; both give the same
// figures (test/functions/report-rollups). A team alone, or one with no approved team below it, is read in one request
// (with the caller's check, two), unless its rows do not fit one document (test/functions/report-team-month).
import type { OrgStats, ReportOrgStatsInput } from '@contract/report';
import { requireOpenid, type Ctx } from '../../handler';
import { requireReadableOrg } from '../access';
import {
  figuresOf,
  needFiguresInTree,
  needFiguresOf,
  oneTeamFigures,
  READ_STATS,
  reportPeriod,
  teamsOf,
  trainingFiguresInTree,
  trainingFiguresOf,
} from './report-scope';
import { rolledFigures } from './rollups';

export async function orgStats(input: ReportOrgStatsInput, ctx: Ctx): Promise<OrgStats> {
  const { org } = await requireReadableOrg(requireOpenid(ctx), input.orgId, READ_STATS);
  const includeDescendants = input.includeDescendants ?? false;
  const p = reportPeriod(input, ctx.now, 'thisMonth');
  const head = { orgId: org._id, orgName: org.name, ...p, includeDescendants };
  // A team with none below is read alone, 含下级 or not (the page asks 含下级 by default): its subtree is itself.
  const alone = await oneTeamFigures(org, p, ctx.now, { unlessTeamsBelow: includeDescendants });
  if (alone) return { ...head, teams: 1, ...alone.figures, needs: alone.needs, ...alone.training };
  const rolled = includeDescendants ? await rolledFigures(org, p) : undefined;
  if (rolled) {
    const [needs, training] = await Promise.all([needFiguresInTree(org, p, ctx.now), trainingFiguresInTree(org, p)]);
    const asOf = rolled.asOf ? { asOf: rolled.asOf.toISOString() } : {};
    return { ...head, teams: rolled.teams, ...rolled.figures, needs: needs.figures, ...training.figures, ...asOf };
  }
  const teams = await teamsOf(org, includeDescendants);
  const [{ figures }, needs, training] = await Promise.all([
    figuresOf(teams, p),
    needFiguresOf(teams, p, ctx.now),
    trainingFiguresOf(teams, p),
  ]);
  return { ...head, teams: teams.length, ...figures, needs: needs.figures, ...training.figures };
}
