// org.setRole: the leader makes an approved member an admin (at most 5, also under concurrency) or back a member.
import type { MembershipOutput, OrgSetRoleInput } from '@contract/org';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { releaseAdminSlot, takeAdminSlot, updateMembershipIf } from '../../db/org.repository';
import { inTransaction } from '../../db/unit-of-work';
import { requireLedOrg } from '../access';
import { requireMembershipIn } from './org-lookup';
import { notifyRoleChanged } from './notify';
import { membershipView } from './org-view';

const changed = () => new AppError(ErrorCode.VALIDATION, '队员状态已变化，请刷新后重试');

export async function setRole(input: OrgSetRoleInput, ctx: Ctx): Promise<MembershipOutput> {
  const openid = requireOpenid(ctx);
  const { org } = await requireLedOrg(openid, input.orgId, '只有队伍负责人可以设置管理员');
  const m = await requireMembershipIn(org, input.memberId);
  if (m.role === 'leader') throw new AppError(ErrorCode.AUTH_FORBIDDEN, '不能更改负责人的角色');
  if (m.status !== 'approved') throw new AppError(ErrorCode.VALIDATION, '只能为已加入的队员设置角色');
  if (m.role === input.role) return { membership: membershipView(m) };

  if (input.role === 'admin') {
    if (!(await takeAdminSlot(org._id))) throw new AppError(ErrorCode.ORG_ADMIN_LIMIT);
    let written = false;
    try {
      written = await updateMembershipIf(m._id, { status: 'approved', role: 'member' }, { role: 'admin' });
    } finally {
      // The seat goes back when the membership changed meanwhile (left, removed, already promoted) or the write failed.
      if (!written) await releaseAdminSlot(org._id);
    }
    if (!written) throw changed();
  } else {
    await inTransaction(async (uow) => {
      const current = await uow.membership(m._id);
      if (!current || current.status !== 'approved' || current.role !== 'admin') throw changed();
      await uow.updateMembership(m._id, { role: 'member' });
      await uow.releaseAdminSlot(org._id);
    });
  }
  await notifyRoleChanged(m.openid, org.name, input.role, ctx.now);
  return { membership: membershipView({ ...m, role: input.role }) };
}
