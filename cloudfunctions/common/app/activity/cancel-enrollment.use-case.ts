// activity.cancelEnrollment: the volunteer withdraws before the activity starts; a seat given up goes to the
// first waitlisted volunteer, who is told.
import type { ActivityIdInput, EnrollmentOutput } from '@contract/activity';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import {
  changeWaitlistCount,
  findActivity,
  findEnrollment,
  LIVE_ENROLLMENT,
  updateEnrollmentIf,
  type EnrollmentDoc,
} from '../../db/activity.repository';
import { enrollmentView } from './activity-view';
import { passSeat } from './waitlist-promotion';

const isLive = (e: EnrollmentDoc | undefined): e is EnrollmentDoc => e !== undefined && LIVE_ENROLLMENT.includes(e.status);

export async function cancelEnrollment(input: ActivityIdInput, ctx: Ctx): Promise<EnrollmentOutput> {
  const openid = requireOpenid(ctx);
  const now = ctx.now;
  const [a, first] = await Promise.all([findActivity(input.activityId), findEnrollment(input.activityId, openid)]);
  if (!a) throw new AppError(ErrorCode.ACTIVITY_NOT_FOUND);
  if (!isLive(first)) throw new AppError(ErrorCode.ACTIVITY_NOT_ENROLLED);
  if (a.status === 'cancelled') throw new AppError(ErrorCode.ACTIVITY_CANCELLED);
  if (now >= a.startAt) throw new AppError(ErrorCode.ACTIVITY_SIGNUP_CLOSED, '活动已开始，不能取消报名；如不能参加请联系活动负责人');

  // Conditional on the state read: a waitlisted volunteer promoted meanwhile cancels the seat, read once more.
  let e: EnrollmentDoc | undefined = first;
  for (let attempt = 0; attempt < 2 && isLive(e); attempt++) {
    const held: EnrollmentDoc = e;
    if (await updateEnrollmentIf(held._id, held.status, { status: 'cancelled', cancelledAt: now })) {
      if (held.status === 'waitlisted') await changeWaitlistCount(a._id, -1);
      else await passSeat(a, now);
      return { enrollment: enrollmentView({ ...held, status: 'cancelled', cancelledAt: now }) };
    }
    e = await findEnrollment(a._id, openid);
  }
  throw new AppError(ErrorCode.ACTIVITY_NOT_ENROLLED);
}
