// activity.get: an activity with its phase now, the caller's enrollment (and waitlist place) and what they may do;
// for its managers, how many enrollments came through shares.
import type { ActivityGetOutput, ActivityIdInput } from '@contract/activity';
import type { Ctx } from '../../handler';
import { countSharedEnrollments, findEnrollment } from '../../db/activity.repository';
import { managerGrants } from '../../db/org.repository';
import { canManage } from '../../domain/org-access';
import { phaseAt, signupOpen } from '../../domain/activity-phase';
import { requireActivity } from './activity-lookup';
import { activityView, enrollmentWithPlace } from './activity-view';

export async function get(input: ActivityIdInput, ctx: Ctx): Promise<ActivityGetOutput> {
  const openid = ctx.openid;
  const [a, grants, mine] = await Promise.all([
    requireActivity(input.activityId),
    managerGrants(openid),
    openid ? findEnrollment(input.activityId, openid) : Promise.resolve(undefined),
  ]);
  const manages = canManage(grants, { _id: a.orgId });
  // Who shared to whom stays private: the team's managers see only how many came through shares.
  const shareEnrollments = manages ? await countSharedEnrollments(a._id) : undefined;
  return {
    activity: activityView(a, { showContact: manages || mine?.status === 'enrolled' }),
    phase: phaseAt(a, ctx.now),
    enrolledCount: a.enrolledCount,
    myEnrollment: mine ? await enrollmentWithPlace(mine) : undefined,
    canManage: manages,
    signupOpen: signupOpen(a, ctx.now),
    ...(shareEnrollments !== undefined ? { shareEnrollments } : {}),
  };
}
