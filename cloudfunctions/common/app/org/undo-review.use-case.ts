// org.undoReview: 撤销 an approval within UNDO_REVIEW_SECONDS of it, by the server's clock, by the reviewer who gave it,
// while nothing depends on it yet (the member is still a 队员 and has not enrolled in an activity or attended a training
// since). The application waits again; the volunteer is told.
import type { OrgUndoReviewInput } from '@contract/review';
import type { MembershipOutput } from '@contract/org';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { findMembership, findOrg, managerGrants, type MembershipDoc } from '../../db/org.repository';
import { actedSince } from '../../db/member-review.repository';
import { inTransaction } from '../../db/unit-of-work';
import { canManage } from '../../domain/org-access';
import { withinUndoWindow } from '../../domain/review-undo';
import { notifyReviewUndone } from './notify';
import { REVIEW_FORBIDDEN, reviewRecord } from './member-decision';
import { membershipView } from './org-view';

const notApproved = () => new AppError(ErrorCode.VALIDATION, '该申请当前不是已通过状态，无法撤销，请刷新后查看');

export async function undoReview(input: OrgUndoReviewInput, ctx: Ctx): Promise<MembershipOutput> {
  const openid = requireOpenid(ctx);
  const [m, grants] = await Promise.all([findMembership(input.membershipId), managerGrants(openid)]);
  if (!m || !canManage(grants, { _id: m.orgId })) throw new AppError(ErrorCode.AUTH_FORBIDDEN, REVIEW_FORBIDDEN);
  const reviewedAt = m.reviewedAt;
  if (m.status !== 'approved' || !reviewedAt) throw notApproved();
  if (m.reviewedBy !== openid) throw new AppError(ErrorCode.ORG_UNDO_NOT_OWN);
  if (!withinUndoWindow(reviewedAt, ctx.now)) throw new AppError(ErrorCode.ORG_UNDO_EXPIRED);
  if (m.role !== 'member' || (await actedSince(m.openid, reviewedAt))) throw new AppError(ErrorCode.ORG_UNDO_IN_USE);

  await inTransaction(async (uow) => {
    const current = await uow.membership(m._id);
    // The very approval read above: not since removed, made admin or decided again.
    const same =
      current?.status === 'approved' &&
      current.role === 'member' &&
      current.reviewedBy === openid &&
      new Date(current.reviewedAt ?? 0).getTime() === reviewedAt.getTime();
    if (!same) throw notApproved();
    await uow.reopenMembership(m._id);
    await uow.addMemberReview(reviewRecord(m, 'undo', openid, ctx.now));
  });
  const org = await findOrg(m.orgId);
  await notifyReviewUndone(m.openid, org?.name ?? '', ctx.now);
  const after: MembershipDoc = { _id: m._id, orgId: m.orgId, openid: m.openid, status: 'pending', role: m.role, appliedAt: m.appliedAt };
  return { membership: membershipView(after) };
}
