// activity.published: a team's activities for its managers and those of the teams above it, with counts, by phase
// (活动中, 报名中, upcoming, ended, cancelled: domain/square-order.ts publishedGroups), each by start time (what is
// ahead soonest first, what is over or cancelled latest first). Ordered on the server so that paging stays exact.
import type { ActivityPublishedInput, ActivityPublishedOutput } from '@contract/activity';
import { requireOpenid, type Ctx } from '../../handler';
import { publishedGroups } from '../../domain/square-order';
import { requireReader } from '../access';
import { listItem } from './activity-view';
import { groupedPage } from './grouped-page';

export async function published(input: ActivityPublishedInput, ctx: Ctx): Promise<ActivityPublishedOutput> {
  const openid = requireOpenid(ctx);
  await requireReader(openid, input.orgId, '只有本队及上级队伍的负责人、管理员可以查看');
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const { items, total } = await groupedPage(publishedGroups(input.phase), { orgId: input.orgId }, { now: ctx.now, page, pageSize });
  return { items: items.map((a) => listItem(a, ctx.now)), total, page };
}
