// Makes a volunteer who accepted a team's invitation an approved member, within the 5-team limit.
import { AppError, ErrorCode } from '../../errors';
import {
  findMembership,
  insertMembership,
  membershipId,
  releaseMembershipSlot,
  takeMembershipSlot,
  updateMembershipIf,
  type MembershipDoc,
} from '../../db/org.repository';

export async function addApprovedMember(
  openid: string,
  orgId: string,
  invitation: { invitedAt: Date; invitedBy: string },
  at: Date,
): Promise<MembershipDoc> {
  const id = membershipId(orgId, openid);
  const same = await findMembership(id);
  const approved = (m: MembershipDoc): MembershipDoc => ({ ...m, status: 'approved', reviewedAt: at, reviewedBy: invitation.invitedBy });
  if (same?.status === 'approved') return same;
  if (same?.status === 'pending') {
    // Their own application holds a place already: the team's invitation and their acceptance approve it.
    if (await updateMembershipIf(id, { status: 'pending' }, { status: 'approved', reviewedAt: at, reviewedBy: invitation.invitedBy }))
      return approved(same);
    throw new AppError(ErrorCode.VALIDATION, '队员状态已变化，请刷新后重试');
  }
  if (same?.status === 'removed') throw new AppError(ErrorCode.AUTH_FORBIDDEN, '您已被该队伍清退，如需重新加入请联系队伍负责人');
  if (!(await takeMembershipSlot(openid)))
    throw new AppError(ErrorCode.ORG_MEMBERSHIP_LIMIT, '您已加入或申请了5支队伍，请先退出一支再接受邀请');
  const doc: MembershipDoc = {
    _id: id,
    orgId,
    openid,
    status: 'approved',
    role: 'member',
    appliedAt: invitation.invitedAt,
    reviewedAt: at,
    reviewedBy: invitation.invitedBy,
  };
  try {
    const written = same
      ? await updateMembershipIf(
          id,
          { status: same.status },
          { status: 'approved', role: 'member', appliedAt: doc.appliedAt, reviewedAt: at, reviewedBy: doc.reviewedBy },
          ['reason'],
        )
      : await insertMembership(doc);
    if (!written) throw new AppError(ErrorCode.ORG_ALREADY_MEMBER);
  } catch (err) {
    await releaseMembershipSlot(openid);
    throw err;
  }
  return doc;
}
