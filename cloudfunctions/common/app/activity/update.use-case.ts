// activity.update: the team's leader/admins edit an activity that has not ended. The schedule rules are checked on
// the merged result; the capacity never goes below the enrolled count (conditional update), a raise moves the
// waitlist up, and enrolled/waitlisted volunteers are told when the time or the place changed.
import { scheduleIssues, type ActivityOutput, type ActivityUpdateInput } from '@contract/activity';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { enrollmentsIn, findActivity, recordedDates, updatePublishedActivity, type ActivityDoc } from '../../db/activity.repository';
import { activitySpan, phaseAt } from '../../domain/activity-phase';
import { recordedDaysOutside } from '../../domain/activity-dates';
import { toIso } from '../../domain/shanghai-time';
import { requireManager } from '../access';
import { refuseIfCancelled, requireActivity } from './activity-lookup';
import { activityView } from './activity-view';
import { notifyActivityChanged } from './notify';
import { fillFreeSeats } from './waitlist-promotion';

/** What volunteers planned their day around, by the words a message uses. */
const NOTICED: [string, (a: ActivityDoc) => string][] = [
  ['时间', (a) => `${a.startDate}|${a.endDate}|${a.dailyStart}|${a.dailyEnd}`],
  ['地点', (a) => `${a.address}|${a.location.lat},${a.location.lng}`],
];

/** Days already recorded (sign-ins kept in checkin_days) stay inside the activity: re-dating may not orphan them. */
async function keepRecordedDays(activityId: string, span: { startDate: string; endDate: string }): Promise<void> {
  const recorded = await recordedDates(activityId);
  const outside = recordedDaysOutside(recorded, span);
  if (outside) throw new AppError(ErrorCode.VALIDATION, outside, { recordedFrom: recorded?.first, recordedTo: recorded?.last });
}

function belowEnrolled(enrolledCount: number): AppError {
  return new AppError(ErrorCode.ACTIVITY_CAPACITY_BELOW_ENROLLED, `已有${enrolledCount}人报名，招募人数不能少于${enrolledCount}`, {
    enrolledCount,
  });
}

export async function update(input: ActivityUpdateInput, ctx: Ctx): Promise<ActivityOutput> {
  const openid = requireOpenid(ctx);
  const now = ctx.now;
  const { activityId, ...given } = input;
  const fields = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as Omit<ActivityUpdateInput, 'activityId'>;
  let a = await requireActivity(activityId);
  await requireManager(openid, a.orgId, '只有本队负责人或管理员可以修改活动');

  for (let attempt = 0; ; attempt++) {
    refuseIfCancelled(a);
    if (phaseAt(a, now) === 'ended') throw new AppError(ErrorCode.VALIDATION, '活动已结束，不能修改');
    const schedule = {
      startDate: fields.startDate ?? a.startDate,
      endDate: fields.endDate ?? a.endDate,
      dailyStart: fields.dailyStart ?? a.dailyStart,
      dailyEnd: fields.dailyEnd ?? a.dailyEnd,
      signupStartAt: fields.signupStartAt ?? toIso(a.signupStartAt),
      signupEndAt: fields.signupEndAt ?? toIso(a.signupEndAt),
    };
    const issues = scheduleIssues(schedule);
    if (issues.length > 0) throw new AppError(ErrorCode.VALIDATION, issues[0].message, { issues });
    if (schedule.startDate !== a.startDate || schedule.endDate !== a.endDate) await keepRecordedDays(a._id, schedule);
    if (fields.capacity !== undefined && fields.capacity < a.enrolledCount) throw belowEnrolled(a.enrolledCount);

    const patch = {
      ...fields,
      signupStartAt: new Date(schedule.signupStartAt),
      signupEndAt: new Date(schedule.signupEndAt),
      ...activitySpan(schedule),
      updatedAt: now,
    };
    // Conditional on the capacity still holding everyone enrolled: a seat taken meanwhile is counted.
    if (await updatePublishedActivity(a._id, patch, fields.capacity)) {
      return { activity: activityView(await afterUpdate(a, { ...a, ...patch }, now), { showContact: true }) };
    }
    const fresh = await findActivity(a._id);
    if (!fresh) throw new AppError(ErrorCode.ACTIVITY_NOT_FOUND);
    if (attempt >= 1) {
      refuseIfCancelled(fresh);
      throw belowEnrolled(fresh.enrolledCount);
    }
    a = fresh;
  }
}

/** Waitlist promotions for a raised capacity, notices for a changed time or place; answers the activity as it is now. */
async function afterUpdate(before: ActivityDoc, after: ActivityDoc, now: Date): Promise<ActivityDoc> {
  const promoted = after.capacity > before.capacity ? await fillFreeSeats(after, now, { queueFirst: true }) : [];
  const changed = NOTICED.filter(([, key]) => key(before) !== key(after)).map(([word]) => word);
  if (changed.length > 0) {
    const people = await enrollmentsIn(after._id);
    await notifyActivityChanged(
      people.map((e) => e.openid),
      after,
      changed.join('和'),
    );
  }
  if (promoted.length === 0) return after;
  return (await findActivity(after._id)) ?? after;
}
