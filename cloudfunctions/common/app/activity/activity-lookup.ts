// What the activity and check-in use cases share: load an activity, or answer with the code the contract names; a
// cancelled one refuses what would change it or its days.
import { AppError, ErrorCode } from '../../errors';
import { findActivity, type ActivityDoc } from '../../db/activity.repository';

export async function requireActivity(activityId: string): Promise<ActivityDoc> {
  const a = await findActivity(activityId);
  if (!a) throw new AppError(ErrorCode.ACTIVITY_NOT_FOUND);
  return a;
}

export function refuseIfCancelled(a: ActivityDoc): void {
  if (a.status === 'cancelled') throw new AppError(ErrorCode.ACTIVITY_CANCELLED);
}

/** A cancelled activity takes no scans, adjustments or corrections: its days count toward nothing. */
export function refuseDayChangesIfCancelled(a: ActivityDoc): void {
  if (a.status === 'cancelled') throw new AppError(ErrorCode.ACTIVITY_CANCELLED, '活动已取消，签到记录不能再变更');
}
