// Who may run an activity's check-in: the leader/admins of its team (canManage); ancestors may read its roster; and
// whatever concerns one person's day is decided by someone else (four-eyes), the parent's managers if need be.
import { AppError, ErrorCode } from '../../errors';
import { findActivity, type ActivityDoc } from '../../db/activity.repository';
import { findOrg, managerGrants } from '../../db/org.repository';
import { canManage, canRead } from '../../domain/org-access';
import { requireSomeoneElse } from '../org/four-eyes';

export async function requireActivity(activityId: string): Promise<ActivityDoc> {
  const activity = await findActivity(activityId);
  if (!activity) throw new AppError(ErrorCode.ACTIVITY_NOT_FOUND);
  return activity;
}

/** A cancelled activity takes no scans, adjustments or corrections: its days count toward nothing. */
export function refuseIfCancelled(activity: ActivityDoc): void {
  if (activity.status === 'cancelled') throw new AppError(ErrorCode.ACTIVITY_CANCELLED, '活动已取消，签到记录不能再变更');
}

/** Codes, batch sign-out: the team's own leader and admins. */
export async function requireManager(openid: string, orgId: string): Promise<void> {
  if (!canManage(await managerGrants(openid), { _id: orgId })) throw new AppError(ErrorCode.AUTH_FORBIDDEN);
}

/** The roster and the corrections list: the team's managers and those of every team above it. */
export async function requireReader(openid: string, orgId: string): Promise<void> {
  const [grants, org] = await Promise.all([managerGrants(openid), findOrg(orgId)]);
  if (!org || !canRead(grants, org)) throw new AppError(ErrorCode.AUTH_FORBIDDEN);
}

/**
 * A change to `concerned`'s day (adjust, an approved or rejected correction, a scan of their personal code): another
 * manager of the team; with nobody else in the team, a manager of its parent. Never the person themselves.
 */
export async function requireDecider(actor: string, orgId: string, concerned: string): Promise<void> {
  const [grants, org] = await Promise.all([managerGrants(actor), findOrg(orgId)]);
  if (!org) throw new AppError(ErrorCode.AUTH_FORBIDDEN);
  await requireSomeoneElse({ actor, concerned, team: org, grants, forbidden: '只有活动所属队伍的负责人或管理员可以变更签到记录' });
}
