// What the org use cases share: load a team or a membership, or answer with the code the contract names.
import { AppError, ErrorCode } from '../../errors';
import { findMembership, findOrg, type MembershipDoc, type OrgDoc } from '../../db/org.repository';

export async function requireOrg(orgId: string): Promise<OrgDoc> {
  const org = await findOrg(orgId);
  if (!org) throw new AppError(ErrorCode.ORG_NOT_FOUND);
  return org;
}

/** The membership `memberId` of this very team (an id of another team is treated as unknown). */
export async function requireMembershipIn(org: OrgDoc, memberId: string): Promise<MembershipDoc> {
  const m = await findMembership(memberId);
  if (!m || m.orgId !== org._id) throw new AppError(ErrorCode.VALIDATION, '该队员记录不存在', { memberId });
  return m;
}

export const alreadyReviewed = () => new AppError(ErrorCode.VALIDATION, '该申请已审核，请刷新后查看');
