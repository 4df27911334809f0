// org.memberPhone (成员管理's 拨打): a member's full phone for the leader and admins of that very team (managers of the
// teams above read the list, masked, and call through the team); every reveal is written to the audit log first.
import type { OrgMemberPhoneInput, OrgMemberPhoneOutput } from '@contract/org';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { findMembership, membershipId } from '../../db/org.repository';
import { findVolunteer } from '../../db/volunteer.repository';
import { appendAudit } from '../../db/audit.repository';
import { openPhone } from '../../adapters/pii-cipher';
import { requireManagedOrg } from '../access';

export async function memberPhone(input: OrgMemberPhoneInput, ctx: Ctx): Promise<OrgMemberPhoneOutput> {
  const openid = requireOpenid(ctx);
  const { org } = await requireManagedOrg(openid, input.orgId, '只有本队负责人或管理员可以拨打队员电话');
  const [membership, volunteer] = await Promise.all([findMembership(membershipId(org._id, input.openid)), findVolunteer(input.openid)]);
  // A member or an applicant; not someone rejected or removed, nor a withdrawn account (its phone is gone).
  if (!membership || !['approved', 'pending'].includes(membership.status) || !volunteer || volunteer.withdrawnAt || !volunteer.phoneEnc)
    throw new AppError(ErrorCode.ORG_MEMBER_NOT_FOUND);
  // Audited before the number leaves: a reveal that cannot be recorded does not happen.
  await appendAudit({ kind: 'phone.revealed', actor: openid, subject: input.openid, orgId: org._id, at: ctx.now });
  return { realName: volunteer.realName, phone: openPhone(volunteer) };
}
