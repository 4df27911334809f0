// org.reviewMember: the team's leader/admins approve or reject a pending application; the volunteer gets a message.
import type { MembershipOutput, OrgReviewMemberInput } from '../../../../types/org';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { database, type Tx } from '../../cloud';
import { C } from '../../db/collections';
import { unwrap } from '../../db/db-result';
import { managerGrants, releaseMembershipSlotInTx, updateMembershipIf, type MembershipDoc } from '../../db/org.repository';
import { canManage } from '../../domain/org-access';
import { alreadyReviewed, requireMembershipIn, requireOrg } from './org-lookup';
import { notifyMemberReviewed } from './notify';
import { membershipView } from './org-view';

export async function reviewMember(input: OrgReviewMemberInput, ctx: Ctx): Promise<MembershipOutput> {
  const openid = requireOpenid(ctx);
  const [org, grants] = await Promise.all([requireOrg(input.orgId), managerGrants(openid)]);
  if (!canManage(grants, org)) throw new AppError(ErrorCode.AUTH_FORBIDDEN, '只有本队负责人或管理员可以审核入队申请');
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
    await database().runTransaction(async (tx: Tx) => {
      const memberships = tx.collection(C.memberships);
      const current = (await unwrap(memberships.doc(m._id).get())).data as MembershipDoc | null;
      if (!current || current.status !== 'pending') throw alreadyReviewed();
      await unwrap(memberships.doc(m._id).update({ status: 'rejected', reason: input.reason, ...reviewed }));
      await releaseMembershipSlotInTx(tx, m.openid);
    });
  }
  await notifyMemberReviewed(m.openid, org.name, approve, input.reason, ctx.now);
  return { membership: membershipView(after) };
}
