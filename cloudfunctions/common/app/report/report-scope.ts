// What the report use cases share: who may read a team's reports, and the teams and rows a report covers.
import { AppError, ErrorCode } from '../../errors';
import { findOrg, managerGrants, type OrgDoc } from '../../db/org.repository';
import { activitiesIn, approvedDescendants, approvedMembershipsOf, recordsIn } from '../../db/report.repository';
import { canRead, type Grant } from '../../domain/org-access';
import { orgFigures, type Period, type StatFigures } from '../../domain/report-stats';

/** The team's leader/admins and those of every team above it (canRead); anyone else is refused. */
export async function requireReadableOrg(openid: string, orgId: string): Promise<{ org: OrgDoc; grants: Grant[] }> {
  const [org, grants] = await Promise.all([findOrg(orgId), managerGrants(openid)]);
  if (!org) throw new AppError(ErrorCode.ORG_NOT_FOUND);
  if (!canRead(grants, org)) throw new AppError(ErrorCode.AUTH_FORBIDDEN, '只有本队及上级队伍的负责人、管理员可以查看统计');
  return { org, grants };
}

/** The team alone, or with every approved team below it. */
export async function teamsOf(org: OrgDoc, includeDescendants: boolean): Promise<OrgDoc[]> {
  return includeDescendants ? [org, ...(await approvedDescendants(org._id))] : [org];
}

/** The rows of the teams within the period and the figures of 附件3 over them. */
export async function figuresOf(teams: OrgDoc[], p: Period) {
  const ids = teams.map((t) => t._id);
  const [activities, records, memberships] = await Promise.all([activitiesIn(ids, p), recordsIn(ids, p), approvedMembershipsOf(ids)]);
  const figures: StatFigures = orgFigures({ activities, records, memberships }, p);
  return { activities, records, memberships, figures };
}
