// record.commendations / myCommendations: approved commendations only. A volunteer's are for them and for the managers
// of their teams (and the teams above); a team's and an activity's are public (the team page).
import type { RecordCommendationListOutput, RecordCommendationsInput } from '@contract/commendation';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { findActivity } from '../../db/activity.repository';
import { approvedOfActivity, approvedOfTeam, approvedOfVolunteer } from '../../db/commendation.repository';
import { findOrg, findOrgsByIds, managerGrants, membershipsOf } from '../../db/org.repository';
import { canRead } from '../../domain/org-access';
import { commendationViews } from './commendation-view';

const READ_FORBIDDEN = '只有志愿者本人及其所在队伍、上级队伍的负责人或管理员可以查看其表彰记录';

export async function commendations(input: RecordCommendationsInput, ctx: Ctx): Promise<RecordCommendationListOutput> {
  const openid = requireOpenid(ctx);
  if (input.orgId) {
    if (!(await findOrg(input.orgId))) throw new AppError(ErrorCode.ORG_NOT_FOUND);
    return { items: await commendationViews(await approvedOfTeam(input.orgId)) };
  }
  if (input.activityId) {
    if (!(await findActivity(input.activityId))) throw new AppError(ErrorCode.ACTIVITY_NOT_FOUND);
    return { items: await commendationViews(await approvedOfActivity(input.activityId)) };
  }
  const subject = input.openid as string;
  const docs = await approvedOfVolunteer(subject);
  if (subject === openid) return { items: await commendationViews(docs) };
  const [grants, memberships] = await Promise.all([managerGrants(openid), membershipsOf(subject)]);
  const teams = await findOrgsByIds(memberships.filter((m) => m.status === 'approved').map((m) => m.orgId));
  if (!teams.some((t) => canRead(grants, t))) throw new AppError(ErrorCode.AUTH_FORBIDDEN, READ_FORBIDDEN);
  // A manager sees those recorded through a team they read (theirs or one below it).
  const visible = docs.filter((d) => canRead(grants, { _id: d.subjectOrgId, path: d.subjectTeams.slice(0, -1) }));
  return { items: await commendationViews(visible) };
}

export async function myCommendations(_input: unknown, ctx: Ctx): Promise<RecordCommendationListOutput> {
  return { items: await commendationViews(await approvedOfVolunteer(requireOpenid(ctx))) };
}
