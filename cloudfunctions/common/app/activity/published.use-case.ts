// activity.published: a team's activities for its managers and those of the teams above it, newest first, with counts.
import type { ActivityPublishedInput, ActivityPublishedOutput } from '@contract/activity';
import { requireOpenid, type Ctx } from '../../handler';
import { activityFilter, pageActivities } from '../../db/activity.repository';
import { requireReader } from '../access';
import { listItem } from './activity-view';

export async function published(input: ActivityPublishedInput, ctx: Ctx): Promise<ActivityPublishedOutput> {
  const openid = requireOpenid(ctx);
  await requireReader(openid, input.orgId, '只有本队及上级队伍的负责人、管理员可以查看');
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const where = activityFilter({ orgId: input.orgId, phase: input.phase }, ctx.now);
  const { items, total } = await pageActivities(
    where,
    [
      ['createdAt', 'desc'],
      ['_id', 'asc'],
    ],
    page,
    pageSize,
  );
  return { items: items.map((a) => listItem(a, ctx.now)), total, page };
}
