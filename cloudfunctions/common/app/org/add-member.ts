// Adds a volunteer to a team as an approved member (集体注册 of someone already registered), within the 5-team limit.
import { AppError, ErrorCode } from '../../errors';
import { database } from '../../cloud';
import { C } from '../../db/collections';
import { isDuplicateWrite, unwrap } from '../../db/db-result';
import { findMembership, membershipId, releaseMembershipSlot, takeMembershipSlot, updateMembershipIf } from '../../db/org.repository';
import { isLive } from '../../domain/membership';

export async function addApprovedMember(openid: string, orgId: string, at: Date): Promise<void> {
  const id = membershipId(orgId, openid);
  const same = await findMembership(id);
  if (same && isLive(same)) {
    // Already holds a place in this team: an import approves a pending application.
    if (same.status === 'pending') await updateMembershipIf(id, { status: 'pending' }, { status: 'approved', reviewedAt: at });
    return;
  }
  if (same?.status === 'removed') throw new AppError(ErrorCode.AUTH_FORBIDDEN, '该志愿者已被本队清退，不能再导入');
  if (!(await takeMembershipSlot(openid))) throw new AppError(ErrorCode.ORG_MEMBERSHIP_LIMIT, '该志愿者已加入5支队伍');
  try {
    if (same) {
      if (!(await updateMembershipIf(id, { status: same.status }, { status: 'approved', role: 'member', reviewedAt: at }))) throw new AppError(ErrorCode.ORG_ALREADY_MEMBER);
    } else {
      await unwrap(database().collection(C.memberships).add({ _id: id, orgId, openid, status: 'approved', role: 'member', appliedAt: at, reviewedAt: at }));
    }
  } catch (err) {
    await releaseMembershipSlot(openid);
    if (isDuplicateWrite(err)) throw new AppError(ErrorCode.ORG_ALREADY_MEMBER);
    throw err;
  }
}
