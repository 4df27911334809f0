// Who may enroll: a public activity anyone whose team application is approved or pending; a members-only activity
// only approved members of its team's subtree.
import type { ActivityAudience, MembershipStatus } from '@contract/enums';
import type { OrgNode } from './org-access';

/** One of the volunteer's teams as the enrolment rule reads it: the team (with its place in the tree) and their state in it. */
export interface TeamMembership {
  org: Pick<OrgNode, '_id' | 'path'> & { name: string };
  status: MembershipStatus;
}

/** Why a volunteer may not enroll, said before anything else is asked (the risk notice comes after). */
export interface EnrollBlock {
  code: 'USER.NO_APPROVED_ORG' | 'ACTIVITY.MEMBERS_ONLY';
  message: string;
  /** The team the activity is limited to, and the volunteer's application to a team of it if one is pending. */
  orgName?: string;
  pendingOrgName?: string;
}

const inSubtree = (activityOrgId: string, org: Pick<OrgNode, '_id' | 'path'>) =>
  org._id === activityOrgId || org.path.includes(activityOrgId);

/**
 * A public activity takes anyone with a team application that is approved or still pending (a new volunteer need not
 * wait for the review to join an activity open to everyone); a members-only one takes approved members of its team or
 * a team below it, and names the team, and the volunteer's pending application there if any.
 */
export function enrollBlock(
  activity: { audience: ActivityAudience; orgId: string; orgName: string },
  teams: readonly TeamMembership[],
): EnrollBlock | undefined {
  if (activity.audience === 'public') {
    if (teams.some((t) => t.status === 'approved' || t.status === 'pending')) return undefined;
    return { code: 'USER.NO_APPROVED_ORG', message: '请先申请加入一支志愿服务队伍，再报名活动' };
  }
  const mine = teams.filter((t) => inSubtree(activity.orgId, t.org));
  if (mine.some((t) => t.status === 'approved')) return undefined;
  const pending = mine.find((t) => t.status === 'pending');
  const limited = `本活动仅限${activity.orgName}及下级队伍的队员报名`;
  if (pending) {
    return {
      code: 'ACTIVITY.MEMBERS_ONLY',
      message: `${limited}。您加入${pending.org.name}的申请正在审核中，审核通过后即可报名`,
      orgName: activity.orgName,
      pendingOrgName: pending.org.name,
    };
  }
  return { code: 'ACTIVITY.MEMBERS_ONLY', message: `${limited}，您还不是这些队伍的队员`, orgName: activity.orgName };
}
