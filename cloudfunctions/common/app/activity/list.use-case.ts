// activity.list: the activity square, filtered by region, category, phase, keyword and team. The default tab (no
// phase, 全部) follows the square's order (domain/square-order.ts): ongoing, recruiting, closed, then over, each by start
// time, or with `near` (附近) by distance within each group, leaving out what is over; cancelled ones are not in 全部. A phase asked for lists
// that phase alone, newest first, or nearest first with `near`.
import type { ActivityListInput, ActivityListOutput } from '@contract/activity';
import type { Ctx } from '../../handler';
import { activityFilter, pageActivities, pageActivitiesNear } from '../../db/activity.repository';
import { distanceM } from '../../domain/geo';
import { squareGroups } from '../../domain/square-order';
import { groupedPage } from './grouped-page';
import { listItem } from './activity-view';

export async function list(input: ActivityListInput, ctx: Ctx): Promise<ActivityListOutput> {
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const filter = { regionCode: input.regionCode, category: input.category, keyword: input.keyword, orgId: input.orgId };
  const near = input.near;
  const view = (items: Parameters<typeof listItem>[0][]) =>
    items.map((a) => listItem(a, ctx.now, near ? distanceM(near, a.location) : undefined));

  if (input.phase) {
    const where = activityFilter({ ...filter, phase: input.phase }, ctx.now);
    const { items, total } = near
      ? await pageActivitiesNear(where, near, page, pageSize)
      : await pageActivities(
          where,
          [
            ['startAt', 'desc'],
            ['_id', 'asc'],
          ],
          page,
          pageSize,
        );
    return { items: view(items), total, page };
  }

  // The default tab: the groups in order, cancelled ones left out (app/activity/grouped-page.ts).
  const { items, total } = await groupedPage(squareGroups({ near: Boolean(near) }), filter, { now: ctx.now, page, pageSize, near });
  return { items: view(items), total, page };
}
