// Who may enroll: any volunteer of an approved team; a members-only activity only those of its team's subtree.
import type { ActivityAudience } from '@contract/enums';
import type { OrgNode } from './org-access';

/**
 * `approvedOrgs`: the approved teams the volunteer is an approved member of. A members-only activity accepts a
 * member of its own team or of any team below it (that team's `path` holds the activity's team).
 */
export function inAudience(
  activity: { audience: ActivityAudience; orgId: string },
  approvedOrgs: readonly Pick<OrgNode, '_id' | 'path'>[],
): boolean {
  if (approvedOrgs.length === 0) return false;
  if (activity.audience === 'public') return true;
  return approvedOrgs.some((o) => o._id === activity.orgId || o.path.includes(activity.orgId));
}
