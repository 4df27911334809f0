// checkin.walkIn (现场报名): a manager of the activity's team enrolls a registered volunteer found by phone or
// 志愿者编号 (a phone not yet registered gets an SMS invitation instead: sms.inviteWalkIn). The manager is checked
// before anything is looked up: whether a phone is registered is told only to the managers of the team.
import type { CheckinWalkInInput, CheckinWalkInOutput } from '@contract/checkin';
import { maskPhone } from '@contract/id-number';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { findVolunteer, findVolunteerByNo, findVolunteerByPhone, type VolunteerDoc } from '../../db/volunteer.repository';
import { openPhone } from '../../adapters/pii-cipher';
import { requireManager } from '../access';
import { requireActivity } from '../activity/activity-lookup';
import { admitWalkIn, refuseClosedForWalkIn } from '../activity/walk-in';

export const WALK_IN_FORBIDDEN = '只有活动所属队伍的负责人或管理员可以现场报名';

/** The registered volunteer the manager named, or a coded refusal the manager may read. */
async function walkInVolunteer(input: CheckinWalkInInput): Promise<VolunteerDoc> {
  const found = input.phone ? await findVolunteerByPhone(input.phone) : undefined;
  const doc = input.phone ? (found ? await findVolunteer(found._id) : undefined) : await findVolunteerByNo(input.volunteerNo ?? '');
  if (!doc || doc.withdrawnAt)
    throw input.phone ? new AppError(ErrorCode.CHECKIN_WALK_IN_NOT_REGISTERED) : new AppError(ErrorCode.CHECKIN_WALK_IN_NOT_FOUND);
  if (doc.status === 'frozen') throw new AppError(ErrorCode.CHECKIN_WALK_IN_UNAVAILABLE);
  return doc;
}

export async function walkIn(input: CheckinWalkInInput, ctx: Ctx): Promise<CheckinWalkInOutput> {
  const openid = requireOpenid(ctx);
  const activity = await requireActivity(input.activityId);
  await requireManager(openid, activity.orgId, WALK_IN_FORBIDDEN);
  refuseClosedForWalkIn(activity, ctx.now);
  const volunteer = await walkInVolunteer(input);
  const { outcome, activity: after } = await admitWalkIn(activity, volunteer.openid, openid, ctx.now);
  return {
    outcome,
    openid: volunteer.openid,
    realName: volunteer.realName,
    phoneMasked: maskPhone(openPhone(volunteer)),
    enrolledCount: after.enrolledCount,
    capacity: after.capacity,
  };
}
