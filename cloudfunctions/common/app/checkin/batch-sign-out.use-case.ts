// checkin.batchSignOut: the team's leader/admins close every day still open at a time they give (volunteers who
// forgot to sign out), each with an audit entry; their own open day is left for another manager (four-eyes).
import type { CheckinBatchSignOutInput, CheckinBatchSignOutOutput } from '@contract/checkin';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { recordsOfDay } from '../../db/checkin.repository';
import { shanghaiDate } from '../../domain/shanghai-time';
import { requireManager } from '../access';
import { refuseDayChangesIfCancelled, requireActivity } from '../activity/activity-lookup';
import { adjustRecord } from './adjust-record';

export async function batchSignOut(input: CheckinBatchSignOutInput, ctx: Ctx): Promise<CheckinBatchSignOutOutput> {
  const admin = requireOpenid(ctx);
  const activity = await requireActivity(input.activityId);
  await requireManager(admin, activity.orgId);
  refuseDayChangesIfCancelled(activity);
  const at = new Date(input.at);
  if (shanghaiDate(at) !== input.date) throw new AppError(ErrorCode.VALIDATION, '签退时间须在该服务日当天');
  if (at.getTime() > ctx.now.getTime()) throw new AppError(ErrorCode.VALIDATION, '不能填写未来的时间');
  const open = (await recordsOfDay(activity._id, input.date)).filter(
    (r) => r.signInAt && !r.signOutAt && new Date(r.signInAt).getTime() < at.getTime(),
  );
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
