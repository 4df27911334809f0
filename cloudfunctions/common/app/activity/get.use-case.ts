// activity.get: an activity with its phase now, the caller's enrollment (and waitlist place) and what they may do
// (with why they may not enroll, when they could otherwise press 报名); for its managers, how many enrollments came
// through shares; its photos with temporary addresses; for everyone, how many enrolled and the first few as initials.
import type { ActivityGetOutput, ActivityIdInput } from '@contract/activity';
import type { Ctx } from '../../handler';
import { countSharedEnrollments, findEnrollment, firstEnrolled } from '../../db/activity.repository';
import { namesOf } from '../../db/volunteer.repository';
import { managerGrants, membershipsOf } from '../../db/org.repository';
import { enrollBlockFor } from './enroll-eligibility';
import { canManage } from '../../domain/org-access';
import { phaseAt, signupOpen } from '../../domain/activity-phase';
import { requireActivity } from './activity-lookup';
import { nameInitial } from '../../domain/enrolled-preview';
import { ENROLLED_PREVIEW_SIZE, type EnrolledPreview } from '@contract/activity';
import { activityView, enrollmentWithPlace } from './activity-view';
import { photoViews } from './photos.use-case';

export async function get(input: ActivityIdInput, ctx: Ctx): Promise<ActivityGetOutput> {
  const openid = ctx.openid;
  const [a, grants, mine, preview] = await Promise.all([
    requireActivity(input.activityId),
    managerGrants(openid),
    openid ? findEnrollment(input.activityId, openid) : Promise.resolve(undefined),
    enrolledPeople(input.activityId),
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
    enrolledPreview: { count: a.enrolledCount, people: preview },
  };
}

/** The first enrolled volunteers as initials: one indexed read of their enrollments, one projected read of names. */
async function enrolledPeople(activityId: string): Promise<EnrolledPreview['people']> {
  const openids = await firstEnrolled(activityId, ENROLLED_PREVIEW_SIZE);
  const names = await namesOf(openids);
  return openids.flatMap((id) => {
    const initial = nameInitial(names.get(id));
    return initial ? [{ initial }] : [];
  });
}
