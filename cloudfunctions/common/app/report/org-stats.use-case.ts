// report.orgStats: the figures of 附件3 for a team (optionally with the teams below it) over a period, 供需对接's and 培训's.
import type { OrgStats, ReportOrgStatsInput } from '@contract/report';
import { requireOpenid, type Ctx } from '../../handler';
import { requireReadableOrg } from '../access';
import { figuresOf, needFiguresOf, READ_STATS, reportPeriod, teamsOf, trainingFiguresOf } from './report-scope';

export async function orgStats(input: ReportOrgStatsInput, ctx: Ctx): Promise<OrgStats> {
  const { org } = await requireReadableOrg(requireOpenid(ctx), input.orgId, READ_STATS);
  const includeDescendants = input.includeDescendants ?? false;
  const teams = await teamsOf(org, includeDescendants);
  const p = reportPeriod(input, ctx.now, 'thisMonth');
  const [{ figures }, needs, training] = await Promise.all([
    figuresOf(teams, p),
    needFiguresOf(teams, p, ctx.now),
    trainingFiguresOf(teams, p),
  ]);
  return {
    orgId: org._id,
    orgName: org.name,
    ...p,
    includeDescendants,
    teams: teams.length,
    ...figures,
    needs: needs.figures,
    ...training.figures,
  };
}
