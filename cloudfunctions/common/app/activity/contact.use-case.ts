// activity.contact: the organizer's number the admin chose to show (contactPhone), in full only for volunteers
// enrolled in the activity and for the managers of its team; everyone else sees it masked (activity.get).
import type { ActivityContactOutput, ActivityIdInput } from '@contract/activity';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { findEnrollment } from '../../db/activity.repository';
import { managerGrants } from '../../db/org.repository';
import { canManage } from '../../domain/org-access';
import { requireActivity } from './activity-lookup';

export async function contact(input: ActivityIdInput, ctx: Ctx): Promise<ActivityContactOutput> {
  const openid = requireOpenid(ctx);
  const [a, grants, mine] = await Promise.all([
    requireActivity(input.activityId),
    managerGrants(openid),
    findEnrollment(input.activityId, openid),
  ]);
  if (mine?.status !== 'enrolled' && !canManage(grants, { _id: a.orgId }))
    throw new AppError(ErrorCode.AUTH_FORBIDDEN, '报名成功后才能联系活动组织者');
  if (!a.contactPhone) throw new AppError(ErrorCode.ACTIVITY_NO_CONTACT);
  return { contactName: a.contactName, contactPhone: a.contactPhone };
}
