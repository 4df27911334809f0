// What the activity use cases share: load an activity, or answer with the code the contract names; who manages it.
import { AppError, ErrorCode } from '../../errors';
import { findActivity, type ActivityDoc } from '../../db/activity.repository';
import { findOrg, managerGrants } from '../../db/org.repository';
import { canManage, canRead, type Grant } from '../../domain/org-access';

export async function requireActivity(activityId: string): Promise<ActivityDoc> {
  const a = await findActivity(activityId);
  if (!a) throw new AppError(ErrorCode.ACTIVITY_NOT_FOUND);
  return a;
}

/** Publish, edit, cancel: the leader and admins of the activity's own team. */
export async function requireManagerOf(openid: string, orgId: string, action: string): Promise<Grant[]> {
  const grants = await managerGrants(openid);
  if (!canManage(grants, { _id: orgId })) throw new AppError(ErrorCode.AUTH_FORBIDDEN, `只有本队负责人或管理员可以${action}`);
  return grants;
}

/** Published lists and enrollment lists: the team's managers and those of every team above it. */
export async function requireReaderOf(openid: string, orgId: string): Promise<void> {
  const [grants, org] = await Promise.all([managerGrants(openid), findOrg(orgId)]);
  if (!org || !canRead(grants, org)) throw new AppError(ErrorCode.AUTH_FORBIDDEN, '只有本队及上级队伍的负责人、管理员可以查看');
}

export function refuseIfCancelled(a: ActivityDoc): void {
  if (a.status === 'cancelled') throw new AppError(ErrorCode.ACTIVITY_CANCELLED);
}
