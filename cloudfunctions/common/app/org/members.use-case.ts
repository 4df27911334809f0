// org.members: a team's memberships, newest first, for its managers and the managers of its ancestors.
import type { OrgMembersInput, OrgMembersOutput } from '../../../../types/org';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { database } from '../../cloud';
import { C } from '../../db/collections';
import { unwrap } from '../../db/db-result';
import { managerGrants, type MembershipDoc } from '../../db/org.repository';
import { canRead } from '../../domain/org-access';
import { requireOrg } from './org-lookup';
import { memberViews } from './member-view';

export async function listMembers(input: OrgMembersInput, ctx: Ctx): Promise<OrgMembersOutput> {
  const openid = requireOpenid(ctx);
  const [org, grants] = await Promise.all([requireOrg(input.orgId), managerGrants(openid)]);
  if (!canRead(grants, org)) throw new AppError(ErrorCode.AUTH_FORBIDDEN, '只有本队及上级队伍的负责人、管理员可以查看队员');
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const where = input.status ? { orgId: org._id, status: input.status } : { orgId: org._id };
  const coll = database().collection(C.memberships);
  const [list, count] = await Promise.all([
    unwrap(coll.where(where).orderBy('appliedAt', 'desc').orderBy('_id', 'asc').skip((page - 1) * pageSize).limit(pageSize).get()),
    unwrap(coll.where(where).count()),
  ]);
  return { items: await memberViews(list.data as MembershipDoc[]), total: count.total, page };
}
