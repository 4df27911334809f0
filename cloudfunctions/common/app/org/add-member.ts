// Adds a volunteer to a team as an approved member (collective import, invitations), within the 5-team limit.
import { AppError, ErrorCode } from '../../errors';
import { database } from '../../cloud';
import { C } from '../../db/collections';
import { isDuplicateWrite, unwrap } from '../../db/db-result';
import { membershipId, membershipsOf } from '../../db/org.repository';
import { MEMBERSHIP_LIMIT, isLive } from '../../domain/membership';

export async function addApprovedMember(openid: string, orgId: string, at: Date): Promise<void> {
  const existing = await membershipsOf(openid);
  const same = existing.find((m) => m.orgId === orgId);
  if (same && same.status === 'approved') return;
  if (!same || !isLive(same)) {
    if (existing.filter(isLive).length >= MEMBERSHIP_LIMIT) throw new AppError(ErrorCode.ORG_MEMBERSHIP_LIMIT, '该志愿者已加入5支队伍');
  }
  const id = membershipId(orgId, openid);
  const coll = database().collection(C.memberships);
  if (same) {
    await unwrap(coll.doc(id).update({ status: 'approved', role: same.role === 'leader' ? 'leader' : 'member', reviewedAt: at }));
    return;
  }
  try {
    await unwrap(coll.add({ _id: id, orgId, openid, status: 'approved', role: 'member', appliedAt: at, reviewedAt: at }));
  } catch (err) {
    if (!isDuplicateWrite(err)) throw err;
    await unwrap(coll.doc(id).update({ status: 'approved', reviewedAt: at }));
  }
}
