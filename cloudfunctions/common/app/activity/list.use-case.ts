// activity.list: the activity square, filtered by region, category, phase, keyword and team, newest first,
// or by distance from `near` (离我最近: a geo query on the activities' point, paged by the database).
import type { ActivityListInput, ActivityListOutput } from '@contract/activity';
import type { Ctx } from '../../handler';
import { activityFilter, pageActivities, pageActivitiesNear } from '../../db/activity.repository';
import { distanceM } from '../../domain/geo';
import { listItem } from './activity-view';

export async function list(input: ActivityListInput, ctx: Ctx): Promise<ActivityListOutput> {
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const filter = { regionCode: input.regionCode, category: input.category, phase: input.phase, keyword: input.keyword, orgId: input.orgId };
  const near = input.near;
  if (!near) {
    const { items, total } = await pageActivities(
      activityFilter(filter, ctx.now),
      [
        ['startAt', 'desc'],
        ['_id', 'asc'],
      ],
      page,
      pageSize,
    );
    return { items: items.map((a) => listItem(a, ctx.now)), total, page };
  }
  // Near me: what one can still go to, unless a phase is asked for; each with its distance in whole metres.
  const { items, total } = await pageActivitiesNear(activityFilter({ ...filter, notEnded: !input.phase }, ctx.now), near, page, pageSize);
  return { items: items.map((a) => listItem(a, ctx.now, distanceM(near, a.location))), total, page };
}
