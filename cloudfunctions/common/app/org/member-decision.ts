// One decision on a member application, as org.reviewMember and every item of org.reviewMembers take it: never the
// applicant's own, only by a manager of the team, only while pending; the decision and its 审核记录 are written together.
import { randomBytes } from 'node:crypto';
import { AppError, ErrorCode } from '../../errors';
import type { MembershipDoc } from '../../db/org.repository';
import type { MemberReviewDoc } from '../../db/member-review.repository';
import { inTransaction } from '../../db/unit-of-work';
import { canManage, type Grant } from '../../domain/org-access';
import type { ReviewEvent } from '@contract/review';
import { alreadyReviewed } from './org-lookup';
import { notifyMemberReviewed } from './notify';

export const REVIEW_FORBIDDEN = '只有本队负责人或管理员可以审核入队申请';

export interface Decision {
  actor: string;
  grants: readonly Grant[];
  decision: 'approve' | 'reject';
  reason?: string;
  now: Date;
}

/** A 审核记录 entry; its id orders entries of the same instant (a batch). */
export function reviewRecord(m: MembershipDoc, event: ReviewEvent, by: string, at: Date, reason?: string): MemberReviewDoc {
  return {
    _id: `${at.getTime()}-${randomBytes(4).toString('hex')}`,
    orgId: m.orgId,
    memberId: m._id,
    applicant: m.openid,
    event,
    by,
    at,
    ...(reason ? { reason } : {}),
  };
}

/** Decides `m` (already read) or throws the code the single action answers; then tells the applicant. */
export async function decideApplication(m: MembershipDoc, orgName: string, d: Decision): Promise<MembershipDoc> {
  if (m.openid === d.actor) throw new AppError(ErrorCode.AUTH_SELF_DEALING, '这是您本人的入队申请，须由本队其他负责人或管理员审核');
  if (!canManage(d.grants, { _id: m.orgId })) throw new AppError(ErrorCode.AUTH_FORBIDDEN, REVIEW_FORBIDDEN);
  if (m.status !== 'pending') throw alreadyReviewed();
  const approve = d.decision === 'approve';
  const reason = approve ? undefined : d.reason;
  const reviewed = { reviewedAt: d.now, reviewedBy: d.actor };
  const after: MembershipDoc = approve ? { ...m, status: 'approved', ...reviewed } : { ...m, status: 'rejected', reason, ...reviewed };
  // One transaction: of two managers deciding at once, one writes; the decision and its record stand or fall together.
  await inTransaction(async (uow) => {
    const current = await uow.membership(m._id);
    if (!current || current.status !== 'pending') throw alreadyReviewed();
    if (approve) {
      // The slot taken at join stays with the membership.
      await uow.updateMembership(m._id, { status: 'approved', ...reviewed });
    } else {
      await uow.updateMembership(m._id, { status: 'rejected', reason, ...reviewed });
      await uow.releaseMembershipSlot(m.openid);
    }
    await uow.addMemberReview(reviewRecord(m, d.decision, d.actor, d.now, reason));
  });
  await notifyMemberReviewed(m.openid, orgName, approve, reason, d.now);
  return after;
}
