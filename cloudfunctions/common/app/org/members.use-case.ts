// org.members: a team's memberships, newest first, for its managers and the managers of its ancestors.
import type { OrgMembersInput, OrgMembersOutput } from '@contract/org';
import { requireOpenid, type Ctx } from '../../handler';
import { pageMemberships } from '../../db/org.repository';
import { requireReadableOrg } from '../access';
import { memberViews } from './member-view';

export async function listMembers(input: OrgMembersInput, ctx: Ctx): Promise<OrgMembersOutput> {
  const openid = requireOpenid(ctx);
  const { org } = await requireReadableOrg(openid, input.orgId, '只有本队及上级队伍的负责人、管理员可以查看队员');
  const page = input.page ?? 1;
  const { items, total } = await pageMemberships(org._id, input.status, page, input.pageSize ?? 20);
  return { items: await memberViews(items), total, page };
}
