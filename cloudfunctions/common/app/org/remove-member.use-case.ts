// org.removeMember (清退): a manager ends an approved membership with a reason; the record stays, the volunteer is told.
import type { MembershipOutput, OrgRemoveMemberInput } from '@contract/org';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { inTransaction } from '../../db/unit-of-work';
import { canRemove } from '../../domain/org-access';
import { requireManagedOrg } from '../access';
import { requireMembershipIn } from './org-lookup';
import { notifyMemberRemoved } from './notify';
import { membershipView } from './org-view';

export async function removeMember(input: OrgRemoveMemberInput, ctx: Ctx): Promise<MembershipOutput> {
  const openid = requireOpenid(ctx);
  const { org, grants } = await requireManagedOrg(openid, input.orgId, '只有本队负责人或管理员可以清退队员');
  const m = await requireMembershipIn(org, input.memberId);
  if (m.role === 'leader') throw new AppError(ErrorCode.AUTH_FORBIDDEN, '不能清退队伍负责人');
  if (!canRemove(grants, org, m.role)) throw new AppError(ErrorCode.AUTH_FORBIDDEN, '只有负责人可以清退管理员');
  if (m.status !== 'approved')
    throw new AppError(ErrorCode.VALIDATION, m.status === 'pending' ? '待审核的申请请通过审核驳回' : '该队员已不在队伍中');

  const reviewed = { reviewedAt: ctx.now, reviewedBy: openid };
  // One transaction: the status, the volunteer's slot and (for an admin) the admin seat change together.
  await inTransaction(async (uow) => {
    const current = await uow.membership(m._id);
    if (!current || current.status !== 'approved' || current.role !== m.role)
      throw new AppError(ErrorCode.VALIDATION, '队员状态已变化，请刷新后重试');
    await uow.updateMembership(m._id, { status: 'removed', reason: input.reason, ...reviewed });
    await uow.releaseMembershipSlot(m.openid);
    if (m.role === 'admin') await uow.releaseAdminSlot(org._id);
  });
  await notifyMemberRemoved(m.openid, org.name, input.reason, ctx.now);
  return { membership: membershipView({ ...m, status: 'removed', reason: input.reason, ...reviewed }) };
}
