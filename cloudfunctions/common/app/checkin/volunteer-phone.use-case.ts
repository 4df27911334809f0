// checkin.volunteerPhone: the full phone of a volunteer enrolled in (or waiting for) an activity, for the managers of
// its team to call on the day; every reveal is written to the audit log (who saw whose number, when, for which activity).
import type { CheckinVolunteerPhoneInput, CheckinVolunteerPhoneOutput } from '@contract/checkin';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { findEnrollment, LIVE_ENROLLMENT } from '../../db/activity.repository';
import { findVolunteer } from '../../db/volunteer.repository';
import { appendAudit } from '../../db/audit.repository';
import { openPhone } from '../../adapters/pii-cipher';
import { requireManager } from '../access';
import { requireActivity } from '../activity/activity-lookup';

export async function volunteerPhone(input: CheckinVolunteerPhoneInput, ctx: Ctx): Promise<CheckinVolunteerPhoneOutput> {
  const openid = requireOpenid(ctx);
  const activity = await requireActivity(input.activityId);
  await requireManager(openid, activity.orgId, '只有活动所属队伍的负责人或管理员可以查看志愿者的电话');
  const [enrollment, volunteer] = await Promise.all([findEnrollment(activity._id, input.openid), findVolunteer(input.openid)]);
  if (!enrollment || !LIVE_ENROLLMENT.includes(enrollment.status) || !volunteer || volunteer.withdrawnAt)
    throw new AppError(ErrorCode.CHECKIN_NOT_ENROLLED, '该志愿者没有报名此活动');
  // Audited before the number leaves: a reveal that cannot be recorded does not happen.
  await appendAudit({ kind: 'phone.revealed', actor: openid, subject: input.openid, activityId: activity._id, at: ctx.now });
  return { realName: volunteer.realName, phone: openPhone(volunteer) };
}
