// One page of activities in an order of groups (domain/square-order.ts): each group counted (in parallel), then only
// the groups the page reaches are read, each by start time or by distance. The database has no "order by phase", so
// this is the fewest queries that keep paging exact: one count per group and one read per group the page touches.
import type { GeoPoint } from '@contract/activity';
import { activityFilter, countActivities, sliceActivities, type ActivityDoc, type ActivityFilter } from '../../db/activity.repository';
import { pageSlices, type SquareGroup } from '../../domain/square-order';

export async function groupedPage(
  groups: SquareGroup[],
  filter: Omit<ActivityFilter, 'phase' | 'phases'>,
  opts: { now: Date; page: number; pageSize: number; near?: GeoPoint },
): Promise<{ items: ActivityDoc[]; total: number }> {
  const { now, page, pageSize, near } = opts;
  const wheres = groups.map((g) => activityFilter({ ...filter, phases: g.phases }, now));
  const counts = await Promise.all(wheres.map((where) => countActivities(where, { withPoint: Boolean(near) })));
  const parts = await Promise.all(
    pageSlices(counts, page, pageSize).map(({ group, skip, limit }) => {
      const order = near
        ? { near }
        : ([
            ['startAt', groups[group].startAt],
            ['_id', 'asc'],
          ] as [string, 'asc' | 'desc'][]);
      return sliceActivities(wheres[group], order, skip, limit);
    }),
  );
  return { items: parts.flat(), total: counts.reduce((n, c) => n + c, 0) };
}
