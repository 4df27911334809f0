// activity.list: the activity square, filtered by region, category, phase, keyword and team, newest first,
// or by distance from `near` (no geo queries in the emulator: distances are computed here over ≤ 1000 activities).
import { getDistance } from 'geolib';
import type { ActivityListInput, ActivityListOutput } from '../../../../types/activity';
import type { Ctx } from '../../handler';
import { activityFilter, pageActivities, someActivities } from '../../db/activity.repository';
import { listItem } from './activity-view';

export async function list(input: ActivityListInput, ctx: Ctx): Promise<ActivityListOutput> {
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const filter = { regionCode: input.regionCode, category: input.category, phase: input.phase, keyword: input.keyword, orgId: input.orgId };
  const near = input.near;
  if (!near) {
    const { items, total } = await pageActivities(activityFilter(filter, ctx.now), [['startAt', 'desc'], ['_id', 'asc']], page, pageSize);
    return { items: items.map((a) => listItem(a, ctx.now)), total, page };
  }
  // Near me: what one can still go to, unless a phase is asked for.
  const candidates = await someActivities(activityFilter({ ...filter, notEnded: !input.phase }, ctx.now));
  const sorted = candidates
    .map((a) => ({ a, d: getDistance({ latitude: near.lat, longitude: near.lng }, { latitude: a.location.lat, longitude: a.location.lng }) }))
    .sort((x, y) => x.d - y.d || (x.a._id < y.a._id ? -1 : 1));
  return { items: sorted.slice((page - 1) * pageSize, page * pageSize).map(({ a, d }) => listItem(a, ctx.now, Math.round(d))), total: sorted.length, page };
}
