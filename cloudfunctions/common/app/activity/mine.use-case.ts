// activity.mine: the activities the caller enrolled in (or waits for), with their enrollment; a cancelled activity
// stays listed so the volunteer sees it was called off. A volunteer has few: filtered and paged in memory.
import type { ActivityMineInput, ActivityMineOutput } from '@contract/activity';
import { requireOpenid, type Ctx } from '../../handler';
import { enrollmentsOf, findActivitiesByIds } from '../../db/activity.repository';
import { phaseAt } from '../../domain/activity-phase';
import { enrollmentWithPlace, listItem } from './activity-view';

export async function mine(input: ActivityMineInput, ctx: Ctx): Promise<ActivityMineOutput> {
  const openid = requireOpenid(ctx);
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const enrollments = await enrollmentsOf(openid);
  const activities = new Map((await findActivitiesByIds(enrollments.map((e) => e.activityId))).map((a) => [a._id, a]));
  const rows = enrollments
    .flatMap((e) => {
      const a = activities.get(e.activityId);
      return a && (e.status !== 'cancelled' || a.status === 'cancelled') ? [{ a, e }] : [];
    })
    .filter(({ a }) => !input.phase || phaseAt(a, ctx.now) === input.phase)
    .sort((x, y) => y.a.startAt.getTime() - x.a.startAt.getTime() || (x.a._id < y.a._id ? -1 : 1));
  const items = await Promise.all(
    rows
      .slice((page - 1) * pageSize, page * pageSize)
      .map(async ({ a, e }) => ({ ...listItem(a, ctx.now), enrollment: await enrollmentWithPlace(e) })),
  );
  return { items, total: rows.length, page };
}
