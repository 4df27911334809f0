// org.join / org.leave: a volunteer applies to a team (at most 5 live teams, also under concurrent joins) or leaves it.
import type { MembershipOutput, OrgIdInput } from '@contract/org';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { inTransaction } from '../../db/unit-of-work';
import { requireVolunteer } from '../../db/volunteer.repository';
import {
  findMembership,
  findOrg,
  insertMembership,
  membershipId,
  releaseMembershipSlot,
  takeMembershipSlot,
  updateMembershipIf,
  type MembershipDoc,
} from '../../db/org.repository';
import { isLive } from '../../domain/membership';
import { membershipView } from './org-view';

export async function joinOrg(input: OrgIdInput, ctx: Ctx): Promise<MembershipOutput> {
  const openid = requireOpenid(ctx);
  await requireVolunteer(openid);
  const org = await findOrg(input.orgId);
  if (!org || org.status !== 'approved') throw new AppError(ErrorCode.ORG_NOT_FOUND);
  const id = membershipId(org._id, openid);
  const before = await findMembership(id);
  if (before && isLive(before)) throw new AppError(ErrorCode.ORG_ALREADY_MEMBER);
  if (before?.status === 'removed') throw new AppError(ErrorCode.AUTH_FORBIDDEN, '您已被该队伍清退，如需重新加入请联系队伍负责人');

  if (!(await takeMembershipSlot(openid))) throw new AppError(ErrorCode.ORG_MEMBERSHIP_LIMIT);
  const doc: MembershipDoc = { _id: id, orgId: org._id, openid, status: 'pending', role: 'member', appliedAt: ctx.now };
  // Re-applying after a rejection or leaving reuses the record, only from the state just read.
  const reapply = (from: MembershipDoc) =>
    updateMembershipIf(id, { status: from.status }, { status: 'pending', role: 'member', appliedAt: ctx.now }, [
      'reviewedAt',
      'reviewedBy',
      'reason',
    ]);
  let written: boolean;
  try {
    written = before ? await reapply(before) : await insertMembership(doc);
  } catch (err) {
    await releaseMembershipSlot(openid);
    throw err;
  }
  if (!written) {
    // A concurrent join of the same team got there first: give the slot back.
    await releaseMembershipSlot(openid);
    throw new AppError(ErrorCode.ORG_ALREADY_MEMBER);
  }
  return { membership: membershipView(doc) };
}

export async function leaveOrg(input: OrgIdInput, ctx: Ctx): Promise<MembershipOutput> {
  const openid = requireOpenid(ctx);
  const id = membershipId(input.orgId, openid);
  const m = await findMembership(id);
  if (!m || !isLive(m)) throw new AppError(ErrorCode.VALIDATION, '您不是该队伍的队员');
  if (m.role === 'leader') throw new AppError(ErrorCode.AUTH_FORBIDDEN, '负责人不能退出自己的队伍');
  const left: MembershipDoc = { ...m, status: 'left', reviewedAt: ctx.now };
  await inTransaction(async (uow) => {
    const current = await uow.membership(id);
    if (!current || current.status !== m.status || current.role !== m.role)
      throw new AppError(ErrorCode.VALIDATION, '队员状态已变化，请刷新后重试');
    await uow.updateMembership(id, { status: 'left', reviewedAt: ctx.now });
    await uow.releaseMembershipSlot(openid);
    if (m.status === 'approved' && m.role === 'admin') await uow.releaseAdminSlot(m.orgId);
  });
  return { membership: membershipView(left) };
}
