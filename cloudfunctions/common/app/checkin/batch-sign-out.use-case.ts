// checkin.batchSignOut: the team's leader/admins close every day still open at a time they give (volunteers who
// forgot to sign out), each with an audit entry; their own open day is left for another manager (four-eyes). The
// answer names whom it signed out and every open day it left alone, with the reason.
import { BATCH_SKIP_REASONS, type BatchSkipReason, type CheckinBatchSignOutInput, type CheckinBatchSignOutOutput } from '@contract/checkin';
import { FUTURE_TIME_MESSAGE } from '@contract/time';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { recordsOfDay, type DayRecordDoc } from '../../db/checkin.repository';
import { contactsOf } from '../../db/org.repository';
import { shanghaiDate, toIso } from '../../domain/shanghai-time';
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
  if (at.getTime() > ctx.now.getTime()) throw new AppError(ErrorCode.VALIDATION, FUTURE_TIME_MESSAGE);
  const open = (await recordsOfDay(activity._id, input.date)).filter((r) => r.signInAt && !r.signOutAt);
  const skipped: { record: DayRecordDoc; reason: BatchSkipReason }[] = [];
  const closed: DayRecordDoc[] = [];
  for (const r of open) {
    // Four-eyes: the caller's own open day is left for another manager (checkin.adjust).
    if (r.openid === admin) skipped.push({ record: r, reason: 'own' });
    else if (new Date(r.signInAt!).getTime() >= at.getTime()) skipped.push({ record: r, reason: 'signedInAfter' });
    else {
      const done = await adjustRecord({
        activity,
        openid: r.openid,
        date: input.date,
        signOutAt: at,
        reason: input.reason ?? '管理员批量签退（志愿者未签退）',
        by: admin,
        now: ctx.now,
        onlyIfOpen: true,
        kind: 'batch',
      });
      if (done) closed.push(r);
      else skipped.push({ record: r, reason: 'alreadyClosed' });
    }
  }
  const names = await contactsOf(open.map((r) => r.openid));
  const nameOf = (openid: string) => names.get(openid)?.realName ?? '';
  const byName = (a: string, b: string) => a.localeCompare(b, 'zh');
  return {
    closed: closed.length,
    skippedOwn: skipped.filter((s) => s.reason === 'own').length,
    closedNames: closed.map((r) => nameOf(r.openid)).sort(byName),
    skipped: skipped
      .map(({ record, reason }) => ({
        openid: record.openid,
        realName: nameOf(record.openid),
        reason,
        signInAt: record.signInAt ? toIso(new Date(record.signInAt)) : undefined,
      }))
      .sort((a, b) => BATCH_SKIP_REASONS.indexOf(a.reason) - BATCH_SKIP_REASONS.indexOf(b.reason) || byName(a.realName, b.realName)),
  };
}
