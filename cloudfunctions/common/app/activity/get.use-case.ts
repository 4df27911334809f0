// activity.get: an activity with its phase now, the caller's enrollment (and waitlist place) and what they may do
// (with why they may not enroll, when they could otherwise press 报名); for its managers, how many enrollments came
// through shares; its photos with temporary addresses.
import type { ActivityGetOutput, ActivityIdInput } from '@contract/activity';
import type { Ctx } from '../../handler';
import { countSharedEnrollments, findEnrollment } from '../../db/activity.repository';
import { managerGrants, membershipsOf } from '../../db/org.repository';
import { enrollBlockFor } from './enroll-eligibility';
import { canManage } from '../../domain/org-access';
import { phaseAt, signupOpen } from '../../domain/activity-phase';
import { requireActivity } from './activity-lookup';
import { activityView, enrollmentWithPlace } from './activity-view';
import { photoViews } from './photos.use-case';

export async function get(input: ActivityIdInput, ctx: Ctx): Promise<ActivityGetOutput> {
  const openid = ctx.openid;
  const [a, grants, mine] = await Promise.all([
    requireActivity(input.activityId),
    managerGrants(openid),
    openid ? findEnrollment(input.activityId, openid) : Promise.resolve(undefined),
  ]);
  const manages = canManage(grants, { _id: a.orgId });
  const open = signupOpen(a, ctx.now);
  const live = mine && (mine.status === 'enrolled' || mine.status === 'waitlisted');
  // Someone who could press 报名 learns first whether they may (before the risk notice); nobody else pays the reads.
  const memberships = openid && open && !live ? await membershipsOf(openid) : [];
  const block = openid && memberships.length > 0 ? await enrollBlockFor(a, openid, memberships) : undefined;
  // Who shared to whom stays private: the team's managers see only how many came through shares.
  const [shareEnrollments, photos] = await Promise.all([
    manages ? countSharedEnrollments(a._id) : Promise.resolve(undefined),
    photoViews(a),
  ]);
  return {
    activity: activityView(a, { showContact: manages || mine?.status === 'enrolled' }),
    phase: phaseAt(a, ctx.now),
    enrolledCount: a.enrolledCount,
    myEnrollment: mine ? await enrollmentWithPlace(mine) : undefined,
    canManage: manages,
    signupOpen: open,
    ...(block ? { enrollBlock: { code: block.code, message: block.message } } : {}),
    ...(shareEnrollments !== undefined ? { shareEnrollments } : {}),
    photos,
  };
}
