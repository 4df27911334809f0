// Admin tools of a day: the roster (who is in, who is out, which scans to look at), batch sign-out, and 补录/adjust
// with a reason; nobody closes or adjusts their own day.
import type {
  CheckinAdjustInput,
  CheckinBatchSignOutInput,
  CheckinBatchSignOutOutput,
  CheckinRosterInput,
  CheckinRosterOutput,
  RecordOutput,
} from '../../../../types/checkin';
import { maskPhone } from '../../../../types/id-number';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { database } from '../../cloud';
import { C } from '../../db/collections';
import type { EnrollmentDoc } from '../../db/activity.repository';
import { pageAll, recordsOfDay } from '../../db/checkin.repository';
import { contactsOf } from '../../db/org.repository';
import { shanghaiDate, toIso } from '../../domain/shanghai-time';
import { refuseIfCancelled, requireActivity, requireDecider, requireManager, requireReader } from './access';
import { adjustRecord } from './adjust';
import { recordView } from './record-view';

const iso = (d: Date | undefined) => (d ? toIso(new Date(d)) : undefined);

export async function roster(input: CheckinRosterInput, ctx: Ctx): Promise<CheckinRosterOutput> {
  const openid = requireOpenid(ctx);
  const activity = await requireActivity(input.activityId);
  await requireReader(openid, activity.orgId);
  const [enrolled, records] = await Promise.all([
    pageAll<EnrollmentDoc>((skip) => database().collection(C.enrollments).where({ activityId: activity._id, status: 'enrolled' }).orderBy('queuedAt', 'asc').skip(skip).limit(1000).get()),
    recordsOfDay(activity._id, input.date),
  ]);
  const byOpenid = new Map(records.map((r) => [r.openid, r]));
  // Someone adjusted in after cancelling still appears: the record is the truth of the day.
  const people = [...new Set([...enrolled.map((e) => e.openid), ...records.map((r) => r.openid)])];
  const contacts = await contactsOf(people);
  const rows = people.map((id) => {
    const r = byOpenid.get(id);
    const c = contacts.get(id);
    return {
      openid: id,
      realName: c?.realName ?? '',
      phoneMasked: c ? maskPhone(c.phone) : '',
      signInAt: iso(r?.signInAt),
      signOutAt: iso(r?.signOutAt),
      minutes: r?.minutes ?? 0,
      status: r ? r.status : ('absent' as const),
      adjustments: r ? recordView(r).adjustments : [],
      flags: r?.flags ?? [],
    };
  });
  const order = { open: 0, closed: 1, adjusted: 1, absent: 2 } as const;
  return rows.sort((a, b) => order[a.status] - order[b.status] || a.realName.localeCompare(b.realName, 'zh'));
}

export async function batchSignOut(input: CheckinBatchSignOutInput, ctx: Ctx): Promise<CheckinBatchSignOutOutput> {
  const admin = requireOpenid(ctx);
  const activity = await requireActivity(input.activityId);
  await requireManager(admin, activity.orgId);
  refuseIfCancelled(activity);
  const at = new Date(input.at);
  if (shanghaiDate(at) !== input.date) throw new AppError(ErrorCode.VALIDATION, '签退时间须在该服务日当天');
  if (at.getTime() > ctx.now.getTime()) throw new AppError(ErrorCode.VALIDATION, '不能填写未来的时间');
  const open = (await recordsOfDay(activity._id, input.date)).filter((r) => r.signInAt && !r.signOutAt && new Date(r.signInAt).getTime() < at.getTime());
  // Four-eyes: the caller's own open day is left for another manager (checkin.adjust), and counted in the answer.
  const others = open.filter((r) => r.openid !== admin);
  let closed = 0;
  for (const r of others) {
    const done = await adjustRecord({
      activity,
      openid: r.openid,
      date: input.date,
      signOutAt: at,
      reason: input.reason ?? '管理员批量签退（志愿者未签退）',
      by: admin,
      now: ctx.now,
      onlyIfOpen: true,
    });
    if (done) closed++;
  }
  return { closed, skippedOwn: open.length - others.length };
}

export async function adjust(input: CheckinAdjustInput, ctx: Ctx): Promise<RecordOutput> {
  const admin = requireOpenid(ctx);
  const activity = await requireActivity(input.activityId);
  await requireDecider(admin, activity.orgId, input.openid);
  refuseIfCancelled(activity);
  const record = await adjustRecord({
    activity,
    openid: input.openid,
    date: input.date,
    signInAt: input.signInAt ? new Date(input.signInAt) : undefined,
    signOutAt: input.signOutAt ? new Date(input.signOutAt) : undefined,
    reason: input.reason,
    by: admin,
    now: ctx.now,
  });
  if (!record) throw new AppError(ErrorCode.INTERNAL);
  return { record: recordView(record) };
}
