// org.reviewMember: the team's leader/admins approve or reject a pending application; the volunteer gets a message.
import type { MembershipOutput, OrgReviewMemberInput } from '@contract/org';
import { requireOpenid, type Ctx } from '../../handler';
import { updateMembershipIf, type MembershipDoc } from '../../db/org.repository';
import { inTransaction } from '../../db/unit-of-work';
import { requireManagedOrg } from '../access';
import { alreadyReviewed, requireMembershipIn } from './org-lookup';
import { notifyMemberReviewed } from './notify';
import { membershipView } from './org-view';

export async function reviewMember(input: OrgReviewMemberInput, ctx: Ctx): Promise<MembershipOutput> {
  const openid = requireOpenid(ctx);
  const { org } = await requireManagedOrg(openid, input.orgId, '只有本队负责人或管理员可以审核入队申请');
  const m = await requireMembershipIn(org, input.memberId);
  if (m.status !== 'pending') throw alreadyReviewed();
  const approve = input.decision === 'approve';
  const reviewed = { reviewedAt: ctx.now, reviewedBy: openid };

  let after: MembershipDoc;
  if (approve) {
    after = { ...m, status: 'approved', ...reviewed };
    // Conditional: of two managers approving at once, one writes; the slot taken at join stays with the membership.
    if (!(await updateMembershipIf(m._id, { status: 'pending' }, { status: 'approved', ...reviewed }))) throw alreadyReviewed();
  } else {
    after = { ...m, status: 'rejected', reason: input.reason, ...reviewed };
    await inTransaction(async (uow) => {
      const current = await uow.membership(m._id);
      if (!current || current.status !== 'pending') throw alreadyReviewed();
      await uow.updateMembership(m._id, { status: 'rejected', reason: input.reason, ...reviewed });
      await uow.releaseMembershipSlot(m.openid);
    });
  }
  await notifyMemberReviewed(m.openid, org.name, approve, input.reason, ctx.now);
  return { membership: membershipView(after) };
}
