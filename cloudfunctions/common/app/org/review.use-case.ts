// org.review: the parent's leader/admins approve a pending team (its applicant becomes the leader) or reject it with a
// reason; never the applicant themselves (four-eyes: another manager of the parent, else the managers above it).
import type { OrgOutput, OrgReviewInput } from '@contract/org';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { findVolunteer } from '../../db/volunteer.repository';
import { membershipId, type OrgDoc } from '../../db/org.repository';
import { inTransaction } from '../../db/unit-of-work';
import { applicationTeam } from '../../domain/four-eyes';
import { requireSomeoneElse } from '../access';
import { alreadyReviewed, requireOrg } from './org-lookup';
import { notifyOrgReviewed } from './notify';
import { orgView } from './org-view';

export async function reviewOrg(input: OrgReviewInput, ctx: Ctx): Promise<OrgOutput> {
  const openid = requireOpenid(ctx);
  const org = await requireOrg(input.orgId);
  const forbidden = '只有上级队伍的负责人或管理员可以审核';
  // The deciding team is the parent; its own parent steps in when it has no one else.
  const parent = applicationTeam(org);
  if (!parent) throw new AppError(ErrorCode.AUTH_FORBIDDEN, forbidden);
  const applicant = org.applicantOpenid as string;
  await requireSomeoneElse({ actor: openid, concerned: applicant, team: parent, forbidden });
  if (org.status !== 'pending') throw alreadyReviewed();
  const approve = input.decision === 'approve';
  if (approve) {
    const person = await findVolunteer(applicant);
    if (!person || person.withdrawnAt) throw new AppError(ErrorCode.VALIDATION, '申请人已注销志愿者身份，只能驳回该申请');
  }

  const reviewed = { reviewedAt: ctx.now, reviewedBy: openid };
  const patch: Partial<OrgDoc> = approve
    ? { status: 'approved', leaderOpenid: applicant, ...reviewed }
    : { status: 'rejected', rejectReason: input.reason, ...reviewed };
  // One transaction: the status, the leader's membership and the applicant's slot change together or not at all;
  // a concurrent second review conflicts here and then sees the team no longer pending.
  await inTransaction(async (uow) => {
    const current = await uow.org(org._id);
    if (!current || current.status !== 'pending') throw alreadyReviewed();
    await uow.updateOrg(org._id, patch);
    if (approve) {
      // The slot the application held becomes this membership's.
      await uow.putMembership({
        _id: membershipId(org._id, applicant),
        orgId: org._id,
        openid: applicant,
        status: 'approved',
        role: 'leader',
        appliedAt: org.createdAt,
        ...reviewed,
      });
    } else {
      await uow.releaseMembershipSlot(applicant);
    }
  });
  await notifyOrgReviewed(applicant, org.name, approve, input.reason, ctx.now);
  return { org: orgView({ ...org, ...patch }, { showContact: openid === applicant }) };
}
