// Who may run an activity's check-in: the leader/admins of its team (canManage); ancestors may read its roster.
import { AppError, ErrorCode } from '../../errors';
import { findActivity, type ActivityDoc } from '../../db/activity.repository';
import { findOrg, managerGrants } from '../../db/org.repository';
import { canManage, canRead } from '../../domain/org-access';

export async function requireActivity(activityId: string): Promise<ActivityDoc> {
  const activity = await findActivity(activityId);
  if (!activity) throw new AppError(ErrorCode.ACTIVITY_NOT_FOUND);
  return activity;
}

/** Codes, batch sign-out, adjustments and corrections: the team's own leader and admins. */
export async function requireManager(openid: string, orgId: string): Promise<void> {
  if (!canManage(await managerGrants(openid), { _id: orgId })) throw new AppError(ErrorCode.AUTH_FORBIDDEN);
}

/** The roster: the team's managers and those of every team above it. */
export async function requireReader(openid: string, orgId: string): Promise<void> {
  const [grants, org] = await Promise.all([managerGrants(openid), findOrg(orgId)]);
  if (!org || !canRead(grants, org)) throw new AppError(ErrorCode.AUTH_FORBIDDEN);
}
