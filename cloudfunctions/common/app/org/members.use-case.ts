// org.members: a team's memberships, newest first, for its managers and the managers of its ancestors; searched by name
// or phone and filtered by role, join dates and recent activity, each with the time served with the team this year.
import type { OrgMembersInput, OrgMembersOutput } from '@contract/org';
import { requireOpenid, type Ctx } from '../../handler';
import { requireReadableOrg } from '../access';
import { teamMemberViews } from './member-view';
import { findMembersPage } from './member-search';

export async function listMembers(input: OrgMembersInput, ctx: Ctx): Promise<OrgMembersOutput> {
  const openid = requireOpenid(ctx);
  const { org } = await requireReadableOrg(openid, input.orgId, '只有本队及上级队伍的负责人、管理员可以查看队员');
  const page = input.page ?? 1;
  const { items, total } = await findMembersPage(org._id, input, ctx.now, page, input.pageSize ?? 20);
  return { items: await teamMemberViews(org._id, items, ctx.now), total, page };
}
