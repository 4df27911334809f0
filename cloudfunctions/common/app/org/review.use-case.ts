// org.review: the parent's leader/admins approve a pending team (its applicant becomes the leader) or reject it with a
// reason; never the applicant themselves (four-eyes: another manager of the parent, else the managers above it).
import type { OrgOutput, OrgReviewInput } from '../../../../types/org';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { database, type Tx } from '../../cloud';
import { C } from '../../db/collections';
import { unwrap } from '../../db/db-result';
import { findVolunteer } from '../../db/volunteer.repository';
import { membershipId, releaseMembershipSlotInTx, type MembershipDoc, type OrgDoc } from '../../db/org.repository';
import type { DecidingTeam } from '../../domain/four-eyes';
import { alreadyReviewed, requireOrg } from './org-lookup';
import { requireSomeoneElse } from './four-eyes';
import { notifyOrgReviewed } from './notify';
import { orgView } from './org-view';

export async function reviewOrg(input: OrgReviewInput, ctx: Ctx): Promise<OrgOutput> {
  const openid = requireOpenid(ctx);
  const org = await requireOrg(input.orgId);
  const forbidden = '只有上级队伍的负责人或管理员可以审核';
  if (org.parentId === null) throw new AppError(ErrorCode.AUTH_FORBIDDEN, forbidden);
  // The deciding team is the parent; its own parent (the last but one of the path) steps in when it has no one else.
  const parent: DecidingTeam = { _id: org.parentId, parentId: org.path.length >= 2 ? org.path[org.path.length - 2] : null };
  const applicant = org.applicantOpenid as string;
  await requireSomeoneElse({ actor: openid, concerned: applicant, team: parent, forbidden });
  if (org.status !== 'pending') throw alreadyReviewed();
  const approve = input.decision === 'approve';
  if (approve) {
    const person = await findVolunteer(applicant);
    if (!person || person.withdrawnAt) throw new AppError(ErrorCode.VALIDATION, '申请人已注销志愿者身份，只能驳回该申请');
  }

  const reviewed = { reviewedAt: ctx.now, reviewedBy: openid };
  const patch: Partial<OrgDoc> = approve ? { status: 'approved', leaderOpenid: applicant, ...reviewed } : { status: 'rejected', rejectReason: input.reason, ...reviewed };
  // One transaction: the status, the leader's membership and the applicant's slot change together or not at all;
  // a concurrent second review conflicts here and then sees the team no longer pending.
  await database().runTransaction(async (tx: Tx) => {
    const orgs = tx.collection(C.orgs);
    const current = (await unwrap(orgs.doc(org._id).get())).data as OrgDoc | null;
    if (!current || current.status !== 'pending') throw alreadyReviewed();
    await unwrap(orgs.doc(org._id).update(patch));
    if (approve) {
      const leader: Omit<MembershipDoc, '_id'> = { orgId: org._id, openid: applicant, status: 'approved', role: 'leader', appliedAt: org.createdAt, ...reviewed };
      // The slot the application held becomes this membership's.
      await unwrap(tx.collection(C.memberships).doc(membershipId(org._id, applicant)).set(leader));
    } else {
      await releaseMembershipSlotInTx(tx, applicant);
    }
  });
  await notifyOrgReviewed(applicant, org.name, approve, input.reason, ctx.now);
  return { org: orgView({ ...org, ...patch }, { showContact: openid === applicant }) };
}
