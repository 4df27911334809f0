// What an upheld 身份冲突 appeal does to the account that held the number, beyond the transaction that froze it: its
// team roles grant nothing (memberships marked, records unchanged) and its seats in activities still to come or under
// way go to the waitlist, so it can neither manage, enroll, sign in nor be certified. Past records stay as they are.
import { changeWaitlistCount, enrollmentsOf, findActivitiesByIds, LIVE_ENROLLMENT, updateEnrollmentIf } from '../../db/activity.repository';
import { freezeMembershipsOf } from '../../db/org.repository';
import { passSeat } from '../activity/waitlist-promotion';

export async function freezeAccountEffects(openid: string, at: Date): Promise<void> {
  // managerGrants ignores memberships marked frozen (db/org.repository).
  await freezeMembershipsOf(openid);
  const live = (await enrollmentsOf(openid)).filter((e) => LIVE_ENROLLMENT.includes(e.status));
  if (live.length === 0) return;
  const activities = new Map((await findActivitiesByIds([...new Set(live.map((e) => e.activityId))])).map((a) => [a._id, a]));
  for (const e of live) {
    const a = activities.get(e.activityId);
    // An ended or cancelled activity keeps the enrollment as the record of what happened.
    if (!a || a.status === 'cancelled' || new Date(a.endAt) <= at) continue;
    if (!(await updateEnrollmentIf(e._id, e.status, { status: 'cancelled', cancelledAt: at, cancelledFor: 'identityAppeal' }))) continue;
    if (e.status === 'waitlisted') await changeWaitlistCount(a._id, -1);
    else await passSeat(a, at);
  }
}
