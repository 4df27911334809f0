// checkin.adjust: 补录 or a change of one person's day by another manager of the team (four-eyes), with a reason
// the volunteer sees on the record.
import type { CheckinAdjustInput, RecordOutput } from '@contract/checkin';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { requireDayDecider } from '../access';
import { refuseDayChangesIfCancelled, requireActivity } from '../activity/activity-lookup';
import { adjustRecord } from './adjust-record';
import { recordView } from './record-view';

export async function adjust(input: CheckinAdjustInput, ctx: Ctx): Promise<RecordOutput> {
  const admin = requireOpenid(ctx);
  const activity = await requireActivity(input.activityId);
  await requireDayDecider(admin, activity.orgId, input.openid);
  refuseDayChangesIfCancelled(activity);
  const record = await adjustRecord({
    activity,
    openid: input.openid,
    date: input.date,
    signInAt: input.signInAt ? new Date(input.signInAt) : undefined,
    signOutAt: input.signOutAt ? new Date(input.signOutAt) : undefined,
    reason: input.reason,
    by: admin,
    now: ctx.now,
  });
  if (!record) throw new AppError(ErrorCode.INTERNAL);
  return { record: recordView(record) };
}
