// activity.cancel: the team's leader/admins call an activity off; every enrolled and waitlisted volunteer is told why.
import type { ActivityCancelInput, ActivityOutput } from '@contract/activity';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { enrollmentsIn, updateActivityIf, type ActivityDoc } from '../../db/activity.repository';
import { phaseAt } from '../../domain/activity-phase';
import { requireManager } from '../access';
import { refuseIfCancelled, requireActivity } from './activity-lookup';
import { activityView } from './activity-view';
import { notifyActivityCancelled } from './notify';

export async function cancel(input: ActivityCancelInput, ctx: Ctx): Promise<ActivityOutput> {
  const openid = requireOpenid(ctx);
  const a = await requireActivity(input.activityId);
  await requireManager(openid, a.orgId, '只有本队负责人或管理员可以取消活动');
  refuseIfCancelled(a);
  if (phaseAt(a, ctx.now) === 'ended') throw new AppError(ErrorCode.VALIDATION, '活动已结束，不能取消');
  const patch = { status: 'cancelled' as const, cancelReason: input.reason, cancelledAt: ctx.now, updatedAt: ctx.now };
  // Conditional: of two managers cancelling at once, one cancels and one set of messages goes out.
  if (!(await updateActivityIf(a._id, { status: 'published' }, patch))) throw new AppError(ErrorCode.ACTIVITY_CANCELLED);
  const after: ActivityDoc = { ...a, ...patch };
  const people = await enrollmentsIn(a._id);
  await notifyActivityCancelled(
    people.map((e) => e.openid),
    after,
    input.reason,
  );
  return { activity: activityView(after, { showContact: true }) };
}
