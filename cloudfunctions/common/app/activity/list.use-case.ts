// activity.list: the activity square, filtered by region, category, phase, keyword and team. The default tab (no
// phase) follows the square's order (domain/square-order.ts): ongoing, recruiting, closed, then over or cancelled, each
// by start time, or with `near` (附近) by distance within each group, leaving out what is over. A phase asked for lists
// that phase alone, newest first, or nearest first with `near`.
import type { ActivityListInput, ActivityListOutput } from '@contract/activity';
import type { Ctx } from '../../handler';
import { activityFilter, countActivities, pageActivities, pageActivitiesNear, sliceActivities } from '../../db/activity.repository';
import { distanceM } from '../../domain/geo';
import { pageSlices, squareGroups } from '../../domain/square-order';
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

  // The default tab: each group counted (in parallel), then only the groups this page reaches are read.
  const groups = squareGroups({ near: Boolean(near) }).map((g) => ({
    ...g,
    where: activityFilter({ ...filter, phases: g.phases }, ctx.now),
  }));
  const counts = await Promise.all(groups.map((g) => countActivities(g.where, { withPoint: Boolean(near) })));
  const slices = pageSlices(counts, page, pageSize);
  const parts = await Promise.all(
    slices.map(({ group, skip, limit }) => {
      const g = groups[group];
      const order = near
        ? { near }
        : ([
            ['startAt', g.startAt],
            ['_id', 'asc'],
          ] as [string, 'asc' | 'desc'][]);
      return sliceActivities(g.where, order, skip, limit);
    }),
  );
  return { items: view(parts.flat()), total: counts.reduce((n, c) => n + c, 0), page };
}
