// activity.mine: the activities the caller enrolled in (or waits for), with their enrollment, where each stands for
// them (待参加/进行中/已完成/已取消) and their credited minutes. A cancelled activity stays listed so the volunteer
// sees it was called off; the 已取消 tab also lists the enrollments they cancelled. A volunteer has few: filtered
// and paged in memory (three reads: enrollments, their activities, the volunteer's day records).
import type { ActivityMineInput, ActivityMineOutput } from '@contract/activity';
import { requireOpenid, type Ctx } from '../../handler';
import { enrollmentsOf, findActivitiesByIds } from '../../db/activity.repository';
import { recordsOf } from '../../db/checkin.repository';
import { myActivityState, phaseAt } from '../../domain/activity-phase';
import { enrollmentWithPlace, listItem } from './activity-view';

export async function mine(input: ActivityMineInput, ctx: Ctx): Promise<ActivityMineOutput> {
  const openid = requireOpenid(ctx);
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const [enrollments, records] = await Promise.all([enrollmentsOf(openid), recordsOf(openid, {})]);
  const activities = new Map((await findActivitiesByIds(enrollments.map((e) => e.activityId))).map((a) => [a._id, a]));
  const minutes = new Map<string, number>();
  for (const r of records) minutes.set(r.activityId, (minutes.get(r.activityId) ?? 0) + r.minutes);
  const rows = enrollments
    .flatMap((e) => {
      const a = activities.get(e.activityId);
      if (!a) return [];
      const phase = phaseAt(a, ctx.now);
      const state = myActivityState(phase, e.status);
      const listed = e.status !== 'cancelled' || a.status === 'cancelled' || input.state === 'cancelled';
      return listed ? [{ a, e, phase, state }] : [];
    })
    .filter((r) => (!input.phase || r.phase === input.phase) && (!input.state || r.state === input.state))
    // What is still ahead, soonest first; everything else newest first.
    .sort((x, y) =>
      input.state === 'upcoming'
        ? x.a.startAt.getTime() - y.a.startAt.getTime() || (x.a._id < y.a._id ? -1 : 1)
        : y.a.startAt.getTime() - x.a.startAt.getTime() || (x.a._id < y.a._id ? -1 : 1),
    );
  const items = await Promise.all(
    rows.slice((page - 1) * pageSize, page * pageSize).map(async ({ a, e, state }) => ({
      ...listItem(a, ctx.now),
      enrollment: await enrollmentWithPlace(e),
      myState: state,
      myMinutes: a.status === 'cancelled' ? 0 : (minutes.get(a._id) ?? 0),
    })),
  );
  return { items, total: rows.length, page };
}
